import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserService } from '../../api/modules/user/user.service.js';
import { settleReviewItems, startTestApi, type TestApi } from '../helpers/api.js';
import { sqlClient } from '../helpers/db.js';
import { MARKERS } from './facts.js';
import { pdfText, popplerMissing } from './files.js';

/*
 * Over HTTP against a real PostgreSQL: the notice files and who may have them; the open questions as
 * a field of the version; approval on the preview the approver saw (recorded, refused when the draft
 * changed after it); corrections of a published notice under a number of their own.
 */
let api: TestApi;
const tokens: Record<string, string> = {};
const PASSWORD = 'correct horse battery';

const login = async (username: string, password = PASSWORD) => {
  const r = await api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password });
  if (r.errors) throw new Error(r.errors[0]!.message);
  return r.data.login.token as string;
};
const as = (who: string | null, query: string, variables?: Record<string, unknown>) => api.gql(query, variables, who ? tokens[who] : undefined);
const ok = async (who: string | null, query: string, variables?: Record<string, unknown>) => {
  const r = await as(who, query, variables);
  if (r.errors) throw new Error(`${who}: ${r.errors[0]!.message}`);
  return r.data;
};
const published = async (j: string, y: number) => (await ok(null, `query($j: String!, $y: Int!) { policy(jurisdiction: $j, year: $y) { id } }`, { j, y })).policy.id as string;
const file = (id: string, ext: string, who: string | null = null, query = '') =>
  fetch(`${api.base}/policy-versions/${id}/notice.${ext}${query}`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

beforeAll(async () => {
  api = await startTestApi();
  await new UserService(api.orm.em.fork()).ensureAdmin('admin-password-1');
  tokens.admin = await login('admin', 'admin-password-1');
  for (const [username, roles, jurisdictions] of [
    ['wuhe-drafter', ['drafter'], ['五河县']],
    ['wuhe-approver', ['approver'], ['五河县']],
    ['shishi-drafter', ['drafter'], ['石狮市']],
    ['shishi-approver', ['approver'], ['石狮市']],
  ] as const) {
    await ok('admin', `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { username, password: PASSWORD, roles, jurisdictions } });
    tokens[username] = await login(username);
  }
});
afterAll(async () => api?.close());

describe('GET /policy-versions/<id>/notice.pdf and .docx', () => {
  it('a published notice is anyone’s: a PDF and a DOCX named by jurisdiction, year, status and revision', async () => {
    const id = await published('石狮市', 2025);
    const pdf = await file(id, 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(pdf.headers.get('content-disposition')!)).toMatch(/石狮市-2025-已发布-r\d+-通知\.pdf/);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    if (!popplerMissing) {
      const text = pdfText(bytes);
      expect(text.replace(/\s+/g, '')).toContain('狮政办规〔2024〕5号');
      expect(text).not.toMatch(MARKERS);
    }
    const docx = await file(id, 'docx');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(docx.headers.get('content-disposition')!)).toMatch(/石狮市-2025-已发布-r\d+-通知\.docx/);
    // ?annotated=1: the annotated view, under a name of its own
    const annotated = await file(id, 'pdf', null, '?annotated=1');
    expect(decodeURIComponent(annotated.headers.get('content-disposition')!)).toMatch(/-通知-注释版\.pdf/);
    if (!popplerMissing) expect(pdfText(new Uint8Array(await annotated.arrayBuffer()))).toMatch(MARKERS);
  });

  it('a draft is for those who may read it (as policyVersion(id) decides); anyone else gets 404, as for an id that does not exist', async () => {
    const from = await published('五河县', 2024);
    const draft = (await ok('wuhe-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2025) { id } }`, { f: from })).createDraft.id as string;
    expect((await file(draft, 'pdf')).status).toBe(404);
    expect((await file(draft, 'docx', 'shishi-drafter')).status).toBe(404);
    expect((await file('00000000-0000-0000-0000-000000000000', 'pdf')).status).toBe(404);
    expect((await file('not-an-id', 'pdf')).status).toBe(404);
    const mine = await file(draft, 'pdf', 'wuhe-drafter');
    expect(mine.status).toBe(200);
    expect(decodeURIComponent(mine.headers.get('content-disposition')!)).toMatch(/五河县-2025-草案-r1-通知\.pdf/);
    const bad = await fetch(`${api.base}/policy-versions/${draft}/notice.pdf`, { headers: { authorization: 'Bearer nonsense' } });
    expect(bad.status).toBe(401);
  });
});

describe('PolicyVersion.openQuestions', () => {
  it('五河县 2024: the full subsidies of two funds, the newborn boundary day, categories without agency or fund source', async () => {
    const { policyVersion } = await ok(null, `query($id: ID!) { policyVersion(id: $id) { openQuestions { code path clause question suggestion } } }`, { id: await published('五河县', 2024) });
    const qs: any[] = policyVersion.openQuestions;
    expect(qs.find((q) => q.code === 'equal-subsidies-different-funds')).toMatchObject({ path: 'stacking', clause: '二（二）' });
    expect(qs.find((q) => q.code === 'equal-subsidies-different-funds').question).toContain('特困人员（医疗救助资金）和计划生育特殊家庭成员');
    expect(qs.find((q) => q.code === 'newborn-boundary-day')).toMatchObject({ path: 'specialGroups[0].rules[0].when', clause: '三（一）1' });
    expect(qs.filter((q) => q.code === 'category-fund-source').map((q) => q.path)).toEqual(['categories[3].fundSource', 'categories[4].fundSource']);
    for (const q of qs) {
      expect(q.question).toMatch(/[\u4e00-\u9fff]/);
      expect(q.suggestion).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('approval on the preview the approver saw', () => {
  const CSV = 'person_id,unit,birth_date,categories,groups,payment_date\np1,城关镇,1980-01-01,,,\np2,城关镇,1950-05-05,di-bao,,\np3,头铺镇,2000-03-03,te-kun,,2023-10-01\n';
  let cohort = '';
  let draft = '';

  const runPreview = async (who: string) => {
    const job = (await ok(who, `mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id } }`, { d: draft, c: cohort })).startPreview.id as string;
    for (let i = 0; i < 200; i++) {
      const r = await ok(who, `query($id: ID!) { policyVersion(id: $id) { latestPreview { job status current revision totals { persons draftGovernmentSubsidy } } } }`, { id: draft });
      if (r.policyVersion.latestPreview?.job === job && r.policyVersion.latestPreview.status !== 'running') return r.policyVersion.latestPreview;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('the preview did not finish');
  };

  beforeAll(async () => {
    const res = await fetch(`${api.base}/cohorts?jurisdiction=${encodeURIComponent('五河县')}&name=sample`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens['wuhe-drafter']}` },
      body: CSV,
    });
    expect(res.status).toBe(201);
    cohort = ((await res.json()) as { id: string }).id;
    draft = (await ok('wuhe-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2024) { id } }`, { f: await published('五河县', 2024) })).createDraft.id;
    await settleReviewItems((q, v) => as('wuhe-drafter', q, v), draft, '五政办秘〔2024〕1号');
  });

  it('records the preview with the approval; a draft changed after its preview needs a new one (PREVIEW_OUTDATED)', async () => {
    const first = await runPreview('wuhe-drafter');
    expect(first).toMatchObject({ status: 'done', current: true, totals: { persons: 3 } });
    // the drafter changes the fee after the preview, then submits with a note
    const { policyVersion: v } = await ok('wuhe-drafter', `query($id: ID!) { policyVersion(id: $id) { revision document } }`, { id: draft });
    const doc = structuredClone(v.document);
    doc.fees.government.amountFen = 67000;
    await ok('wuhe-drafter', `mutation($id: ID!, $r: Int!, $d: JSON!) { updateDraft(id: $id, revision: $r, document: $d, comment: "财政补助670元") { revision } }`, { id: draft, r: v.revision, d: doc });
    await settleReviewItems((q, vars) => as('wuhe-drafter', q, vars), draft);
    await ok('wuhe-drafter', `mutation($id: ID!) { submitForReview(id: $id, comment: "请审核：财政补助调整为670元") { status } }`, { id: draft });

    const seen = await ok('wuhe-approver', `query($id: ID!) { policyVersion(id: $id) { submission { by comment } latestPreview { job current } openQuestions { code } } }`, { id: draft });
    expect(seen.policyVersion.submission).toEqual({ by: 'wuhe-drafter', comment: '请审核：财政补助调整为670元' });
    expect(seen.policyVersion.latestPreview).toEqual({ job: first.job, current: false });

    const refused = await as('wuhe-approver', `mutation($id: ID!, $p: ID) { approve(id: $id, preview: $p) { status } }`, { id: draft, p: first.job });
    expect(refused.errors?.[0]?.extensions?.code).toBe('PREVIEW_OUTDATED');
    expect(refused.errors?.[0]?.message).toMatch(/^preview: the draft changed after the preview/);
    // by default the latest preview is taken: refused the same way; nothing was written
    expect((await as('wuhe-approver', `mutation($id: ID!) { approve(id: $id) { status } }`, { id: draft })).errors?.[0]?.extensions?.code).toBe('PREVIEW_OUTDATED');
    expect((await ok('wuhe-approver', `query($id: ID!) { policyVersion(id: $id) { status approvedPreview { job } } }`, { id: draft })).policyVersion).toEqual({ status: 'IN_REVIEW', approvedPreview: null });

    const second = await runPreview('wuhe-approver');
    expect(second).toMatchObject({ status: 'done', current: true, totals: { persons: 3 } });
    expect(second.totals.draftGovernmentSubsidy).not.toBe(first.totals.draftGovernmentSubsidy);
    const approved = await ok('wuhe-approver', `mutation($id: ID!, $p: ID) { approve(id: $id, preview: $p) { status approvedPreview { job current cohortName totals { persons } approvedAt } } }`, { id: draft, p: second.job });
    expect(approved.approve).toMatchObject({ status: 'APPROVED', approvedPreview: { job: second.job, current: true, cohortName: 'sample', totals: { persons: 3 } } });
    // durably: the row of the version holds it, whatever becomes of the job
    const sql = await sqlClient(api.databaseUrl);
    try {
      const r = await sql.query(`select approved_preview->>'jobId' as job from policy_version where id = $1`, [draft]);
      expect(r.rows[0].job).toBe(second.job);
    } finally {
      await sql.end();
    }
  });
});

describe('corrections of a published notice', () => {
  it('a new version with its own number, its relation recorded, shown in the API and printed in its notice', async () => {
    const of = await published('石狮市', 2025);
    const same = await as('shishi-drafter', `mutation($o: ID!) { createCorrection(of: $o, kind: ERRATA, documentNumber: "狮政办规〔2024〕5号") { id } }`, { o: of });
    expect(same.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'documentNumber' } });
    expect((await as('wuhe-drafter', `mutation($o: ID!) { createCorrection(of: $o, kind: ERRATA, documentNumber: "狮政办规〔2024〕9号") { id } }`, { o: of })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const c = (
      await ok('shishi-drafter', `mutation($o: ID!) { createCorrection(of: $o, kind: ERRATA, documentNumber: "狮政办规〔2024〕9号", issuedOn: "2024-11-05") { id status documentNumber corrects { kind version { id documentNumber } } } }`, { o: of })
    ).createCorrection;
    expect(c).toMatchObject({ status: 'DRAFT', documentNumber: '狮政办规〔2024〕9号', corrects: { kind: 'ERRATA', version: { id: of, documentNumber: '狮政办规〔2024〕5号' } } });
    const back = await ok('shishi-drafter', `query($id: ID!) { policyVersion(id: $id) { correctedBy { kind version { id } } } }`, { id: of });
    expect(back.policyVersion.correctedBy).toEqual([{ kind: 'ERRATA', version: { id: c.id } }]);
    // anonymous callers do not see the draft correction
    expect((await ok(null, `query($id: ID!) { policyVersion(id: $id) { correctedBy { kind } } }`, { id: of })).policyVersion.correctedBy).toEqual([]);
    if (!popplerMissing) {
      const text = pdfText(new Uint8Array(await (await file(c.id, 'pdf', 'shishi-drafter')).arrayBuffer())).replace(/\s+/g, '');
      expect(text).toContain('现对《石狮市人民政府办公室关于做好2025年度石狮市城乡居民基本医保参保登记和基金征缴工作的通知》（狮政办规〔2024〕5号，2024年10月28日印发）更正如下');
      expect(text).toContain('狮政办规〔2024〕9号');
    }
    // the database keeps the relation whole: a kind without the version it corrects is refused
    const sql = await sqlClient(api.databaseUrl);
    try {
      await expect(sql.query(`update policy_version set corrects_id = null where id = $1`, [c.id])).rejects.toThrow(/policy_version_correction_pair/);
    } finally {
      await sql.end();
    }
  });
});
