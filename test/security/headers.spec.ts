import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST } from '../../api/console.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

/**
 * Security headers (helmet) on every answer: the console's pages and assets under a
 * Content-Security-Policy of their own, the API's JSON under one that lets nothing run; nosniff,
 * Referrer-Policy, framing refused. The browser test (test/browser/console.spec.ts) drives every page of
 * the console under this policy and fails on any violation the browser reports.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ console: CONSOLE_DIST });
});
afterAll(async () => api?.close());

const directives = (csp: string | null) =>
  Object.fromEntries((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));

function expectCommon(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('x-powered-by')).toBeNull();
}

function expectApiPolicy(res: Response) {
  expectCommon(res);
  const csp = directives(res.headers.get('content-security-policy'));
  expect(csp['default-src']).toEqual(["'none'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
}

describe('the API', () => {
  const quote = JSON.stringify({ query: `{ quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: "2024-11-15" }) { amountDue } }` });

  it('answers /graphql under a policy that lets nothing load or run', async () => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: quote });
    expect(res.status).toBe(200);
    expectApiPolicy(res);
  });

  it('sets the same headers on the refusals made before Apollo (413) and by it (400)', async () => {
    const long = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{${' '.repeat(30_000)}}` }) });
    expect(long.status).toBe(413);
    expectApiPolicy(long);
    const bad = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nothing }' }) });
    expect(bad.status).toBe(400);
    expectApiPolicy(bad);
  });

  it('on the other routes: /health, the cohort upload', async () => {
    expectApiPolicy(await fetch(`${api.base}/health`));
    const upload = await fetch(`${api.base}/cohorts?jurisdiction=石狮市&name=x`, { method: 'POST', body: 'person_id\n' });
    expect(upload.status).toBe(401);
    expectApiPolicy(upload);
  });

  it('serves no landing page at GET /graphql (it would load scripts from a CDN): a browser gets the CSRF refusal', async () => {
    const res = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).not.toMatch(/html/);
    expect(res.status).toBe(400);
  });
});

describe('the console', () => {
  it("serves its page under a policy of its own scripts only, its own origin only, framed by no one", async () => {
    const res = await fetch(`${api.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expectCommon(res);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    // served over plain HTTP by npm start: upgrading would send the browser to https:// assets that do not exist
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    // the built page has no inline script for the policy to block
    expect(await res.text()).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it('and its assets', async () => {
    const asset = readdirSync(join(CONSOLE_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await fetch(`${api.base}/assets/${asset}`);
    expect(res.status).toBe(200);
    expectCommon(res);
    expect(directives(res.headers.get('content-security-policy'))['script-src']).toEqual(["'self'"]);
  });
});
