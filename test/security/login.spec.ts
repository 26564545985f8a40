import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserService } from '../../api/modules/user/user.service.js';
import { postJson, serveApi, startTestApi, type TestApi } from '../helpers/api.js';
import { sqlClient } from '../helpers/db.js';

/*
 * Login (issue 11, item 3) over HTTP against PostgreSQL: the same work whether the user exists or not;
 * failed attempts limited per username and, with a higher threshold, per client address, counted in
 * PostgreSQL so that every API process sees them; failures and refusals in the audit log.
 */
let api: TestApi;
let other: TestApi;
const PASSWORD = 'correct horse battery';
const LIMITS = { perUsername: 10, perAddress: 20, windowSeconds: 15 * 60 };

function attempt(target: TestApi, username: string, password: string) {
  return postJson<any>(target.url, { query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, variables: { u: username, p: password } });
}
const code = (r: { body: any }) => r.body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  api = await startTestApi({ app: { loginThrottle: LIMITS } });
  other = await serveApi(api.databaseUrl, { loginThrottle: LIMITS });
  const users = new UserService(api.orm.em.fork());
  await users.ensureAdmin('admin-password-1');
  for (const u of ['officer', 'officer2', 'officer3', 'auditor']) await users.create({ username: u, password: PASSWORD, roles: [u === 'auditor' ? 'auditor' : 'drafter'], jurisdictionIds: [] });
});
afterAll(async () => {
  await other?.close();
  await api?.close();
});
// each test starts with no failures counted (they all come from 127.0.0.1)
beforeEach(async () => {
  const sql = await sqlClient(api.databaseUrl);
  await sql.query('delete from login_throttle');
  await sql.end();
});

describe('login', () => {
  it('takes the same time whether the username exists or not (a dummy hash is checked)', async () => {
    const time = async (username: string) => {
      const t = performance.now();
      const r = await attempt(api, username, 'wrong password 123');
      expect(code(r)).toBe('UNAUTHENTICATED');
      return performance.now() - t;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    await time('officer2'); // warm-up: the dummy hash is made on first use
    for (let i = 0; i < 7; i++) {
      known.push(await time('officer'));
      unknown.push(await time(`nobody-${i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // scrypt is most of the work either way: without the dummy hash an unknown name answers ~15× faster
    expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
  });

  it('after 10 failures of a username, refuses it — the right password too — with TOO_MANY_ATTEMPTS and when to retry', async () => {
    for (let i = 0; i < LIMITS.perUsername; i++) expect(code(await attempt(api, 'officer', `wrong ${i} password`))).toBe('UNAUTHENTICATED');
    const started = Date.now();
    const refused = await attempt(api, 'officer', PASSWORD);
    expect(refused.status).toBe(429);
    expect(code(refused)).toBe('TOO_MANY_ATTEMPTS');
    const e = refused.body.errors[0];
    expect(e.message).toMatch(/^too many failed login attempts for this username; retry after \d{4}-\d\d-\d\dT/);
    expect(e.extensions).toMatchObject({ scope: 'username', reason: 'LOGIN_THROTTLED_USERNAME' });
    const retryAt = Date.parse(e.extensions.retryAfter);
    expect(retryAt).toBeGreaterThan(started);
    expect(retryAt).toBeLessThanOrEqual(started + LIMITS.windowSeconds * 1000 + 2000);
    expect(Number(refused.retryAfter)).toBe(e.extensions.retryAfterSeconds);
    expect(refused.body.data).toBeNull();
    // another user is not affected
    expect((await attempt(api, 'officer2', PASSWORD)).body.data.login.token).toMatch(/\S{20}/);
  });

  it('counts the failures in PostgreSQL: another API process refuses as well', async () => {
    for (let i = 0; i < LIMITS.perUsername; i++) await attempt(i % 2 ? api : other, 'officer3', `wrong ${i} password`);
    expect(code(await attempt(other, 'officer3', PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
    expect(code(await attempt(api, 'officer3', PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('limits the same for unknown usernames (nothing to tell them apart)', async () => {
    for (let i = 0; i < LIMITS.perUsername; i++) await attempt(api, 'no-such-user', `wrong ${i} password`);
    const r = await attempt(api, 'no-such-user', 'wrong again 123');
    expect(code(r)).toBe('TOO_MANY_ATTEMPTS');
  });

  it('forgets the failures of a username after a success', async () => {
    for (let i = 0; i < LIMITS.perUsername - 1; i++) await attempt(api, 'officer2', `wrong ${i} password`);
    expect((await attempt(api, 'officer2', PASSWORD)).body.data.login.token).toBeTruthy();
    for (let i = 0; i < LIMITS.perUsername - 1; i++) expect(code(await attempt(api, 'officer2', `again ${i} wrong`))).toBe('UNAUTHENTICATED');
  });

  it('limits an address trying many usernames, at a higher threshold', async () => {
    // 20 failures spread over usernames, none near its own limit of 10
    for (let i = 0; i < LIMITS.perAddress; i++) expect(code(await attempt(api, `guess-${i % 5}`, `wrong ${i} password`))).toBe('UNAUTHENTICATED');
    const r = await attempt(api, 'officer', PASSWORD);
    expect(r.status).toBe(429);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', scope: 'address', reason: 'LOGIN_THROTTLED_ADDRESS' });
    expect(r.body.errors[0].message).toMatch(/from this address; retry after/);
  });

  it('writes failed and refused logins to the audit log, with the username and address', async () => {
    await attempt(api, 'officer', 'wrong password here');
    await attempt(api, 'nobody-at-all', 'wrong password here');
    for (let i = 0; i < LIMITS.perUsername; i++) await attempt(api, 'officer2', `wrong ${i} password`);
    await attempt(api, 'officer2', PASSWORD);
    const sql = await sqlClient(api.databaseUrl);
    await sql.query('delete from login_throttle');
    await sql.end();
    const token = (await attempt(api, 'auditor', PASSWORD)).body.data.login.token;
    const log = await api.gql(`{ auditLog(limit: 200) { username action details } }`, {}, token);
    expect(log.errors).toBeUndefined();
    const entries = log.data.auditLog as { username: string; action: string; details: any }[];
    const failed = entries.filter((e) => e.action === 'login-failed');
    expect(failed).toContainEqual({ username: 'officer', action: 'login-failed', details: expect.objectContaining({ reason: 'wrong password', address: expect.stringMatching(/127\.0\.0\.1/) }) });
    expect(failed).toContainEqual({ username: 'nobody-at-all', action: 'login-failed', details: expect.objectContaining({ reason: 'unknown username' }) });
    expect(entries).toContainEqual({ username: 'officer2', action: 'login-throttled', details: expect.objectContaining({ scope: 'username', retryAfter: expect.any(String) }) });
    // the officer's own history shows the failure too (it is recorded under the user)
    const mine = await api.gql(`{ auditLog(username: "officer", limit: 50) { action } }`, {}, token);
    expect(mine.data.auditLog.map((e: any) => e.action)).toContain('login-failed');
  });
});
