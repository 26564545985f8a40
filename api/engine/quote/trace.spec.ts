import { describe, expect, it } from 'vitest';
import { seededPolicy } from '../../../test/engine/seeded.js';
import { quote } from '../quote.js';
import { amountDue, openTrace } from './trace.js';

describe('trace: which policy answered, the amount due, and every step in the order the notice is read', () => {
  it('opens with the jurisdiction, the coverage year and the document number', () => {
    expect(openTrace(seededPolicy('shishi-2025.json'))).toEqual([{ rule: 'policy', clause: null, detail: '石狮市 coverage year 2025, 狮政办规〔2024〕5号' }]);
  });

  it('Shishi 2024 三（三）: paid 2024-07-15, 390 + surcharge 640 − subsidy 0 = 1030', () => {
    const trace = openTrace(seededPolicy('shishi-2024.json'));
    expect(amountDue(trace, 39_000, 64_000, 0)).toBe(103_000);
    expect(trace.at(-1)).toEqual({ rule: 'amount-due', clause: null, detail: '390 元 + surcharge 640 元 − subsidy 0 元 = 1030 元' });
  });

  it('a quote’s trace: policy, groups, window, fee, categories, stacking, surcharge, benefit start, coverage, what is owed, amount due', () => {
    // Shishi 2025: a person of 75 named a newborn (not one), 五老 and 精简退职 (both full, neither needy), paying 2025-10-01:
    // surcharged, 3 months → 2026-01-01, no coverage in 2025: nothing is owed for 2025
    const q = quote(seededPolicy('shishi-2025.json'), { paymentDate: '2025-10-01', birthDate: '1950-01-01', groups: ['newborn'], categories: ['jing-jian', 'wu-lao'] });
    const rules = ['policy', 'special-group', 'window', 'individual-fee', 'category', 'category', 'stacking', 'late-surcharge', 'benefit-start', 'coverage', 'fee-owed', 'amount-due'];
    expect(q.trace.map((t) => t.rule)).toEqual(rules);
    expect(q.trace.at(-2)!.detail).toBe('the payment buys no coverage in 2025: no fee, subsidy or surcharge is owed for it');
    expect(q.trace.at(-1)!.detail).toBe('0 元 + surcharge 0 元 − subsidy 0 元 = 0 元');
    expect(q).toMatchObject({ amountDueFen: 0, individualFeeFen: 0, feeLines: [], subsidies: [], coversCoverageYear: false, benefitStart: null });
  });
});
