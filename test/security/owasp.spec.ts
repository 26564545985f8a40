import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserService } from '../../api/modules/user/user.service.js';
import { sqlClient } from '../helpers/db.js';
import { request, startTestApi, type GraphQLResponse, type TestApi } from '../helpers/api.js';

/**
 * The rest of the OWASP GraphQL Cheat Sheet over HTTP against the real PostgreSQL: introspection (on, as
 * decided: the published rules and the schema are public), batching off, CSRF, error masking (no stack,
 * no SQL, no internal text), injection (SQL metacharacters in string arguments reach the database as
 * data). Query limits: limits.spec.ts; authorization: authorization.spec.ts; rate limits:
 * rate-limits.spec.ts; headers: headers.spec.ts; NUL and Unicode: input-hygiene.spec.ts.
 */
let api: TestApi;
let admin = '';
let drafter = '';
beforeAll(async () => {
  api = await startTestApi();
  await new UserService(api.orm.em.fork()).ensureAdmin('admin-password-1');
  admin = (await api.gql(`mutation { login(username: "admin", password: "admin-password-1") { token } }`)).data.login.token;
  await api.gql(`mutation { createUser(input: { username: "shishi", password: "shishi-password-1", roles: ["drafter"], jurisdictions: ["石狮市"] }) { id } }`, {}, admin);
  drafter = (await api.gql(`mutation { login(username: "shishi", password: "shishi-password-1") { token } }`)).data.login.token;
});
afterAll(async () => api?.close());

const raw = (body: string, headers: Record<string, string>, method = 'POST') => request(api.url, { method, headers, body: method === 'GET' ? undefined : body });

describe('introspection', () => {
  it('is on for everyone, by decision: the rules and the schema are public (api/schema.graphql is committed)', async () => {
    const r = await api.gql(`{ __schema { queryType { name } mutationType { name } types { name } } }`);
    expect(r.data.__schema.queryType.name).toBe('Query');
    expect(r.data.__schema.types.map((t: { name: string }) => t.name)).toContain('PolicyVersion');
  });
});

describe('batching', () => {
  it('refuses a JSON array of operations (one request, one operation: the limits hold per request)', async () => {
    const res = await raw(JSON.stringify([{ query: '{ jurisdictions { name } }' }, { query: '{ jurisdictions { code } }' }]), { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
  });
});

describe('CSRF', () => {
  const q = encodeURIComponent('{ jurisdictions { name } }');
  it('refuses what a cross-site form or image may send: GET without a preflight header, text/plain, form-urlencoded', async () => {
    expect((await request(`${api.url}?query=${q}`)).status).toBe(400);
    expect((await raw(JSON.stringify({ query: '{ jurisdictions { name } }' }), { 'content-type': 'text/plain' })).status).toBe(400);
    expect((await raw(`query=${q}`, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    expect((await raw(`query=${q}`, { 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(400);
  });

  it('answers a GET that carries the preflight header, but never a mutation by GET', async () => {
    expect((await request(`${api.url}?query=${q}`, { headers: { 'apollo-require-preflight': 'true' } })).status).toBe(200);
    const m = encodeURIComponent('mutation { logout }');
    expect((await request(`${api.url}?query=${m}`, { headers: { 'apollo-require-preflight': 'true' } })).status).toBe(405);
  });
});

describe('error masking', () => {
  const leaks = (text: string) => /permission|denied|audit_log|select |relation|postgres|sql|stack|\bat \S+ \(|\.ts:\d|node_modules/i.test(text);

  it('answers an unexpected database error as "Internal server error", without its text, SQL or stack', async () => {
    const owner = await sqlClient(api.databaseUrl);
    try {
      await owner.query('revoke select on audit_log from yibao_app');
      const res = await request(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: '{ auditLog { action } }' }),
      });
      const text = await res.text();
      const body = JSON.parse(text) as GraphQLResponse;
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' } })]);
      expect(leaks(text), text).toBe(false);
    } finally {
      await owner.query('grant select on audit_log to yibao_app');
      await owner.end();
    }
  });

  it('answers an unexpected error on the other routes the same way, whatever NODE_ENV says', async () => {
    const owner = await sqlClient(api.databaseUrl);
    try {
      await owner.query('revoke select on app_job from yibao_app');
      const res = await request(`${api.base}/cohorts/imports/${encodeURIComponent("' or 1=1 --")}`, { headers: { authorization: `Bearer ${drafter}` } });
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: 'Internal server error', code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' });
      expect(leaks(text), text).toBe(false);
    } finally {
      await owner.query('grant select on app_job to yibao_app');
      await owner.end();
    }
  });

  it('sends no stack trace with the errors a caller causes', async () => {
    for (const query of ['{ nothing }', '{ jurisdictions { name ', '{ policy(jurisdiction: "nowhere", year: 2025) { id } }']) {
      const text = await (await raw(JSON.stringify({ query }), { 'content-type': 'application/json' })).text();
      expect(text).not.toMatch(/stacktrace|\bat \S+ \(|\.ts:\d/);
    }
  });
});

describe('injection: SQL metacharacters reach the database as data', () => {
  const EVIL = `x'); drop table audit_log; select ('`;

  it('a username made of SQL finds no one', async () => {
    const r = await api.gql(`query($u: String!) { auditLog(username: $u) { username } }`, { u: `' or '1'='1` }, admin);
    expect(r.errors![0]).toMatchObject({ message: `username: no user "' or '1'='1"`, extensions: { code: 'BAD_USER_INPUT' } });
    expect((await api.gql(`query($u: String!) { auditLog(username: $u) { username } }`, { u: 'admin' }, admin)).data.auditLog.length).toBeGreaterThan(0);
    const login = await api.gql(`mutation($u: String!) { login(username: $u, password: "x") { token } }`, { u: `admin' --` });
    expect(login.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('a comment, a display name and a cohort name made of SQL are stored and read back exactly', async () => {
    const from = (await api.gql(`{ policy(jurisdiction: "石狮市", year: 2025) { id } }`)).data.policy.id;
    const d = (await api.gql(`mutation($f: ID!) { createDraft(from: $f, year: 2026) { id revision document } }`, { f: from }, drafter)).data.createDraft;
    const saved = await api.gql(`mutation($id: ID!, $r: Int!, $d: JSON!, $c: String!) { updateDraft(id: $id, revision: $r, document: $d, comment: $c) { id } }`, { id: d.id, r: d.revision, d: d.document, c: EVIL }, drafter);
    expect(saved.errors).toBeUndefined();
    const log = await api.gql(`query($v: ID!) { auditLog(policyVersionId: $v) { comment } }`, { v: d.id }, admin);
    expect(log.data.auditLog.map((e: { comment: string }) => e.comment)).toContain(EVIL);

    const u = await api.gql(`mutation($n: String!) { createUser(input: { username: "bobby", displayName: $n, password: "bobby-password-1", roles: ["auditor"] }) { displayName } }`, { n: EVIL }, admin);
    expect(u.data.createUser.displayName).toBe(EVIL);

    const upload = await request(`${api.base}/cohorts?jurisdiction=${encodeURIComponent('石狮市')}&name=${encodeURIComponent(EVIL)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${drafter}`, 'content-type': 'text/csv' },
      body: 'person_id,unit,birth_date,categories,groups,payment_date\nP1,石狮市,1980-01-01,,,\n',
    });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    expect((await api.gql(`query($id: ID!) { cohort(id: $id) { name } }`, { id }, drafter)).data.cohort.name).toBe(EVIL);

    // and every table is still there
    const owner = await sqlClient(api.databaseUrl);
    try {
      expect((await owner.query('select count(*)::int as n from audit_log')).rows[0].n).toBeGreaterThan(0);
    } finally {
      await owner.end();
    }
  });

  it('an id made of SQL is an id that does not exist', async () => {
    for (const id of [`' or '1'='1`, `1; drop table policy_version`]) {
      const r = await api.gql(`query($id: ID!) { policyVersion(id: $id) { id } }`, { id });
      expect(r.errors?.[0]?.extensions?.code ?? 'null').not.toBe('INTERNAL_SERVER_ERROR');
      expect(r.data?.policyVersion ?? null).toBeNull();
    }
  });
});
