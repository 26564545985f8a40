import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePolicyDocument, type PolicyDocument } from '../../policy-schemas/index.js';
import { readSeed } from '../../seeds/index.js';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { sqlClient } from '../helpers/db.js';
import { bearer, request, startTestApi, type TestApi } from '../helpers/api.js';

/** Cohorts and impact previews, over HTTP against a real PostgreSQL. */
let api: TestApi;
const tokens: Record<string, string> = {};
const PASSWORD = 'correct horse battery';

async function login(username: string) {
  const r = await api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: PASSWORD });
  return r.data.login.token as string;
}
const ok = async (who: string, query: string, variables?: Record<string, unknown>) => {
  const r = await api.gql(query, variables, tokens[who]);
  if (r.errors) throw new Error(`${who}: ${r.errors[0]!.message}`);
  return r.data;
};
async function upload(who: string | null, jurisdiction: string, name: string, csv: string | Buffer, job?: string) {
  const url = `${api.base}/cohorts?jurisdiction=${encodeURIComponent(jurisdiction)}&name=${encodeURIComponent(name)}${job ? `&job=${job}` : ''}`;
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'text/csv', ...bearer(who && tokens[who]) }, body: csv });
  return { status: res.status, body: (await res.json()) as any };
}
async function counts() {
  const sql = await sqlClient(api.databaseUrl);
  const r = await sql.query('select (select count(*)::int from cohort) as cohorts, (select count(*)::int from cohort_person) as persons');
  await sql.end();
  return r.rows[0];
}
const wuhe = (): PolicyDocument => {
  const r = validatePolicyDocument(readSeed('wuhe-2024.json'));
  if (!r.ok) throw new Error('seed');
  return r.document;
};

const HEADER = 'person_id,unit,birth_date,categories,groups,payment_date';

beforeAll(async () => {
  api = await startTestApi();
  const users = new UserService(api.orm.em.fork());
  const ids = (await api.orm.em.fork().execute(`select id, name from jurisdiction`)) as { id: number; name: string }[];
  const id = (n: string) => ids.find((j) => j.name === n)!.id;
  await users.create({ username: 'wuhe-drafter', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [id('五河县')] });
  await users.create({ username: 'wuhe-approver', password: PASSWORD, roles: ['approver'], jurisdictionIds: [id('五河县')] });
  await users.create({ username: 'shishi-drafter', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [id('石狮市')] });
  for (const u of ['wuhe-drafter', 'wuhe-approver', 'shishi-drafter']) tokens[u] = await login(u);
});
afterAll(async () => api?.close());

describe('importing a cohort', () => {
  it.each([
    ['a wrong header', 'person_id,unit,birthday,categories,groups,payment_date\nP1,城关镇,,,,\n', { line: 1, field: 'header', reason: 'HEADER_WRONG' }],
    ['a bad date', `${HEADER}\nP1,城关镇,1990-01-01,,,\nP2,城关镇,1990-02-30,,,\n`, { line: 3, field: 'birth_date', message: '"1990-02-30" is not a date written YYYY-MM-DD', reason: 'DATE_MALFORMED' }],
    ['a bad payment date', `${HEADER}\nP1,城关镇,,,,2024/03/01\n`, { line: 2, field: 'payment_date', reason: 'DATE_MALFORMED' }],
    ['an unknown category', `${HEADER}\nP1,城关镇,,di-bao,,\nP2,城关镇,,dibao,,\n`, { line: 3, field: 'categories', message: '"dibao" is not a category code of 五河县', reason: 'NOT_A_CATEGORY_CODE' }],
    ['an unknown group', `${HEADER}\nP1,城关镇,,,students,\n`, { line: 2, field: 'groups', reason: 'NOT_A_GROUP_CODE' }],
    ['a duplicate person_id', `${HEADER}\nP1,城关镇,,,,\nP2,头铺镇,,,,\nP1,朱顶镇,,,,\n`, { line: 4, field: 'person_id', message: '"P1" appears twice (first on line 2)', reason: 'PERSON_TWICE' }],
    ['an unknown unit', `${HEADER}\nP1,城关镇,,,,\nP2,城西镇,,,,\n`, { line: 3, field: 'unit', message: expect.stringContaining('"城西镇" is not a unit of 五河县'), reason: 'NOT_A_UNIT' }],
    ['a short row', `${HEADER}\nP1,城关镇,,\n`, { line: 2, field: 'row', message: 'has 4 fields, expected 6', reason: 'LINE_FIELD_COUNT' }],
    ['a duplicate Chinese person_id', `${HEADER}\n张三,城关镇,,,,\n李四,城关镇,,,,\n张三,头铺镇,,,,\n`, { line: 4, field: 'person_id', message: '"张三" appears twice (first on line 2)', reason: 'PERSON_TWICE' }],
    [
      'a line that is not UTF-8 (a GBK-saved name)',
      Buffer.concat([Buffer.from(`${HEADER}\nP1,城关镇,,,,\nP2,`), Buffer.from([0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2]), Buffer.from(',,,,\nP3,城关镇,,,,\n')]),
      { line: 3, field: 'row', message: 'is not UTF-8 text (save the file as UTF-8)', reason: 'LINE_NOT_UTF8' },
    ],
  ] as [string, string | Buffer, object][])('refuses %s with its line number, and imports nothing', async (_what, csv, error) => {
    const before = await counts();
    const r = await upload('wuhe-drafter', '五河县', `bad ${_what}`, csv);
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual(expect.objectContaining(error));
    expect(r.body.error).toMatch(/nothing was imported/);
    expect(await counts()).toEqual(before);
  });

  it('lists every error of a file with several, each with its line', async () => {
    const csv = `${HEADER}\nP1,城关镇,2000-13-01,,,\nP2,城关镇,,xx,,\nP2,城关镇,,,,\n`;
    const r = await upload('wuhe-drafter', '五河县', 'several', csv);
    expect(r.body.errors.map((e: any) => [e.line, e.field])).toEqual([
      [2, 'birth_date'],
      [3, 'categories'],
      [4, 'person_id'],
    ]);
  });

  it('needs a drafter or approver of the jurisdiction', async () => {
    expect((await upload(null, '五河县', 'x', `${HEADER}\nP1,城关镇,,,,\n`)).status).toBe(401);
    expect((await upload('shishi-drafter', '五河县', 'x', `${HEADER}\nP1,城关镇,,,,\n`)).status).toBe(403);
  });

  it('imports a good file, reports its progress, and counts by unit and category', async () => {
    const csv = `${HEADER}\nA1,城关镇,1980-05-01,di-bao,,\nA2,城关镇,1990-01-01,,,2023-10-01\nA3,头铺镇,1950-01-01,di-bao;jian-ce,,\n`;
    // the job is made by the server first, so that its progress can be polled while the file is sent
    const { createCohortImportJob: pending } = await ok('wuhe-drafter', `mutation { createCohortImportJob(jurisdiction: "五河县") { id status rows } }`);
    expect(pending).toMatchObject({ status: 'pending', rows: 0 });
    const r = await upload('wuhe-drafter', '五河县', '小样本', csv, pending.id);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ persons: 3, job: pending.id });
    const job = await request(`${api.base}/cohorts/imports/${pending.id}`, { headers: bearer(tokens['wuhe-drafter']) });
    expect(await job.json()).toMatchObject({ status: 'done', rows: 3, cohortId: r.body.id });
    const { cohort } = await ok('wuhe-drafter', `query($id: ID!) { cohort(id: $id) { name persons jurisdiction { name } byUnit { key persons } byCategory { key persons } } }`, { id: r.body.id });
    expect(cohort).toEqual({
      name: '小样本',
      persons: 3,
      jurisdiction: { name: '五河县' },
      byUnit: [
        { key: '城关镇', persons: 2 },
        { key: '头铺镇', persons: 1 },
      ],
      byCategory: [
        { key: 'di-bao', persons: 2 },
        { key: 'jian-ce', persons: 1 },
      ],
    });
    const dup = await upload('wuhe-drafter', '五河县', '小样本', csv);
    expect(dup.body.errors[0]).toMatchObject({ field: 'name' });
    const hidden = await api.gql(`query($id: ID!) { cohort(id: $id) { name } }`, { id: r.body.id }, tokens['shishi-drafter']);
    expect(hidden.errors![0]!.extensions!.field).toBe('id');
  });

  it('stores every field exactly as written: quoted, Chinese, CRLF, empty lists and dates as NULL', async () => {
    const csv = `${HEADER}\r\n"A,1","城关镇",1980-05-01,di-bao,,\r\n王五,头铺镇,,,,2023-10-01\r\nA3,城关镇,2024-02-29,di-bao;jian-ce,,2024-03-01`;
    const r = await upload('wuhe-drafter', '五河县', '原样保存', csv);
    expect(r.status).toBe(201);
    const sql = await sqlClient(api.databaseUrl);
    const rows = await sql.query(
      `select row_no, person_id, unit, birth_date::text, categories, groups, payment_date::text from cohort_person p join cohort c on c.no = p.cohort_no where c.id = $1 order by row_no`,
      [r.body.id],
    );
    await sql.end();
    expect(rows.rows).toEqual([
      { row_no: 1, person_id: 'A,1', unit: '城关镇', birth_date: '1980-05-01', categories: 'di-bao', groups: null, payment_date: null },
      { row_no: 2, person_id: '王五', unit: '头铺镇', birth_date: null, categories: null, groups: null, payment_date: '2023-10-01' },
      { row_no: 3, person_id: 'A3', unit: '城关镇', birth_date: '2024-02-29', categories: 'di-bao;jian-ce', groups: null, payment_date: '2024-03-01' },
    ]);
  });
});

/** A Wuhe draft: an amendment of 2024 raising the individual fee from 380 to 400. */
async function wuheDraft(fee: number): Promise<{ id: string; baseline: string }> {
  const base = (await api.gql(`{ policy(jurisdiction: "五河县", year: 2024) { id } }`)).data.policy.id as string;
  const { createDraft } = await ok('wuhe-drafter', `mutation($f: ID!) { createDraft(from: $f, year: 2024) { id document } }`, { f: base });
  const doc = createDraft.document;
  doc.fees.individual.amountFen = fee;
  doc.fees.specialCases = doc.fees.specialCases.map((s: any) => ({ ...s, charges: s.charges.map((c: any) => (c.coverageYear === 2024 ? { ...c, amountFen: fee } : c)) }));
  doc.fees.totalFinancing.amountFen = fee + doc.fees.government.amountFen;
  // the amounts the notice prints beside a benefit follow the new fee (个人缴纳…元), as an officer would write them
  for (const c of doc.categories) if (c.printed?.paymentFen !== undefined) c.printed.paymentFen = fee - (c.benefit.kind === 'fixed-subsidy' ? c.benefit.amountFen : 0);
  await ok('wuhe-drafter', `mutation($id: ID!, $d: JSON!) { updateDraft(id: $id, revision: 1, document: $d) { id } }`, { id: createDraft.id, d: doc });
  return { id: createDraft.id, baseline: base };
}

const IMPACT = `query($d: ID!, $c: ID!) { previewImpact(draft: $d, cohort: $c) {
  persons paysMore paysLess paysSame notComparable
  draft { totals { persons covered individualContributions surchargeRevenue subsidies governmentSubsidy byFundSource { fundSource amount } byCategory { category persons amount } } refusals { reason persons } }
  baseline { policyVersionId totals { persons covered individualContributions surchargeRevenue subsidies governmentSubsidy byFundSource { fundSource amount } byCategory { category persons amount } } refusals { reason persons } }
  difference { individualContributions subsidies governmentSubsidy }
  byUnit { unit persons target draft { individualContributions } baseline { individualContributions } difference { individualContributions } }
  largestChanges { personId change baselineDue draftDue }
  examples { personId categories baselineDue draftDue change }
} }`;

describe('previewing a draft on a cohort', () => {
  it('reads the optional fact columns and the engine decides by them (Wuhe 二（二）5, 6): a married daughter, a grade-3 disabled person', async () => {
    const facts = `${HEADER},household_role,marital_status,disability_grade,certifications`;
    const csv = [
      facts,
      'F1,城关镇,2001-01-01,liang-nv-hu,,,child,unmarried,,', //   两女户 daughter: 0 | 0 (乡镇政府 380 | 400)
      'F2,城关镇,1999-01-01,liang-nv-hu,,,child,married,,', //     married: 380 | 400
      'F3,头铺镇,1970-01-01,zhong-du-can-ji,,,,,2,', //              重度 (grade 2): as 低保, 60 | 80
      'F4,头铺镇,1970-01-01,,,,,,3,zhong-du-can-ji@2023-06-01', //  grade 3 is not 重度: 380 | 400
    ].join('\n');
    const up = await upload('wuhe-drafter', '五河县', '事实样本', csv);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const sql = await sqlClient(api.databaseUrl);
    const stored = (await sql.query(`select person_id, facts from cohort_person p join cohort c on c.no = p.cohort_no where c.id = $1 order by row_no`, [up.body.id])).rows;
    await sql.end();
    expect(stored.map((r: any) => [r.person_id, r.facts && JSON.parse(r.facts)])).toEqual([
      ['F1', { householdRole: 'child', maritalStatus: 'unmarried' }],
      ['F2', { householdRole: 'child', maritalStatus: 'married' }],
      ['F3', { disability: { grade: 2 } }],
      ['F4', { certifications: [{ category: 'zhong-du-can-ji', certifiedOn: '2023-06-01' }], disability: { grade: 3 } }],
    ]);
    const { id: draft } = await wuheDraft(40000);
    const { previewImpact: p } = await ok('wuhe-drafter', IMPACT, { d: draft, c: up.body.id });
    // baseline: 0 + 380 + 60 + 380 = 820, subsidies 380 + 320 = 700; draft: 0 + 400 + 80 + 400 = 880, subsidies 400 + 320 = 720
    expect(p.baseline.totals).toMatchObject({ persons: 4, individualContributions: '820.00', subsidies: '700.00' });
    expect(p.draft.totals).toMatchObject({ persons: 4, individualContributions: '880.00', subsidies: '720.00' });
  });

  it.each([
    ['an unknown fact column', `${HEADER},height\nP1,城关镇,,,,,170\n`, { line: 1, field: 'header', message: expect.stringContaining('"height"'), reason: 'HEADER_UNKNOWN_COLUMN' }],
    ['a grade out of range', `${HEADER},disability_grade\nP1,城关镇,,,,,5\n`, { line: 2, field: 'disability_grade', message: '"5" is not a disability grade (1 to 4)', reason: 'NOT_A_GRADE' }],
    ['a certification of an unknown category', `${HEADER},certifications\nP1,城关镇,,,,,dibao@2023-06-01\n`, { line: 2, field: 'certifications', message: '"dibao" is not a category code of 五河县', reason: 'NOT_A_CATEGORY_CODE' }],
    ['a role that is not one', `${HEADER},household_role\nP1,城关镇,,,,,aunt\n`, { line: 2, field: 'household_role', reason: 'NOT_ONE_OF' }],
    ['a row without its fact cells', `${HEADER},sex\nP1,城关镇,,,,\n`, { line: 2, field: 'row', message: 'has 6 fields, expected 7', reason: 'LINE_FIELD_COUNT' }],
  ] as [string, string, object][])('refuses %s, naming the line and the column', async (_what, csv, error) => {
    const r = await upload('wuhe-drafter', '五河县', `bad facts ${_what}`, csv);
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual(expect.objectContaining(error));
  });

  it('gives exact totals on a small Wuhe cohort computed by hand', async () => {
    // Wuhe 2024 (五政办秘〔2023〕50号): fee 380, government 640 per person, 低保 320 off, 监测 190 off,
    // 特困 full (医疗救助资金), 计生特殊家庭 full (乡镇政府). The draft raises the fee to 400.
    const csv = [
      HEADER,
      'W1,城关镇,1980-01-01,,,', //          ordinary, central window: 380 | 400
      'W2,城关镇,1975-03-02,di-bao,,', //     低保: 380 − 320 = 60 | 400 − 320 = 80
      'W3,头铺镇,1960-07-07,jian-ce,,2023-10-01', // 监测: 380 − 190 = 190 | 210
      'W4,头铺镇,1948-12-12,te-kun,,', //     特困: 0 | 0 (subsidy 380 | 400)
      'W5,朱顶镇,1970-06-06,ji-sheng-te-shu,,', // 计生特殊家庭: 0 | 0 (乡镇政府 380 | 400)
      'W6,朱顶镇,1990-09-09,,,2024-03-10', // late ordinary payer: 380 | 400, covered from 2024-09-01
    ].join('\n');
    const up = await upload('wuhe-drafter', '五河县', '手算样本', csv);
    expect(up.status).toBe(201);
    const { id: draft, baseline } = await wuheDraft(40000);
    const { previewImpact: p } = await ok('wuhe-drafter', IMPACT, { d: draft, c: up.body.id });
    expect(p.baseline.policyVersionId).toBe(baseline);
    const fund = (t: any) => Object.fromEntries(t.byFundSource.map((f: any) => [f.fundSource, f.amount]));
    // baseline: contributions 380 + 60 + 190 + 0 + 0 + 380 = 1010; subsidies 320 + 190 + 380 + 380 = 1270
    expect(p.baseline.totals).toMatchObject({ persons: 6, covered: 6, individualContributions: '1010.00', surchargeRevenue: '0.00', subsidies: '1270.00', governmentSubsidy: '3840.00' });
    // 医疗救助资金: 320 + 190 + 380 = 890; township 380
    expect(fund(p.baseline.totals)).toEqual({ 医疗救助资金: '890.00', [townshipLabel()]: '380.00' });
    // draft: 400 + 80 + 210 + 0 + 0 + 400 = 1090; subsidies 320 + 190 + 400 + 400 = 1310
    expect(p.draft.totals).toMatchObject({ persons: 6, individualContributions: '1090.00', subsidies: '1310.00', governmentSubsidy: '3840.00' });
    expect(fund(p.draft.totals)).toEqual({ 医疗救助资金: '910.00', [townshipLabel()]: '400.00' });
    expect(p.difference).toEqual({ individualContributions: '80.00', subsidies: '40.00', governmentSubsidy: '0.00' });
    // W1, W2, W3, W6 pay 20 more; W4 and W5 pay nothing either way
    expect({ more: p.paysMore, less: p.paysLess, same: p.paysSame }).toEqual({ more: 4, less: 0, same: 2 });
    expect(p.largestChanges.map((c: any) => c.personId).sort()).toEqual(['W1', 'W2', 'W3', 'W6']);
    expect(p.largestChanges.every((c: any) => c.change === '20.00')).toBe(true);
    const byUnit = Object.fromEntries(p.byUnit.map((u: any) => [u.unit, u]));
    expect(byUnit['城关镇']).toMatchObject({ persons: 2, target: 63194, baseline: { individualContributions: '440.00' }, draft: { individualContributions: '480.00' } });
    expect(byUnit['朱顶镇']).toMatchObject({ persons: 2, target: 43509, difference: { individualContributions: '20.00' } });
  });

  it('on a 10,000-person cohort, every total equals the sum of the per-person quotes', async () => {
    const doc = wuhe();
    const csv = [...generateCohort(doc, { size: 10_000, seed: 7 })].join('');
    const up = await upload('wuhe-drafter', '五河县', '一万人', csv);
    expect(up.status).toBe(201);
    const { id: draft } = await wuheDraft(41000);
    const { previewImpact: p } = await ok('wuhe-drafter', IMPACT, { d: draft, c: up.body.id });
    expect(p.persons).toBe(10_000);

    // the same persons through the quote API, in batches, against each version
    const rows = csv.trim().split('\n').slice(1).map((l) => l.split(','));
    const centralFrom = doc.windows.find((w) => w.kind === 'central')!.from;
    const fen = (m: string) => Math.round(Number(m) * 100);
    const sumOf = async (policyVersionId: string | null) => {
      const t = { persons: 0, due: 0, surcharge: 0, subsidies: 0, byFund: new Map<string, number>(), dues: [] as number[] };
      for (let i = 0; i < rows.length; i += 5000) {
        const inputs = rows.slice(i, i + 5000).map(([, , birth, cats, groups, pay]) => ({
          jurisdiction: '五河县',
          year: 2024,
          // no payment date: the central window's first day, or the day of birth for a baby born during it
          paymentDate: pay || (birth && birth > centralFrom ? birth : centralFrom),
          birthDate: birth || null,
          categories: cats ? cats.split(';') : [],
          groups: groups ? groups.split(';') : [],
          ...(policyVersionId ? { policyVersionId } : {}),
        }));
        const r = await ok('wuhe-drafter', `query($i: [QuoteInput!]!) { quotes(inputs: $i) { amountDue surcharge subsidies { amount fundSource } } }`, { i: inputs });
        for (const q of r.quotes) {
          t.persons++;
          t.due += fen(q.amountDue);
          t.dues.push(fen(q.amountDue));
          t.surcharge += fen(q.surcharge);
          for (const s of q.subsidies) {
            t.subsidies += fen(s.amount);
            t.byFund.set(s.fundSource, (t.byFund.get(s.fundSource) ?? 0) + fen(s.amount));
          }
        }
      }
      return t;
    };
    const check = (side: any, t: Awaited<ReturnType<typeof sumOf>>) => {
      expect(side.refusals).toEqual([]);
      expect(side.totals.persons).toBe(t.persons);
      expect(fen(side.totals.individualContributions)).toBe(t.due);
      expect(fen(side.totals.surchargeRevenue)).toBe(t.surcharge);
      expect(fen(side.totals.subsidies)).toBe(t.subsidies);
      expect(fen(side.totals.governmentSubsidy)).toBe(64000 * t.persons);
      expect(Object.fromEntries(side.totals.byFundSource.map((f: any) => [f.fundSource, fen(f.amount)]))).toEqual(Object.fromEntries(t.byFund));
    };
    const baseline = await sumOf(null);
    const drafted = await sumOf(draft);
    check(p.baseline, baseline);
    check(p.draft, drafted);
    const more = drafted.dues.filter((d, i) => d > baseline.dues[i]!).length;
    const less = drafted.dues.filter((d, i) => d < baseline.dues[i]!).length;
    expect({ more: p.paysMore, less: p.paysLess, same: p.paysSame }).toEqual({ more, less, same: 10_000 - more - less });
    expect(p.byUnit.reduce((a: number, u: any) => a + u.persons, 0)).toBe(10_000);
  }, 120_000);

  it('runs long previews as jobs that report progress and can be cancelled', async () => {
    const doc = wuhe();
    const up = await upload('wuhe-drafter', '五河县', '任务', [...generateCohort(doc, { size: 2000, seed: 3 })].join(''));
    const { id: draft } = await wuheDraft(37000);
    const { startPreview: job } = await ok('wuhe-drafter', `mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id status progress } }`, { d: draft, c: up.body.id });
    expect(job.status).toBe('running');
    let state: any;
    for (let i = 0; i < 200; i++) {
      state = (await ok('wuhe-drafter', `query($id: ID!) { previewJob(id: $id) { status progress result { persons paysLess } } }`, { id: job.id })).previewJob;
      if (state.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toMatchObject({ status: 'done', progress: 1, result: { persons: 2000 } });
    expect(state.result.paysLess).toBeGreaterThan(0);
    const { startPreview: other } = await ok('wuhe-drafter', `mutation($d: ID!, $c: ID!) { startPreview(draft: $d, cohort: $c) { id } }`, { d: draft, c: up.body.id });
    const { cancelPreview } = await ok('wuhe-drafter', `mutation($id: ID!) { cancelPreview(id: $id) { status } }`, { id: other.id });
    expect(['cancelled', 'done']).toContain(cancelPreview.status);
  });

  it('keeps cohorts and previews to those who may see them', async () => {
    const anon = await api.gql(`{ cohorts { id } }`);
    expect(anon.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const { cohorts } = await ok('shishi-drafter', `{ cohorts { id } }`);
    expect(cohorts).toEqual([]);
  });
});

function townshipLabel(): string {
  return wuhe().categories.find((c) => c.code === 'ji-sheng-te-shu')!.fundSource.label;
}
