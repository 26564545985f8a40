import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { graphqlSchema } from './graphql/schema.js';

/** `npm run schema:print`: write the GraphQL schema to api/schema.graphql (committed, reviewed). */
const sdl = printSchema(await graphqlSchema());
writeFileSync(new URL('./schema.graphql', import.meta.url), sdl + '\n');
console.log(`api/schema.graphql: ${sdl.split('\n').length} lines`);
