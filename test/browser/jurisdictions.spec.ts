import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { CONSOLE_DIST } from '../../api/console.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { SHOTS, closeSuite, consoleLogin, launchBrowser, timings } from './helpers.js';

/*
 * The 统筹地区 page in a real browser (Debian's chromium through playwright-core, launched as in
 * console.spec.ts) against the real API and PostgreSQL holding the national division list: the tree's
 * first level and a search, timed (figures printed and written to test-output/jurisdictions-timing.txt,
 * not asserted), the tree opened down to 灵源街道, and a 泉州市 drafter starting 南安市's rules from
 * 石狮市 2025: the draft's review items in Chinese, and 提交审核 refused naming metadata.documentNumber.
 */

const PASSWORD = 'console-password-1';

let api: TestApi;
let browser: Browser;
let page: Page;
const { record, write: writeTimings } = timings('jurisdictions page', 'jurisdictions-timing.txt');

async function shot(name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  api = await startTestApi({ console: CONSOLE_DIST });
  await new UserService(api.orm.em.fork()).ensureAdmin('admin-password-1');
  const admin = (await api.gql(`mutation { login(username: "admin", password: "admin-password-1") { token } }`)).data.login.token;
  const created = await api.gql(`mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
    i: { username: 'quanzhou-drafter', displayName: '泉州市医保局起草人', password: PASSWORD, roles: ['drafter'], jurisdictions: ['泉州市'] },
  }, admin);
  if (created.errors) throw new Error(created.errors[0]!.message);
  ({ browser, page } = await launchBrowser());
  await consoleLogin(page, `${api.base}/#/login`, 'quanzhou-drafter', PASSWORD);
}, 120_000);

afterAll(async () => {
  writeTimings();
  await closeSuite(browser, api);
});

describe('统筹地区: 45,000 jurisdictions', () => {
  it('shows the first level of the tree (the 31 provinces), timed', async () => {
    // timed inside the page too: from the route's change to the frame in which the 31 provinces stand
    // (page code as text: this project's TypeScript has no DOM types)
    await page.evaluate(`(() => {
      const t0 = performance.now();
      const seen = () => document.querySelectorAll('[data-testid="jurisdiction-tree"] [data-testid="jurisdiction-node"]').length >= 31;
      new MutationObserver((_, o) => {
        if (seen()) {
          window.treeShownMs = Math.round(performance.now() - t0);
          o.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    const started = Date.now();
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('jurisdictionChildren'));
    await page.goto(`${api.base}/#/jurisdictions`);
    const response = await answered;
    const apiMs = Date.now() - started;
    const nodes = page.getByTestId('jurisdiction-tree').getByTestId('jurisdiction-node');
    await nodes.nth(30).waitFor();
    record('tree first level shown (navigation to 31 provinces on screen, as the test sees it)', Date.now() - started);
    record('  in the page (the route changed to the 31 provinces in the document)', Number(await page.evaluate('window.treeShownMs')));
    expect(await nodes.count()).toBe(31);
    record('  of which until the API answered', apiMs);
    record('  the API request itself (request sent to response read)', Math.round(response.request().timing().responseEnd));
    expect(response.ok()).toBe(true);
    expect(await nodes.first().innerText()).toContain('北京市');
    // which have policies: the seeds' jurisdictions, and 福建省 has some below it
    await expect.poll(() => page.getByTestId('with-policies').innerText()).toContain('灵源街道');
    expect(await page.locator('[data-testid="jurisdiction-node"][data-name="福建省"]').innerText()).toContain('下级 2 个有政策');
    await shot('20-jurisdictions-tree');
  });

  it('opens 福建省 → 泉州市 → 晋江市 one level at a time, down to 灵源街道 with its code and policy', async () => {
    for (const name of ['福建省', '泉州市', '晋江市'])
      await page.locator(`[data-testid="jurisdiction-node"][data-name="${name}"]`).first().getByTestId('expand').first().click();
    const lingyuan = page.locator('[data-testid="jurisdiction-node"][data-name="灵源街道"]');
    await lingyuan.waitFor();
    const text = await lingyuan.innerText();
    expect(text).toContain('350582006');
    expect(text).toContain('街道');
    expect(text).toContain('已发布 2022');
    await shot('21-jurisdictions-jinjiang');
  });

  it('searches by name, timed', async () => {
    const search = page.getByTestId('jurisdiction-search');
    const started = Date.now();
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('searchJurisdictions(query'));
    const sent = page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('searchJurisdictions(query')).then(() => Date.now());
    await search.fill('灵源');
    const response = await answered;
    // timed by the browser's own waiting (each animation frame), not by a poll's interval
    await page.getByTestId('jurisdiction-search-results').filter({ hasText: '福建省泉州市晋江市灵源街道' }).waitFor();
    const shown = Date.now();
    record('search "灵源" answered (its request sent to results on screen)', shown - (await sent));
    record('  from typing (the 120 ms typing pause included)', shown - started);
    record('  the API request itself (request sent to response read)', Math.round(response.request().timing().responseEnd));
    const first = page.getByTestId('search-result').first();
    expect(await first.innerText()).toContain('350582006');
    // by code
    const byCode = Date.now();
    await search.fill('350583');
    await page.getByTestId('search-result').first().filter({ hasText: '南安市' }).waitFor();
    record('search "350583" shown (from typing, the 120 ms typing pause included)', Date.now() - byCode);
    await shot('22-jurisdictions-search');
  });

  it('a 泉州市 drafter starts 南安市 from 石狮市 2025 (same city first); the draft lists its review items and cannot be submitted yet', async () => {
    await page.getByTestId('search-result').first().click();
    const detail = page.getByTestId('jurisdiction-detail');
    await expect.poll(() => detail.innerText()).toContain('尚无政策版本');
    const startFrom = detail.getByTestId('start-from');
    await expect.poll(() => startFrom.innerText()).toContain('起草南安市的规则');
    // the picker: 石狮市 and 灵源街道 (same 泉州市) before 眉山市 and 五河县
    await startFrom.getByRole('combobox').click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options[0]).toBe('石狮市 2025（同属泉州市）');
    expect(options.findIndex((o) => o.startsWith('眉山市'))).toBeGreaterThan(options.findIndex((o) => o.startsWith('灵源街道')));
    await page.getByRole('option', { name: '石狮市 2025（同属泉州市）' }).click();
    expect(await startFrom.locator('input[name="year"]').inputValue()).toBe('2026');
    await shot('23-jurisdictions-start-from');
    await startFrom.getByRole('button', { name: '创建草案' }).click();
    await page.waitForURL(/#\/policyVersions\/[0-9a-f-]+\/show$/);
    await page.getByTestId('version-title').waitFor();
    expect(await page.getByTestId('version-title').innerText()).toContain('2026');
    const summary = page.getByTestId('review-summary');
    await expect.poll(() => summary.innerText()).toMatch(/须处理后才能提交审核/);
    const items = page.getByTestId('review-items');
    expect(await items.locator('[data-key="document-number"]').innerText()).toContain('沿用了来源版本');
    expect(await items.locator('[data-key="issuers"]').innerText()).toContain('发文机关沿用来源统筹地区（石狮市）的');
    await shot('24-draft-review-items');
    // 提交审核 is refused, naming the document number
    await page.getByRole('button', { name: '提交审核', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
    await expect.poll(() => page.getByTestId('workflow-error').innerText()).toContain('metadata.documentNumber');
    await shot('25-submit-refused');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    // one item acknowledged in the console: it shows who
    await items.locator('[data-key="roster"], [data-key="addressees"]').first().getByRole('button', { name: '确认无误' }).click();
    await expect.poll(() => items.locator('[data-key="addressees"]').count()).toBe(0);
  });
});
