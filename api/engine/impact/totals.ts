import type { CohortColumns } from './columns.js';

/*
 * Totals of one version over a cohort, summed per answer rather than per person: persons are counted
 * by (answer, unit), then each answer's amounts are multiplied by its count.
 */

/** The answer for one combination of payment day, categories, groups (and birth date), as the totals need it. */
export interface Outcome {
  /** Why the version cannot answer (English, the key refusals are grouped by), or null. */
  refused: string | null;
  /** The same refusal in Chinese (null when answered). */
  refusedZh: string | null;
  due: number;
  fee: number;
  surcharge: number;
  subsidy: number;
  fund: string | null;
  category: string | null;
  covers: boolean;
}

export interface Totals {
  persons: number;
  covered: number;
  individualContributions: number;
  surchargeRevenue: number;
  subsidies: number;
  governmentSubsidy: number;
  byFund: Map<string, number>;
  byCategory: Map<string, { persons: number; amount: number }>;
}

export interface Sums {
  totals: Totals;
  byUnit: Totals[];
  /** Persons of each unit, answered or not. */
  unitPersons: number[];
  /** Persons refused, by reason. */
  refusals: Map<string, number>;
  /** Each reason of `refusals` in Chinese. */
  refusalWords: Map<string, string>;
}

const emptyTotals = (): Totals => ({
  persons: 0,
  covered: 0,
  individualContributions: 0,
  surchargeRevenue: 0,
  subsidies: 0,
  governmentSubsidy: 0,
  byFund: new Map(),
  byCategory: new Map(),
});

/** Add `n` persons who share the answer `o`. */
function addTo(t: Totals, o: Outcome, governmentFen: number, n: number) {
  t.persons += n;
  if (o.covers) t.covered += n;
  t.individualContributions += o.due * n;
  t.surchargeRevenue += o.surcharge * n;
  t.subsidies += o.subsidy * n;
  t.governmentSubsidy += governmentFen * n;
  if (o.fund && o.subsidy) t.byFund.set(o.fund, (t.byFund.get(o.fund) ?? 0) + o.subsidy * n);
  if (o.category && o.subsidy) {
    const c = t.byCategory.get(o.category) ?? { persons: 0, amount: 0 };
    c.persons += n;
    c.amount += o.subsidy * n;
    t.byCategory.set(o.category, c);
  }
}

/** Totals overall and per unit, and refusals by reason: `outcomeOf[i]` is person i's index into `outcomes`. */
export function sumOutcomes(c: CohortColumns, outcomes: readonly Outcome[], outcomeOf: Int32Array, governmentFen: number): Sums {
  const nUnit = c.units.length;
  const counts = new Int32Array(outcomes.length * nUnit);
  for (let i = 0; i < c.size; i++) counts[outcomeOf[i]! * nUnit + c.unit[i]!]!++;
  const totals = emptyTotals();
  const byUnit = c.units.map(emptyTotals);
  const refusals = new Map<string, number>();
  const refusalWords = new Map<string, string>();
  for (let o = 0; o < outcomes.length; o++) {
    const out = outcomes[o]!;
    for (let u = 0; u < nUnit; u++) {
      const n = counts[o * nUnit + u]!;
      if (!n) continue;
      if (out.refused !== null) {
        refusals.set(out.refused, (refusals.get(out.refused) ?? 0) + n);
        if (out.refusedZh !== null) refusalWords.set(out.refused, out.refusedZh);
      }
      else {
        addTo(totals, out, governmentFen, n);
        addTo(byUnit[u]!, out, governmentFen, n);
      }
    }
  }
  const unitPersons = c.units.map((_, u) => {
    let n = 0;
    for (let o = 0; o < outcomes.length; o++) n += counts[o * nUnit + u]!;
    return n;
  });
  return { totals, byUnit, unitPersons, refusals, refusalWords };
}
