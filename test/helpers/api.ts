import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { appDatabaseUrl, migrate, openOrm, type Orm } from '../../api/db/orm.js';
import { loadSeedsIfEmpty } from '../../api/db/seed.js';
import { inject } from 'vitest';
import { createApp, type AppOptions } from '../../api/server.js';
import { createTestDatabase } from './db.js';
import { UserService } from '../../api/modules/user/user.service.js';

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
export async function startTestApi(opts: { seed?: boolean; console?: string; app?: Omit<AppOptions, 'console'> } = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  // as `npm start` does: migrations and seeds as the owner, the API as the least-privilege role
  const owner = await openOrm(db.url, { poolMax: 2 });
  await migrate(owner);
  if (opts.seed !== false) await loadSeedsIfEmpty(owner.em);
  await owner.close();
  const api = await serveApi(db.url, { ...opts.app, console: opts.console ?? false });
  return {
    ...api,
    async close() {
      await api.close();
      await db.drop();
    },
  };
}

/**
 * One more API process's worth over an existing database (as the app role): what a second process
 * of `npm start` is. Its `close()` leaves the database alone.
 */
export async function serveApi(databaseUrl: string, opts: AppOptions = {}): Promise<TestApi> {
  const orm = await openOrm(await appDatabaseUrl(databaseUrl, inject('appPassword')), { poolMax: 4 });
  const { listen, close } = await createApp(orm, { ...opts, console: opts.console ?? false });
  const server: Server = await listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: `${base}/graphql`,
    orm,
    databaseUrl,
    async gql(query, variables, token) {
      return (await graphqlAt(base, query, variables, token)).body;
    },
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await close();
      await orm.close();
    },
  };
}

/**
 * What a drafter does before submitting a clone (see review items): give it its own document number
 * when it still has its source's (or a published one's), then acknowledge every other blocking item
 * still open. Returns the draft's revision afterwards.
 */
export async function settleReviewItems(
  gql: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>,
  id: string,
  number?: string,
): Promise<number> {
  const read = async () => {
    const r = await gql(`query($id: ID!) { policyVersion(id: $id) { revision document reviewItems { key blocking settled acknowledgeable } } }`, { id });
    if (r.errors) throw new Error(r.errors[0]!.message);
    return r.data.policyVersion as { revision: number; document: any; reviewItems: { key: string; blocking: boolean; settled: boolean; acknowledgeable: boolean }[] };
  };
  let v = await read();
  if (v.reviewItems.some((i) => i.key === 'document-number' && !i.settled)) {
    const document = { ...v.document, metadata: { ...v.document.metadata, documentNumber: number ?? `${v.document.metadata.documentNumber}（${id.slice(0, 8)}）` } };
    const r = await gql(`mutation($id: ID!, $r: Int!, $d: JSON!) { updateDraft(id: $id, revision: $r, document: $d, comment: "新文号") { revision } }`, { id, r: v.revision, d: document });
    if (r.errors) throw new Error(r.errors[0]!.message);
    v = await read();
  }
  const keys = v.reviewItems.filter((i) => i.blocking && !i.settled && i.acknowledgeable).map((i) => i.key);
  if (keys.length) {
    const r = await gql(`mutation($id: ID!, $k: [String!]!) { acknowledgeReviewItems(id: $id, keys: $k, comment: "已核对") { id } }`, { id, k: keys });
    if (r.errors) throw new Error(r.errors[0]!.message);
  }
  return v.revision;
}

/** A user's session token, logged in over GraphQL; an error names why not. */
export async function loginToken(api: TestApi, username: string, password: string): Promise<string> {
  const r = await api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password });
  if (r.errors) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.data.login.token as string;
}

/** The admin of a test database (made with the password admin-password-1 if not there yet), logged in. */
export async function adminToken(api: TestApi): Promise<string> {
  await new UserService(api.orm.em.fork()).ensureAdmin('admin-password-1');
  return loginToken(api, 'admin', 'admin-password-1');
}

/** Users made by the admin over GraphQL, all with one password: [username, roles, jurisdictions by code or name]. */
export async function createUsers(api: TestApi, admin: string, password: string, users: readonly (readonly [string, readonly string[], readonly string[]])[]) {
  for (const [username, roles, jurisdictions] of users) {
    const r = await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username, password, roles, jurisdictions } }, admin);
    if (r.errors) throw new Error(`createUser ${username}: ${r.errors[0]!.message}`);
  }
}

/**
 * GraphQL calls as named users (their tokens in `tokens`, none for null): `as` answers whatever comes
 * back, `ok` the data, or throws naming who was refused and why.
 */
export function callsAs(api: () => TestApi, tokens: Readonly<Record<string, string>>) {
  const as = (who: string | null, query: string, variables?: Record<string, unknown>) => api().gql(query, variables, who ? tokens[who] : undefined);
  const ok = async (who: string | null, query: string, variables?: Record<string, unknown>) => {
    const r = await as(who, query, variables);
    if (r.errors) throw new Error(`${who}: ${r.errors[0]!.message}`);
    return r.data;
  };
  return { as, ok };
}

/** The id of the version in force of a jurisdiction's year (as `policy` answers it). */
export async function versionIdOf(api: TestApi, jurisdiction: string, year: number): Promise<string> {
  return (await api.gql(`query($j: String!, $y: Int!) { policy(jurisdiction: $j, year: $y) { id } }`, { j: jurisdiction, y: year })).data.policy.id as string;
}

/**
 * A raw HTTP request to the app, asking for English as `gql` does: the suites written against the
 * English messages read them in English (test/api/i18n.spec.ts checks the default, zh-CN). Headers of
 * `init` are added, and win (a suite checking the negotiation sends its own `accept-language`).
 */
export function request(url: string | URL, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { 'accept-language': 'en', ...(init.headers as Record<string, string> | undefined) } });
}

/** The `authorization` header of a token (none without one). */
export function bearer(token?: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * A POST of JSON (a GraphQL request, or a body already written as text) through `request`: its status,
 * parsed body and, where the answer has one, Retry-After (so that `{ status, body }` compares equal).
 */
export async function postJson<T = GraphQLResponse>(url: string | URL, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; retryAfter?: string }> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const retryAfter = res.headers.get('retry-after');
  return { status: res.status, body: (await res.json()) as T, ...(retryAfter === null ? {} : { retryAfter }) };
}

/** A GraphQL request to the app at `base` (any process of it, such as one of `npm start`), in English as `gql`'s. */
export function graphqlAt(base: string, query: string, variables?: Record<string, unknown>, token?: string | null) {
  return postJson<any>(`${base}/graphql`, { query, variables }, bearer(token));
}

/** What GET /health answers: its status and its body. */
export async function health(base: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/health`);
  return { status: res.status, body: await res.json() };
}
