/** Bench child: the real API over DATABASE_URL on a loopback port; prints `ready <port>`. */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { openOrm } from '../../api/db/orm.js';
import { createApp } from '../../api/server.js';

const orm = await openOrm(process.env.DATABASE_URL!);
const { listen } = await createApp(orm);
const server = await listen(0, '127.0.0.1');
console.log(`ready ${(server.address() as AddressInfo).port}`);
