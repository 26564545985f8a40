import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDay, toDay } from '../../api/engine/dates.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { validatePolicyDocument, type PolicyDocument } from '../../policy-schemas/index.js';
import { readSeed } from '../../seeds/index.js';
import { sqlClient } from '../helpers/db.js';
import { bearer, health, request, startTestApi, type TestApi } from '../helpers/api.js';

/*
 * Bad cohort input (issue 11, item 5) over HTTP against PostgreSQL: implausible dates and NUL bytes
 * refused with their line, years 0000–0099 never read as 19xx, an upload size cap, /health saying only
 * up or down; and the preview's per-answer cache never merges two persons: every person's answer in
 * a preview equals `quote` for that person.
 */
let api: TestApi;
let token: string;
const PASSWORD = 'correct horse battery';
const HEADER = 'person_id,unit,birth_date,categories,groups,payment_date';
const MAX_BYTES = 64 * 1024;

async function upload(csv: string | Buffer, name = `c-${Math.random().toString(36).slice(2)}`, jurisdiction = '五河县', init: RequestInit = {}) {
  const url = `${api.base}/cohorts?jurisdiction=${encodeURIComponent(jurisdiction)}&name=${encodeURIComponent(name)}`;
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'text/csv', ...bearer(token) }, body: csv, ...init });
  return { status: res.status, body: (await res.json()) as any };
}
async function ok(query: string, variables?: Record<string, unknown>) {
  const r = await api.gql(query, variables, token);
  if (r.errors) throw new Error(r.errors[0]!.message);
  return r.data;
}
async function personRows() {
  const sql = await sqlClient(api.databaseUrl);
  const r = await sql.query('select count(*)::int as n from cohort_person');
  await sql.end();
  return r.rows[0].n as number;
}
const seed = (file: string): PolicyDocument => {
  const r = validatePolicyDocument(readSeed(file));
  if (!r.ok) throw new Error(file);
  return r.document;
};

beforeAll(async () => {
  api = await startTestApi({ app: { cohortMaxBytes: MAX_BYTES } });
  const users = new UserService(api.orm.em.fork());
  const ids = (await api.orm.em.fork().execute(`select id, name from jurisdiction where name in ('五河县', '灵源街道')`)) as { id: number }[];
  await users.create({ username: 'officer', password: PASSWORD, roles: ['drafter'], jurisdictionIds: ids.map((j) => j.id) });
  token = (await api.gql(`mutation { login(username: "officer", password: "${PASSWORD}") { token } }`)).data.login.token;
});
afterAll(async () => api?.close());

describe('cohort dates', () => {
  it.each([
    ['born before 1880', '1879-12-31', '', 'birth_date', '(1879-12-31) is before 1880-01-01: not a plausible birth date', 'BIRTH_TOO_EARLY'],
    ['born in year 0000 (never read as 1900)', '0000-01-01', '', 'birth_date', '(0000-01-01) is before 1880-01-01: not a plausible birth date', 'BIRTH_TOO_EARLY'],
    ['born on 0000-02-29, a real day of the proleptic calendar (1900 had none)', '0000-02-29', '', 'birth_date', '(0000-02-29) is before 1880-01-01: not a plausible birth date', 'BIRTH_TOO_EARLY'],
    ['born in 0099', '0099-06-30', '', 'birth_date', '(0099-06-30) is before 1880-01-01: not a plausible birth date', 'BIRTH_TOO_EARLY'],
    ['born after the coverage year', '2025-01-01', '', 'birth_date', '(2025-01-01) is after the coverage year 2024', 'BIRTH_AFTER_YEAR'],
    ['paying before 2000', '1980-01-01', '1999-12-31', 'payment_date', '(1999-12-31) is outside 2000–2100: not a plausible payment date', 'PAYMENT_OUT_OF_RANGE'],
    ['paying after 2100', '1980-01-01', '2101-01-01', 'payment_date', '(2101-01-01) is outside 2000–2100: not a plausible payment date', 'PAYMENT_OUT_OF_RANGE'],
    ['paying in year 0023', '', '0023-10-01', 'payment_date', '(0023-10-01) is outside 2000–2100: not a plausible payment date', 'PAYMENT_OUT_OF_RANGE'],
  ])('refuses a person %s, with the line, and imports nothing', async (_what, birth, pay, field, message, reason) => {
    const before = await personRows();
    const r = await upload(`${HEADER}\nP1,城关镇,1980-01-01,,,\nP2,城关镇,${birth},,,${pay}\n`);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ line: 3, field, message, reason }]);
    expect(await personRows()).toBe(before);
  });

  it('takes the edges of the range', async () => {
    const r = await upload(`${HEADER}\nE1,城关镇,1880-01-01,,,2000-01-01\nE2,城关镇,2024-12-31,,,2100-12-31\n`);
    expect(r.status).toBe(201);
    const sql = await sqlClient(api.databaseUrl);
    const rows = await sql.query(`select birth_date::text, payment_date::text from cohort_person p join cohort c on c.no = p.cohort_no where c.id = $1 order by row_no`, [r.body.id]);
    await sql.end();
    expect(rows.rows).toEqual([
      { birth_date: '1880-01-01', payment_date: '2000-01-01' },
      { birth_date: '2024-12-31', payment_date: '2100-12-31' },
    ]);
  });

  it('reads 0000-02-29 as the real date it is, in GraphQL too (no shift to 1900, which had no 29 February)', async () => {
    const r = await api.gql(`{ quote(input: { jurisdiction: "五河县", year: 2024, paymentDate: "2023-10-01", birthDate: "0000-02-29" }) { amountDue } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.quote.amountDue).toBe('380.00');
    const bad = await api.gql(`{ quote(input: { jurisdiction: "五河县", year: 2024, paymentDate: "2023-10-01", birthDate: "1900-02-29" }) { amountDue } }`);
    expect(bad.errors![0]!.message).toMatch(/1900-02-29 is not a real calendar date/);
  });
});

describe('NUL bytes', () => {
  it.each([
    ['person_id', 'P\u00002,城关镇,,,,'],
    ['unit', 'P2,城关\u0000镇,,,,'],
    ['categories', 'P2,城关镇,,di-bao\u0000,,'],
    ['payment_date', 'P2,城关镇,,,,2023-10-01\u0000'],
  ])('in %s are refused with the line and the field, not an internal error', async (field, line) => {
    const r = await upload(`${HEADER}\nP1,城关镇,,,,\n${line}\nP3,城关镇,,,,\n`);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ line: 3, field, message: 'contains a NUL byte (\\0), which no field may hold', reason: 'LINE_HAS_NUL' }]);
  });
});

describe('the upload size cap', () => {
  const big = `${HEADER}\n${Array.from({ length: 3000 }, (_, i) => `P${i},城关镇,1980-01-01,,,`).join('\n')}\n`;

  it('refuses a file declared larger than COHORT_MAX_BYTES with 413 before reading it', async () => {
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_BYTES);
    const before = await personRows();
    const r = await upload(big);
    expect(r.status).toBe(413);
    expect(r.body).toEqual({ error: expect.stringMatching(/^the file is larger than 65536 bytes .*COHORT_MAX_BYTES.*nothing was imported$/), code: 'PAYLOAD_TOO_LARGE', reason: 'UPLOAD_TOO_LARGE' });
    expect(await personRows()).toBe(before);
  });

  it('stops a streamed file (no Content-Length) once it passes the cap, and imports nothing', async () => {
    const before = await personRows();
    const bytes = Buffer.from(big);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 8192) c.enqueue(bytes.subarray(i, i + 8192));
        c.close();
      },
    });
    const r = await upload(Buffer.alloc(0), 'streamed', '五河县', { body, duplex: 'half' } as RequestInit);
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await personRows()).toBe(before);
    const { cohorts } = await ok(`{ cohorts(jurisdiction: "五河县") { name } }`);
    expect(cohorts.map((c: any) => c.name)).not.toContain('streamed');
  });
});

describe('/health', () => {
  it('says up, and nothing else', async () => {
    expect(await health(api.base)).toEqual({ status: 200, body: { status: 'up' } });
  });
});

/*
 * The preview answers persons who share a payment day, categories and groups (and, where a rule
 * depends on it, a birth date) once. A wrong key would merge two different persons: here each person
 * of a cohort is alone in a unit of the jurisdiction's quota table, so the preview's figures by unit
 * are that person's answer, and each is compared with `quote` for the person, under both versions.
 * Persons come in pairs that differ only by the birth date, the hardest case for the cache.
 */
describe('the preview never merges two persons', () => {
  const sides: Record<string, { doc: PolicyDocument; draft: string }> = {};
  beforeAll(async () => {
    for (const [name, file, year] of [
      ['五河县', 'wuhe-2024.json', 2024],
      ['灵源街道', 'lingyuan-2022.json', 2022],
    ] as const) {
      const base = (await api.gql(`{ policy(jurisdiction: "${name}", year: ${year}) { id } }`)).data.policy.id;
      const { createDraft } = await ok(`mutation($f: ID!) { createDraft(from: $f, year: ${year}) { id document } }`, { f: base });
      const d = createDraft.document;
      if (name === '五河县') {
        // a draft that differs: the fee 380 → 400 (and the amounts printed beside the benefits with it)
        const fee = 40000;
        d.fees.individual.amountFen = fee;
        d.fees.specialCases = d.fees.specialCases.map((s: any) => ({ ...s, charges: s.charges.map((c: any) => (c.coverageYear === 2024 ? { ...c, amountFen: fee } : c)) }));
        d.fees.totalFinancing.amountFen = fee + d.fees.government.amountFen;
        for (const c of d.categories) if (c.printed?.paymentFen !== undefined) c.printed.paymentFen = fee - (c.benefit.kind === 'fixed-subsidy' ? c.benefit.amountFen : 0);
        await ok(`mutation($id: ID!, $d: JSON!) { updateDraft(id: $id, revision: 1, document: $d) { id } }`, { id: createDraft.id, d });
      }
      sides[name] = { doc: seed(file), draft: createDraft.id };
    }
  });

  const person = (doc: PolicyDocument) => {
    const year = doc.coverageYear;
    const first = toDay('1880-01-01');
    const last = toDay(`${year}-12-31`);
    const centralFrom = toDay(doc.windows.find((w) => w.kind === 'central')!.from);
    const clamp = (d: number) => Math.min(last, Math.max(first, d));
    // the days where an answer may turn on the birth date: ages judged at the end of the year before
    // the coverage year (0, 1, 6, 16, 18, 60, 65, 70, 80 years), newborns of this year and the last,
    // and (below) 90 days before the payment (Wuhe's newborns)
    const ageEdge = (a: number) => toDay(`${year - 1 - a}-12-31`);
    const edges = [0, 1, 6, 16, 18, 60, 65, 70, 80].map(ageEdge).concat([toDay(`${year - 1}-01-01`), toDay(`${year}-01-01`), centralFrom, first, last]);
    // codes whose rules read the birth date, so that the cases the cache keys by birth come up often,
    // and the ages those rules name
    const codes = doc.categories.map((c) => c.code);
    const ageCodes = doc.categories.filter((c) => (c.conditions ?? []).some((x: any) => x.age)).map((c) => c.code);
    const ruleAges = doc.categories.flatMap((c) => (c.conditions ?? []).flatMap((x: any) => (x.age ? [x.age.min, x.age.below].filter((n) => n !== undefined) : [])));
    const edge = ruleAges.length ? fc.oneof(fc.constantFrom(...ruleAges.map(ageEdge)), fc.constantFrom(...edges)) : fc.constantFrom(...edges);
    const groups = doc.specialGroups.map((g) => g.code);
    const birthGroups = doc.specialGroups
      .filter((g) => g.rules.some((r: any) => r.when?.withinDaysOfBirth || r.when?.afterDaysOfBirth || r.when?.bornInYear !== undefined || r.when?.paidBeforeAgeYears !== undefined || r.benefitStart === 'birth-date'))
      .map((g) => g.code);
    const some = (xs: string[], n: number) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: n });
    return fc
      .record({
        pay: fc.option(fc.integer({ min: centralFrom - 30, max: last + 20 }), { freq: 4 }),
        mode: fc.constantFrom('edge', 'edge', 'pay-90', 'random', 'same'),
        edge,
        spread: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 40 })),
        random: fc.tuple(fc.integer({ min: first, max: last }), fc.integer({ min: first, max: last })),
        keepFirst: fc.nat(9),
        categories: ageCodes.length ? fc.oneof(some(codes, 2), fc.tuple(fc.constantFrom(...ageCodes), some(codes, 1)).map(([a, r]) => [...new Set([a, ...r])])) : some(codes, 2),
        groups: birthGroups.length ? fc.oneof(some(groups, 1), fc.constantFrom(...birthGroups).map((g) => [g])) : some(groups, 1),
      })
      .map((r) => {
        // two dates a few days apart around the same edge: the pair a careless key would merge
        const around = (e: number): [number, number] => [clamp(e - r.spread[0]), clamp(e + r.spread[1])];
        const [a, b] = r.mode === 'edge' ? around(r.edge) : r.mode === 'pay-90' ? around((r.pay ?? centralFrom) - 90) : r.mode === 'same' ? [r.random[0], r.random[0]] : r.random;
        // now and then one of the two has no birth date at all
        return { pay: r.pay, births: [r.keepFirst === 0 ? null : a, b] as [number | null, number], categories: r.categories, groups: r.groups };
      });
  };

  const TOTALS = 'persons covered individualContributions surchargeRevenue subsidies byFundSource { fundSource amount }';
  const QUOTE = `query($i: QuoteInput!) { quote(input: $i) { amountDue surcharge coversCoverageYear subsidies { amount fundSource } } }`;
  const fen = (m: string) => Math.round(Number(m) * 100);
  /** What the preview's totals of one unit must be for one person answered as `quote` answered. */
  const expected = (q: any) =>
    q
      ? {
          persons: 1,
          covered: q.coversCoverageYear ? 1 : 0,
          individualContributions: fen(q.amountDue),
          surchargeRevenue: fen(q.surcharge),
          subsidies: q.subsidies.reduce((a: number, s: any) => a + fen(s.amount), 0),
          byFundSource: Object.fromEntries(q.subsidies.map((s: any) => [s.fundSource, fen(s.amount)]).filter(([, a]: [string, number]) => a !== 0)),
        }
      : { persons: 0, covered: 0, individualContributions: 0, surchargeRevenue: 0, subsidies: 0, byFundSource: {} };
  const actual = (t: any) => ({
    persons: t.persons,
    covered: t.covered,
    individualContributions: fen(t.individualContributions),
    surchargeRevenue: fen(t.surchargeRevenue),
    subsidies: fen(t.subsidies),
    byFundSource: Object.fromEntries(t.byFundSource.map((f: any) => [f.fundSource, fen(f.amount)]).filter(([, a]: [string, number]) => a !== 0)),
  });

  for (const name of ['五河县', '灵源街道']) {
    it(`in ${name}: every person's preview answer equals quote for that person`, async () => {
      const { doc, draft } = sides[name]!;
      const units = doc.quotaTables[0]!.rows.map((r) => r.unit);
      const central = doc.windows.find((w) => w.kind === 'central')!.from;
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(person(doc), { minLength: Math.floor(units.length / 2), maxLength: Math.floor(units.length / 2) }), async (cases) => {
          // two persons per case: the same payment, categories and groups, different birth dates
          const persons = cases.flatMap((c) =>
            c.births.map((b) => {
              const birth = b === null ? null : fromDay(b);
              // nobody pays before being born: such a payment is made on the birthday
              const pay = c.pay === null ? null : fromDay(b !== null && b > c.pay ? b : c.pay);
              return { birth, pay, categories: c.categories, groups: c.groups };
            }),
          );
          const csv = [HEADER, ...persons.map((p, i) => `R${i},${units[i]},${p.birth ?? ''},${p.categories.join(';')},${p.groups.join(';')},${p.pay ?? ''}`)].join('\n');
          const up = await upload(csv, `property ${run++}`, name);
          expect(up.status, JSON.stringify(up.body)).toBe(201);
          const { previewImpact } = await ok(`query($d: ID!, $c: ID!) { previewImpact(draft: $d, cohort: $c) { byUnit { unit draft { ${TOTALS} } baseline { ${TOTALS} } } } }`, { d: draft, c: up.body.id });
          const byUnit = new Map(previewImpact.byUnit.map((u: any) => [u.unit, u]));
          await Promise.all(
            persons.map(async (p, i) => {
              const input = {
                jurisdiction: name,
                year: doc.coverageYear,
                // no payment date: the central window's first day, or the day of birth for a baby born during it
                paymentDate: p.pay ?? (p.birth && p.birth > central ? p.birth : central),
                birthDate: p.birth,
                categories: p.categories,
                groups: p.groups,
              };
              const [baseline, drafted] = await Promise.all(
                [undefined, draft].map(async (policyVersionId) => {
                  const r = await api.gql(QUOTE, { i: { ...input, ...(policyVersionId ? { policyVersionId } : {}) } }, token);
                  return r.errors ? null : r.data.quote;
                }),
              );
              const unit = byUnit.get(units[i]!) as any;
              const who = `${units[i]} ${JSON.stringify(input)}`;
              expect(actual(unit.baseline), `baseline, ${who}`).toEqual(expected(baseline));
              expect(actual(unit.draft), `draft, ${who}`).toEqual(expected(drafted));
            }),
          );
        }),
        { numRuns: 10, endOnFailure: true },
      );
    }, 120_000);
  }
});
