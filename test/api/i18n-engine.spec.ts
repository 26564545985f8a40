import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserService } from '../../api/modules/user/user.service.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

/*
 * Issue 15, the engine's own words over HTTP against PostgreSQL: a quote's trace, assumptions, waiting
 * rule and surcharge reason, a refused quote, a quoteBatch with bad inputs and a refund, in Chinese by
 * default and in English for `Accept-Language: en`, with the same numbers and the same reasons. If the
 * resolvers did not pass the request's language to the engine, every Chinese expectation here fails
 * (the engine's default is English); if they always passed Chinese, every English one does.
 */
let api: TestApi;

let token = '';

async function gql(query: string, variables: Record<string, unknown>, lang?: string, auth = '') {
  const res = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}), ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  expect(res.status).toBeLessThan(500);
  return (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, any> }[] };
}

/** Latin words in Chinese text outside codes in backticks, the caller's own values in quotes, YYYY-MM-DD and the allowed codes. */
const ALLOWED = /^(?:[A-Z][A-Z0-9_]*|DOCX|PDF|CSV|JSON)$/;
function englishWords(text: string): string[] {
  const rest = text.replace(/`[^`]*`/g, '').replace(/“[^”]*”|"[^"]*"/g, '').replace(/YYYY-MM-DD/g, '');
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.test(w));
}
const HAN = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  api = await startTestApi();
  const ids = (await api.orm.em.fork().execute(`select id from jurisdiction where name = '五河县'`)) as { id: number }[];
  await new UserService(api.orm.em.fork()).create({ username: 'wuhe-drafter', password: 'correct horse battery', roles: ['drafter'], jurisdictionIds: ids.map((j) => j.id) });
  token = (await gql(`mutation { login(username: "wuhe-drafter", password: "correct horse battery") { token } }`, {})).data.login.token;
});
afterAll(() => api?.close());

const QUOTE = `query($i: QuoteInput!) { quote(input: $i) {
  amountDue subsidyTotal surcharge surchargeReason waitingRule convention benefitStart noCoverageReason
  feeLines { label amount } ignoredCategories { code reason } assumptions { fact detail clause } trace { rule clause detail }
} }`;

/** Every text of a quote the engine words. */
const textsOf = (q: any): string[] =>
  [
    ...q.trace.map((t: any) => t.detail),
    ...q.assumptions.map((a: any) => a.detail),
    ...q.ignoredCategories.map((c: any) => c.reason),
    ...q.feeLines.map((l: any) => l.label),
    q.surchargeReason,
    q.noCoverageReason,
    q.waitingRule,
    q.convention,
  ].filter((t): t is string => typeof t === 'string');

/** A quote without its words: what must not depend on the language. */
const numbersOf = (q: any) => ({
  ...q,
  surchargeReason: q.surchargeReason === null,
  noCoverageReason: q.noCoverageReason === null,
  waitingRule: null,
  convention: q.convention === null,
  feeLines: q.feeLines.map((l: any) => l.amount),
  ignoredCategories: q.ignoredCategories.map((c: any) => c.code),
  assumptions: q.assumptions.map((a: any) => [a.fact, a.clause]),
  trace: q.trace.map((t: any) => [t.rule, t.clause]),
});

describe('a quote in the request’s language', () => {
  it('Shishi 2025 低保 in the central window: 资助360.00元 from 医疗救助资金, from 2025年1月1日 — in Chinese by default, in English for en', async () => {
    const i = { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-12-31', categories: ['di-bao'] };
    const zh = (await gql(QUOTE, { i })).data.quote;
    const en = (await gql(QUOTE, { i }, 'en')).data.quote;
    expect(zh.trace.map((t: any) => t.detail)).toEqual([
      '石狮市 2025年度，狮政办规〔2024〕5号',
      '困难人口：最低生活保障对象属于困难人口，适用此群体的规定',
      '集中参保缴费期 2024年9月1日至2024年12月31日',
      '个人缴费400.00元',
      '最低生活保障对象 资助360.00元（按个人缴费标准的90%资助），资金来源：医疗救助资金，由市民政局认定',
      '集中参保缴费期：待遇年度1月1日起，待遇自2025年1月1日起享受',
      '个人缴费400.00元 + 加收0.00元 − 资助360.00元 = 应缴40.00元',
    ]);
    expect(zh.assumptions.map((a: any) => a.detail)).toEqual(['最低生活保障对象：未提供认定日期；按于认定截止日2024年8月31日前（含当日）认定处理（一般认定）']);
    expect(zh.waitingRule).toBe('无等待期');
    expect(en.trace.at(-1).detail).toBe('400 元 + surcharge 0 元 − subsidy 360 元 = 40 元');
    expect(en.trace[0].detail).toBe('石狮市 coverage year 2025, 狮政办规〔2024〕5号');
    expect(en.waitingRule).toBe('no waiting period');
    expect(en.assumptions[0].detail).toMatch(/^最低生活保障对象: certification date not given; taken as certified on or before the cutoff 2024-08-31/);
    expect(numbersOf(zh)).toEqual(numbersOf(en));
    for (const t of textsOf(zh)) expect(englishWords(t), t).toEqual([]);
  });

  it('Shishi 2025 三（三）: paid 2025-07-15, the surcharge and the waiting period (3个月) in Chinese; in English for en', async () => {
    const i = { jurisdiction: '石狮市', year: 2025, paymentDate: '2025-07-15' };
    const zh = (await gql(QUOTE, { i }, 'zh-CN')).data.quote;
    const en = (await gql(QUOTE, { i }, 'en-US,en;q=0.9')).data.quote;
    expect(zh.surchargeReason).toBe('2025年7月1日起（含当日）缴费，在个人缴费外按财政补助标准加收670.00元');
    expect(zh.waitingRule).toBe('3个月');
    expect(zh.convention).toBe('无对应日的，以该月末日为准');
    expect(zh.trace.find((t: any) => t.rule === 'benefit-start').detail).toBe('参保补缴期：等待期满后，设等待期3个月，待遇自2025年10月15日起享受；无对应日的，以该月末日为准');
    expect(en.surchargeReason).toBe('paid on or after 2025-07-01: the government subsidy of 670 元 is added to the individual fee');
    expect(en.waitingRule).toBe('3 months');
    expect(numbersOf(zh)).toEqual(numbersOf(en));
    for (const t of textsOf(zh)) expect(englishWords(t), t).toEqual([]);
  });
});

describe('refusals of the engine in the request’s language, each with its own reason', () => {
  it('a payment after the coverage year: QUOTE_AFTER_COVERAGE_YEAR', async () => {
    const i = { jurisdiction: '石狮市', year: 2025, paymentDate: '2026-01-01' };
    const zh = (await gql(QUOTE, { i })).errors![0]!;
    const en = (await gql(QUOTE, { i }, 'en')).errors![0]!;
    expect(zh.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUOTE_AFTER_COVERAGE_YEAR', field: 'input.paymentDate' });
    expect(en.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUOTE_AFTER_COVERAGE_YEAR', field: 'input.paymentDate' });
    expect(zh.message).toBe('`input.paymentDate`：无法报价：（2026年1月1日）晚于2025年度待遇期结束日（2025年12月31日）；不能再缴纳2025年度的费用');
    expect(en.message).toBe('input.paymentDate: (2026-01-01) is after coverage year 2025 ended (2025-12-31); no payment for 2025 is possible');
    expect(englishWords(zh.message)).toEqual([]);
  });

  it('a quoteBatch with bad inputs: each outcome’s field, code and reason the same in both languages, its message in the request’s', async () => {
    const Q = `query($inputs: [QuoteInput!]!) { quoteBatch(inputs: $inputs) { index quote { amountDue } error { field code reason message } } }`;
    const inputs = [
      { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-12-31' },
      { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-12-31', categories: ['nope'] },
      { jurisdiction: '灵源街道', year: 2022, paymentDate: '2021-10-09' },
      { jurisdiction: '灵源街道', year: 2022, paymentDate: '2021-11-20', categories: ['di-shou-ru'] },
      { jurisdiction: '不存在县', year: 2025, paymentDate: '2024-12-31' },
    ];
    const zh = (await gql(Q, { inputs })).data.quoteBatch;
    const en = (await gql(Q, { inputs }, 'en')).data.quoteBatch;
    expect(zh[0]).toEqual({ index: 0, quote: { amountDue: '400.00' }, error: null });
    expect(zh.map((o: any) => o.error && [o.error.field, o.error.code, o.error.reason])).toEqual([
      null,
      ['inputs[1].categories', 'BAD_USER_INPUT', 'QUOTE_UNKNOWN_CATEGORY'],
      ['inputs[2].paymentDate', 'BAD_USER_INPUT', 'QUOTE_REGISTRATION_ONLY'],
      ['inputs[3].birthDate', 'BAD_USER_INPUT', 'QUOTE_BIRTH_DATE_REQUIRED'],
      ['inputs[4].jurisdiction', 'BAD_USER_INPUT', 'NO_SUCH_JURISDICTION'],
    ]);
    expect(en.map((o: any) => o.error && [o.error.field, o.error.code, o.error.reason])).toEqual(zh.map((o: any) => o.error && [o.error.field, o.error.code, o.error.reason]));
    expect(zh.slice(1, 4).map((o: any) => o.error.message)).toEqual([
      '`inputs[1].categories`：无法报价：“nope” 不是石狮市 2025年度的类别',
      '`inputs[2].paymentDate`：无法报价：（2021年10月9日）在集中登记期内，该期间只登记、不缴费；集中缴费期自2021年10月10日起缴费',
      '`inputs[3].birthDate`：无法报价：必须填写：低收入家庭中年满60周岁的老年人、未满18周岁的未成年人（`di-shou-ru`）按年龄认定，年龄计算至2021年12月31日',
    ]);
    expect(en.slice(1, 4).map((o: any) => o.error.message)).toEqual([
      'inputs[1].categories: unknown category "nope" for 石狮市 2025',
      'inputs[2].paymentDate: (2021-10-09) falls in 集中登记期, which takes registrations but no payments; payments open on 2021-10-10 (集中缴费期)',
      'inputs[3].birthDate: is required: 低收入家庭中年满60周岁的老年人、未满18周岁的未成年人 (di-shou-ru) applies by age, judged on 2021-12-31',
    ]);
    for (const o of zh.slice(1)) {
      expect(o.error.message).toMatch(HAN);
      expect(englishWords(o.error.message), o.error.message).toEqual([]);
    }
  });
});

describe('a refund in the request’s language', () => {
  const R = `query($i: RefundInput!) { refund(input: $i) { refundable reason clause benefitStart amount } }`;

  it('Wuhe 四（二）: a death before the benefit period starts is refundable — the reason in Chinese by default, in English for en', async () => {
    const i = { jurisdiction: '五河县', year: 2024, paymentDate: '2023-12-01', eventDate: '2023-12-20', reason: 'DEATH' };
    const zh = (await gql(R, { i })).data.refund;
    const en = (await gql(R, { i }, 'en')).data.refund;
    expect(zh).toEqual({
      refundable: true,
      reason: '死亡发生于2023年12月20日，在待遇享受期开始（2024年1月1日）之前：办理暂停或终止参保后可以退费，按关于做好社会保险费退费有关工作的通知（蚌税函〔2019〕115号）办理',
      clause: '四（二）',
      benefitStart: '2024-01-01',
      amount: '380.00',
    });
    expect(en).toEqual({ ...zh, reason: 'death on 2023-12-20, before the benefit period starts (2024-01-01): refundable when the enrollment is stopped or ended, following 关于做好社会保险费退费有关工作的通知（蚌税函〔2019〕115号）' });
    expect(englishWords(zh.reason)).toEqual([]);
  });

  it('an event before the payment: REFUND_EVENT_BEFORE_PAYMENT in both languages', async () => {
    const i = { jurisdiction: '五河县', year: 2024, paymentDate: '2023-12-01', eventDate: '2023-11-20', reason: 'DEATH' };
    const zh = (await gql(R, { i })).errors![0]!;
    const en = (await gql(R, { i }, 'en')).errors![0]!;
    expect(zh.extensions).toMatchObject({ reason: 'REFUND_EVENT_BEFORE_PAYMENT', code: 'BAD_USER_INPUT' });
    expect(en.extensions).toMatchObject({ reason: 'REFUND_EVENT_BEFORE_PAYMENT', code: 'BAD_USER_INPUT' });
    expect(zh.message).toBe('`input.eventDate`：无法判断退费：（2023年11月20日）早于缴费日期（2023年12月1日）');
    expect(en.message).toBe('input.eventDate: (2023-11-20) is before the payment date (2023-12-01)');
  });
});

describe('an impact preview’s refusals in the request’s language', () => {
  it('Wuhe 2024: persons paying before payments open are refused — the reason in Chinese by default, in English for en, from one computed result', async () => {
    const base = (await gql(`{ policy(jurisdiction: "五河县", year: 2024) { id } }`, {})).data.policy.id as string;
    const draft = (await gql(`mutation($f: ID!) { createDraft(from: $f, year: 2024) { id } }`, { f: base }, undefined, token)).data.createDraft.id as string;
    const csv = ['person_id,unit,birth_date,categories,groups,payment_date', 'P1,城关镇,1990-01-01,,,2023-08-31', 'P2,头铺镇,1990-01-01,,,2023-08-30', 'P3,城关镇,1990-01-01,,,2023-10-01'].join('\n');
    const up = await fetch(`${api.base}/cohorts?jurisdiction=${encodeURIComponent('五河县')}&name=${encodeURIComponent('早缴样本')}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: csv,
    });
    expect(up.status).toBe(201);
    const cohort = ((await up.json()) as { id: string }).id;
    const Q = `query($d: ID!, $c: ID!) { previewImpact(draft: $d, cohort: $c) { draft { refusals { reason persons } } baseline { refusals { reason persons } } } }`;
    const zh = (await gql(Q, { d: draft, c: cohort }, undefined, token)).data.previewImpact;
    const en = (await gql(Q, { d: draft, c: cohort }, 'en', token)).data.previewImpact;
    expect(zh.draft.refusals).toEqual([{ reason: '`paymentDate`：早于2024年度开始缴费之日：集中参保缴费期自2023年9月1日起', persons: 2 }]);
    expect(zh.baseline.refusals).toEqual(zh.draft.refusals);
    expect(en.draft.refusals).toEqual([{ reason: 'paymentDate: is before payments open for 2024: 集中参保缴费期 opens on 2023-09-01', persons: 2 }]);
    expect(englishWords(zh.draft.refusals[0].reason)).toEqual([]);
  });
});
