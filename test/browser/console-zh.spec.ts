import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loginToken, startTestApi, type TestApi } from '../helpers/api.js';
import { CONSOLE_DIST } from '../../api/console.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { SHOTS, closeSuite, consoleLogin, gqlData, launchBrowser, uploadShishiCohort } from './helpers.js';

/*
 * The console speaks Chinese: a browser walks every page a drafter, an approver, an auditor and an
 * admin can reach, in zh-CN, opening the tabs, menus and dialogs a page has, and reads what is on
 * screen (the page's innerText, with the codes and paths shown in small type left out). Any word in
 * Latin letters outside ALLOWED fails the test, each reported with its page and the line it stands in.
 * A screenshot of each page is kept in test-output/screenshots/zh-<role>-….png.
 */

const PASSWORD = 'console-password-1';
const USERS = { drafter: 'shishi-drafter', approver: 'shishi-approver', auditor: 'shishi-auditor', admin: 'admin' } as const;
type Role = keyof typeof USERS;

/**
 * Latin words a Chinese officer's screen may show: file formats named as such, APP as the notices
 * themselves print it (“闽政通”APP), English as the name of the language switch's other language, and
 * the people's own user names (person ids). Codes, paths and person ids of a cohort are shown in small
 * type (marked `data-code`) and are not read at all.
 */
const ALLOWED = new Set(['DOCX', 'PDF', 'CSV', 'JSON', 'XLSX', 'UTF-8', 'APP', 'English', ...Object.values(USERS)]);

let api: TestApi;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};
const offending: { role: Role; page: string; word: string; line: string }[] = [];
const walked: string[] = [];

const gqlAs = (token: string | undefined, query: string, variables: Record<string, unknown> = {}) => gqlData(api, token, query, variables);

const tokenOf = (username: string) => loginToken(api, username, PASSWORD);

/** The text on screen, codes in small type left out: what an officer reads. */
async function visibleText(): Promise<string> {
  return page.evaluate(() => {
    // runs in the page (the project's types know no DOM)
    const doc = (globalThis as unknown as { document: any }).document;
    const style = doc.createElement('style');
    style.textContent = '[data-code], code { display: none !important; }';
    doc.head.appendChild(style);
    const text: string = doc.body.innerText;
    style.remove();
    return text;
  });
}

/** Wait until the page has stopped changing (no spinner, the same text twice in a row). */
async function settle() {
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const busy = await page.locator('.MuiCircularProgress-root, .MuiLinearProgress-root').count();
    const text = await page.locator('body').innerText();
    if (!busy && text === last && !text.includes('加载中')) return;
    last = text;
  }
}

/** Read the screen as it is now, note every Latin word outside ALLOWED, keep a screenshot. */
async function check(role: Role, name: string) {
  await settle();
  const text = await visibleText();
  for (const line of text.split('\n'))
    for (const word of line.match(/[A-Za-z][A-Za-z0-9_.'’-]*/g) ?? []) {
      const w = word.replace(/[.'’-]+$/, '');
      if (!ALLOWED.has(w)) offending.push({ role, page: name, word: w, line: line.trim().slice(0, 160) });
    }
  walked.push(`${role}: ${name}`);
  await page.screenshot({ path: join(SHOTS, `zh-${role}-${String(walked.length).padStart(2, '0')}-${name.replace(/[\s/#?=&:]+/g, '_')}.png`), fullPage: true });
}

async function visit(role: Role, name: string, hash: string, ready?: () => Promise<unknown>) {
  await page.goto(`${api.base}/#${hash}`);
  if (ready) await ready();
  await check(role, name);
}

/** Open a dialog by its button, read it, and close it without doing anything. */
async function dialog(role: Role, name: string, button: string) {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  await page.getByRole('dialog').waitFor();
  await check(role, name);
  await page.getByRole('dialog').getByRole('button', { name: '取消', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

async function login(role: Role) {
  await page.evaluate(() => localStorage.clear());
  // a new page load, as after logging out: nothing of the last user is kept
  await consoleLogin(page, `${api.base}/?as=${role}#/login`, USERS[role], PASSWORD);
}

/** The pages every role can reach, with their tabs, menus and dialogs. */
async function walkCommon(role: Role) {
  await visit(role, 'dashboard', '/', () => page.getByTestId('published-versions').waitFor());
  // the user menu and the language menu of the app bar
  await page.locator('header button').filter({ hasText: /简体中文/ }).first().click();
  await page.getByRole('menu').waitFor();
  await check(role, 'language menu');
  await page.keyboard.press('Escape');
  await visit(role, 'versions', '/policyVersions', () => page.getByText('五河县').first().waitFor());
  await visit(role, 'version 2025', `/policyVersions/${ids.shishi2025}/show`, () => page.getByTestId('version-title').waitFor());
  await visit(role, 'draft', `/policyVersions/${ids.draft}/show`, () => page.getByTestId('version-title').waitFor());
  for (const tab of ['提示', '自动变更', '历史']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await check(role, `draft · ${tab}`);
  }
  await visit(role, 'notice', `/policyVersions/${ids.draft}/notice`, () => page.getByText('一、').first().waitFor());
  await visit(role, 'jurisdictions', '/jurisdictions', () => page.getByTestId('jurisdiction-tree').getByTestId('jurisdiction-node').first().waitFor());
  await visit(role, 'cohorts', '/cohorts', () => page.getByText('石狮市2026测算人群').first().waitFor());
  await visit(role, 'cohort', `/cohorts/${ids.cohort}/show`, () => page.getByTestId('cohort-by-unit').waitFor());
  await visit(role, 'history', '/auditLog', () => page.locator('.RaDatagrid-table').waitFor());
  await visit(role, 'compare', `/compare?a=${ids.shishi2025}&b=${ids.draft}`, () => page.getByTestId('compare-changes').waitFor());
  await visit(role, 'preview', `/preview?draft=${ids.draft}&cohort=${ids.cohort}`, () => page.getByTestId('preview-start').waitFor());
  if (role === 'auditor') {
    // auditors read, they do not run previews: the page says so
    await page.getByTestId('preview-not-allowed').waitFor();
  } else {
    await page.getByTestId('preview-start').click();
    await page.getByTestId('preview-result').waitFor({ timeout: 60_000 });
    await check(role, 'preview result');
  }
  // the jurisdiction picker of a filter: the tree with its search
  await page.goto(`${api.base}/#/policyVersions`);
  await page.getByTestId('filter-jurisdiction').click();
  await page.getByTestId('jurisdiction-picker').getByTestId('jurisdiction-node').first().waitFor();
  await check(role, 'jurisdiction picker');
  await page.getByTestId('jurisdiction-picker').getByTestId('jurisdiction-search').fill('石狮');
  await page.getByTestId('jurisdiction-picker').getByTestId('search-result').first().waitFor();
  await check(role, 'jurisdiction picker · search');
  await page.keyboard.press('Escape');
}

beforeAll(async () => {
  api = await startTestApi({ console: CONSOLE_DIST });
  const users = new UserService(api.orm.em.fork());
  await users.ensureAdmin(PASSWORD);
  const shishi = (await api.orm.em.fork().execute(`select id from jurisdiction where name = '石狮市'`))[0]!.id as number;
  await users.create({ username: USERS.drafter, displayName: '石狮市医保局起草人', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [shishi] });
  await users.create({ username: USERS.approver, displayName: '石狮市医保局审核人', password: PASSWORD, roles: ['approver'], jurisdictionIds: [shishi] });
  await users.create({ username: USERS.auditor, displayName: '市审计局审计人', password: PASSWORD, roles: ['auditor'], jurisdictionIds: [] });
  // next year's draft with a raised fee, and a cohort of this year's population (500 persons)
  const drafter = await tokenOf(USERS.drafter);
  ids.shishi2025 = (await gqlAs(undefined, `{ policy(jurisdiction: "石狮市", year: 2025) { id } }`)).policy.id;
  const { createDraft } = await gqlAs(drafter, `mutation ($f: ID!) { createDraft(from: $f, year: 2026) { id revision document } }`, { f: ids.shishi2025 });
  ids.draft = createDraft.id;
  const doc = createDraft.document;
  doc.fees.individual.amountFen = 42_000;
  await gqlAs(drafter, `mutation ($id: ID!, $r: Int!, $d: JSON!) { updateDraft(id: $id, revision: $r, document: $d) { id } }`, { id: ids.draft, r: createDraft.revision, d: doc });
  ids.cohort = await uploadShishiCohort(api, drafter, '石狮市2026测算人群', { size: 500, seed: 11 });

  ({ browser, page } = await launchBrowser());
}, 180_000);

afterAll(() => closeSuite(browser, api));

describe('the console in zh-CN: no English word on any page, for every role', () => {
  it('the login page', async () => {
    await page.goto(`${api.base}/#/login`);
    await page.locator('input[name="username"]').waitFor();
    await check('drafter', 'login');
  });

  it('a drafter: every page, every tab of the editor, the workflow dialogs', async () => {
    await login('drafter');
    await walkCommon('drafter');
    await visit('drafter', 'draft', `/policyVersions/${ids.draft}/show`, () => page.getByTestId('version-title').waitFor());
    await dialog('drafter', 'clone dialog', '克隆为下一年');
    await dialog('drafter', 'submit dialog', '提交审核');
    await visit('drafter', 'editor', `/policyVersions/${ids.draft}`, () => page.getByRole('tab', { name: '筹资标准', exact: true }).waitFor());
    for (const tab of ['文件信息', '参保范围', '筹资标准', '减免对象', '缴费时间', '特殊群体', '退费', '参保登记', '缴费渠道', '工作要求', '领导小组', '附件', '说明']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      // open the first card of the tab, where there is one
      const card = page.locator('[aria-label="展开"]').first();
      if (await card.count()) await card.click();
      await check('drafter', `editor · ${tab}`);
    }
    await visit('drafter', 'cohort upload', '/cohorts/create', () => page.getByTestId('cohort-vocabulary').waitFor());
  }, 300_000);

  it('an approver: every page, and the review dialogs of a draft in review', async () => {
    // the drafter gives the draft its own number, confirms what it takes from its source, and submits it
    const drafter = await tokenOf(USERS.drafter);
    const { policyVersion: v } = await gqlAs(drafter, `query ($id: ID!) { policyVersion(id: $id) { revision document } }`, { id: ids.draft });
    v.document.metadata.documentNumber = '狮政办规〔2025〕9号';
    const saved = await gqlAs(drafter, `mutation ($id: ID!, $r: Int!, $d: JSON!) { updateDraft(id: $id, revision: $r, document: $d) { reviewItems { key settled acknowledgeable } } }`, { id: ids.draft, r: v.revision, d: v.document });
    const keys = saved.updateDraft.reviewItems.filter((i: any) => !i.settled && i.acknowledgeable).map((i: any) => i.key);
    if (keys.length) await gqlAs(drafter, `mutation ($id: ID!, $k: [String!]!) { acknowledgeReviewItems(id: $id, keys: $k, comment: "已核对") { id } }`, { id: ids.draft, k: keys });
    await gqlAs(drafter, `mutation ($id: ID!) { submitForReview(id: $id) { id } }`, { id: ids.draft });
    await login('approver');
    await walkCommon('approver');
    await visit('approver', 'draft in review', `/policyVersions/${ids.draft}/show`, () => page.getByTestId('version-title').waitFor());
    await dialog('approver', 'approve dialog', '审核通过');
    await dialog('approver', 'reject dialog', '退回修改');
  }, 300_000);

  it('an auditor: every page', async () => {
    await login('auditor');
    await walkCommon('auditor');
  }, 300_000);

  it('an admin: every page, and the users', async () => {
    await login('admin');
    await walkCommon('admin');
    await visit('admin', 'users', '/users', () => page.getByText(USERS.drafter).first().waitFor());
    await visit('admin', 'new user', '/users/create', () => page.locator('input[name="username"]').waitFor());
    await page.getByTestId('user-jurisdictions').getByRole('button', { name: '添加地区' }).click();
    await page.getByTestId('jurisdiction-picker').getByTestId('jurisdiction-node').first().waitFor();
    await check('admin', 'new user · jurisdictions');
    await page.keyboard.press('Escape');
  }, 300_000);

  it('found no English word outside the allowed list', () => {
    // each word once per page, with the first line it stands in
    const report = new Map<string, string>();
    for (const o of offending) {
      const key = `${o.role} · ${o.page}: "${o.word}"`;
      if (!report.has(key)) report.set(key, `${key} in “${o.line}”`);
    }
    console.log(`walked ${walked.length} screens`);
    expect([...report.values()]).toEqual([]);
  });
});
