import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';

/**
 * quoteBatch (issue 13 item 4): a batch degrades gracefully. 5,000 inputs, some of them bad: every
 * good one is answered (as `quote` answers it alone), every bad one named by its field, a stable code
 * and the reason; `quotes` still fails the whole call on the first bad input, as it always did.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const GOOD = [
  { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', categories: ['di-bao'] },
  { jurisdiction: '石狮市', year: 2024, paymentDate: '2024-07-15' },
  { jurisdiction: '眉山市', year: 2024, paymentDate: '2024-05-15', categories: ['993406'] },
  { jurisdiction: '五河县', year: 2024, paymentDate: '2024-03-01', birthDate: '2023-11-20', groups: ['newborn'] },
  { jurisdiction: '灵源街道', year: 2022, paymentDate: '2021-11-01', categories: ['du-zi-hu'], householdRole: 'CHILD', sex: 'MALE', birthDate: '2010-03-01' },
  { jurisdiction: '灵源街道', year: 2022, paymentDate: '2021-11-01', certifications: [{ category: 'di-bao', certifiedOn: '2021-11-20' }] },
];
/** Bad inputs, each with the field and code it must be refused with. */
const BAD: [Record<string, unknown>, string, string][] = [
  [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-08-31' }, 'paymentDate', 'BAD_USER_INPUT'],
  [{ jurisdiction: '石狮', year: 2025, paymentDate: '2024-11-15' }, 'jurisdiction', 'BAD_USER_INPUT'],
  [{ jurisdiction: '石狮市', year: 2031, paymentDate: '2030-11-15' }, 'year', 'BAD_USER_INPUT'],
  [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', categories: ['dibao'] }, 'categories', 'BAD_USER_INPUT'],
  [{ jurisdiction: '灵源街道', year: 2022, paymentDate: '2021-11-01', categories: ['di-shou-ru'] }, 'birthDate', 'BAD_USER_INPUT'],
  [{ jurisdiction: '眉山市', year: 2024, paymentDate: '2024-05-15', insuredEarlierInYear: true }, 'insuredEarlierInYear', 'BAD_USER_INPUT'],
  [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', expectedContentHash: '0'.repeat(64) }, 'expectedContentHash', 'CONTENT_HASH_MISMATCH'],
  [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', policyVersionId: '00000000-0000-0000-0000-000000000000' }, 'policyVersionId', 'BAD_USER_INPUT'],
];

const BATCH = `query($i: [QuoteInput!]!) { quoteBatch(inputs: $i) { index quote { amountDue benefitStart policyVersionId } error { field code message } } }`;

describe('quoteBatch', () => {
  it('answers 5,000 inputs with some bad ones: every good one answered as quote answers it, every bad one named', async () => {
    // every 50th input is bad (100 of them), the others cycle through the good ones
    const inputs = Array.from({ length: 5000 }, (_, i) => (i % 50 === 7 ? BAD[(i / 50) % BAD.length | 0]![0] : GOOD[i % GOOD.length]!));
    const r = await api.gql(BATCH, { i: inputs });
    expect(r.errors).toBeUndefined();
    const outcomes = r.data.quoteBatch as { index: number; quote: any; error: any }[];
    expect(outcomes).toHaveLength(5000);
    expect(outcomes.map((o) => o.index)).toEqual(inputs.map((_, i) => i));

    // each good input alone, as quote answers it
    const alone = await Promise.all(
      GOOD.map(async (input) => (await api.gql(`query($i: QuoteInput!) { quote(input: $i) { amountDue benefitStart policyVersionId } }`, { i: input })).data.quote),
    );
    let good = 0;
    let bad = 0;
    outcomes.forEach((o, i) => {
      if (i % 50 === 7) {
        const [, field, code] = BAD[(i / 50) % BAD.length | 0]!;
        expect(o.quote, `input ${i}`).toBeNull();
        expect(o.error).toMatchObject({ field: `inputs[${i}].${field}`, code });
        expect(o.error.message.startsWith(`inputs[${i}].${field}: `)).toBe(true);
        bad++;
      } else {
        expect(o.error, `input ${i}: ${JSON.stringify(o.error)}`).toBeNull();
        expect(o.quote).toEqual(alone[i % GOOD.length]);
        good++;
      }
    });
    expect([good, bad]).toEqual([4900, 100]);
  });

  it('refuses more than 5,000 inputs, as quotes does: each input is one engine run of the request limit', async () => {
    const many = Array.from({ length: 5001 }, () => GOOD[0]);
    const batch = await api.gql(BATCH, { i: many });
    const quotes = await api.gql(`query($i: [QuoteInput!]!) { quotes(inputs: $i) { amountDue } }`, { i: many });
    expect(batch.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'quotes', max: 5000, found: 5001 });
    expect(batch.errors![0]!.extensions).toEqual(quotes.errors![0]!.extensions);
    // over aliases too, with quotes and quote: 3,000 + 2,000 + 1 runs
    const mixed = await api.gql(
      `query($a: [QuoteInput!]!, $b: [QuoteInput!]!) { a: quoteBatch(inputs: $a) { index } b: quotes(inputs: $b) { amountDue } c: quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: "2024-11-15" }) { amountDue } }`,
      { a: many.slice(0, 3000), b: many.slice(0, 2000) },
    );
    expect(mixed.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'quotes', found: 5001 });
  });

  it('quotes stays as it is: one bad input fails the call, naming its index', async () => {
    const r = await api.gql(`query($i: [QuoteInput!]!) { quotes(inputs: $i) { amountDue } }`, { i: [GOOD[0], BAD[0]![0], GOOD[1]] });
    expect(r.data).toBeNull();
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs[1].paymentDate' });
  });
});
