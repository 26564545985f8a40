import { describe, expect, it } from 'vitest';
import { categoryRows, fundRows, isFinished, moneyFen, moneyText, percentChange, signedInt, signedMoney, type ImpactTotals } from './impact';

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
    expect(moneyFen('1010.00')).toBe(101000);
    expect(moneyFen('-20.50')).toBe(-2050);
    expect(moneyFen('0.07')).toBe(7);
    expect(moneyFen('123456789.99')).toBe(12345678999);
  });

  it('groups thousands without changing the digits, and signs differences', () => {
    expect(moneyText('1234567.50')).toBe('1,234,567.50');
    expect(moneyText('-1010.00')).toBe('-1,010.00');
    expect(moneyText('400.00')).toBe('400.00');
    expect(signedMoney('80.00')).toBe('+80.00');
    expect(signedMoney('-2000.00')).toBe('-2,000.00');
    expect(signedMoney('0.00')).toBe('0.00');
    expect(signedInt(3)).toBe('+3');
    expect(signedInt(-1200)).toBe('-1,200');
  });

  it('gives the change against the baseline, none when the baseline is zero', () => {
    expect(percentChange(101000, 8000)).toBe('+7.9%');
    expect(percentChange(40000, -2000)).toBe('-5.0%');
    expect(percentChange(0, 500)).toBe('');
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
