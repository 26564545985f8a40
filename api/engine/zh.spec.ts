import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyAndRequest } from '../../test/engine/arbitrary.js';
import { seedDocument, seededPolicy, type SeedFile } from '../../test/engine/seeded.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import { fromDay, toDay } from './dates.js';
import { HOUSEHOLD_ROLES, MARITAL_STATUSES, RESIDENCES, SEXES } from './quote/person.js';
import { quote, type QuoteResult } from './quote.js';
import { QUOTE_REFUSALS, QuoteError, type QuoteRefusal } from './quote/error.js';
import type { QuoteRequest } from './quote/person.js';
import { TRACE_RULES } from './quote/trace.js';
import { refundDecision, type RefundRequest } from './refund.js';

/*
 * The engine's words in Chinese (`lang: 'zh'`), from the notices' own numbers: every kind of trace
 * line and every refusal, exactly; the same answer as in English but for the words; and no English
 * in the Chinese beyond codes in backticks, the caller's own values in quotes and YYYY-MM-DD.
 */

const zh = { lang: 'zh' } as const;

/** Latin words the Chinese may hold: codes in backticks, the caller's values in “…”, a clause's reading path, YYYY-MM-DD. */
function englishWords(text: string): string[] {
  const rest = text.replace(/`[^`]*`/g, '').replace(/“[^”]*”/g, '').replace(/YYYY-MM-DD/g, '');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

/** Every word of a quote the engine writes. */
function wordsOf(q: QuoteResult): string[] {
  return [
    ...q.trace.map((t) => t.detail),
    ...q.assumptions.map((a) => a.text),
    ...q.ignoredCategories.map((c) => c.reason),
    q.surchargeReason ?? '',
    q.noCoverageReason ?? '',
    q.waitingRule,
    q.convention ?? '',
    ...q.feeLines.map((l) => l.label),
  ];
}

function refusalZh(f: () => unknown): { field: string; reason: QuoteRefusal; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof QuoteError) return { field: e.field, reason: e.reason, message: e.detail };
    throw e;
  }
  throw new Error('expected a refusal');
}

/** Quotes in Chinese that, together, write every kind of trace line. */
const QUOTES: [SeedFile, QuoteRequest][] = [
  // Shishi 2025: 75, named a newborn (not one), 五老 and 精简退职, paying 2025-10-01: surcharged, 3 months → 2026-01-01, no coverage in 2025
  ['shishi-2025.json', { paymentDate: '2025-10-01', birthDate: '1950-01-01', groups: ['newborn'], categories: ['jing-jian', 'wu-lao'] }],
  ['shishi-2025.json', { paymentDate: '2024-12-31', categories: ['di-bao'] }],
  ['shishi-2025.json', { paymentDate: '2025-10-01', categories: ['di-bao'] }],
  ['wuhe-2024.json', { paymentDate: '2024-01-15', birthDate: '2023-11-20', groups: ['newborn'] }],
  ['wuhe-2024.json', { paymentDate: '2024-03-01', birthDate: '2023-10-01', groups: ['newborn'] }],
  ['lingyuan-2022.json', { paymentDate: '2021-11-01', certifications: [{ category: 'di-bao', certifiedOn: '2021-10-15' }] }],
  ['lingyuan-2022.json', { paymentDate: '2022-03-11' }],
  ['meishan-2024.json', { paymentDate: '2024-05-15' }],
];

const detail = (q: QuoteResult, rule: string) => q.trace.filter((t) => t.rule === rule).map((t) => t.detail);

describe('the engine in Chinese: trace lines', () => {
  it('Shishi 2025 三（三）/二（三）: policy, special group, window, fee, categories, stacking, surcharge, benefit start, coverage, fee owed, amount due', () => {
    const q = quote(seededPolicy('shishi-2025.json'), QUOTES[0]![1], zh);
    expect(q.trace.map((t) => t.detail)).toEqual([
      '石狮市 2025年度，狮政办规〔2024〕5号',
      '一周岁以内的新生儿：本次缴费不符合该群体的条件，按一般规定办理',
      '参保补缴期 2025年3月1日至2025年12月31日',
      '个人缴费400.00元',
      '革命“五老”人员 资助400.00元（全额资助），资金来源：医疗救助资金，由市民政局认定',
      '二十世纪六十年代精简退职职工中享受40%救济的人员 资助400.00元（全额资助），资金来源：财政，由市民政局认定',
      '只享受一种资助，取对本人最有利的：革命“五老”人员',
      '2025年7月1日起（含当日）缴费，在个人缴费外按财政补助标准加收670.00元',
      '参保补缴期：等待期满后，设等待期3个月，待遇自2026年1月1日起享受；无对应日的，以该月末日为准',
      '待遇将自2026年1月1日起享受，晚于2025年度待遇期结束日（2025年12月31日）：本次缴费不能享受2025年度待遇',
      '本次缴费不能享受2025年度待遇：该年度不收个人缴费，也不计资助和加收',
      '个人缴费0.00元 + 加收0.00元 − 资助0.00元 = 应缴0.00元',
    ]);
    expect(q).toMatchObject({ waitingRule: '3个月', convention: '无对应日的，以该月末日为准', noCoverageReason: q.trace[9]!.detail, surchargeReason: null });
  });

  it('Shishi 2025 低保 (90% of 400): 资助360.00元 from 医疗救助资金, 困难人口 implied, benefits from 2025-01-01; the certification assumed', () => {
    const q = quote(seededPolicy('shishi-2025.json'), QUOTES[1]![1], zh);
    expect(detail(q, 'special-group')).toEqual(['困难人口：最低生活保障对象属于困难人口，适用此群体的规定']);
    expect(detail(q, 'window')).toEqual(['集中参保缴费期 2024年9月1日至2024年12月31日']);
    expect(detail(q, 'category')).toEqual(['最低生活保障对象 资助360.00元（按个人缴费标准的90%资助），资金来源：医疗救助资金，由市民政局认定']);
    expect(detail(q, 'benefit-start')).toEqual(['集中参保缴费期：待遇年度1月1日起，待遇自2025年1月1日起享受']);
    expect(detail(q, 'amount-due')).toEqual(['个人缴费400.00元 + 加收0.00元 − 资助360.00元 = 应缴40.00元']);
    expect(q.assumptions.map((a) => a.text)).toEqual(['最低生活保障对象：未提供认定日期；按于认定截止日2024年8月31日前（含当日）认定处理（一般认定）']);
    expect(q.waitingRule).toBe('无等待期');
  });

  it('Shishi 2025: a needy person paying late is exempt from the surcharge as 困难人口 (a group it implies)', () => {
    const q = quote(seededPolicy('shishi-2025.json'), QUOTES[2]![1], zh);
    expect(q.surchargeReason).toBe('困难人口，免于加收');
    expect(detail(q, 'late-surcharge')).toEqual([q.surchargeReason]);
  });

  it('Wuhe 三（一）1: a 2023-born newborn pays 350 + 380, covered from birth; paying later, the 2023 line is not owed', () => {
    const q = quote(seededPolicy('wuhe-2024.json'), QUOTES[3]![1], zh);
    expect(detail(q, 'special-fee')).toEqual(['2023年出生的新生儿（两个年度缴费）：2023年度350.00元 + 2024年度380.00元']);
    expect(detail(q, 'individual-fee')).toEqual(['个人缴费730.00元']);
    expect(detail(q, 'benefit-start')).toEqual(['新生儿：出生之日起，待遇自2023年11月20日起享受']);
    const later = quote(seededPolicy('wuhe-2024.json'), QUOTES[4]![1], zh);
    expect(detail(later, 'fee-owed')).toEqual(['2023年出生的新生儿（两个年度缴费）中2023年度的350.00元无须缴纳：待遇自2024年3月2日起享受，已在2023年度之后']);
    expect(detail(later, 'amount-due')).toEqual(['个人缴费380.00元 + 加收0.00元 − 资助0.00元 = 应缴380.00元']);
  });

  it('Lingyuan 四（六）: a newly certified 低保 paying after certification is subsidised in full; 补缴期 waits 60 days (缴费当日不计入)', () => {
    const q = quote(seededPolicy('lingyuan-2022.json'), QUOTES[5]![1], zh);
    expect(detail(q, 'certification')).toEqual(['城乡居民最低生活保障对象：2021年10月15日新认定；自2021年10月15日起缴费的予以资助']);
    expect(detail(q, 'category')).toEqual(['城乡居民最低生活保障对象 资助330.00元（全额资助），资金来源：政府，由民政局认定']);
    const late = quote(seededPolicy('lingyuan-2022.json'), QUOTES[6]![1], zh);
    expect(detail(late, 'benefit-start')).toEqual(['补缴期（等待期60天）：等待期满后，设等待期60天，待遇自2022年5月11日起享受；缴费当日不计入']);
    expect(late).toMatchObject({ waitingRule: '60天', convention: '缴费当日不计入', benefitStart: '2022-05-11' });
  });

  it('Meishan 二（二）2: from the 4th month counting the payment month; the window’s condition assumed', () => {
    const q = quote(seededPolicy('meishan-2024.json'), QUOTES[7]![1], zh);
    expect(detail(q, 'benefit-start')).toEqual(['非集中缴费期：等待期满后，缴费当月起第4个月，待遇自2024年8月1日起享受；缴费当月计为第1个月']);
    expect(q.assumptions.map((a) => a.text)).toEqual(['非集中缴费期：未提供此人2024年内是否已参加基本医保；按未参加处理（当年度未参加过任何基本医保的普通居民）']);
  });

  it('Shishi 2025 二（三）, 2024 五（四）: an exemption from waiting, a start moved to the coverage year, a newborn from birth', () => {
    const exempt = quote(seededPolicy('shishi-2025.json'), { paymentDate: '2025-04-01', groups: ['employee-transfer'] }, zh);
    expect(detail(exempt, 'benefit-start')).toEqual([
      '符合条件的职工医保转参加居民医保人员：不设等待期（具体按省、泉州市有关规定执行）；自缴费当日起（依据：免等待期人群待遇起始，`readings.waitingExemptStart`），待遇自2025年4月1日起享受',
    ]);
    const shishi2024 = seededPolicy('shishi-2024.json');
    expect(detail(quote(shishi2024, { paymentDate: '2023-12-01', birthDate: '2023-10-01', groups: ['newborn'] }, zh), 'benefit-start')).toEqual([
      '1周岁以内的新生儿：出生之日起，待遇自2024年1月1日起享受（调整为2024年度待遇期开始之日）',
    ]);
    expect(detail(quote(shishi2024, { paymentDate: '2024-05-20', birthDate: '2024-03-05', groups: ['newborn'] }, zh), 'benefit-start')).toEqual([
      '1周岁以内的新生儿：出生之日起，待遇自2024年3月5日起享受',
    ]);
  });

  it('writes every kind of trace line, none with English words; the answer is the English one but for the words', () => {
    const seen = new Set<string>();
    for (const [file, req] of QUOTES) {
      const p = seededPolicy(file);
      const q = quote(p, req, zh);
      for (const t of q.trace) seen.add(t.rule);
      for (const text of wordsOf(q)) expect(englishWords(text), text).toEqual([]);
      const en = quote(p, req);
      const numbers = (r: QuoteResult) => ({ ...r, trace: r.trace.map((t) => [t.rule, t.clause]), assumptions: r.assumptions.map((a) => [a.fact, a.category, a.clause]), ignoredCategories: r.ignoredCategories.map((c) => c.code), surchargeReason: r.surchargeReason === null, noCoverageReason: r.noCoverageReason === null, waitingRule: null, convention: r.convention === null });
      expect(numbers(q)).toEqual(numbers(en));
      expect(en.trace[0]!.detail).toMatch(/coverage year/);
    }
    expect([...seen].sort()).toEqual([...TRACE_RULES].sort());
  });
});

/** Refusals in Chinese, one or more per reason (the two refund refusals below). */
function refusals(): { reason: QuoteRefusal; field: string; message: string }[] {
  const q = (file: SeedFile, req: QuoteRequest) => refusalZh(() => quote(seededPolicy(file), req, zh));
  const on = (p: CompiledPolicy, req: QuoteRequest) => refusalZh(() => quote(p, req, zh));
  const wuheWithoutLouDuanBao = seedDocument('wuhe-2024.json');
  wuheWithoutLouDuanBao.windows = wuheWithoutLouDuanBao.windows.filter((w) => w.code !== 'lou-duan-bao');
  const wuheNewbornWithoutRules = seedDocument('wuhe-2024.json');
  wuheNewbornWithoutRules.specialGroups = wuheNewbornWithoutRules.specialGroups.map((g) => (g.code === 'newborn' ? { ...g, rules: [] } : g));
  const lingyuan = seededPolicy('lingyuan-2022.json');
  return [
    q('meishan-2024.json', { paymentDate: '2024-02-30' }),
    q('meishan-2024.json', { paymentDate: '2024-05-01', birthDate: '2024-05-02' }),
    q('meishan-2024.json', { paymentDate: '2024-05-01', categories: ['nope'] }),
    q('meishan-2024.json', { paymentDate: '2024-05-01', groups: ['fisherman'] }),
    q('lingyuan-2022.json', { paymentDate: '2021-11-01', certifications: [{ category: 'di-bao', certifiedOn: '2021-10-15' }, { category: 'di-bao', certifiedOn: '2021-10-16' }] }),
    q('lingyuan-2022.json', { paymentDate: '2021-11-01', disability: { grade: 5 } }),
    q('lingyuan-2022.json', { paymentDate: '2021-11-01', householdRole: 'aunt' as never }),
    q('shishi-2025.json', { paymentDate: '2026-01-01' }),
    q('lingyuan-2022.json', { paymentDate: '2021-10-09' }),
    q('shishi-2025.json', { paymentDate: '2024-08-31' }),
    q('meishan-2024.json', { paymentDate: '2024-05-15', insuredEarlierInYear: true }),
    on(compilePolicy(wuheWithoutLouDuanBao), { paymentDate: '2024-03-01' }),
    q('lingyuan-2022.json', { paymentDate: '2021-11-20', categories: ['di-shou-ru'] }),
    q('lingyuan-2022.json', { paymentDate: '2022-06-15', groups: ['infant-deceased'] }),
    on(compilePolicy(wuheNewbornWithoutRules), { paymentDate: '2024-02-01', groups: ['newborn'] }),
    q('lingyuan-2022.json', { paymentDate: '2022-03-11', groups: ['employee-transfer'] }),
    q('lingyuan-2022.json', { paymentDate: '2022-03-11', groups: ['employee-transfer'], eventDate: '2022-03-12' }),
    refusalZh(() => refundDecision(lingyuan, { paymentDate: '2021-10-15', eventDate: '2021-10-01', reason: 'death' }, zh)),
    refusalZh(() => refundDecision(lingyuan, { paymentDate: '2021-10-15', eventDate: '2021-11-20', reason: 'newly-certified' }, zh)),
  ];
}

describe('the engine in Chinese: refusals', () => {
  it('words each refusal in Chinese, with its own reason', () => {
    expect(refusals()).toEqual([
      { reason: 'QUOTE_DATE_MALFORMED', field: 'paymentDate', message: '“2024-02-30” 不是 YYYY-MM-DD 格式的日期' },
      { reason: 'QUOTE_BORN_AFTER_PAYMENT', field: 'birthDate', message: '（2024年5月2日）晚于缴费日期（2024年5月1日）' },
      { reason: 'QUOTE_UNKNOWN_CATEGORY', field: 'categories', message: '“nope” 不是眉山市 2024年度的类别' },
      { reason: 'QUOTE_UNKNOWN_GROUP', field: 'groups', message: '“fisherman” 不是眉山市 2024年度的特殊群体' },
      { reason: 'QUOTE_CERTIFIED_TWICE', field: 'certifications[1].certifiedOn', message: '城乡居民最低生活保障对象认定了两次（2021年10月15日、2021年10月16日）；每个类别只填一次认定' },
      { reason: 'QUOTE_NOT_A_GRADE', field: 'disability.grade', message: '5 不是残疾等级（一级至四级）' },
      { reason: 'QUOTE_NOT_ONE_OF', field: 'householdRole', message: '“aunt” 不是以下之一：`spouse`、`child`、`other`' },
      { reason: 'QUOTE_AFTER_COVERAGE_YEAR', field: 'paymentDate', message: '（2026年1月1日）晚于2025年度待遇期结束日（2025年12月31日）；不能再缴纳2025年度的费用' },
      { reason: 'QUOTE_REGISTRATION_ONLY', field: 'paymentDate', message: '（2021年10月9日）在集中登记期内，该期间只登记、不缴费；集中缴费期自2021年10月10日起缴费' },
      { reason: 'QUOTE_BEFORE_PAYMENTS_OPEN', field: 'paymentDate', message: '（2024年8月31日）早于2025年度开始缴费之日：集中参保缴费期自2024年9月1日起' },
      {
        reason: 'QUOTE_INSURED_EARLIER',
        field: 'insuredEarlierInYear',
        message: '（2024年5月15日）在非集中缴费期内，该期间仅限当年度未参加过任何基本医保的普通居民（二（二）2）；此人2024年内已参加基本医保，且没有其他缴费期可以缴费',
      },
      expect.objectContaining({ reason: 'QUOTE_OUTSIDE_WINDOWS', field: 'paymentDate', message: expect.stringMatching(/^（2024年3月1日）不在此人可以缴费的任何缴费期内；当日仅以下群体可以参保：新生儿；非因个人原因停保断保的/) }),
      { reason: 'QUOTE_BIRTH_DATE_REQUIRED', field: 'birthDate', message: '必须填写：低收入家庭中年满60周岁的老年人、未满18周岁的未成年人（`di-shou-ru`）按年龄认定，年龄计算至2021年12月31日' },
      { reason: 'QUOTE_BIRTH_DATE_REQUIRED', field: 'birthDate', message: '必须填写：新生3个月内因病夭折婴儿（`infant-deceased`）的规定按出生日期确定' },
      { reason: 'QUOTE_BIRTH_DATE_REQUIRED', field: 'birthDate', message: '必须填写：2023年出生的新生儿（两个年度缴费）按出生年份确定' },
      { reason: 'QUOTE_EVENT_DATE_REQUIRED', field: 'eventDate', message: '必须填写：职工基本医保停保后转为参加城乡居民基本医保的人员（`employee-transfer`）的规定自职工基本医保停保起计算3个月' },
      { reason: 'QUOTE_EVENT_AFTER_PAYMENT', field: 'eventDate', message: '（2022年3月12日）晚于缴费日期' },
      { reason: 'REFUND_EVENT_BEFORE_PAYMENT', field: 'eventDate', message: '（2021年10月1日）早于缴费日期（2021年10月15日）' },
      { reason: 'REFUND_CATEGORY_REQUIRED', field: 'categories', message: '请填写此人认定的类别（`categories`或`certifications`）' },
    ]);
  });

  it('covers every reason, with no English words in the Chinese', () => {
    const all = refusals();
    expect([...new Set(all.map((r) => r.reason))].sort()).toEqual([...QUOTE_REFUSALS].sort());
    for (const r of all) expect(englishWords(r.message), r.message).toEqual([]);
  });

  it('refuses in English by default, with the same reason', () => {
    const r = refusalZh(() => quote(seededPolicy('shishi-2025.json'), { paymentDate: '2026-01-01' }));
    expect(r).toEqual({ reason: 'QUOTE_AFTER_COVERAGE_YEAR', field: 'paymentDate', message: '(2026-01-01) is after coverage year 2025 ended (2025-12-31); no payment for 2025 is possible' });
  });
});

describe('the engine in Chinese: refund decisions', () => {
  const wuhe = seededPolicy('wuhe-2024.json');
  const lingyuan = seededPolicy('lingyuan-2022.json');
  const cases: [CompiledPolicy, RefundRequest, string][] = [
    [
      wuhe,
      { paymentDate: '2023-12-01', eventDate: '2023-12-20', reason: 'death' },
      '死亡发生于2023年12月20日，在待遇享受期开始（2024年1月1日）之前：办理暂停或终止参保后可以退费，按关于做好社会保险费退费有关工作的通知（蚌税函〔2019〕115号）办理',
    ],
    [wuhe, { paymentDate: '2023-12-01', eventDate: '2024-02-20', reason: 'joined-employee-insurance' }, '参加职工医保发生于2024年2月20日，在待遇享受期开始之日（2024年1月1日）或之后：个人缴费不再退还'],
    [lingyuan, { paymentDate: '2021-10-15', eventDate: '2021-11-20', reason: 'death' }, '通知未规定死亡的退费'],
    [lingyuan, { paymentDate: '2021-10-15', eventDate: '2021-11-20', reason: 'newly-certified', categories: ['di-bao'] }, '城乡居民最低生活保障对象：2021年11月20日认定，晚于2021年10月15日缴费：退还资助330.00元（对已参保缴费的减免对象办理退费）'],
  ];
  it('Wuhe 四（二）, Lingyuan 四（六）: the reason in Chinese; the decision as in English', () => {
    for (const [p, req, text] of cases) {
      const d = refundDecision(p, req, zh);
      expect(d.reason).toBe(text);
      expect(englishWords(d.reason)).toEqual([]);
      expect({ ...d, reason: null }).toEqual({ ...refundDecision(p, req), reason: null });
    }
  });
});

/** A person of the seeded policies with any of the facts a rule may ask about, certified on some day. */
const withFacts = policyAndRequest.chain(({ policy, request }) =>
  fc
    .record({
      disability: fc.option(fc.record({ grade: fc.integer({ min: 1, max: 4 }), multiDisabledHousehold: fc.option(fc.boolean(), { nil: null }) }), { nil: null }),
      residence: fc.option(fc.constantFrom(...RESIDENCES), { nil: null }),
      householdRole: fc.option(fc.constantFrom(...HOUSEHOLD_ROLES), { nil: null }),
      sex: fc.option(fc.constantFrom(...SEXES), { nil: null }),
      maritalStatus: fc.option(fc.constantFrom(...MARITAL_STATUSES), { nil: null }),
      insuredEarlierInYear: fc.option(fc.boolean(), { nil: null }),
      certifiedBack: fc.option(fc.integer({ min: -120, max: 400 }), { nil: null }),
    })
    .map(({ certifiedBack, ...facts }) => {
      const first = request.categories?.[0];
      const certifications = first && certifiedBack !== null ? [{ category: first, certifiedOn: fromDay(toDay(request.paymentDate) - certifiedBack) }] : null;
      return { policy, request: { ...request, ...facts, certifications } as QuoteRequest };
    }),
);

describe('the engine in Chinese, for any person of the seeded notices', () => {
  it('answers as in English but for the words, and writes no English word in Chinese; refuses with the same field and reason', () => {
    fc.assert(
      fc.property(withFacts, ({ policy, request }) => {
        let en: QuoteResult | QuoteError;
        let cn: QuoteResult | QuoteError;
        try {
          en = quote(policy, request);
        } catch (e) {
          if (!(e instanceof QuoteError)) throw e;
          en = e;
        }
        try {
          cn = quote(policy, request, zh);
        } catch (e) {
          if (!(e instanceof QuoteError)) throw e;
          cn = e;
        }
        if (en instanceof QuoteError || cn instanceof QuoteError) {
          expect(cn).toBeInstanceOf(QuoteError);
          expect(en).toBeInstanceOf(QuoteError);
          const [a, b] = [en as QuoteError, cn as QuoteError];
          expect([b.field, b.reason]).toEqual([a.field, a.reason]);
          expect(englishWords(b.detail), b.detail).toEqual([]);
          return;
        }
        for (const text of wordsOf(cn)) expect(englishWords(text), text).toEqual([]);
        expect(cn.amountDueFen).toBe(en.amountDueFen);
        expect(cn.trace.map((t) => [t.rule, t.clause])).toEqual(en.trace.map((t) => [t.rule, t.clause]));
        expect(cn.assumptions.map((a) => [a.fact, a.category])).toEqual(en.assumptions.map((a) => [a.fact, a.category]));
        expect(cn.ignoredCategories.map((c) => c.code)).toEqual(en.ignoredCategories.map((c) => c.code));
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});
