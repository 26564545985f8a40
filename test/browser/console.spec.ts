import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loginToken, settleReviewItems, startTestApi, type TestApi } from '../helpers/api.js';
import { CONSOLE_DIST } from '../../api/console.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { readSeed } from '../../seeds/index.js';
import { validatePolicyDocument } from '../../policy-schemas/index.js';
import { SHOTS, closeSuite, consoleLogin, gqlData, launchBrowser, timings } from './helpers.js';

/*
 * The console end to end in a real browser (Debian's chromium driven by playwright-core), against the
 * real API and PostgreSQL: a drafter clones Shishi 2025 into 2026, sets the fee to 420 (after the form
 * refuses a negative fee at the field), uploads a cohort, previews the draft and submits; an approver
 * approves and publishes; compare shows 400 → 420. A screenshot of each page is kept in
 * test-output/screenshots/.
 */

const PASSWORD = 'console-password-1';

let api: TestApi;
// how long the first screens take: recorded (printed and written to test-output/first-screen.txt), not asserted
const firstScreen = timings('console first screen', 'first-screen.txt');
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};
let generatedAdminPassword = '';
/** What the browser refused under the console's Content-Security-Policy (api/security-headers.ts). */
const cspViolations: string[] = [];

const gqlAs = (token: string | undefined, query: string, variables: Record<string, unknown> = {}) => gqlData(api, token, query, variables);

const token = (username: string, password = PASSWORD) => loginToken(api, username, password);

async function shot(name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Open a page of the console (its route after `#`), wait until it shows `text`, keep a screenshot. */
async function visit(route: string, text: string, name: string) {
  await page.goto(`${api.base}/#${route}`);
  await expect.poll(() => page.locator('body').innerText()).toContain(text);
  await shot(name);
}

async function login(username: string, password = PASSWORD) {
  await consoleLogin(page, `${api.base}/#/login`, username, password);
}

async function logout() {
  await page.evaluate(() => localStorage.clear());
}

/** Click a workflow button, confirm its dialog, and wait for the status chip to change. */
async function workflow(button: string, status: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
  await page.locator(`[data-status="${status}"]`).first().waitFor();
}

beforeAll(async () => {
  api = await startTestApi({ console: CONSOLE_DIST });
  // as at a first start: a generated admin password, to be changed at the first login (in the browser, below)
  const users = new UserService(api.orm.em.fork());
  generatedAdminPassword = (await users.ensureAdmin(undefined)).generated!;
  // the drafter's account is created in the console by the admin (below)
  const shishi = (await api.orm.em.fork().execute(`select id from jurisdiction where name = '石狮市'`))[0]!.id as number;
  await users.create({ username: 'shishi-approver', displayName: '石狮市医保局审核人', password: PASSWORD, roles: ['approver'], jurisdictionIds: [shishi] });
  ids.shishi2025 = (await gqlAs(undefined, `{ policy(jurisdiction: "石狮市", year: 2025) { id } }`)).policy.id;
  // the browser's own errors belong in the test output (and pageerror, in launchBrowser)
  ({ browser, page } = await launchBrowser());
  page.on('console', async (m) => {
    if (m.type() !== 'error') return;
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    const args = await Promise.all(m.args().map((a) => a.evaluate((v) => (v instanceof Error ? v.message : typeof v === 'string' ? v : JSON.stringify(v))).catch(() => '?')));
    console.error(`[browser console] ${args.join(' ')}`);
  });
}, 120_000);

afterAll(async () => {
  firstScreen.write();
  await closeSuite(browser, api);
});

describe('the console, end to end', () => {
  it('first screen: the login page loads (its time recorded), in Chinese', async () => {
    const started = Date.now();
    await page.goto(`${api.base}/`);
    await page.locator('input[name="username"]').waitFor();
    firstScreen.record('login page', Date.now() - started);
    await shot('01-login');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('button[type="submit"]').innerText()).toContain('登录');
  });

  it('refuses a wrong password with a message in Chinese', async () => {
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', 'not-the-password');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('body').innerText()).toContain('用户名或密码错误');
  });

  it('the generated admin password must be changed at the first login (the form in Chinese)', async () => {
    await page.goto(`${api.base}/#/login`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', generatedAdminPassword);
    await page.click('button[type="submit"]');
    await expect.poll(() => page.getByTestId('password-change-required').innerText()).toContain('首次登录前须设置新密码');
    await page.fill('input[name="newPassword"]', 'admin-password-1');
    await page.fill('input[name="confirmPassword"]', 'admin-password-2');
    await page.getByRole('button', { name: '修改密码并登录' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('两次输入的新密码不一致');
    await page.fill('input[name="confirmPassword"]', 'admin-password-1');
    await shot('01b-change-password');
    await page.getByRole('button', { name: '修改密码并登录' }).click();
    await page.getByTestId('dashboard').waitFor();
    // the generated password is gone; the new one logs in
    await expect(token('admin', generatedAdminPassword)).rejects.toThrow(/invalid username or password/);
    await logout();
  });

  it('an admin creates a drafter for 石狮市 in the console', async () => {
    await login('admin', 'admin-password-1');
    await page.goto(`${api.base}/#/users/create`);
    await page.locator('input[name="username"]').fill('shishi-drafter');
    await page.locator('input[name="displayName"]').fill('石狮市医保局起草人');
    await page.locator('input[name="password"]').fill('short');
    await page.locator('input[name="role-drafter"]').check();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('.MuiAlert-message').innerText()).toContain('至少 10 个字符');
    await page.locator('input[name="password"]').fill(PASSWORD);
    // the jurisdictions come from the tree with search (about 45,000 of them)
    await page.getByTestId('user-jurisdictions').getByRole('button', { name: '添加地区' }).click();
    await pickJurisdiction('石狮市');
    await shot('02-user-create');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL(/#\/users$/);
    await expect.poll(() => page.locator('body').innerText()).toContain('shishi-drafter');
    const { users } = await gqlAs(await token('admin', 'admin-password-1'), `{ users { username roles jurisdictions { name } } }`);
    expect(users.find((u: any) => u.username === 'shishi-drafter')).toEqual({ username: 'shishi-drafter', roles: ['drafter'], jurisdictions: [{ name: '石狮市' }] });
    await logout();
  });

  it('a drafter logs in and sees the dashboard, the jurisdiction tree and the versions', async () => {
    await login('shishi-drafter');
    // the first screen of a signed-in officer: reload and time until the versions are listed
    const started = Date.now();
    await page.reload();
    await expect.poll(() => page.getByTestId('published-versions').innerText()).toContain('石狮市');
    firstScreen.record('dashboard with data', Date.now() - started);
    await expect.poll(() => page.getByTestId('published-versions').innerText()).toContain('石狮市');
    await shot('03-dashboard');
    await visit(`/jurisdictions`, '灵源街道', '03-jurisdictions-tree');
    await visit(`/policyVersions`, '五河县', '04-versions');
  });

  it('offers a drafter no workflow on another jurisdiction’s version (五河县)', async () => {
    const { policy } = await gqlAs(undefined, `{ policy(jurisdiction: "五河县", year: 2024) { id } }`);
    await page.goto(`${api.base}/#/policyVersions/${policy.id}/show`);
    await page.getByTestId('version-title').waitFor();
    expect(await page.getByTestId('workflow').getByRole('button').count()).toBe(0);
  });

  it('clones Shishi 2025 into a 2026 draft', async () => {
    await page.goto(`${api.base}/#/policyVersions/${ids.shishi2025}/show`);
    await page.getByTestId('version-title').waitFor();
    await shot('05-version-2025');
    await page.getByRole('button', { name: '克隆为下一年', exact: true }).click();
    const year = page.getByRole('dialog').locator('input[name="year"]');
    expect(await year.inputValue()).toBe('2026');
    await page.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
    await page.waitForURL(/#\/policyVersions\/[0-9a-f-]+$/);
    ids.draft = /#\/policyVersions\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    const { policyVersion } = await gqlAs(await token('shishi-drafter'), `query ($id: ID!) { policyVersion(id: $id) { year status sourceVersionId } }`, { id: ids.draft });
    expect(policyVersion).toEqual({ year: 2026, status: 'DRAFT', sourceVersionId: ids.shishi2025 });
  });

  it('the form refuses a negative fee at the field, then saves 420', async () => {
    await page.getByRole('tab', { name: '筹资标准', exact: true }).click();
    const fee = page.locator('input[name="fees.individual.amountFen"]');
    expect(Number(await fee.inputValue())).toBe(400);
    await fee.fill('-5');
    const helper = page.locator('.MuiFormControl-root', { has: fee }).locator('.MuiFormHelperText-root.Mui-error');
    await expect.poll(() => helper.innerText()).toContain('不能为负数');
    expect(await page.getByRole('button', { name: '保存', exact: true }).isDisabled()).toBe(true);
    await shot('06-editor-refuses-negative-fee');
    await fee.fill('420');
    await expect.poll(() => helper.count()).toBe(0);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('已保存');
    await shot('07-editor-saved');
    // every part of the document has its tab of forms
    for (const [i, tab] of ['文件信息', '参保范围', '减免对象', '缴费时间', '特殊群体', '退费', '参保登记', '缴费渠道', '工作要求', '领导小组', '附件', '说明'].entries()) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect.poll(() => page.locator('input[name], textarea[name]').count()).toBeGreaterThan(0);
      await shot(`07-editor-tab-${String(i + 1).padStart(2, '0')}-${tab}`);
    }
  });

  it('uploads a cohort with a progress bar', async () => {
    const shishi = validatePolicyDocument(readSeed('shishi-2025.json'));
    if (!shishi.ok) throw new Error('seeds/shishi-2025.json is invalid');
    const file = join(tmpdir(), `console-cohort-${process.pid}.csv`);
    writeFileSync(file, [...generateCohort(shishi.document, { size: 500, seed: 7 })].join(''));
    await page.goto(`${api.base}/#/cohorts/create`);
    await page.locator('input[name="name"]').fill('石狮市2026测算人群');
    await page.locator('input[type="file"]').setInputFiles(file);
    await selectJurisdiction('石狮市');
    await shot('08-cohort-upload');
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.waitForURL(/#\/cohorts\/[^/]+\/show/);
    ids.cohort = /#\/cohorts\/([^/]+)\/show/.exec(page.url())![1]!;
    await expect.poll(() => page.locator('body').innerText()).toContain('500');
    await shot('09-cohort');
  });

  it('previews the draft against the cohort and shows the API’s totals', async () => {
    // the clone's own document number first: approval is on a preview of the draft as submitted
    const drafterToken = await token('shishi-drafter');
    await settleReviewItems((q, v) => api.gql(q, v, drafterToken), ids.draft!, '狮政办规〔2025〕9号');
    await page.goto(`${api.base}/#/preview?draft=${ids.draft}&cohort=${ids.cohort}`);
    await page.getByRole('button', { name: '开始预览', exact: true }).click();
    const totals = page.getByTestId('preview-totals');
    await totals.waitFor({ timeout: 60_000 });
    const { previewImpact } = await gqlAs(await token('shishi-drafter'), `query ($d: ID!, $c: ID!) { previewImpact(draft: $d, cohort: $c) { persons draft { totals { individualContributions } } baseline { totals { individualContributions } } } }`, { d: ids.draft, c: ids.cohort });
    // sums from 100,000 元 up read in 万元 on the page, the exact figure in their tooltip
    const exact = (await totals.locator('[data-exact]').evaluateAll((els) => els.map((e) => e.getAttribute('data-exact')))).map((x) => x!.replace(/[,元]/g, ''));
    for (const money of [previewImpact.draft.totals.individualContributions, previewImpact.baseline.totals.individualContributions]) expect(exact).toContain(money);
    expect(await totals.innerText()).toMatch(/\d+\.\d{2}万元/);
    expect(previewImpact.persons).toBe(500);
    // the summary in words leads, and each distinct change is listed once with its persons
    expect(await page.getByTestId('preview-summary').innerText()).toMatch(/^个人缴费增加[\d,.]+(万)?元（\+\d+\.\d%）/);
    await page.getByTestId('preview-groups').waitFor();
    // the workbook: an .xlsx (a zip, PK) named after the jurisdiction, the versions and the cohort
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('preview-export').click()]);
    expect(xlsx.suggestedFilename()).toBe('影响预览-石狮市-2026年草案-对比2025年-石狮市2026测算人群.xlsx');
    expect(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1')).toBe('PK');
    await shot('10-preview');
  });

  it('shows the draft as a notice with 420 and submits it for review', async () => {
    await visit(`/policyVersions/${ids.draft}/notice`, '420', '11-notice');
    // the notice as a Word file: a zip (PK) named after the jurisdiction and year
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 DOCX' }).click()]);
    // made by the server, named by jurisdiction, year, status and revision
    expect(download.suggestedFilename()).toMatch(/^石狮市-2026-草案-r\d+-通知\.docx$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5_000);
    // the clone's own document number and the years it still names (review items; test/browser/jurisdictions.spec.ts drives them in the console)
    const drafter = await token('shishi-drafter');
    await settleReviewItems((q, v) => api.gql(q, v, drafter), ids.draft!, '狮政办规〔2025〕9号');
    await page.goto(`${api.base}/#/policyVersions/${ids.draft}/show`);
    await page.getByTestId('version-title').waitFor();
    await workflow('提交审核', 'IN_REVIEW');
    await shot('12-submitted');
    // a drafter sees no approve button
    expect(await page.getByRole('button', { name: '审核通过', exact: true }).count()).toBe(0);
  });

  it('an approver approves and publishes', async () => {
    await logout();
    await login('shishi-approver');
    await page.goto(`${api.base}/#/policyVersions/${ids.draft}/show`);
    await page.getByTestId('version-title').waitFor();
    expect(await page.getByRole('button', { name: '编辑', exact: true }).count()).toBe(0);
    // the history tab, open while acting, follows every action without a reload
    await page.getByRole('tab', { name: '历史' }).click();
    const history = () => page.getByTestId('version-history').innerText();
    await page.getByTestId('version-history').waitFor();
    expect(await history()).not.toContain('审核通过');
    await workflow('审核通过', 'APPROVED');
    await expect.poll(history).toContain('审核通过');
    expect(await history()).not.toMatch(/\n发布\n/);
    await workflow('发布', 'PUBLISHED');
    await expect.poll(history).toMatch(/\n发布\n/);
    await shot('13-published');
    const { policy } = await gqlAs(undefined, `{ policy(jurisdiction: "石狮市", year: 2026) { id fees { individual } } }`);
    expect(policy).toEqual({ id: ids.draft, fees: { individual: '420.00' } });
  });

  it('compare shows 400 → 420', async () => {
    await visit(`/compare?a=${ids.shishi2025}&b=${ids.draft}`, '400 → 420', '14-compare');
    await visit(`/auditLog`, '发布', '15-history');
  });

  it('switches to English', async () => {
    await page.goto(`${api.base}/#/`);
    await page.getByTestId('dashboard').waitFor();
    await page.getByRole('button', { name: /语言|Language|简体中文/ }).first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('dashboard').innerText()).toContain('Published versions');
    await shot('16-english');
  });

  it('broke no rule of its Content-Security-Policy on any page above', () => {
    expect(cspViolations).toEqual([]);
  });
});

async function selectJurisdiction(name: string) {
  await page.getByTestId('cohort-jurisdiction').click();
  await pickJurisdiction(name);
}

/** In the jurisdiction picker's dialog: search, and take the result of that name. */
async function pickJurisdiction(name: string) {
  const dialog = page.getByTestId('jurisdiction-picker');
  await dialog.getByTestId('jurisdiction-search').fill(name);
  await dialog.locator(`[data-testid="search-result"][data-name="${name}"]`).first().click();
  await dialog.waitFor({ state: 'hidden' });
}
