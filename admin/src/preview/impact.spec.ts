import { describe, expect, it } from 'vitest';
import { changeText, countText, fenOf, moneyText } from '../format';
import { categoryRows, durationText, fundRows, isFinished, summaryText, type Impact, type ImpactTotals } from './impact';
import { refusalText } from './refusals';

const totals = (byFundSource: ImpactTotals['byFundSource'], byCategory: ImpactTotals['byCategory'] = []): ImpactTotals => ({
  persons: 6,
  covered: 6,
  individualContributions: '0.00',
  surchargeRevenue: '0.00',
  subsidies: '0.00',
  governmentSubsidy: '0.00',
  byFundSource,
  byCategory,
});

describe('money', () => {
  it('reads the API decimal strings exactly', () => {
    expect(fenOf('1010.00')).toBe(101000);
    expect(fenOf('-20.50')).toBe(-2050);
    expect(fenOf('0.07')).toBe(7);
    expect(fenOf('123456789.99')).toBe(12345678999);
  });

  it('writes sums from 100,000 元 up in 万元, signs differences, counts grouped', () => {
    expect(moneyText('13400000.00')).toBe('1,340.00万元');
    expect(moneyText('99999.99')).toBe('99,999.99元');
    expect(moneyText('-1010.00')).toBe('-1,010.00元');
    expect(moneyText('80.00', true)).toBe('+80.00元');
    expect(moneyText('0.00', true)).toBe('0.00元');
    expect(countText(3, true)).toBe('+3');
    expect(countText(-1200, true)).toBe('-1,200');
  });

  it('gives the change against the baseline, never -0.0%, none when the baseline is zero', () => {
    expect(changeText(101000, 109000)).toBe('+7.9%');
    expect(changeText(40000, 38000)).toBe('-5.0%');
    expect(changeText(1_000_000, 999_999)).toBe('0.0%');
    expect(changeText(0, 500)).toBe('');
  });

  it('writes durations in 秒', () => {
    expect(durationText(850, 'zh')).toBe('850毫秒');
    expect(durationText(2349, 'zh')).toBe('2.3秒');
  });
});

describe('rows of both sides', () => {
  it('unions fund sources, a missing one counting 0.00, largest first', () => {
    const baseline = totals([{ fundSource: '医疗救助资金', amount: '890.00' }]);
    const draft = totals([
      { fundSource: '乡镇政府', amount: '400.00' },
      { fundSource: '医疗救助资金', amount: '910.00' },
    ]);
    const diff = totals([
      { fundSource: '乡镇政府', amount: '400.00' },
      { fundSource: '医疗救助资金', amount: '20.00' },
    ]);
    expect(fundRows(baseline, draft, diff)).toEqual([
      { key: '医疗救助资金', name: null, baseline: '890.00', draft: '910.00', difference: '20.00' },
      { key: '乡镇政府', name: null, baseline: '0.00', draft: '400.00', difference: '400.00' },
    ]);
  });

  it('unions categories with their names and persons', () => {
    const baseline = totals([], [{ category: 'di-bao', name: '低保', persons: 2, amount: '640.00' }]);
    const draft = totals([], [{ category: 'te-kun', name: '特困', persons: 1, amount: '400.00' }]);
    const rows = categoryRows(baseline, draft, totals([]));
    expect(rows.map((r) => [r.key, r.name, r.baselinePersons, r.draftPersons, r.baseline, r.draft, r.difference])).toEqual([
      ['di-bao', '低保', 2, 0, '640.00', '0.00', '0.00'],
      ['te-kun', '特困', 0, 1, '0.00', '400.00', '0.00'],
    ]);
  });

  it('knows when a job is over', () => {
    expect(['running', 'done', 'failed', 'cancelled'].map(isFinished)).toEqual([false, true, true, true]);
  });
});

describe('the summary in words', () => {
  const t = (individualContributions: string, subsidies = '0.00'): ImpactTotals => ({ ...totals([]), individualContributions, subsidies });
  const impact = (pop: ImpactTotals | null): Impact =>
    ({
      cohort: { id: 'c', name: '样本', persons: 25_000, jurisdiction: { name: '石狮市' } },
      persons: 25_000,
      baseline: { totals: t('7834000.00', '100000.00') },
      draft: { totals: t('8225700.00', '100000.00') },
      difference: t('391700.00'),
      yearsMoved: pop ? 1 : 0,
      populationEffect: pop,
      rulesEffect: pop ? t('185000.00') : t('391700.00'),
      changeGroups: [{ baselineDue: '400.00', draftDue: '420.00', persons: 17_275 }],
      paysMore: 19_280,
      paysLess: 12,
      paysSame: 5_708,
      notComparable: 0,
    }) as unknown as Impact;

  it('leads with the contributions, the rules’ and the population’s part, who pays more or less, and the commonest change', () => {
    expect(summaryText(impact(t('206700.00')), 'zh')).toBe(
      '个人缴费增加39.17万元（+5.0%），其中规则变化增加18.50万元，人群变化增加20.67万元；多缴19,280人，少缴12人，不变5,708人；最常见的变化是400.00元→420.00元（17,275人，占应缴变化者的89.5%）。',
    );
    expect(summaryText(impact(null), 'zh')).toMatch(/^个人缴费增加39.17万元（\+5.0%）；多缴19,280人/);
  });
});

describe('refusals in Chinese', () => {
  it('translates the engine reasons it knows and keeps the others as written', () => {
    expect(refusalText('paymentDate: is before payments open for 2024: 集中参保缴费期 opens on 2023-09-01')).toBe('缴费日期早于2024年度开始缴费的日期（集中参保缴费期自2023年9月1日起）');
    expect(refusalText('birthDate: is required for 一周岁以内的新生儿 (newborn): its rules depend on the date of birth')).toBe('出生日期必须填写：一周岁以内的新生儿的规则取决于出生日期');
    expect(refusalText('缴费日期早于缴费开始日')).toBe('缴费日期早于缴费开始日');
    expect(refusalText('paymentDate: is before payments open for 2024: x opens on 2023-09-01', 'en')).toMatch(/^paymentDate/);
  });
});
