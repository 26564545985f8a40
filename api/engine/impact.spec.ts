import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../policy-schemas/index.js';
import { seedDocument } from '../../test/engine/seeded.js';
import { cloneForward } from '../modules/policy/clone-forward.js';
import { compilePolicy } from './compile.js';
import { impact } from './impact.js';
import { ColumnsBuilder } from './impact/columns.js';
import { fromDay } from './dates.js';

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

describe('the 2026 draft against 2025: each distinct change, and what moving the population a year does', () => {
  // Shishi 2025 (狮医保〔2024〕号 seed): fee 400, government 670; from 2025-07-01 a late payer owes 400 + 670
  // (三（三）) unless exempt, newborns within 90 days of birth (含) and under one pay the fee alone (五（四）);
  // 低保 90% subsidised, 低保边缘 70%, 特困 in full. The 2026 clone raises the fee to 420.
  const draft = cloneForward(shishi2025, 2026).document;
  draft.fees.individual.amountFen = 42_000;
  const rows: [id: string, birth: string, pay: string | null, cats: string[], groups: string[]][] = [
    ['P1', '1980-05-01', '2024-10-15', [], []], //                 400 | 400 | 420
    ['P2', '1975-01-01', null, ['di-bao'], []], //                   40 |  40 |  42 (pays 10%)
    ['P3', '1950-01-01', null, ['te-kun'], []], //                    0 |   0 |   0
    ['P4', '1950-03-03', null, ['di-bao-bian-yuan'], []], //        120 | 120 | 126 (pays 30%), an elder
    ['P5', '1940-08-08', null, [], []], //                          400 | 400 | 420, an elder
    ['P6', '2025-05-10', '2025-08-01', [], ['newborn']], //         400 | 1070 | 1090: 83 days old, exempt; a year older, not
    ['P7', '2024-11-15', '2024-12-01', [], ['newborn']], //         400 | 400 | 420 (central window either way)
    ['P8', '1990-02-02', '2025-08-15', [], []], //                 1070 | 1070 | 1090 (late: fee + 670)
  ];
  const c = (() => {
    const b = new ColumnsBuilder(4);
    rows.forEach(([, birth, pay, cats, groups], i) => b.add(i + 1, '石狮市', birth, pay, cats.join(';'), () => cats, groups.join(';'), () => groups));
    return b.build();
  })();
  const r = impact(compilePolicy(draft), compilePolicy(shishi2025), c);

  it('lists each distinct change once, with its persons, its cause and its first person', () => {
    const groups = r.changeGroups.map((g) => [g.baselineDue, g.draftDue, g.persons, g.cause, rows[g.example.index]![0]]);
    // most persons first, then the largest change
    expect(groups).toEqual([
      [40_000, 42_000, 3, 'rules', 'P1'], // P1, P5, P7
      [40_000, 109_000, 1, 'both', 'P6'], // +670 from the move, +20 from the rules
      [107_000, 109_000, 1, 'rules', 'P8'],
      [12_000, 12_600, 1, 'rules', 'P4'],
      [4_000, 4_200, 1, 'rules', 'P2'],
    ]);
    // the groups' persons are exactly those who pay differently
    expect(r.changeGroups.reduce((n, g) => n + g.persons, 0)).toBe(r.paysMore + r.paysLess);
    expect(r.paysMore + r.paysLess).toBe(7);
    expect(r.examples.map((e) => e.index)).toEqual(r.changeGroups.map((g) => g.example.index));
  });

  it('shows both payment days of an example: the stated one, and the one a year later for the draft', () => {
    const p6 = r.changeGroups.find((g) => g.cause === 'both')!.example;
    expect([fromDay(p6.baselinePaymentDay), fromDay(p6.draftPaymentDay)]).toEqual(['2025-08-01', '2026-08-01']);
    // without a stated date: each side's own central window opens it
    const p2 = r.changeGroups.find((g) => g.baselineDue === 4_000)!.example;
    expect([fromDay(p2.baselinePaymentDay), fromDay(p2.draftPaymentDay)]).toEqual(['2024-09-01', '2025-09-01']);
  });

  it('computes the population effect by hand: the baseline on everyone a year older, minus the baseline', () => {
    // only P6 changes under the 2025 rules when a year older: born 2024-05-10, paying 2025-08-01 she is
    // no newborn (over one, past 90 days), so she owes 400 + 670 surcharge
    expect(r.yearsMoved).toBe(1);
    const moved = r.moved!.totals;
    const base = r.baseline.totals;
    expect(moved.individualContributions - base.individualContributions).toBe(67_000);
    expect(moved.surchargeRevenue - base.surchargeRevenue).toBe(67_000);
    expect(moved.subsidies - base.subsidies).toBe(0);
    expect(moved.persons).toBe(base.persons);
    // the rules' effect is the rest: 20 more for P1, P5, P6, P7, P8, 2 for P2, 6 for P4
    expect(r.draft.totals.individualContributions - moved.individualContributions).toBe(5 * 2_000 + 200 + 600);
    // baseline: 400 × 3 + 40 + 0 + 120 + 400 + 1070 = 2830 yuan
    expect(base.individualContributions).toBe(283_000);
  });

  it('reports no population effect when the draft is for the baseline’s year', () => {
    const same = structuredClone(shishi2025);
    same.fees.individual.amountFen = 42_000;
    const s = impact(compilePolicy(same), compilePolicy(shishi2025), c);
    expect(s.moved).toBeNull();
    expect(s.changeGroups.every((g) => g.cause === 'rules')).toBe(true);
  });
});
