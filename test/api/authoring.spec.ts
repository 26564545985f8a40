import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appDatabaseUrl } from '../../api/db/orm.js';
import { sqlClient } from '../helpers/db.js';
import { adminToken, callsAs, createUsers, loginToken, settleReviewItems, startTestApi, versionIdOf, type TestApi } from '../helpers/api.js';

/**
 * The authoring workflow over GraphQL/HTTP against a real PostgreSQL: clone-forward, optimistic locking,
 * review with four eyes, atomic publish, who may do what, history, compare, point in time, export/import.
 */
let api: TestApi;
const tokens: Record<string, string> = {};
let integratorKey = '';

const PASSWORD = 'correct horse battery';
const { as, ok } = callsAs(() => api, tokens);
const versionId = (jurisdiction: string, year: number) => versionIdOf(api, jurisdiction, year);

const V = `id year status revision documentNumber contentHash sourceVersionId sourceAmended autoChanges { path before after reason }
  createdBy editedBy approvedBy publishedBy reviewComment document fees { individual government }`;

beforeAll(async () => {
  api = await startTestApi();
  tokens.admin = await adminToken(api);
  const users: [string, string[], string[]][] = [
    ['shishi-drafter', ['drafter'], ['石狮市']],
    ['shishi-drafter2', ['drafter'], ['350581']],
    ['shishi-approver', ['approver'], ['石狮市']],
    ['shishi-both', ['drafter', 'approver'], ['石狮市']],
    ['quanzhou-drafter', ['drafter'], ['泉州市']],
    ['meishan-drafter', ['drafter'], ['眉山市']],
    ['meishan-approver', ['approver'], ['眉山市']],
    ['wuhe-drafter', ['drafter'], ['五河县']],
    ['wuhe-approver', ['approver'], ['蚌埠市']],
    ['auditor', ['auditor'], []],
    ['tax-system', ['integrator'], []],
  ];
  await createUsers(api, tokens.admin, PASSWORD, users);
  for (const [u] of users) if (u !== 'tax-system') tokens[u] = await loginToken(api, u, PASSWORD);
  const { users: all } = await ok('admin', `{ users { id username } }`);
  const tax = all.find((u: any) => u.username === 'tax-system');
  integratorKey = (await ok('admin', `mutation($u: ID!) { createApiKey(name: "税务征收系统", userId: $u) { key apiKey { prefix } } }`, { u: tax.id })).createApiKey.key;
  tokens['tax-system'] = integratorKey;
});
afterAll(async () => api?.close());

describe('compare', () => {
  it('Shishi 2024 → 2025 lists the fee, the floor, the new window, the waiting period, validity, the roster and the rename', async () => {
    const r = await api.gql(`query($a: ID!, $b: ID!) { compareVersions(a: $a, b: $b) { path kind before after label summary } }`, {
      a: await versionId('石狮市', 2024),
      b: await versionId('石狮市', 2025),
    });
    expect(r.errors).toBeUndefined();
    const changes: any[] = r.data.compareVersions;
    const at = (path: string) => changes.find((c) => c.path === path);
    expect(at('fees.individual.amountFen')).toMatchObject({ kind: 'changed', before: 39000, after: 40000, label: '个人缴费标准', summary: '个人缴费标准 390 → 400（+2.6%）' });
    expect(at('fees.government.amountFen')).toMatchObject({ kind: 'changed', before: 64000, after: 67000, summary: '财政补助标准 640 → 670（+4.7%）' });
    expect(at('windows[extended]')).toMatchObject({ kind: 'added', label: '参保缴费期「延长参保缴费期」' });
    expect(at('windows[back-payment].waiting')).toMatchObject({
      kind: 'changed',
      before: { kind: 'days', days: 60, convention: 'payment-day-is-day-1' },
      after: { kind: 'months', months: 3, convention: 'same-day-of-month-clamped' },
      summary: '参保缴费期「参保补缴期」等待期 60天 → 3个月',
    });
    expect(at('metadata.validity.until')).toMatchObject({ kind: 'changed', before: '2025-12-31', after: '2026-12-31', label: '有效期至' });
    expect(at('leadGroup')).toMatchObject({ kind: 'removed', label: '领导小组', after: null });
    expect(at('leadGroup').before.members).toHaveLength(27);
    expect(at('categories[te-kun]')).toMatchObject({ kind: 'renamed', before: '特困人员', after: '特困供养人员', summary: '减免对象「特困人员」更名：特困人员 → 特困供养人员' });
  });

  it('works across jurisdictions', async () => {
    const r = await api.gql(`query($a: ID!, $b: ID!) { compareVersions(a: $a, b: $b) { path kind } }`, {
      a: await versionId('眉山市', 2024),
      b: await versionId('五河县', 2024),
    });
    expect(r.data.compareVersions.find((c: any) => c.path === 'fees.government.basis')).toMatchObject({ kind: 'changed' });
    expect(r.data.compareVersions.find((c: any) => c.path === 'jurisdiction.name')).toMatchObject({ kind: 'changed' });
  });
});

describe('clone → edit → submit → approve → publish → quote', () => {
  it('runs end to end, with every step in the history', async () => {
    const from = await versionId('石狮市', 2025);
    const { createDraft: d } = await ok('shishi-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2026) { ${V} } }`, { f: from });
    expect(d).toMatchObject({ year: 2026, status: 'DRAFT', revision: 1, sourceVersionId: from, createdBy: 'shishi-drafter', editedBy: ['shishi-drafter'] });
    // the yearly dates moved by one year, and the draft says so
    expect(d.document.windows.map((w: any) => [w.from, w.to])).toEqual([
      ['2025-09-01', '2025-12-31'],
      ['2026-01-01', '2026-02-28'],
      ['2026-03-01', '2026-12-31'],
    ]);
    expect(d.autoChanges).toContainEqual({ path: 'fees.lateSurcharge.from', before: '2025-07-01', after: '2026-07-01', reason: 'date moved by 1 year' });
    expect(d.autoChanges).toContainEqual(expect.objectContaining({ path: 'metadata.title', before: expect.stringContaining('2025'), after: expect.stringContaining('2026') }));
    expect(d.autoChanges.find((c: any) => c.path === 'metadata.documentNumber').reason).toMatch(/to review/);

    const doc = structuredClone(d.document);
    doc.fees.individual.amountFen = 42000;
    doc.metadata.documentNumber = '狮政办规〔2025〕9号';
    const { updateDraft: u } = await ok('shishi-drafter', `mutation($id: ID!, $r: Int!, $d: JSON!) { updateDraft(id: $id, revision: $r, document: $d, comment: "2026年个人缴费提高到420元") { ${V} } }`, {
      id: d.id,
      r: 1,
      d: doc,
    });
    expect(u).toMatchObject({ revision: 2, fees: { individual: '420.00' } });

    await settleReviewItems((q, v) => as('shishi-drafter', q, v), d.id);
    await ok('shishi-drafter', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
    const { approve } = await ok('shishi-approver', `mutation($id: ID!) { approve(id: $id, comment: "同意") { status approvedBy } }`, { id: d.id });
    expect(approve).toEqual({ status: 'APPROVED', approvedBy: 'shishi-approver' });
    const { publish } = await ok('shishi-approver', `mutation($id: ID!) { publish(id: $id) { status publishedBy contentHash } }`, { id: d.id });
    expect(publish).toMatchObject({ status: 'PUBLISHED', publishedBy: 'shishi-approver' });

    // integrators quote against the new version at once
    const q = await as('tax-system', `{ quote(input: { jurisdiction: "石狮市", year: 2026, paymentDate: "2025-11-15", categories: ["di-bao"] }) { individualFee amountDue benefitStart policyVersionId } }`);
    expect(q.errors).toBeUndefined();
    expect(q.data.quote).toEqual({ individualFee: '420.00', amountDue: '42.00', benefitStart: '2026-01-01', policyVersionId: d.id });
    const cmp = await api.gql(`query($a: ID!, $b: ID!) { compareVersions(a: $a, b: $b) { path summary } }`, { a: from, b: d.id });
    expect(cmp.data.compareVersions.find((c: any) => c.path === 'fees.individual.amountFen').summary).toBe('个人缴费标准 400 → 420（+5.0%）');

    const h = await ok('auditor', `query($id: ID!) { auditLog(policyVersionId: $id) { action username comment diff } }`, { id: d.id });
    expect(h.auditLog.map((e: any) => e.action).reverse()).toEqual(['create-draft', 'update-draft', 'acknowledge-review-items', 'submitForReview', 'approve', 'approve-preview', 'publish']);
    const edit = h.auditLog.find((e: any) => e.action === 'update-draft');
    expect(edit).toMatchObject({ username: 'shishi-drafter', comment: '2026年个人缴费提高到420元' });
    expect(edit.diff).toEqual([
      expect.objectContaining({ path: 'fees.individual.amountFen', before: 40000, after: 42000 }),
      expect.objectContaining({ path: 'metadata.documentNumber', before: '狮政办规〔2024〕5号', after: '狮政办规〔2025〕9号' }),
    ]);
  });
});

describe('optimistic locking', () => {
  it('two concurrent edits of one draft: one wins, the other gets a conflict naming who, nothing is lost', async () => {
    const { createDraft: d } = await ok('shishi-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2027) { id document } }`, { f: await versionId('石狮市', 2025) });
    const a = structuredClone(d.document);
    a.fees.individual.amountFen = 43000;
    const b = structuredClone(d.document);
    b.fees.government.amountFen = 70000;
    const M = `mutation($id: ID!, $r: Int!, $d: JSON!) { updateDraft(id: $id, revision: $r, document: $d) { revision document } }`;
    const [ra, rb] = await Promise.all([as('shishi-drafter', M, { id: d.id, r: 1, d: a }), as('shishi-drafter2', M, { id: d.id, r: 1, d: b })]);
    const results = [ra, rb];
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = ra.errors ? 'shishi-drafter2' : 'shishi-drafter';
    const err = lost[0]!.errors![0]!;
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'revision', currentRevision: 2, changedBy: winner });
    expect(err.message).toContain(`revision: 1 is out of date: ${winner} saved revision 2`);
    const now = await ok('shishi-drafter', `query($id: ID!) { policyVersion(id: $id) { revision document } }`, { id: d.id });
    expect(now.policyVersion.revision).toBe(2);
    expect(now.policyVersion.document).toEqual(won[0]!.data.updateDraft.document);
    // the loser reloads and applies again: both edits are kept
    const merged = structuredClone(now.policyVersion.document);
    if (winner === 'shishi-drafter') merged.fees.government.amountFen = 70000;
    else merged.fees.individual.amountFen = 43000;
    const again = await ok(winner === 'shishi-drafter' ? 'shishi-drafter2' : 'shishi-drafter', M, { id: d.id, r: 2, d: merged });
    expect(again.updateDraft.document.fees).toMatchObject({ individual: { amountFen: 43000 }, government: { amountFen: 70000 } });
  });

  it('a stale revision after a lifecycle step is refused too', async () => {
    const { createDraft: d } = await ok('shishi-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2028) { id document } }`, { f: await versionId('石狮市', 2025) });
    await settleReviewItems((q, v) => as('shishi-drafter', q, v), d.id);
    await ok('shishi-drafter', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
    const r = await as('shishi-drafter', `mutation($id: ID!, $d: JSON!) { updateDraft(id: $id, revision: 1, document: $d) { id } }`, { id: d.id, d: d.document });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'FAILED_PRECONDITION' });
  });
});

describe('four eyes', () => {
  it('whoever edited a draft cannot approve it; another approver can', async () => {
    const { createDraft: d } = await ok('shishi-both', `mutation($f: ID!) { createDraft(from: $f, year: 2029) { id } }`, { f: await versionId('石狮市', 2025) });
    await settleReviewItems((q, v) => as('shishi-both', q, v), d.id);
    await ok('shishi-both', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
    const self = await as('shishi-both', `mutation($id: ID!) { approve(id: $id) { status } }`, { id: d.id });
    expect(self.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(self.errors![0]!.message).toContain('four eyes — shishi-both edited this draft and cannot approve it');
    const other = await ok('shishi-approver', `mutation($id: ID!) { approve(id: $id) { status } }`, { id: d.id });
    expect(other.approve.status).toBe('APPROVED');
  });

  it('a drafter cannot approve or publish, and a rejection needs a reason', async () => {
    const { createDraft: d } = await ok('shishi-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2030) { id } }`, { f: await versionId('石狮市', 2025) });
    await settleReviewItems((q, v) => as('shishi-drafter', q, v), d.id);
    await ok('shishi-drafter', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
    const approve = await as('shishi-drafter', `mutation($id: ID!) { approve(id: $id) { status } }`, { id: d.id });
    expect(approve.errors![0]!.message).toBe('approve: needs the role approver; shishi-drafter has drafter');
    const noReason = await as('shishi-approver', `mutation($id: ID!) { reject(id: $id, comment: " ") { status } }`, { id: d.id });
    expect(noReason.errors![0]!.extensions!.field).toBe('comment');
    const back = await ok('shishi-approver', `mutation($id: ID!) { reject(id: $id, comment: "缴费标准需与泉州市一致") { status reviewComment } }`, { id: d.id });
    expect(back.reject).toEqual({ status: 'DRAFT', reviewComment: '缴费标准需与泉州市一致' });
    const publish = await as('shishi-approver', `mutation($id: ID!) { publish(id: $id) { status } }`, { id: d.id });
    expect(publish.errors![0]!.extensions!.code).toBe('FAILED_PRECONDITION');
  });
});

describe('who may do what', () => {
  it('keeps drafters and approvers inside their jurisdictions, for writes', async () => {
    const shishi = await versionId('石狮市', 2025);
    const r = await as('meishan-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2031) { id } }`, { f: shishi });
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toBe('createDraft: 石狮市 is outside the jurisdictions of meishan-drafter');
    // a Quanzhou officer works on the counties and subdistricts below Quanzhou
    const up = await as('quanzhou-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2031) { id } }`, { f: shishi });
    expect(up.errors).toBeUndefined();
    const lingyuan = await as('quanzhou-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2023) { id } }`, { f: await versionId('灵源街道', 2022) });
    expect(lingyuan.errors).toBeUndefined();
    const { createDraft: d } = await ok('shishi-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2032) { id document } }`, { f: shishi });
    await settleReviewItems((q, v) => as('shishi-drafter', q, v), d.id);
    await ok('shishi-drafter', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
    const foreign = await as('meishan-approver', `mutation($id: ID!) { approve(id: $id) { status } }`, { id: d.id });
    expect(foreign.errors![0]!.message).toContain('no policy version has the id'); // not even its existence
  });

  it('keeps drafts out of sight, for reads', async () => {
    const { createDraft: d } = await ok('shishi-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2033) { id } }`, { f: await versionId('石狮市', 2025) });
    const read = (who: string | null) =>
      api.gql(`query($id: ID!) { policyVersion(id: $id) { id } policyVersions(status: DRAFT) { id } }`, { id: d.id }, who ? tokens[who] : undefined);
    for (const who of [null, 'tax-system', 'meishan-drafter']) {
      const r = await read(who);
      expect(r.errors, String(who)).toBeUndefined();
      expect(r.data.policyVersion, String(who)).toBeNull();
      expect(r.data.policyVersions.map((v: any) => v.id), String(who)).not.toContain(d.id);
    }
    for (const who of ['shishi-drafter', 'quanzhou-drafter', 'shishi-approver', 'auditor', 'admin']) {
      const r = await read(who);
      expect(r.data.policyVersion, who).toEqual({ id: d.id });
      expect(r.data.policyVersions.map((v: any) => v.id), who).toContain(d.id);
    }
    const exp = await api.gql(`query($id: ID!) { exportPolicyVersion(id: $id) }`, { id: d.id });
    expect(exp.errors![0]!.extensions!.field).toBe('id');
    const cmp = await as('meishan-drafter', `query($a: ID!, $b: ID!) { compareVersions(a: $a, b: $b) { path } }`, { a: await versionId('石狮市', 2025), b: d.id });
    expect(cmp.errors![0]!.extensions!.field).toBe('b');
    const hist = await as('meishan-drafter', `query($id: ID!) { auditLog(policyVersionId: $id) { action } }`, { id: d.id });
    expect(hist.errors![0]!.extensions!.field).toBe('policyVersionId');
    const histJ = await as('meishan-drafter', `{ auditLog(jurisdiction: "石狮市") { action } }`);
    expect(histJ.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('lets integrators and anonymous callers read published rules and quote, nothing more', async () => {
    const from = await versionId('石狮市', 2025);
    for (const who of [null, 'tax-system']) {
      const t = who ? tokens[who] : undefined;
      expect((await api.gql(`{ policy(jurisdiction: "石狮市", year: 2025) { id } }`, {}, t)).data.policy.id).toBe(from);
      expect((await api.gql(`{ quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: "2024-11-15" }) { amountDue } }`, {}, t)).data.quote.amountDue).toBe('400.00');
      const w = await api.gql(`mutation($f: ID!) { createDraft(from: $f, year: 2034) { id } }`, { f: from }, t);
      expect(w.errors![0]!.extensions!.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      const h = await api.gql(`{ auditLog { action } }`, {}, t);
      expect(h.errors![0]!.extensions!.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      const u = await api.gql(`{ users { username } }`, {}, t);
      expect(u.errors![0]!.extensions!.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
  });

  it('auditors read everything but change nothing', async () => {
    const r = await as('auditor', `mutation($f: ID!) { createDraft(from: $f, year: 2035) { id } }`, { f: await versionId('眉山市', 2024) });
    expect(r.errors![0]!.message).toBe('createDraft: needs the role drafter; auditor has auditor');
    const h = await ok('auditor', `{ auditLog(limit: 500) { action } }`);
    expect(h.auditLog.length).toBeGreaterThan(10);
  });

  it('refuses a bad password, an unknown token, and a revoked API key', async () => {
    const bad = await api.gql(`mutation { login(username: "shishi-drafter", password: "wrong password") { token } }`);
    expect(bad.errors![0]).toMatchObject({ message: 'invalid username or password', extensions: { code: 'UNAUTHENTICATED' } });
    const unknown = await api.gql(`{ me { username } }`, {}, 'not-a-token');
    expect(unknown.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await as('tax-system', `{ me { username roles } }`)).data.me).toEqual({ username: 'tax-system', roles: ['integrator'] });
    const keys = await ok('admin', `{ apiKeys { id prefix revokedAt } }`);
    expect(integratorKey).toContain(keys.apiKeys[0].prefix);
    await ok('admin', `mutation($id: Int!) { revokeApiKey(id: $id) { revokedAt } }`, { id: Number(keys.apiKeys[0].id) });
    expect((await as('tax-system', `{ me { username } }`)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // the stored forms are hashes, never the secrets
    const sql = await sqlClient(api.databaseUrl);
    const stored = await sql.query(`select (select string_agg(key_hash, ',') from api_key) as keys, (select string_agg(password_hash, ',') from app_user) as pw`);
    await sql.end();
    expect(stored.rows[0].keys).not.toContain(integratorKey.slice(4));
    expect(stored.rows[0].pw).not.toContain(PASSWORD);
    expect(stored.rows[0].pw).toMatch(/^scrypt\$/);
  });
});

describe('amendments and point in time', () => {
  it('publishing an amendment supersedes the version in force; asOf answers with the one in force then', async () => {
    const original = await versionId('五河县', 2024);
    const { createDraft: d } = await ok('wuhe-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2024) { id } }`, { f: original });
    const second = await ok('wuhe-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2025) { id sourceAmended } }`, { f: original });
    expect(second.createDraft.sourceAmended).toBe(false);
    await settleReviewItems((q, v) => as('wuhe-drafter', q, v), d.id);
    await ok('wuhe-drafter', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
    await ok('wuhe-approver', `mutation($id: ID!) { approve(id: $id) { status } }`, { id: d.id });
    await ok('wuhe-approver', `mutation($id: ID!) { publish(id: $id, effectiveFrom: "2024-03-01") { status effectiveFrom } }`, { id: d.id });
    expect(await versionId('五河县', 2024)).toBe(d.id);
    const old = await api.gql(`query($id: ID!) { policyVersion(id: $id) { status supersededAt } }`, { id: original });
    expect(old.data.policyVersion.status).toBe('SUPERSEDED');
    const at = async (date: string) =>
      (await api.gql(`query($d: Date!) { policy(jurisdiction: "五河县", year: 2024, asOf: $d) { id } }`, { d: date })).data.policy?.id ?? null;
    expect(await at('2023-09-14')).toBeNull(); // before the notice was issued
    expect(await at('2023-09-15')).toBe(original);
    expect(await at('2024-02-29')).toBe(original);
    expect(await at('2024-03-01')).toBe(d.id);
    // the draft cloned from the original now says its source was amended, and by which version
    const s = await ok('wuhe-drafter', `query($id: ID!) { policyVersion(id: $id) { sourceAmended sourceCurrentVersionId } }`, { id: second.createDraft.id });
    expect(s.policyVersion).toEqual({ sourceAmended: true, sourceCurrentVersionId: d.id });
    const h = await ok('auditor', `query($id: ID!) { auditLog(policyVersionId: $id) { action details } }`, { id: original });
    expect(h.auditLog[0]).toMatchObject({ action: 'supersede', details: { by: d.id } });
  });

  it('a published version cannot be edited through the API', async () => {
    const id = await versionId('眉山市', 2024);
    const r = await as('meishan-drafter', `mutation($id: ID!, $d: JSON!) { updateDraft(id: $id, revision: 1, document: $d) { id } }`, { id, d: {} });
    expect(r.errors![0]!.extensions!.code).toBe('FAILED_PRECONDITION');
    expect(r.errors![0]!.message).toContain('is published');
  });
});

describe('export and import', () => {
  it('round-trips a version without loss, and refuses an altered file', async () => {
    const id = await versionId('石狮市', 2025);
    const { exportPolicyVersion: file } = await ok('shishi-drafter', `query($id: ID!) { exportPolicyVersion(id: $id) }`, { id });
    expect(file).toMatchObject({ format: 'yibao-policy-version', formatVersion: 1, year: 2025, jurisdiction: { name: '石狮市', code: '350581' } });
    const text = JSON.stringify(file, null, 2); // as saved to disk and read back
    const { importPolicyVersion: v } = await ok('shishi-drafter', `mutation($f: JSON!) { importPolicyVersion(file: $f) { id status contentHash document } }`, { f: JSON.parse(text) });
    const original = await api.gql(`query($id: ID!) { policyVersion(id: $id) { contentHash document } }`, { id });
    expect(v.status).toBe('DRAFT');
    expect(v.document).toEqual(original.data.policyVersion.document);
    expect(v.contentHash).toBe(original.data.policyVersion.contentHash);
    const altered = JSON.parse(text);
    altered.document.fees.individual.amountFen = 1;
    const r = await as('shishi-drafter', `mutation($f: JSON!) { importPolicyVersion(file: $f) { id } }`, { f: altered });
    expect(r.errors![0]!.message).toBe('file.contentHash: does not match the document: the file was altered or is incomplete');
    const foreign = await as('meishan-drafter', `mutation($f: JSON!) { importPolicyVersion(file: $f) { id } }`, { f: JSON.parse(text) });
    expect(foreign.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('integrity', () => {
  it('a version altered behind the application (triggers disabled by a superuser) is refused on read', async () => {
    const id = await versionId('眉山市', 2024);
    const sql = await sqlClient(api.databaseUrl);
    try {
      await sql.query('alter table policy_version disable trigger policy_version_guard');
      await sql.query(`update policy_version set document = jsonb_set(document, '{fees,individual,amountFen}', '1') where id = $1`, [id]);
      await sql.query('alter table policy_version enable trigger policy_version_guard');
    } finally {
      await sql.end();
    }
    const r = await api.gql(`query($id: ID!) { policyVersion(id: $id) { fees { individual } } }`, { id });
    expect(r.errors![0]).toMatchObject({ extensions: { code: 'INTEGRITY_ERROR' } });
    expect(r.errors![0]!.message).toContain('does not match its content hash');
  });
});

describe('the audit log', () => {
  it('can only be appended to: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const sql = await sqlClient(api.databaseUrl);
    try {
      const before = (await sql.query('select count(*)::int as n from audit_log')).rows[0].n;
      expect(before).toBeGreaterThan(0);
      await expect(sql.query(`update audit_log set username = 'someone else'`)).rejects.toThrow(/append-only: UPDATE/);
      await expect(sql.query('delete from audit_log')).rejects.toThrow(/append-only: DELETE/);
      await expect(sql.query('truncate audit_log')).rejects.toThrow(/append-only: TRUNCATE/);
      expect((await sql.query('select count(*)::int as n from audit_log')).rows[0].n).toBe(before);
    } finally {
      await sql.end();
    }
  });

  it("the application's own database role can only read it and append to it", async () => {
    const appUrl = await appDatabaseUrl(api.databaseUrl, inject('appPassword'));
    expect(new URL(appUrl).username).toBe('yibao_app');
    const app = await sqlClient(appUrl);
    try {
      await app.query(`insert into audit_log (action, username) values ('test-append', 'tester')`);
      expect((await app.query(`select count(*)::int as n from audit_log where action = 'test-append'`)).rows[0].n).toBe(1);
      await expect(app.query(`update audit_log set comment = 'x' where action = 'test-append'`)).rejects.toThrow(/permission denied for table audit_log/);
      await expect(app.query(`delete from audit_log where action = 'test-append'`)).rejects.toThrow(/permission denied for table audit_log/);
      await expect(app.query('truncate audit_log')).rejects.toThrow(/permission denied for table audit_log/);
      await expect(app.query('alter table audit_log disable trigger audit_log_no_change')).rejects.toThrow(/must be owner/);
      await expect(app.query('alter table policy_version disable trigger policy_version_guard')).rejects.toThrow(/must be owner/);
    } finally {
      await app.end();
    }
  });

  it('is queryable by user and time', async () => {
    const mine = await ok('auditor', `{ auditLog(username: "shishi-approver") { username action } }`);
    expect(mine.auditLog.length).toBeGreaterThan(0);
    expect(new Set(mine.auditLog.map((e: any) => e.username))).toEqual(new Set(['shishi-approver']));
    const none = await ok('auditor', `{ auditLog(from: "2000-01-01T00:00:00Z", to: "2000-01-02T00:00:00Z") { id } }`);
    expect(none.auditLog).toEqual([]);
  });
});
