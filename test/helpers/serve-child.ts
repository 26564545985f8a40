/**
 * One API process of its own (as `npm start` forks them), for tests that kill it: serves the real app
 * over DATABASE_URL (the app role's URL) on a loopback port and prints `listening on <port>`.
 * Run with `node --import tsx test/helpers/serve-child.ts`.
 */
import 'reflect-metadata';
import { openOrm } from '../../api/db/orm.js';
import { createApp } from '../../api/server.js';

const orm = await openOrm(process.env.DATABASE_URL!, { poolMax: 4 });
const app = await createApp(orm);
const server = await app.listen(0, '127.0.0.1');
const address = server.address();
console.log(`listening on ${typeof address === 'object' && address ? address.port : address}`);
