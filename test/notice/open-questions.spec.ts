import { describe, expect, it } from 'vitest';
import { openQuestions } from '../../policy-schemas/index.js';
import { loadSeed } from './seeds.js';

/*
 * What each of the five notices leaves unsaid (DOMAIN.md, "Readings to adopt where the notices are
 * silent"), as the checks list it: the code and path of every open question, per seed, in order.
 */
const EXPECTED: Record<string, [string, string][]> = {
  // 缴费之日起60日（含）: is the payment day day 1? students after 10-31; groups left to "有关规定"; the two
  // full subsidies (特困 by the medical assistance fund, 精简退职 by the budget); 认定次月; age date; no refund rule
  'shishi-2024': [
    ['waiting-payment-day', 'windows[2].waiting'],
    ['waiting-payment-day', 'specialGroups[1].rules[1].waiting'],
    ['waiting-payment-day', 'specialGroups[2].rules[1].waiting'],
    ['group-rule-ends', 'specialGroups[1].rules[1]'],
    ['group-rule-ends', 'specialGroups[2].rules[1]'],
    ['group-without-benefit-start', 'specialGroups[3]'],
    ['group-without-benefit-start', 'specialGroups[4]'],
    ['newly-certified-month', 'certification.newlyCertified[0]'],
    ['equal-subsidies-different-funds', 'stacking'],
    ['age-reference-date', 'ageRule'],
    ['no-refund-rule', 'refund'],
  ],
  // 等待期3个月: 31 March + 3 months has no day; students after February; 特困 vs 精简退职; age date; no refund rule
  'shishi-2025': [
    ['waiting-month-end', 'windows[2].waiting'],
    ['group-rule-ends', 'specialGroups[1].rules[0]'],
    ['group-rule-ends', 'specialGroups[2].rules[0]'],
    ['group-without-benefit-start', 'specialGroups[3]'],
    ['group-without-benefit-start', 'specialGroups[4]'],
    ['equal-subsidies-different-funds', 'stacking'],
    ['age-reference-date', 'ageRule'],
    ['no-refund-rule', 'refund'],
  ],
  // 缴费后60天; registration from 9-1 but payment only from 10-10; freshmen after 2021; students and people
  // without identity papers without a start; no stacking rule; no refund rule
  'lingyuan-2022': [
    ['waiting-payment-day', 'windows[3].waiting'],
    ['dates-without-window', 'windows'],
    ['group-rule-ends', 'specialGroups[3].rules[0]'],
    ['group-without-benefit-start', 'specialGroups[4]'],
    ['group-without-benefit-start', 'specialGroups[6]'],
    ['stacking-unstated', 'stacking'],
    ['no-refund-rule', 'refund'],
  ],
  // the 导盘顺序 settles who pays; students paying through their school have no start; age date; no refund rule
  'meishan-2024': [
    ['group-without-benefit-start', 'specialGroups[6]'],
    ['age-reference-date', 'ageRule'],
    ['no-refund-rule', 'refund'],
  ],
  // 出生90日内 without 含; 350 + 380 over two years; agencies and two fund sources not named; 特困 (medical
  // assistance) and 计生特殊家庭 (township) both full under 就高
  'wuhe-2024': [
    ['group-rule-ends', 'specialGroups[1].rules[0]'],
    ['group-rule-ends', 'specialGroups[9].rules[0]'],
    ['group-without-benefit-start', 'specialGroups[8]'],
    ['newborn-boundary-day', 'specialGroups[0].rules[0].when'],
    ['fee-several-years', 'fees.specialCases[0]'],
    ['category-agency', 'categories[0].agency'],
    ['category-agency', 'categories[1].agency'],
    ['category-agency', 'categories[2].agency'],
    ['category-agency', 'categories[3].agency'],
    ['category-fund-source', 'categories[3].fundSource'],
    ['category-agency', 'categories[4].agency'],
    ['category-fund-source', 'categories[4].fundSource'],
    ['category-agency', 'categories[5].agency'],
    ['category-agency', 'categories[6].agency'],
    ['equal-subsidies-different-funds', 'stacking'],
  ],
};

describe('the open questions of the five notices', () => {
  it.each(Object.keys(EXPECTED))('%s', (name) => {
    const qs = openQuestions(loadSeed(name));
    expect(qs.map((q) => [q.code, q.path])).toEqual(EXPECTED[name]);
    for (const q of qs) {
      expect(q.question, q.code).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(q.suggestion, q.code).toMatch(/[\u4e00-\u9fff]{4}/);
    }
  });

  it('says each in Chinese with the clause and a wording to adopt', () => {
    const s25 = openQuestions(loadSeed('shishi-2025'));
    expect(s25[0]).toEqual({
      code: 'waiting-month-end',
      path: 'windows[2].waiting',
      clause: '二（三）',
      question: '参保补缴期的3个月等待期，期满月份没有对应日的（如3月31日缴费，3个月后无对应日）从哪一天起享受待遇？',
      suggestion: '等待期按月计算的，自缴费之日起满3个月的对应日起享受待遇；期满月份没有对应日的，以该月最后一日为期满日。',
    });
    const wuhe = openQuestions(loadSeed('wuhe-2024'));
    expect(wuhe.find((q) => q.code === 'equal-subsidies-different-funds')!.question).toBe(
      '同时属于特困人员（医疗救助资金）和计划生育特殊家庭成员（乡镇政府全额代缴）的，两者均为全额资助，由哪项资金支付？（共3类、2种资金来源：医疗救助资金、乡镇政府全额代缴）',
    );
    expect(wuhe.find((q) => q.code === 'newborn-boundary-day')!.question).toBe('新生儿“出生90日内”是否包含第90日？（现按“含”执行）');
    const ly = openQuestions(loadSeed('lingyuan-2022'));
    expect(ly.find((q) => q.code === 'waiting-payment-day')!.question).toContain('现按“自缴费次日起算”执行');
    expect(ly.find((q) => q.code === 'dates-without-window')!.question).toBe('2021年9月1日至2021年10月9日期间缴费的，通知未规定适用哪个缴费期（能否缴费、待遇何时开始）。');
  });

  it('a question settled in the document goes away (each check can find nothing)', () => {
    const wuhe = loadSeed('wuhe-2024');
    wuhe.specialGroups[0]!.rules[0]!.unstated = [];
    wuhe.categories.forEach((c) => (c.unstated = []));
    wuhe.stacking.rule = 'priority-order';
    wuhe.stacking.order = wuhe.categories.map((c) => c.code);
    const codes = new Set(openQuestions(wuhe).map((q) => q.code));
    for (const c of ['newborn-boundary-day', 'category-agency', 'category-fund-source', 'equal-subsidies-different-funds']) expect(codes.has(c as never)).toBe(false);

    const s25 = loadSeed('shishi-2025');
    s25.refund = loadSeed('wuhe-2024').refund;
    s25.ageRule.clause = '四';
    expect(openQuestions(s25).map((q) => q.code)).not.toContain('no-refund-rule');
    expect(openQuestions(s25).map((q) => q.code)).not.toContain('age-reference-date');

    const ly = loadSeed('lingyuan-2022');
    ly.windows[1]!.from = '2021-09-01';
    ly.stacking.clause = '三（二）';
    expect(openQuestions(ly).map((q) => q.code)).not.toContain('dates-without-window');
    expect(openQuestions(ly).map((q) => q.code)).not.toContain('stacking-unstated');
  });
});
