import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../seeds/index.js';
import { validatePolicyDocument } from '../../policy-schemas/index.js';
import { contentHash } from '../../api/modules/policy/content-hash.js';
import { health, request, startTestApi, type TestApi } from '../helpers/api.js';

/** The read API for third parties, over HTTP, against a real PostgreSQL loaded from the seeds. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe('health', () => {
  it('answers 200 once the database is reachable', async () => {
    expect(await health(api.base)).toEqual({ status: 200, body: { status: 'up' } });
  });
});

describe('the README example', () => {
  it("returns Shishi 2025's individual fee 400 and subsidy floor 670, and the answer the README prints", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = readme.slice(readme.indexOf('## Example'));
    const query = /```graphql\n([^]*?)```/.exec(example)![1]!;
    const printed = JSON.parse(/```json\n([^]*?)```/.exec(example)![1]!);
    const r = await api.gql(query);
    expect(r.errors).toBeUndefined();
    expect(r.data.policy.fees.individual).toBe('400.00');
    expect(r.data.policy.fees.government).toBe('670.00');
    expect(r).toEqual(printed);
  });
});

describe('jurisdictions', () => {
  it('form the hierarchy province → city → county → subdistrict with division codes', async () => {
    const names = ['石狮市', '泉州市', '福建省', '灵源街道', '眉山市', '五河县', '蚌埠市', '安徽省', '四川省', '晋江市'];
    const r = await api.gql(`{ ${names.map((n, i) => `j${i}: jurisdiction(codeOrName: "${n}") { code name level parent { name } children { name } }`).join(' ')} }`);
    expect(r.errors).toBeUndefined();
    const byName = new Map<string, any>(names.map((n, i) => [n, r.data[`j${i}`]]));
    expect(byName.get('石狮市')).toMatchObject({ code: '350581', level: 'COUNTY', parent: { name: '泉州市' } });
    expect(byName.get('泉州市')).toMatchObject({ code: '350500', level: 'PREFECTURE', parent: { name: '福建省' } });
    expect(byName.get('泉州市').children.map((c: any) => c.name)).toEqual(expect.arrayContaining(['晋江市', '石狮市', '南安市']));
    expect(byName.get('福建省')).toMatchObject({ code: '350000', level: 'PROVINCE', parent: null });
    expect(byName.get('灵源街道')).toMatchObject({ code: '350582006', level: 'TOWNSHIP', parent: { name: '晋江市' } });
    expect(byName.get('眉山市')).toMatchObject({ code: '511400', parent: { name: '四川省' } });
    expect(byName.get('五河县')).toMatchObject({ code: '340322', parent: { name: '蚌埠市' } });
    expect(byName.get('蚌埠市')).toMatchObject({ code: '340300', parent: { name: '安徽省' } });
    expect(byName.get('安徽省')).toMatchObject({ code: '340000' });
    expect(byName.get('四川省')).toMatchObject({ code: '510000' });
    expect(byName.get('晋江市')).toMatchObject({ code: '350582' });
  });
});

describe('policy(jurisdiction, year)', () => {
  it('finds a version by code as by name', async () => {
    const byCode = await api.gql(`{ policy(jurisdiction: "340322", year: 2024) { id documentNumber } }`);
    const byName = await api.gql(`{ policy(jurisdiction: "五河县", year: 2024) { id documentNumber } }`);
    expect(byCode.data.policy.documentNumber).toBe('五政办秘〔2023〕50号');
    expect(byName.data.policy).toEqual(byCode.data.policy);
  });

  it('is null for a year with no published version', async () => {
    const r = await api.gql(`{ policy(jurisdiction: "石狮市", year: 2030) { id } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.policy).toBeNull();
  });

  it('refuses an unknown jurisdiction, naming the argument', async () => {
    const r = await api.gql(`{ policy(jurisdiction: "石狮", year: 2025) { id } }`);
    expect(r.errors![0]!.message).toBe('jurisdiction: no jurisdiction has the code or name "石狮"');
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jurisdiction' });
  });

  it('serves categories with agency and fund source, groups, roster and quotas as typed fields', async () => {
    const r = await api.gql(`{
      shishi: policy(jurisdiction: "石狮市", year: 2024) {
        categories { code name agency fundSource fundSourceKind benefit { kind percent subsidy personPays } }
        specialGroups { code name surchargeExempt }
        roster { role roleLabel name post }
        windows { code from to benefitStart waiting { kind days convention } }
        fees { lateSurcharge { from amountDue exemptNeedy } }
      }
      wuhe: policy(jurisdiction: "五河县", year: 2024) {
        quotas { unit population target }
        quotaTables { printedTotal { population target } rowSum { target } }
        fees { governmentSplit { level amount } totalFinancing specialCases { charges { coverageYear amount } } }
        warnings { path code message }
        refund { reasons }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const s = r.data.shishi;
    expect(s.categories.find((c: any) => c.code === 'di-bao')).toEqual({
      code: 'di-bao',
      name: '最低生活保障对象',
      agency: '市民政局',
      fundSource: '医疗救助资金',
      fundSourceKind: 'MEDICAL_ASSISTANCE',
      benefit: { kind: 'PERCENT', percent: 90, subsidy: '351.00', personPays: '39.00' },
    });
    expect(s.specialGroups.find((g: any) => g.code === 'newborn')).toMatchObject({ surchargeExempt: true });
    expect(s.roster).toHaveLength(27);
    expect(s.roster[0]).toEqual({ role: 'LEADER', roleLabel: '组长', name: '蔡俊龙', post: '市政府副市长' });
    expect(s.windows[2]).toEqual({
      code: 'back-payment',
      from: '2024-03-01',
      to: '2024-12-31',
      benefitStart: 'AFTER_WAITING',
      waiting: { kind: 'DAYS', days: 60, convention: 'payment-day-is-day-1' },
    });
    expect(s.fees.lateSurcharge).toEqual({ from: '2024-07-01', amountDue: '1030.00', exemptNeedy: true });

    const w = r.data.wuhe;
    expect(w.quotas).toHaveLength(14);
    expect(w.quotas[0]).toEqual({ unit: '城关镇', population: 104874, target: 63194 });
    expect(w.quotaTables[0]).toEqual({ printedTotal: { population: 695520, target: 542468 }, rowSum: { target: 542469 } });
    expect(w.fees.governmentSplit).toEqual([
      { level: 'CENTRAL', amount: '384.00' },
      { level: 'PROVINCIAL', amount: '192.00' },
      { level: 'COUNTY', amount: '64.00' },
    ]);
    expect(w.fees.totalFinancing).toBe('1020.00');
    expect(w.fees.specialCases[0].charges).toEqual([
      { coverageYear: 2023, amount: '350.00' },
      { coverageYear: 2024, amount: '380.00' },
    ]);
    expect(w.warnings).toHaveLength(1);
    expect(w.warnings[0].message).toMatch(/542469.*542468/);
    expect(w.refund[0].reasons).toHaveLength(4);
  });

  it("returns Lingyuan's 12 quota rows totalling 32,032 and its activation table as printed", async () => {
    const r = await api.gql(`{ policy(jurisdiction: "灵源街道", year: 2022) {
      quotas { unit population residencePermits target }
      activationTables { printedTotal { insured activated targetActivated gap ratePrinted } }
      categoryLists { code declaredCount count countingNote }
    } }`);
    const p = r.data.policy;
    expect(p.quotas).toHaveLength(12);
    expect(p.quotas.reduce((a: number, q: any) => a + q.target, 0)).toBe(32032);
    expect(p.quotas.find((q: any) => q.unit === '外来工')).toEqual({ unit: '外来工', population: 380, residencePermits: null, target: 380 });
    expect(p.activationTables[0].printedTotal).toEqual({ insured: 26774, activated: 7856, targetActivated: 16064, gap: 8181, ratePrinted: '29.34%' });
    expect(p.categoryLists.find((l: any) => l.code === 'full')).toMatchObject({ declaredCount: 17, count: 17 });
  });
});

describe('policyVersions', () => {
  it('lists all five, and filters by jurisdiction, year and status', async () => {
    const all = await api.gql(`{ policyVersions { jurisdiction { name } year status } }`);
    expect(all.data.policyVersions).toHaveLength(5);
    const shishi = await api.gql(`{ policyVersions(jurisdiction: "350581") { year } }`);
    expect(shishi.data.policyVersions.map((v: any) => v.year)).toEqual([2025, 2024]);
    const y2024 = await api.gql(`{ policyVersions(year: 2024, status: PUBLISHED) { jurisdiction { name } } }`);
    expect(y2024.data.policyVersions.map((v: any) => v.jurisdiction.name).sort()).toEqual(['五河县', '眉山市', '石狮市'].sort());
    const drafts = await api.gql(`{ policyVersions(status: DRAFT) { id } }`);
    expect(drafts.data.policyVersions).toEqual([]);
  });
});

describe('the stored document', () => {
  it('round-trips through the database unchanged, with a content hash that matches it', async () => {
    const r = await api.gql(`{ policyVersions { contentHash document } }`);
    for (const v of r.data.policyVersions) {
      expect(v.contentHash).toBe(contentHash(v.document));
    }
    for (const [name, year, file] of [
      ['石狮市', 2024, 'shishi-2024.json'],
      ['石狮市', 2025, 'shishi-2025.json'],
      ['灵源街道', 2022, 'lingyuan-2022.json'],
      ['眉山市', 2024, 'meishan-2024.json'],
      ['五河县', 2024, 'wuhe-2024.json'],
    ] as const) {
      const v = await api.gql(`query($j: String!, $y: Int!) { policy(jurisdiction: $j, year: $y) { document } }`, { j: name, y: year });
      const expected = validatePolicyDocument(readSeed(file));
      if (!expected.ok) throw new Error('seed invalid');
      expect(v.data.policy.document).toEqual(expected.document);
    }
  });
});

describe('validatePolicyDocument', () => {
  it('names the refused field and the reason', async () => {
    const doc = structuredClone(readSeed('shishi-2025.json')) as any;
    doc.fees.individual.amountFen = -40000;
    const r = await api.gql(`query($d: JSON!) { validatePolicyDocument(document: $d) { valid issues { path message } } }`, { d: doc });
    expect(r.data.validatePolicyDocument).toEqual({
      valid: false,
      issues: [{ path: 'fees.individual.amountFen', message: 'must not be negative' }],
    });
  });

  it('reports warnings on a valid document', async () => {
    const r = await api.gql(`query($d: JSON!) { validatePolicyDocument(document: $d) { valid warnings { code } } }`, {
      d: readSeed('wuhe-2024.json'),
    });
    expect(r.data.validatePolicyDocument).toEqual({ valid: true, warnings: [{ code: 'printed-total-differs' }] });
  });
});

describe("Apollo's security options", () => {
  it('refuses batched requests', async () => {
    const res = await request(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ jurisdictions { name } }' }, { query: '{ jurisdictions { code } }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
  });

  it('prevents CSRF: a simple GET without a preflight header is refused', async () => {
    const res = await request(`${api.url}?query=${encodeURIComponent('{ jurisdictions { name } }')}`);
    expect(res.status).toBe(400);
    const ok = await request(`${api.url}?query=${encodeURIComponent('{ jurisdictions { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses queries nested too deep', async () => {
    const deep = `{ jurisdictions { children { children { children { children { children { children { children { children { children { children { children { name } } } } } } } } } } } } }`;
    const r = await api.gql(deep);
    expect(r.errors![0]!.message).toBe('The query is nested 13 levels deep; at most 12 are allowed.');
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'depth', max: 12, found: 13 });
  });

  it('refuses queries that are too large', async () => {
    const res = await request(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ jurisdictions { name ${' '.repeat(30_000)} } }` }),
    });
    expect(res.status).toBe(413);
  });

  it('sends no stack traces', async () => {
    const r = await api.gql(`{ policy(jurisdiction: "nowhere", year: 2025) { id } }`);
    expect(JSON.stringify(r.errors)).not.toMatch(/stacktrace|at .*\.ts/);
  });
});

describe('the /graphql endpoint reads the request itself', () => {
  const QUOTE = JSON.stringify({ query: `{ quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: "2024-11-15" }) { amountDue } }` });
  const post = (body: string | Buffer, headers: Record<string, string>) => request(api.url, { method: 'POST', headers, body });

  it('answers a body that is not JSON with 400, in GraphQL error form', async () => {
    const res = await post('{"query": "{ jurisdictions { name } }"', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/^The request body is not valid JSON/);
  });

  it('reads gzip and br bodies', async () => {
    for (const [encoding, bytes] of [['gzip', gzipSync(QUOTE)], ['br', brotliCompressSync(QUOTE)]] as const) {
      const res = await post(bytes, { 'content-type': 'application/json', 'content-encoding': encoding });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { quote: { amountDue: '400.00' } } });
    }
  });

  it('refuses an encoding or a charset it does not read, and a body over 1 MiB', async () => {
    const enc = await post(QUOTE, { 'content-type': 'application/json', 'content-encoding': 'zstd' });
    expect(enc.status).toBe(415);
    expect(((await enc.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' }, message: expect.stringContaining('"zstd"') });
    const cs = await post(QUOTE, { 'content-type': 'application/json; charset=gbk' });
    expect(cs.status).toBe(415);
    expect(((await cs.json()) as any).errors[0].message).toMatch(/"gbk".*UTF-8/);
    const big = await post(JSON.stringify({ query: '{ jurisdictions { name } }', variables: { pad: 'x'.repeat(1024 * 1024) } }), { 'content-type': 'application/json' });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'bodyBytes' });
    // a gzip bomb is measured after decompression
    const bomb = await post(gzipSync(JSON.stringify({ query: '{ jurisdictions { name } }', variables: { pad: ' '.repeat(2 * 1024 * 1024) } })), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(bomb.status).toBe(413);
  });

  it('leaves other content types to Apollo, which names what it expects', async () => {
    const res = await post(QUOTE, { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Content-Type/i);
  });
});
