import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loginToken, startTestApi, type TestApi } from '../helpers/api.js';
import { CONSOLE_DIST } from '../../api/console.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { SHOTS, closeSuite, consoleLogin, gqlData, launchBrowser, uploadShishiCohort } from './helpers.js';
import { pdfText, popplerMissing } from '../notice/files.js';
import { MARKERS } from '../notice/facts.js';

/*
 * From clone to approval as the officers do it, in a real browser against the real API: a drafter
 * clones 石狮市 2025 into 2026, sees the review items in Chinese, is refused at 提交审核 with the document
 * number named, gives the notice its own number, previews it on a cohort and submits with a note; the
 * approver sees the note, the changes against 2025, the open questions and the preview (cohort, when,
 * totals) before approving, and the approval records that preview. The notice downloads as the server's
 * PDF. Screenshots in test-output/screenshots/notice-*.png.
 */
const PASSWORD = 'notice-password-1';

let api: TestApi;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const gqlAs = (token: string | undefined, query: string, variables: Record<string, unknown> = {}) => gqlData(api, token, query, variables);
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `notice-${name}.png`), fullPage: true });

async function login(username: string) {
  await page.evaluate(() => localStorage.clear()).catch(() => {});
  await consoleLogin(page, `${api.base}/#/login`, username, PASSWORD);
}

async function openVersion(id: string) {
  await page.goto(`${api.base}/#/policyVersions/${id}/show`);
  await page.getByTestId('version-title').waitFor();
}

beforeAll(async () => {
  api = await startTestApi({ console: CONSOLE_DIST });
  await new UserService(api.orm.em.fork()).ensureAdmin('admin-password-1');
  const { login: admin } = await gqlAs(undefined, `mutation { login(username: "admin", password: "admin-password-1") { token } }`);
  for (const [username, displayName, roles] of [
    ['shishi-drafter', '石狮市医保局起草人', ['drafter']],
    ['shishi-approver', '石狮市医保局审核人', ['approver']],
  ] as const) {
    await gqlAs(admin.token, `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username, displayName, password: PASSWORD, roles, jurisdictions: ['石狮市'] } });
    tokens[username] = await loginToken(api, username, PASSWORD);
  }
  ids.shishi2025 = (await gqlAs(undefined, `{ policy(jurisdiction: "石狮市", year: 2025) { id } }`)).policy.id;
  // the population to preview on (the cohort pages have their own browser test)
  ids.cohort = await uploadShishiCohort(api, tokens['shishi-drafter']!, '石狮市测算人群', { size: 300, seed: 3 });
  ({ browser, page } = await launchBrowser({ acceptDownloads: true }));
}, 120_000);

afterAll(() => closeSuite(browser, api));

describe('the notice from clone to approval', () => {
  it('a drafter clones 石狮市 2025 into 2026 and sees the review items in Chinese', async () => {
    await login('shishi-drafter');
    await openVersion(ids.shishi2025!);
    await page.getByRole('button', { name: '克隆为下一年', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
    await page.waitForURL(/#\/policyVersions\/[0-9a-f-]+$/);
    ids.draft = /#\/policyVersions\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    await openVersion(ids.draft);
    const items = page.getByTestId('review-items');
    await expect.poll(() => items.innerText()).toContain('文号');
    expect(await items.locator('[data-key="document-number"]').innerText()).toMatch(/沿用了来源版本/);
    expect(await page.getByTestId('review-summary').innerText()).toMatch(/须处理后才能提交审核/);
    // the drafter sees the questions the notice leaves open, too
    await expect.poll(() => page.getByTestId('open-questions').innerText()).toContain('等待期');
    await shot('01-draft-review-items');
  });

  it('提交审核 is refused, naming the document number; the drafter gives the notice its own number', async () => {
    await page.getByRole('button', { name: '提交审核', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
    await expect.poll(() => page.getByTestId('workflow-error').innerText()).toContain('metadata.documentNumber');
    await shot('02-submit-refused');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    // in the editor: 文件信息 → 文号
    await page.goto(`${api.base}/#/policyVersions/${ids.draft}`);
    await page.getByRole('tab', { name: '文件信息', exact: true }).click();
    const number = page.locator('input[name="metadata.documentNumber"]');
    expect(await number.inputValue()).toBe('狮政办规〔2024〕5号');
    await number.fill('狮政办规〔2025〕6号');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('已保存');
    await openVersion(ids.draft!);
    const items = page.getByTestId('review-items');
    await expect.poll(() => items.locator('[data-key="document-number"]').count()).toBe(0);
    // the other items checked and acknowledged as right
    await page.getByTestId('acknowledge-all').click();
    await expect.poll(() => page.getByTestId('review-summary').innerText()).not.toMatch(/须处理后才能提交审核/);
    await shot('03-number-fixed');
  });

  it('previews the draft on the cohort, then submits it with a note for the approver', async () => {
    await page.goto(`${api.base}/#/preview?draft=${ids.draft}&cohort=${ids.cohort}`);
    await page.getByRole('button', { name: '开始预览', exact: true }).click();
    await page.getByTestId('preview-totals').waitFor({ timeout: 60_000 });
    await shot('04-preview');
    await openVersion(ids.draft!);
    await page.getByRole('button', { name: '提交审核', exact: true }).click();
    await page.getByRole('dialog').locator('textarea[name="comment"]').first().fill('已更新文号，请审核');
    await page.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
    await page.locator('[data-status="IN_REVIEW"]').first().waitFor();
  });

  it('the approver sees the note, the changes, the open questions and the preview, and approves on it', async () => {
    await login('shishi-approver');
    await openVersion(ids.draft!);
    const panel = page.getByTestId('review-panel');
    await expect.poll(() => panel.getByTestId('submission').innerText()).toContain('已更新文号，请审核');
    expect(await panel.getByTestId('submission').innerText()).toContain('shishi-drafter');
    await expect.poll(() => panel.getByTestId('changes').innerText()).toContain('文号');
    const preview = panel.getByTestId('preview-latest');
    await expect.poll(() => preview.innerText()).toContain('石狮市测算人群');
    const { policyVersion } = await gqlAs(tokens['shishi-approver'], `query ($id: ID!) { policyVersion(id: $id) { latestPreview { job current totals { persons draftIndividualContributions } } } }`, { id: ids.draft });
    expect(policyVersion.latestPreview).toMatchObject({ current: true, totals: { persons: 300 } });
    const shown = (await preview.innerText()).replace(/[,，\s]/g, '');
    expect(shown).toContain(policyVersion.latestPreview.totals.draftIndividualContributions);
    expect(await preview.getByTestId('preview-outdated').count()).toBe(0);
    expect(await panel.getByTestId('open-questions').innerText()).toContain('3个月等待期');
    await shot('05-approver-review');
    await page.getByRole('button', { name: '审核通过', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定', exact: true }).click();
    await page.locator('[data-status="APPROVED"]').first().waitFor();
    await expect.poll(() => page.getByTestId('preview-approved').innerText()).toContain('审核依据');
    const after = await gqlAs(tokens['shishi-approver'], `query ($id: ID!) { policyVersion(id: $id) { approvedPreview { job } } }`, { id: ids.draft });
    expect(after.policyVersion.approvedPreview.job).toBe(policyVersion.latestPreview.job);
    await shot('06-approved');
  });

  it('the notice downloads as the server’s PDF, named by jurisdiction, year, status and revision', async () => {
    await page.goto(`${api.base}/#/policyVersions/${ids.draft}/notice`);
    await expect.poll(() => page.locator('body').innerText()).toContain('狮政办规〔2025〕6号');
    expect(await page.locator('.pn-masthead').innerText()).toContain('石狮市人民政府办公室');
    await shot('07-notice');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^石狮市-2026-已审核-r\d+-通知\.pdf$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!popplerMissing) {
      const text = pdfText(bytes);
      expect(text.replace(/\s+/g, '')).toContain('狮政办规〔2025〕6号');
      expect(text).not.toMatch(MARKERS);
    }
    const file = join(tmpdir(), `notice-${process.pid}.pdf`);
    writeFileSync(file, bytes);
  });
});
