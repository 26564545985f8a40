import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../policy-schemas/index.js';
import { seedDocument } from '../../test/engine/seeded.js';
import { cloneForward } from '../modules/policy/clone-forward.js';
import { compilePolicy } from './compile.js';
import { impact } from './impact.js';
import { ColumnsBuilder } from './impact/columns.js';

const shishi2025 = seedDocument('shishi-2025.json');

/** Persons of Shishi paying on stated days of the baseline campaign (and one without a date). */
function cohort(rows: [birth: string, pay: string | null, cats: string[]][]) {
  const b = new ColumnsBuilder(16);
  rows.forEach(([birth, pay, cats], i) => b.add(i + 1, '石狮市', birth, pay, cats.join(';'), () => cats, '', () => []));
  return b.build();
}

describe('impact across coverage years (a clone for next year against this year)', () => {
  const next: PolicyDocument = cloneForward(shishi2025, 2026).document;
  const rows: [string, string | null, string[]][] = [
    // coverage year 2025 is paid for from 2024-09-01 (central window 2024-09-01 … 2024-12-31)
    ['1980-05-01', '2024-10-15', []], // central window → 2025-10-15, central for 2026
    ['1990-01-01', '2024-12-31', []], // its last day → the last day of 2026's
    ['2000-02-29', '2025-03-01', []], // after the central window, in both years
    ['1970-07-07', null, []], // no date: each version's own central window
  ];

  it('moves stated payment dates by the year difference: the same rules answer the same, nobody is refused', () => {
    const r = impact(compilePolicy(next), compilePolicy(shishi2025), cohort(rows));
    expect(r.notComparable).toBe(0);
    expect(r.draft.refusals.size).toBe(0);
    expect(r.paysSame).toBe(4);
    expect(r.draft.totals.individualContributions).toBe(r.baseline.totals.individualContributions);
  });

  it('a fee raised to 420 costs each ordinary payer 20 more (hand-computed: 4 × 2,000 fen + surcharge unchanged)', () => {
    const raised = structuredClone(next);
    raised.fees.individual.amountFen = 42_000;
    const r = impact(compilePolicy(raised), compilePolicy(shishi2025), cohort(rows));
    expect(r.notComparable).toBe(0);
    expect(r.paysMore).toBe(4);
    expect(r.draft.totals.individualContributions - r.baseline.totals.individualContributions).toBe(4 * 2_000);
  });

  it('without the move, the 2025 dates would fall outside 2026’s windows (what the move prevents)', () => {
    const same = impact(compilePolicy(shishi2025), compilePolicy(shishi2025), cohort(rows));
    expect(same.notComparable).toBe(0);
    // the 2026 rules on the unmoved dates: every stated date falls before 2026's payments open (2025-09-01)
    const draftOnly = impact(compilePolicy(next), compilePolicy(next), cohort(rows));
    expect(draftOnly.notComparable).toBe(3);
  });
});
