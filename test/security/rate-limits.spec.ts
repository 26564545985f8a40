import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { appDatabaseUrl } from '../../api/db/orm.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { bearer, postJson, startTestApi, type TestApi } from '../helpers/api.js';

/**
 * Quote rate limits (OWASP: "rate limiting"): off unless configured; per API key for requests that carry
 * one, per client address for the others; counted in quotes (engine runs); answered with HTTP 429,
 * Retry-After and RATE_LIMITED; shared by every API process of one `npm start` (node:cluster).
 */
const QUOTES = `query($i: [QuoteInput!]!) { quotes(inputs: $i) { amountDue } }`;
const inputs = (n: number) => Array.from({ length: n }, () => ({ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15' }));

const post = (url: string, body: unknown, token?: string) => postJson(url, body, bearer(token));

describe('by default', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it('limits no one: an integrator batch job of 40,000 quotes in a minute goes through', async () => {
    for (let i = 0; i < 8; i++) expect((await post(api.url, { query: QUOTES, variables: { i: inputs(5000) } })).status).toBe(200);
  });
});

describe('when configured', () => {
  let api: TestApi;
  let key = '';
  let otherKey = '';
  beforeAll(async () => {
    api = await startTestApi({ app: { quoteRateLimits: { perAddress: 10, perKey: 20, windowSeconds: 60 } } });
    await new UserService(api.orm.em.fork()).ensureAdmin('admin-password-1');
    const login = await post(api.url, { query: `mutation { login(username: "admin", password: "admin-password-1") { token } }` });
    const admin = login.body.data.login.token as string;
    const user = await post(api.url, { query: `mutation { createUser(input: { username: "tax", password: "tax-password-1", roles: ["integrator"], jurisdictions: [] }) { id } }` }, admin);
    const id = user.body.data.createUser.id as string;
    const newKey = async () =>
      (await post(api.url, { query: `mutation($u: ID!) { createApiKey(name: "batch", userId: $u) { key } }`, variables: { u: id } }, admin)).body.data.createApiKey.key as string;
    key = await newKey();
    otherKey = await newKey();
  });
  afterAll(async () => api?.close());

  it('refuses the quotes of an address past its allowance with 429, Retry-After and RATE_LIMITED, counting inputs', async () => {
    expect((await post(api.url, { query: QUOTES, variables: { i: inputs(4) } })).status).toBe(200);
    expect((await post(api.url, { query: QUOTES, variables: { i: inputs(4) } })).status).toBe(200);
    const r = await post(api.url, { query: QUOTES, variables: { i: inputs(4) } });
    expect(r.status).toBe(429);
    expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(r.retryAfter)).toBeLessThanOrEqual(60);
    expect(r.body.errors![0]).toMatchObject({
      message: `Too many quotes: at most 10 per 60 s for this client address; retry after ${r.retryAfter} s.`,
      extensions: { code: 'RATE_LIMITED', reason: 'RATE_LIMITED', limit: 'quotesPerAddress', max: 10, windowSeconds: 60, retryAfterSeconds: Number(r.retryAfter) },
    });
    // a single quote counts as one: two remain
    const one = `{ quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: "2024-11-15" }) { amountDue } }`;
    expect((await post(api.url, { query: one })).status).toBe(200);
    expect((await post(api.url, { query: one })).status).toBe(200);
    expect((await post(api.url, { query: one })).status).toBe(429);
    // what runs no quote is not counted
    expect((await post(api.url, { query: `{ jurisdictions { name } }` })).status).toBe(200);
  });

  it('counts an API key apart from its address, and each key apart', async () => {
    // this address is spent (above); the keys have their own allowance of 20
    expect((await post(api.url, { query: QUOTES, variables: { i: inputs(15) } }, key)).status).toBe(200);
    const r = await post(api.url, { query: QUOTES, variables: { i: inputs(15) } }, key);
    expect(r.status).toBe(429);
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'quotesPerKey', max: 20 });
    expect((await post(api.url, { query: QUOTES, variables: { i: inputs(15) } }, otherKey)).status).toBe(200);
  });

  it('says when one request asks for more than the whole allowance', async () => {
    const r = await post(api.url, { query: QUOTES, variables: { i: inputs(21) } }, otherKey);
    expect(r.status).toBe(429);
    expect(r.body.errors![0]!.message).toBe('The request asks for 21 quotes, more than the 20 allowed per 60 s for this API key; split it into smaller requests.');
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED_REQUEST' });
  });
});

describe('shared by the API processes', () => {
  let api: TestApi;
  let proc: ChildProcess;
  let port = 0;
  beforeAll(async () => {
    // a database as `npm start` makes it, served by two cluster workers as `npm start` runs them
    api = await startTestApi();
    proc = spawn(process.execPath, ['--import', 'tsx', 'test/bench/serve-app.ts'], {
      env: { ...process.env, DATABASE_URL: await appDatabaseUrl(api.databaseUrl, inject('appPassword')), WORKERS: '2', QUOTE_RATE_PER_ADDRESS: '6', QUOTE_RATE_WINDOW_S: '60' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    port = await new Promise<number>((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`the cluster exited with ${code}`)));
      proc.stdout!.on('data', (b: Buffer) => {
        const m = /ready (\d+)/.exec(b.toString());
        if (m) resolve(Number(m[1]));
      });
    });
  }, 120_000);
  afterAll(async () => {
    if (proc && proc.exitCode === null) {
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await gone;
    }
    await api?.close();
  });

  /** One quote on a connection of its own: node:cluster hands each new connection to the next worker. */
  const quoteOnNewConnection = () =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ query: `{ quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: "2024-11-15" }) { amountDue } }` });
      const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('counts the quotes of one address in every worker together', async () => {
    const statuses: number[] = [];
    // 6 allowed in all: counted per worker, each of the two would allow 6 of these 8
    for (let i = 0; i < 8; i++) statuses.push(await quoteOnNewConnection());
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
  });
});
