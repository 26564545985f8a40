import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlClient } from '../helpers/db.js';
import { adminToken, callsAs, createUsers, loginToken, startTestApi, versionIdOf, type TestApi } from '../helpers/api.js';

/**
 * Review items over GraphQL/HTTP against a real PostgreSQL: what a clone leaves to check by hand, the
 * refusal to submit while a blocking item is open, acknowledgements (who, when, on which value, in the
 * audit log), and a first policy for a jurisdiction that has none, started from a neighbour's.
 */
let api: TestApi;
const tokens: Record<string, string> = {};
const PASSWORD = 'correct horse battery';

const { as, ok } = callsAs(() => api, tokens);
const versionId = (jurisdiction: string, year: number) => versionIdOf(api, jurisdiction, year);

const ITEMS = `reviewItems { key kind path label check blocking acknowledgeable settled settledHow settledBy settledAt comment before current }`;
const DRAFT = `id year status revision jurisdiction { name code } document ${ITEMS}`;

async function createDraft(who: string, from: string, year: number, jurisdiction?: string) {
  return (await ok(who, `mutation($f: ID!, $y: Int!, $j: String) { createDraft(from: $f, year: $y, jurisdiction: $j) { ${DRAFT} } }`, { f: from, y: year, j: jurisdiction ?? null }))
    .createDraft;
}
async function save(who: string, d: any, document: unknown) {
  return (await ok(who, `mutation($id: ID!, $r: Int!, $doc: JSON!) { updateDraft(id: $id, revision: $r, document: $doc) { ${DRAFT} } }`, { id: d.id, r: d.revision, doc: document }))
    .updateDraft;
}
async function acknowledge(who: string, id: string, keys: string[], comment = '已核对') {
  return as(who, `mutation($id: ID!, $k: [String!]!, $c: String) { acknowledgeReviewItems(id: $id, keys: $k, comment: $c) { ${DRAFT} } }`, { id, k: keys, c: comment });
}
const item = (d: any, key: string) => d.reviewItems.find((i: any) => i.key === key);
const open = (d: any) => d.reviewItems.filter((i: any) => !i.settled);
const openBlocking = (d: any) => open(d).filter((i: any) => i.blocking);

beforeAll(async () => {
  api = await startTestApi();
  tokens.admin = await adminToken(api);
  const users: [string, string[], string[]][] = [
    ['shishi-drafter', ['drafter'], ['石狮市']],
    ['shishi-approver', ['approver'], ['石狮市']],
    ['quanzhou-drafter', ['drafter'], ['泉州市']],
    ['quanzhou-approver', ['approver'], ['泉州市']],
    ['wuhe-drafter', ['drafter'], ['五河县']],
  ];
  await createUsers(api, tokens.admin, PASSWORD, users);
  for (const [u] of users) tokens[u] = await loginToken(api, u, PASSWORD);
});
afterAll(async () => api?.close());

describe('review items of a clone into the next year (石狮市 2025 → 2026)', () => {
  let d: any;
  beforeAll(async () => {
    d = await createDraft('shishi-drafter', await versionId('石狮市', 2025), 2026);
  });

  it('lists the document number as blocking, and refuses to submit naming metadata.documentNumber', async () => {
    expect(item(d, 'document-number')).toMatchObject({
      kind: 'DOCUMENT_NUMBER',
      path: 'metadata.documentNumber',
      label: '文号',
      blocking: true,
      acknowledgeable: false,
      settled: false,
      current: '狮政办规〔2024〕5号',
    });
    expect(item(d, 'document-number').check).toContain('沿用了来源版本');
    const r = await as('shishi-drafter', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'REVIEW_ITEMS_OPEN', field: 'metadata.documentNumber' });
    expect(r.errors?.[0]?.message).toMatch(/^submitForReview: \d+ blocking review items are open: metadata\.documentNumber（文号：/);
    expect(r.errors?.[0]?.extensions?.paths).toContain('metadata.documentNumber');
  });

  it('lists texts that still name the source year (2024年9月入学, 只缴2025年度保费) as blocking, in Chinese', async () => {
    const freshman = d.reviewItems.filter((i: any) => i.kind === 'DATED_TEXT' && ['2024年9月入学', '只缴2025年度保费'].includes(i.current));
    expect(freshman.map((i: any) => i.path)).toEqual(['specialGroups[1].rules[0].note', 'specialGroups[1].rules[0].when.note']);
    for (const i of freshman) {
      expect(i).toMatchObject({ blocking: true, settled: false, acknowledgeable: true });
      expect(i.check).toMatch(/本版本为2026年度，请核对年份是否应顺延/);
      expect(i.label).toMatch(/^特殊人群「高校入学新生」/);
    }
    // the title was moved by the clone: listed as settled by the change
    expect(item(d, 'dated-text:metadata.title')).toMatchObject({ settled: true, settledHow: 'CHANGED' });
  });

  it('lists the basis documents, the issue date and the unchanged yearly fees for checking', async () => {
    expect(item(d, 'basis:1')).toMatchObject({ kind: 'BASIS', path: 'metadata.basis[1]', blocking: true, settled: false });
    expect(item(d, 'basis:1').label).toBe('依据文件「泉州市人民政府办公室关于做好2025年度城乡居民基本医保参保登记和基金征缴工作的通知」');
    expect(item(d, 'basis:1').check).toContain('2025');
    expect(item(d, 'basis:0')).toMatchObject({ blocking: false, settled: false });
    expect(item(d, 'issue-date')).toMatchObject({ kind: 'ISSUE_DATE', path: 'metadata.issuedOn', blocking: false, current: '2025-10-28' });
    expect(item(d, 'figure:fees.individual')).toMatchObject({ kind: 'FIGURE', path: 'fees.individual.amountFen', blocking: false, settled: false, current: 40000 });
    expect(item(d, 'figure:fees.individual').check).toBe('个人缴费标准与来源版本相同（400.00元），请核对2026年度的标准是否调整');
  });

  it('settles the number by a change, flags one taken by another published version, and lets the database refuse a duplicate', async () => {
    // a number some other published version already has
    d = await save('shishi-drafter', d, { ...d.document, metadata: { ...d.document.metadata, documentNumber: '五政办秘〔2023〕50号' } });
    expect(item(d, 'document-number')).toMatchObject({ settled: false });
    expect(item(d, 'document-number').check).toBe('文号“五政办秘〔2023〕50号”已被已发布的五河县2024年度版本使用，须编新的文号');
    const refused = await acknowledge('shishi-drafter', d.id, ['document-number']);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keys' });
    expect(refused.errors?.[0]?.message).toContain('cannot be acknowledged');
    d = await save('shishi-drafter', d, { ...d.document, metadata: { ...d.document.metadata, documentNumber: '狮政办规〔2025〕3号' } });
    expect(item(d, 'document-number')).toMatchObject({ settled: true, settledHow: 'CHANGED', current: '狮政办规〔2025〕3号' });
  });

  it('a figure moved by more than the set share is listed; within it, not', async () => {
    const fees = (individual: number) => ({ ...d.document, fees: { ...d.document.fees, individual: { ...d.document.fees.individual, amountFen: individual } } });
    d = await save('shishi-drafter', d, fees(60000));
    expect(item(d, 'figure:fees.individual')).toMatchObject({ settled: false, before: 40000, current: 60000 });
    expect(item(d, 'figure:fees.individual').check).toBe('个人缴费标准 400.00元 → 600.00元（+50.0%），变动超过来源版本的20%，请核对');
    // within the share: what is left is the yearly standard's item, settled since the fee changed
    d = await save('shishi-drafter', d, fees(42000));
    expect(item(d, 'figure:fees.individual')).toMatchObject({ settled: true, settledHow: 'CHANGED', current: 42000 });
  });

  it('acknowledgements settle open items with who, when and why, are in the audit log, and hold only for the value acknowledged', async () => {
    const keys = openBlocking(d).map((i: any) => i.key);
    expect(keys.length).toBeGreaterThan(0);
    const r = await acknowledge('shishi-drafter', d.id, keys, '年份已核对，沿用');
    expect(r.errors).toBeUndefined();
    d = r.data.acknowledgeReviewItems;
    for (const k of keys) expect(item(d, k)).toMatchObject({ settled: true, settledHow: 'ACKNOWLEDGED', settledBy: 'shishi-drafter', comment: '年份已核对，沿用' });
    expect(openBlocking(d)).toEqual([]);
    const log = await ok('shishi-drafter', `query($id: ID!) { auditLog(policyVersionId: $id) { action username comment details } }`, { id: d.id });
    const entry = log.auditLog.find((e: any) => e.action === 'acknowledge-review-items');
    expect(entry).toMatchObject({ username: 'shishi-drafter', comment: '年份已核对，沿用' });
    expect(entry.details.items.map((i: any) => i.key)).toEqual(keys);
    // twice is refused: already settled
    const again = await acknowledge('shishi-drafter', d.id, [keys[0]]);
    expect(again.errors?.[0]?.message).toContain('already settled');
    // another jurisdiction's drafter may not, an unknown key is refused, nothing written
    expect((await acknowledge('wuhe-drafter', d.id, ['roster'])).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await acknowledge('shishi-drafter', d.id, ['no-such-item'])).errors?.[0]?.message).toContain('no review item "no-such-item"');
  });

  it('submits once no blocking item is open; the approver sees the items', async () => {
    const s = await ok('shishi-drafter', `mutation($id: ID!) { submitForReview(id: $id) { status ${ITEMS} } }`, { id: d.id });
    expect(s.submitForReview.status).toBe('IN_REVIEW');
    const seen = await ok('shishi-approver', `query($id: ID!) { policyVersion(id: $id) { ${ITEMS} } }`, { id: d.id });
    expect(seen.policyVersion.reviewItems.length).toBe(d.reviewItems.length);
  });
});

describe('the database', () => {
  it('refuses two published versions with one issuer and one document number', async () => {
    const sql = await sqlClient(api.databaseUrl);
    try {
      const { rows } = await sql.query(`select jurisdiction_id, document, content_hash, document_number from policy_version where document_number = '狮政办规〔2024〕5号'`);
      await expect(
        sql.query(
          `insert into policy_version (id, jurisdiction_id, year, status, document, content_hash, document_number, issued_on, published_at)
           values (gen_random_uuid(), $1, 2025, 'superseded', $2, $3, $4, '2024-10-28', now())`,
          [rows[0].jurisdiction_id, rows[0].document, rows[0].content_hash, rows[0].document_number],
        ),
      ).rejects.toThrow(/policy_version_published_number/);
    } finally {
      await sql.end();
    }
  });
});

describe('a first policy for a jurisdiction that has none: 南安市 2026 from 石狮市 2025', () => {
  let d: any;
  let source: string;
  beforeAll(async () => {
    source = await versionId('石狮市', 2025);
  });

  it('only for a jurisdiction within the drafter’s scope, and one that exists', async () => {
    const outside = await as('shishi-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2026, jurisdiction: "南安市") { id } }`, { f: source });
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(outside.errors?.[0]?.message).toBe('createDraft: 南安市 is outside the jurisdictions of shishi-drafter');
    const unknown = await as('quanzhou-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2026, jurisdiction: "南安县") { id } }`, { f: source });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jurisdiction' });
    const ambiguous = await as('quanzhou-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2026, jurisdiction: "城关镇") { id } }`, { f: source });
    expect(ambiguous.errors?.[0]?.message).toMatch(/^jurisdiction: "城关镇" names \d+ jurisdictions/);
  });

  it('a 泉州市 drafter starts it; everything of 石狮市 is listed, blocking', async () => {
    d = await createDraft('quanzhou-drafter', source, 2026, '南安市');
    expect(d).toMatchObject({ year: 2026, status: 'DRAFT', jurisdiction: { name: '南安市', code: '350583' } });
    expect(d.document.jurisdiction).toEqual({ name: '南安市', code: '350583' });
    const kinds = new Set(d.reviewItems.map((i: any) => i.kind));
    for (const k of ['DOCUMENT_NUMBER', 'SOURCE_JURISDICTION', 'DATED_TEXT', 'BASIS', 'ISSUE_DATE']) expect(kinds).toContain(k);
    expect(item(d, 'issuers')).toMatchObject({ path: 'metadata.issuers', label: '发文机关', blocking: true, settled: false, current: ['石狮市人民政府办公室'] });
    expect(item(d, 'issuers').check).toBe('发文机关沿用来源统筹地区（石狮市）的：石狮市人民政府办公室，请改为南安市的发文机关');
    expect(item(d, 'addressees')).toMatchObject({ path: 'metadata.addressees', blocking: true });
    // texts named after the source (石狮高新技术产业开发区管委会 among the addressees), by path
    const named = d.reviewItems.filter((i: any) => i.kind === 'SOURCE_JURISDICTION' && i.key.startsWith('source-jurisdiction:'));
    expect(named.map((i: any) => i.path)).toEqual(expect.arrayContaining(['metadata.title', 'metadata.issuers[0]', 'metadata.addressees[2]']));
    for (const i of named) expect(i.check).toMatch(/^写有来源统筹地区的名称“石狮(市)?”.*本版本属于南安市，请改为本地的名称或机构$/);
    // the agencies that certify categories are the source's (市民政局 of 石狮市)
    expect(item(d, 'agencies')).toMatchObject({ kind: 'SOURCE_JURISDICTION', blocking: true, settled: false });
    expect(item(d, 'agencies').check).toMatch(/^减免对象的认定部门沿用来源统筹地区（石狮市）的：市民政局、市农业农村局/);
    expect(item(d, 'source-jurisdiction:metadata.title')).toMatchObject({ blocking: true, settled: false });
    // 泉州市 is the parent of both: a text naming it is not the source's
    expect(d.reviewItems.filter((i: any) => i.kind === 'SOURCE_JURISDICTION').every((i: any) => !/^写有来源统筹地区的名称“泉州/.test(i.check))).toBe(true);
    const refused = await as('quanzhou-drafter', `mutation($id: ID!) { submitForReview(id: $id) { status } }`, { id: d.id });
    expect(refused.errors?.[0]?.extensions?.paths).toEqual(expect.arrayContaining(['metadata.documentNumber', 'metadata.issuers', 'metadata.title']));
  });

  it('compare works between the source and the new draft', async () => {
    const r = await ok('quanzhou-drafter', `query($a: ID!, $b: ID!) { compareVersions(a: $a, b: $b) { path kind label summary } }`, { a: source, b: d.id });
    expect(r.compareVersions.find((c: any) => c.path === 'jurisdiction.name')).toMatchObject({ kind: 'changed' });
    expect(r.compareVersions.find((c: any) => c.path === 'coverageYear')).toMatchObject({ kind: 'changed' });
  });

  it('settles them (rewritten for 南安, the rest acknowledged), submits; an approver publishes; quote answers for 南安市 2026', async () => {
    // what an officer does: the notice rewritten for 南安 — names, issuer, number
    const rewritten = JSON.parse(JSON.stringify(d.document).replaceAll('石狮市', '南安市').replaceAll('石狮', '南安'));
    rewritten.metadata.documentNumber = '南政办〔2025〕12号';
    rewritten.metadata.issuedOn = '2025-10-20';
    d = await save('quanzhou-drafter', d, rewritten);
    // what is left of 石狮市: the agencies (市民政局 …), right for 南安市 too, to be acknowledged
    expect(d.reviewItems.filter((i: any) => i.kind === 'SOURCE_JURISDICTION' && !i.settled).map((i: any) => i.key)).toEqual(['agencies']);
    expect(item(d, 'issuers')).toMatchObject({ settled: true, settledHow: 'CHANGED', current: ['南安市人民政府办公室'] });
    expect(item(d, 'document-number')).toMatchObject({ settled: true });
    // the years: acknowledged where the text is right for 2026 as it is (here: all of them, for the test)
    const keys = openBlocking(d).map((i: any) => i.key);
    const ack = await acknowledge('quanzhou-drafter', d.id, keys, '已逐条核对');
    expect(ack.errors).toBeUndefined();
    expect(openBlocking(ack.data.acknowledgeReviewItems)).toEqual([]);
    await ok('quanzhou-drafter', `mutation($id: ID!) { submitForReview(id: $id, comment: "南安市首个版本") { status } }`, { id: d.id });
    await ok('quanzhou-approver', `mutation($id: ID!) { approve(id: $id) { status } }`, { id: d.id });
    const pub = await ok('quanzhou-approver', `mutation($id: ID!) { publish(id: $id) { status jurisdiction { name } reviewItems { key } } }`, { id: d.id });
    expect(pub.publish).toEqual({ status: 'PUBLISHED', jurisdiction: { name: '南安市' }, reviewItems: [] });
    const q = await api.gql(`{ quote(input: { jurisdiction: "南安市", year: 2026, paymentDate: "2025-11-15" }) { amountDue benefitStart benefitEnd } }`);
    expect(q.errors).toBeUndefined();
    expect(q.data.quote).toEqual({ amountDue: '400.00', benefitStart: '2026-01-01', benefitEnd: '2026-12-31' });
    // the tree now shows 南安市 with a policy
    const j = await api.gql(`{ jurisdiction(codeOrName: "南安市") { hasPolicies publishedYears parent { withPoliciesBelow } } }`);
    expect(j.data.jurisdiction).toEqual({ hasPolicies: true, publishedYears: [2026], parent: { withPoliciesBelow: 3 } });
  });

  it('a name that stays after acknowledgement opens again when the value changes', async () => {
    let n = await createDraft('quanzhou-drafter', source, 2027, '南安市');
    const key = 'source-jurisdiction:metadata.title';
    n = (await acknowledge('quanzhou-drafter', n.id, [key], '标题稍后再改')).data.acknowledgeReviewItems;
    expect(item(n, key)).toMatchObject({ settled: true, settledHow: 'ACKNOWLEDGED' });
    n = await save('quanzhou-drafter', n, { ...n.document, metadata: { ...n.document.metadata, title: `${n.document.metadata.title}（石狮）` } });
    expect(item(n, key)).toMatchObject({ settled: false, settledHow: null });
  });
});

describe('units from the division reference', () => {
  it('Wuhe: every quota-table unit is a township of 五河县 but 澧南镇, as printed (the reference has 浍南镇)', async () => {
    const r = await api.gql(`{ policy(jurisdiction: "五河县", year: 2024) { unitWarnings { key kind path check blocking } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.policy.unitWarnings).toEqual([
      {
        key: 'unit:township-targets:澧南镇',
        kind: 'UNIT',
        path: 'quotaTables[0].rows[6].unit',
        check: '“澧南镇”不是参考区划中五河县的乡镇（是否为“浍南镇”？），请核对单位名称',
        blocking: false,
      },
    ]);
  });

  it('Lingyuan is itself a 街道: its units (communities) lie below the reference, and it says so', async () => {
    const r = await api.gql(`{ policy(jurisdiction: "灵源街道", year: 2022) { unitWarnings { key path check } } }`);
    expect(r.data.policy.unitWarnings).toEqual([
      { key: 'unit:below-reference', path: 'quotaTables', check: expect.stringContaining('参考区划只载到乡级，无法核对这些单位') },
    ]);
  });
});
