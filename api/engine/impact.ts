import type { CompiledPolicy } from './compile.js';
import type { CohortColumns } from './impact/columns.js';
import { evaluate, type SideResult } from './impact/evaluate.js';

/*
 * A reform is the same engine run twice and diffed: a cohort (impact/columns.ts) is evaluated under
 * the baseline and under the draft by `quote` itself (impact/evaluate.ts), totals are summed per
 * answer (impact/totals.ts), and here the two sides are compared person by person.
 */

export interface PersonChange {
  index: number;
  baselineDue: number;
  draftDue: number;
}

export interface ImpactResult {
  persons: number;
  draft: SideResult;
  baseline: SideResult;
  paysMore: number;
  paysLess: number;
  paysSame: number;
  /** Persons answered by one version and refused by the other. */
  notComparable: number;
  largestChanges: PersonChange[];
  examples: PersonChange[];
}

/**
 * The draft against the baseline over one cohort. The cohort is the baseline year's population: when
 * the draft is for another coverage year (a clone for next year), its side takes each stated payment
 * date moved by the difference of years (a person who paid on 2025-10-15 pays on 2026-10-15), while
 * birth dates stay (the same people, a year older). Persons without a payment date pay in each
 * version's own central window.
 */
export function impact(draft: CompiledPolicy, baseline: CompiledPolicy, c: CohortColumns, onProgress?: (done: number) => void): ImpactResult {
  const years = draft.doc.coverageYear - baseline.doc.coverageYear;
  const b = evaluate(baseline, c, onProgress && ((d) => onProgress(d * 0.45)));
  const d = evaluate(draft, c, onProgress && ((x) => onProgress(0.45 + x * 0.45)), years);
  let paysMore = 0;
  let paysLess = 0;
  let paysSame = 0;
  let notComparable = 0;
  const TOP = 10;
  const top: PersonChange[] = [];
  let topMin = 0;
  const firstOf = new Map<number, PersonChange>();
  for (let i = 0; i < c.size; i++) {
    const ob = b.outcomes[b.outcomeOf[i]!]!;
    const od = d.outcomes[d.outcomeOf[i]!]!;
    if (ob.refused !== null || od.refused !== null) {
      notComparable++;
      continue;
    }
    const diff = od.due - ob.due;
    if (diff > 0) paysMore++;
    else if (diff < 0) paysLess++;
    else paysSame++;
    if (diff !== 0) {
      // one example per kind of change (the same answers before and after), and the largest changes
      const kind = b.outcomeOf[i]! * d.outcomes.length + d.outcomeOf[i]!;
      if (!firstOf.has(kind)) firstOf.set(kind, { index: i, baselineDue: ob.due, draftDue: od.due });
      const size = diff < 0 ? -diff : diff;
      if (top.length < TOP || size > topMin) {
        top.push({ index: i, baselineDue: ob.due, draftDue: od.due });
        top.sort((x, y) => Math.abs(y.draftDue - y.baselineDue) - Math.abs(x.draftDue - x.baselineDue) || x.index - y.index);
        if (top.length > TOP) top.pop();
        const last = top[top.length - 1]!;
        topMin = top.length < TOP ? 0 : Math.abs(last.draftDue - last.baselineDue);
      }
    }
  }
  onProgress?.(1);
  const examples = [...firstOf.values()].sort((x, y) => Math.abs(y.draftDue - y.baselineDue) - Math.abs(x.draftDue - x.baselineDue)).slice(0, 10);
  return { persons: c.size, draft: d, baseline: b, paysMore, paysLess, paysSame, notComparable, largestChanges: top, examples };
}
