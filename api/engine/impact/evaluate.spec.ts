import { describe, expect, it } from 'vitest';
import { seededPolicy } from '../../../test/engine/seeded.js';
import { bytesPerPerson, ColumnsBuilder } from './columns.js';
import { evaluate } from './evaluate.js';

/** Wuhe 2024 persons: [unit, birth, payment date or null, categories, groups]. */
function cohort(rows: [string, string, string | null, string[], string[]][]) {
  const b = new ColumnsBuilder(2); // grows as rows come
  rows.forEach(([unit, birth, pay, cats, groups], i) => b.add(i + 1, unit, birth, pay, cats.join(';'), () => cats, groups.join(';'), () => groups));
  return b.build();
}

describe('one version over a cohort: one quote per distinct case, totals per answer', () => {
  const wuhe = seededPolicy('wuhe-2024.json');
  const c = cohort([
    ['城关镇', '1960-01-01', '2023-10-01', ['di-bao'], []], // 380 − 320 = 60 (二（二）2)
    ['城关镇', '1970-01-01', '2023-10-01', ['di-bao'], []], // the same case: the same answer
    ['城关镇', '1980-01-01', null, ['di-bao'], []], // no date: the central window's first day, 2023-09-01
    ['头铺镇', '1990-01-01', '2023-12-31', [], []], // 380
    ['头铺镇', '1990-01-01', '2023-08-31', [], []], // before payments open: refused
    ['头铺镇', '2023-11-20', '2024-01-15', [], ['newborn']], // born 2023: 350 + 380 (三（一）1)
    ['头铺镇', '1990-01-01', '2023-10-01', ['ping-kun'], []], // a code Wuhe does not have
  ]);

  it('sums Wuhe’s 低保 (pays 60, 320 from the medical assistance fund), ordinary (380) and 2023-born newborn (730) payers', () => {
    const r = evaluate(wuhe, c);
    expect(r.totals).toEqual({
      persons: 6,
      covered: 6,
      individualContributions: 3 * 6_000 + 38_000 + 73_000 + 38_000,
      surchargeRevenue: 0,
      subsidies: 3 * 32_000,
      governmentSubsidy: 6 * 64_000,
      byFund: new Map([['医疗救助资金', 96_000]]),
      byCategory: new Map([['di-bao', { persons: 3, amount: 96_000 }]]),
    });
    expect(r.byUnit.map((t) => [t.persons, t.individualContributions])).toEqual([
      [3, 18_000],
      [3, 38_000 + 73_000 + 38_000],
    ]);
    expect(r.unitPersons).toEqual([3, 4]);
    expect([...r.refusals]).toEqual([['paymentDate: is before payments open for 2024: 集中参保缴费期 opens on 2023-09-01', 1]]);
    expect([...r.unknownCodes]).toEqual([['ping-kun', 1]]);
    // the two 低保 payers of 2023-10-01 share one answer; the newborn's depends on the birth date
    expect(r.outcomeOf[0]).toBe(r.outcomeOf[1]);
    expect(r.distinct).toBe(6);
  });

  it('holds 26 bytes a person', () => {
    expect(bytesPerPerson(c)).toBe(26);
  });
});
