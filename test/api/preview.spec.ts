import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserService } from '../../api/modules/user/user.service.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

/*
 * A preview that explains itself, over HTTP against a real PostgreSQL: next year's clone of Shishi
 * 2025 with the fee raised to 420, on a small cohort of newborns, elders and subsidised persons,
 * computed by hand. The engine's own test (api/engine/impact.spec.ts) holds the same cohort.
 */

let api: TestApi;
let token = '';
const PASSWORD = 'correct horse battery';

const ok = async (query: string, variables?: Record<string, unknown>) => {
  const r = await api.gql(query, variables, token);
  if (r.errors) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.data;
};

beforeAll(async () => {
  api = await startTestApi();
  const ids = (await api.orm.em.fork().execute(`select id from jurisdiction where name = '石狮市'`)) as { id: number }[];
  await new UserService(api.orm.em.fork()).create({ username: 'shishi-drafter', password: PASSWORD, roles: ['drafter'], jurisdictionIds: [ids[0]!.id] });
  const r = await api.gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: 'shishi-drafter', p: PASSWORD });
  token = r.data.login.token;
});
afterAll(async () => api?.close());

const PERSON = 'personId birthDate paymentDate baselinePaymentDate draftPaymentDate baselineDue draftDue change';
const TOTALS = 'persons individualContributions surchargeRevenue subsidies';

describe('previewing a 2026 draft against 2025', () => {
  it('groups the persons who pay differently by change, and reports the effect of moving the population a year apart', async () => {
    const { policy } = await ok(`{ policy(jurisdiction: "石狮市", year: 2025) { id } }`);
    const { createDraft } = await ok(`mutation($f: ID!) { createDraft(from: $f, year: 2026) { id revision document autoChanges { path label } } }`, { f: policy.id });
    // each date the clone moved is named by its field, its list item named from the document
    expect(createDraft.autoChanges).toContainEqual({ path: 'windows[0].from', label: '参保缴费期「集中参保缴费期」起始日' });
    expect(createDraft.autoChanges).toContainEqual({ path: 'fees.lateSurcharge.from', label: '补缴加收起始日' });
    const doc = createDraft.document;
    doc.fees.individual.amountFen = 42_000;
    await ok(`mutation($id: ID!, $r: Int!, $d: JSON!) { updateDraft(id: $id, revision: $r, document: $d) { id } }`, { id: createDraft.id, r: createDraft.revision, d: doc });

    const csv = [
      'person_id,unit,birth_date,categories,groups,payment_date',
      'P1,石狮市,1980-05-01,,,2024-10-15', //               400 → 420
      'P2,石狮市,1975-01-01,di-bao,,', //                     40 → 42
      'P3,石狮市,1950-01-01,te-kun,,', //                      0 → 0
      'P4,石狮市,1950-03-03,di-bao-bian-yuan,,', //          120 → 126
      'P5,石狮市,1940-08-08,,,', //                           400 → 420
      'P6,石狮市,2025-05-10,,newborn,2025-08-01', //          400 → 1090
      'P7,石狮市,2024-11-15,,newborn,2024-12-01', //          400 → 420
      'P8,石狮市,1990-02-02,,,2025-08-15', //               1070 → 1090
    ].join('\n');
    const res = await fetch(`${api.base}/cohorts?jurisdiction=${encodeURIComponent('石狮市')}&name=${encodeURIComponent('手算样本')}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: csv,
    });
    expect(res.status).toBe(201);
    const cohort = ((await res.json()) as { id: string }).id;

    const { previewImpact: p } = await ok(
      `query($d: ID!, $c: ID!) { previewImpact(draft: $d, cohort: $c) {
        paysMore paysLess paysSame yearsMoved
        baseline { totals { ${TOTALS} } } draft { totals { ${TOTALS} } } difference { ${TOTALS} }
        populationEffect { ${TOTALS} } rulesEffect { ${TOTALS} }
        changeGroups { baselineDue draftDue change persons total cause example { ${PERSON} } }
        examples { personId }
      } }`,
      { d: createDraft.id, c: cohort },
    );
    expect({ more: p.paysMore, less: p.paysLess, same: p.paysSame, years: p.yearsMoved }).toEqual({ more: 7, less: 0, same: 1, years: 1 });
    expect(p.changeGroups.map((g: any) => [g.baselineDue, g.draftDue, g.persons, g.total, g.cause, g.example.personId])).toEqual([
      ['400.00', '420.00', 3, '60.00', 'RULES', 'P1'],
      ['400.00', '1090.00', 1, '690.00', 'BOTH', 'P6'],
      ['1070.00', '1090.00', 1, '20.00', 'RULES', 'P8'],
      ['120.00', '126.00', 1, '6.00', 'RULES', 'P4'],
      ['40.00', '42.00', 1, '2.00', 'RULES', 'P2'],
    ]);
    // the groups' persons add up to those who pay differently; one example per group
    expect(p.changeGroups.reduce((n: number, g: any) => n + g.persons, 0)).toBe(p.paysMore + p.paysLess);
    expect(p.examples.map((e: any) => e.personId)).toEqual(['P1', 'P6', 'P8', 'P4', 'P2']);
    // both payment dates of an example: as stated, and a year later for the draft; the central window's first day where none is stated
    expect(p.changeGroups[1].example).toMatchObject({ birthDate: '2025-05-10', paymentDate: '2025-08-01', baselinePaymentDate: '2025-08-01', draftPaymentDate: '2026-08-01', change: '690.00' });
    expect(p.changeGroups[4].example).toMatchObject({ paymentDate: null, baselinePaymentDate: '2024-09-01', draftPaymentDate: '2025-09-01' });

    // by hand: baseline 400 + 40 + 0 + 120 + 400 + 400 + 400 + 1070 = 2830; the draft 2830 + 3 × 20 + 690 + 20 + 6 + 2 = 3608
    expect(p.baseline.totals.individualContributions).toBe('2830.00');
    expect(p.draft.totals.individualContributions).toBe('3608.00');
    // the population a year older under the 2025 rules: P6 is then past 90 days and over one, no longer exempt: 400 + 670
    expect(p.populationEffect).toEqual({ persons: 0, individualContributions: '670.00', surchargeRevenue: '670.00', subsidies: '0.00' });
    // the rules' effect is the rest: 20 for P1, P5, P6, P7, P8, 2 for P2 and 6 for P4; subsidies 18 (低保) + 20 (特困) + 14 (低保边缘)
    expect(p.rulesEffect).toEqual({ persons: 0, individualContributions: '108.00', surchargeRevenue: '0.00', subsidies: '52.00' });
    expect(p.difference.individualContributions).toBe('778.00');
  });
});
