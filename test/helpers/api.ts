import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { appDatabaseUrl, migrate, openOrm, type Orm } from '../../api/db/orm.js';
import { loadSeedsIfEmpty } from '../../api/db/seed.js';
import { createApp } from '../../api/server.js';
import { createTestDatabase } from './db.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export interface TestApi {
  base: string;
  url: string;
  orm: Orm;
  databaseUrl: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real app on a loopback port, over its own migrated (and by default seeded) database. */
export async function startTestApi(opts: { seed?: boolean; console?: string } = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  // as `npm start` does: migrations and seeds as the owner, the API as the least-privilege role
  const owner = await openOrm(db.url, { poolMax: 2 });
  await migrate(owner);
  if (opts.seed !== false) await loadSeedsIfEmpty(owner.em);
  await owner.close();
  const orm = await openOrm(await appDatabaseUrl(db.url), { poolMax: 4 });
  const { app, apollo } = await createApp(orm, { console: opts.console ?? false });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: `${base}/graphql`,
    orm,
    databaseUrl: db.url,
    async gql(query, variables, token) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse;
    },
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await apollo.stop();
      await orm.close();
      await db.drop();
    },
  };
}
