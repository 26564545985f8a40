import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';

/** DOMAIN.md's worked examples and the quote API's contract, over HTTP against a real PostgreSQL. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const Q = `query($input: QuoteInput!) { quote(input: $input) {
  individualFee surcharge amountDue subsidyTotal
  subsidies { category { code name } amount agency fundSource }
  window { code name } benefitStart benefitEnd coversCoverageYear waitingRule waitingKind convention
  trace { rule clause detail } policyVersionId contentHash
} }`;
const quote = async (input: Record<string, unknown>) => {
  const r = await api.gql(Q, { input });
  if (r.errors) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.data.quote;
};
const quoteError = async (input: Record<string, unknown>) => {
  const r = await api.gql(Q, { input });
  expect(r.data?.quote ?? null).toBeNull();
  return r.errors![0]!;
};

describe("DOMAIN.md's worked examples", () => {
  it('Shishi 2025, ordinary resident, pays 2024-11-15: owes 400, benefits 2025-01-01 – 2025-12-31', async () => {
    const q = await quote({ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15' });
    expect(q).toMatchObject({ individualFee: '400.00', surcharge: '0.00', amountDue: '400.00', benefitStart: '2025-01-01', benefitEnd: '2025-12-31' });
    expect(q.window.name).toBe('集中参保缴费期');
  });

  it('Shishi 2025, 低保, pays in the central window: subsidy 360 (medical assistance fund), owes 40', async () => {
    const q = await quote({ jurisdiction: '350581', year: 2025, paymentDate: '2024-10-01', categories: ['di-bao'] });
    expect(q.subsidies).toEqual([
      { category: { code: 'di-bao', name: '最低生活保障对象' }, amount: '360.00', agency: '市民政局', fundSource: '医疗救助资金' },
    ]);
    expect(q.amountDue).toBe('40.00');
  });

  it('Shishi 2024, ordinary resident, pays 2024-07-15: owes 1030, benefits after the 60-day wait', async () => {
    const q = await quote({ jurisdiction: '石狮市', year: 2024, paymentDate: '2024-07-15' });
    expect(q).toMatchObject({ individualFee: '390.00', surcharge: '640.00', amountDue: '1030.00', waitingKind: 'days' });
    // payment day is day 1: 07-15 … 09-12 is the wait (60 days), benefits from 09-13
    expect(q.benefitStart).toBe('2024-09-13');
    expect(q.convention).toBe('the payment day is day 1 of the waiting period');
    expect(q.trace.find((t: any) => t.rule === 'late-surcharge').clause).toBe('三（三）');
  });

  it('Meishan 2024, 已稳定脱贫人口: subsidy 95 (medical assistance fund), owes 285', async () => {
    const q = await quote({ jurisdiction: '眉山市', year: 2024, paymentDate: '2023-10-20', categories: ['993406'] });
    expect(q.subsidies).toMatchObject([{ category: { code: 'wen-ding-tuo-pin' }, amount: '95.00', fundSource: '医疗救助资金' }]);
    expect(q.amountDue).toBe('285.00');
  });

  it('Meishan 2024, ordinary resident first enrolling, pays 2024-05-15: owes 380, benefits from 2024-08-01', async () => {
    const q = await quote({ jurisdiction: '眉山市', year: 2024, paymentDate: '2024-05-15' });
    expect(q).toMatchObject({ amountDue: '380.00', benefitStart: '2024-08-01', waitingKind: 'nth-month' });
    expect(q.waitingRule).toBe('from the 4th month');
  });

  it('Wuhe 2024, 低保 and 监测人口 at once: 就高 → subsidy 320, owes 60', async () => {
    const q = await quote({ jurisdiction: '五河县', year: 2024, paymentDate: '2023-11-01', categories: ['jian-ce', 'di-bao'] });
    expect(q.subsidies).toMatchObject([{ category: { code: 'di-bao' }, amount: '320.00' }]);
    expect(q.amountDue).toBe('60.00');
    expect(q.trace.find((t: any) => t.rule === 'stacking').detail).toContain('就高');
  });

  it('Lingyuan 2022, rural only-son household: owes 300', async () => {
    const q = await quote({ jurisdiction: '灵源街道', year: 2022, paymentDate: '2021-11-01', categories: ['du-zi-hu'] });
    expect(q).toMatchObject({ individualFee: '330.00', subsidyTotal: '30.00', amountDue: '300.00' });
  });
});

describe('the answer explains itself', () => {
  it('traces every step with its clause and names the version it used', async () => {
    const q = await quote({ jurisdiction: '石狮市', year: 2025, paymentDate: '2025-03-10', categories: ['zhong-can'] });
    expect(q.trace.map((t: any) => t.rule)).toEqual(['policy', 'window', 'individual-fee', 'category', 'benefit-start', 'amount-due']);
    expect(q.trace.find((t: any) => t.rule === 'window').clause).toBe('二（三）');
    expect(q.benefitStart).toBe('2025-06-10');
    const v = await api.gql(`{ policy(jurisdiction: "石狮市", year: 2025) { id contentHash } }`);
    expect({ policyVersionId: q.policyVersionId, contentHash: q.contentHash }).toEqual({ policyVersionId: v.data.policy.id, contentHash: v.data.policy.contentHash });
  });

  it('says plainly when a payment buys no coverage in the year, and charges nothing for it', async () => {
    const q = await quote({ jurisdiction: '眉山市', year: 2024, paymentDate: '2024-10-08' });
    expect(q).toMatchObject({ coversCoverageYear: false, benefitStart: null, benefitEnd: null, individualFee: '0.00', amountDue: '0.00' });
  });
});

describe('bad input gets a clear error naming the field', () => {
  it.each([
    [{ jurisdiction: '石狮', year: 2025, paymentDate: '2024-11-15' }, 'input.jurisdiction', 'no jurisdiction has the code or name "石狮"'],
    [{ jurisdiction: '石狮市', year: 2031, paymentDate: '2030-11-15' }, 'input.year', '石狮市 has no published policy for coverage year 2031'],
    [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-08-31' }, 'input.paymentDate', 'is before payments open for 2025: 集中参保缴费期 opens on 2024-09-01'],
    [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2026-01-01' }, 'input.paymentDate', 'is after coverage year 2025 ended (2025-12-31)'],
    [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', categories: ['dibao'] }, 'input.categories', 'unknown category "dibao" for 石狮市 2025'],
    [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', groups: ['baby'] }, 'input.groups', 'unknown special group "baby"'],
    [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', birthDate: '2024-12-01' }, 'input.birthDate', 'is after the payment date'],
    [{ jurisdiction: '石狮市', year: 2025, paymentDate: '2025-01-15', groups: ['newborn'] }, 'input.birthDate', 'is required for'],
    [{ jurisdiction: '灵源街道', year: 2022, paymentDate: '2021-11-01', categories: ['di-shou-ru'] }, 'input.birthDate', 'applies by age, judged on 2021-12-31'],
  ])('%j → %s', async (input, field, message) => {
    const e = await quoteError(input);
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(e.message).toContain(message);
    expect(e.message.startsWith(`${field}: `)).toBe(true);
  });

  it('refuses a date that does not exist before it reaches the engine', async () => {
    const r = await api.gql(Q, { input: { jurisdiction: '石狮市', year: 2025, paymentDate: '2025-02-29' } });
    expect(r.errors![0]!.message).toContain('2025-02-29 is not a real calendar date');
  });
});

describe('quotes (batch)', () => {
  it('answers many inputs in order, across jurisdictions', async () => {
    const inputs = Array.from({ length: 1000 }, (_, i) =>
      i % 2
        ? { jurisdiction: '五河县', year: 2024, paymentDate: '2023-11-01', categories: ['jian-ce'] }
        : { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15' },
    );
    const r = await api.gql(`query($inputs: [QuoteInput!]!) { quotes(inputs: $inputs) { amountDue } }`, { inputs });
    expect(r.errors).toBeUndefined();
    expect(r.data.quotes).toHaveLength(1000);
    expect(r.data.quotes[0].amountDue).toBe('400.00');
    expect(r.data.quotes[1].amountDue).toBe('190.00');
  });

  it('names the index of a bad input', async () => {
    const r = await api.gql(`query($inputs: [QuoteInput!]!) { quotes(inputs: $inputs) { amountDue } }`, {
      inputs: [
        { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15' },
        { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', categories: ['nope'] },
      ],
    });
    expect(r.errors![0]!.extensions!.field).toBe('inputs[1].categories');
  });

  it('refuses more than 5000 inputs', async () => {
    const inputs = Array.from({ length: 5001 }, () => ({ jurisdiction: '350581', year: 2025, paymentDate: '2024-11-15' }));
    const r = await api.gql(`query($inputs: [QuoteInput!]!) { quotes(inputs: $inputs) { amountDue } }`, { inputs });
    // the request's limit (quotes over every alias, api/graphql/limits.ts) meets it before the call's own
    expect(r.errors![0]!.message).toBe('The request asks for 5,001 quotes (every quote, refund and input of quotes or quoteBatch, over all aliases and fragments); at most 5,000 are answered in one request.');
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'quotes', max: 5000, found: 5001 });
  });
});

describe('a quote against a named version', () => {
  it('uses that version, and refuses one of another jurisdiction or year', async () => {
    const v = await api.gql(`{ policy(jurisdiction: "五河县", year: 2024) { id } }`);
    const id = v.data.policy.id;
    const q = await quote({ jurisdiction: '五河县', year: 2024, paymentDate: '2023-11-01', policyVersionId: id });
    expect(q.policyVersionId).toBe(id);
    const e = await quoteError({ jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', policyVersionId: id });
    expect(e.extensions!.field).toBe('input.policyVersionId');
    expect(e.message).toContain('is 五河县 2024, not 石狮市 2025');
  });
});

describe('refund (Wuhe 四（二）)', () => {
  const R = `query($input: RefundInput!) { refund(input: $input) { refundable reason clause benefitStart } }`;
  it('refunds a death before the benefit period starts', async () => {
    const r = await api.gql(R, { input: { jurisdiction: '五河县', year: 2024, paymentDate: '2023-10-01', eventDate: '2023-12-31', reason: 'DEATH' } });
    expect(r.data.refund).toMatchObject({ refundable: true, clause: '四（二）', benefitStart: '2024-01-01' });
    expect(r.data.refund.reason).toContain('蚌税函〔2019〕115号');
  });
  it('refuses once the benefit period has started', async () => {
    const r = await api.gql(R, { input: { jurisdiction: '五河县', year: 2024, paymentDate: '2023-10-01', eventDate: '2024-01-01', reason: 'JOINED_EMPLOYEE_INSURANCE' } });
    expect(r.data.refund).toMatchObject({ refundable: false, clause: '四（二）' });
    expect(r.data.refund.reason).toContain('no longer refunded');
  });
  it('says so where the notice has no refund rule', async () => {
    const r = await api.gql(R, { input: { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-10-01', eventDate: '2024-11-01', reason: 'DUPLICATE_PAYMENT' } });
    expect(r.data.refund).toMatchObject({ refundable: false, clause: null, reason: 'the notice states no refund rule for duplicate payment' });
  });
  it('refuses an event before the payment', async () => {
    const r = await api.gql(R, { input: { jurisdiction: '五河县', year: 2024, paymentDate: '2023-10-01', eventDate: '2023-09-01', reason: 'DEATH' } });
    expect(r.errors![0]!.extensions!.field).toBe('input.eventDate');
  });
});
