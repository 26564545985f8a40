import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { readSeed } from '../../seeds/index.js';
import { validatePolicyDocument } from '../../policy-schemas/index.js';
import type { TestApi } from '../helpers/api.js';

/*
 * What the browser suites share: Debian's chromium launched the same way, the API calls they set up
 * with, the console's login form, and a cohort uploaded as the cohort page would.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Every suite keeps a screenshot of each page it checks here. */
export const SHOTS = resolve('test-output/screenshots');
/** What the suites write besides their screenshots: their timings. */
export const OUT = resolve('test-output');

/**
 * Timings a browser suite takes (how long a page took to show): printed as `<label>: <what>: <ms> ms`
 * and written, one a line, to test-output/<file> by `write()` (after the suite). Recorded, never
 * asserted: speed is measured in benchmarks (npm run bench), not in timed tests.
 */
export function timings(label: string, file: string) {
  const lines: string[] = [];
  return {
    record(what: string, ms: number) {
      const line = `${what}: ${ms} ms`;
      console.log(`${label}: ${line}`);
      lines.push(line);
    },
    write() {
      if (!lines.length) return;
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, file), lines.join('\n') + '\n');
    },
  };
}

/** Headless chromium and a zh-CN page of the size the screenshots are taken at; the browser's own errors go to the test output. */
export async function launchBrowser(pageOptions: { acceptDownloads?: boolean } = {}): Promise<{ browser: Browser; page: Page }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', ...pageOptions });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error(`[browser] ${e.message}`));
  return { browser, page };
}

/** After the suite: the browser first (its page may still be asking the API), then the API and its database. */
export async function closeSuite(browser: Browser | undefined, api: TestApi | undefined) {
  await browser?.close();
  await api?.close();
}

/** The data of a GraphQL call (with a token, or none), or an error made of its messages. */
export async function gqlData(api: TestApi, token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const r = await api.gql(query, variables, token);
  if (r.errors) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.data;
}

/** Log in on the console's login page (at `url`) and wait for the dashboard. */
export async function consoleLogin(page: Page, url: string, username: string, password: string) {
  await page.goto(url);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.getByTestId('dashboard').waitFor();
}

/** A cohort generated from Shishi 2025's population, uploaded as the cohort page does (POST /cohorts); its id. */
export async function uploadShishiCohort(api: TestApi, token: string, name: string, opts: { size: number; seed: number }): Promise<string> {
  const shishi = validatePolicyDocument(readSeed('shishi-2025.json'));
  if (!shishi.ok) throw new Error('seeds/shishi-2025.json is invalid');
  const res = await fetch(`${api.base}/cohorts?jurisdiction=${encodeURIComponent('石狮市')}&name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: [...generateCohort(shishi.document, opts)].join(''),
  });
  if (res.status !== 201) throw new Error(`cohort upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
