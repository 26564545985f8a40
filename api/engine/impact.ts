import type { CompiledPolicy } from './compile.js';
import type { CohortColumns } from './impact/columns.js';
import { evaluate, paymentDay, type SideResult } from './impact/evaluate.js';

/*
 * A reform is the same engine run twice and diffed: a cohort (impact/columns.ts) is evaluated under
 * the baseline and under the draft by `quote` itself (impact/evaluate.ts), totals are summed per
 * answer (impact/totals.ts), and here the two sides are compared person by person. When the draft is
 * for another coverage year, a third run of the baseline on the population moved a year tells what
 * that move does apart from the draft's rules.
 */

export interface PersonChange {
  index: number;
  baselineDue: number;
  draftDue: number;
  /** The day the person pays on under each side (a stated date, moved for the draft; else the central window's first day). */
  baselinePaymentDay: number;
  draftPaymentDay: number;
}

/** What made a person's amount due change. */
export type ChangeCause = 'rules' | 'population' | 'both';

/** Every person whose amount due goes from `baselineDue` to `draftDue`. */
export interface ChangeGroup {
  baselineDue: number;
  draftDue: number;
  persons: number;
  /**
   * `rules`: the baseline's rules give the moved population what they gave before (the draft's rules
   * alone change it); `population`: the draft's rules give what the baseline's give the moved
   * population (the move alone changes it); `both` otherwise, or when persons of the group differ.
   */
  cause: ChangeCause;
  /** The first person of the cohort with this change. */
  example: PersonChange;
}

export interface ImpactResult {
  persons: number;
  draft: SideResult;
  baseline: SideResult;
  /**
   * The baseline's rules on the population moved by `yearsMoved` (each person a year older against
   * the coverage year); null when the draft is for the baseline's year.
   */
  moved: SideResult | null;
  /** Draft's coverage year − baseline's. */
  yearsMoved: number;
  paysMore: number;
  paysLess: number;
  paysSame: number;
  /** Persons answered by one version and refused by the other. */
  notComparable: number;
  largestChanges: PersonChange[];
  /** Each distinct change, most persons first. */
  changeGroups: ChangeGroup[];
  /** One person per distinct change (the groups' examples, in their order). */
  examples: PersonChange[];
}

const TOP = 10;
const RULES = 1;
const POPULATION = 2;
const CAUSES: Record<number, ChangeCause> = { [RULES]: 'rules', [POPULATION]: 'population', [RULES | POPULATION]: 'both' };
/** Amounts due are below 2^26 fen (671,088.64 元): a pair of them is one safe integer. */
const PAIR = 2 ** 26;

/**
 * The draft against the baseline over one cohort. The cohort is the baseline year's population: when
 * the draft is for another coverage year (a clone for next year), its side takes each stated payment
 * date moved by the difference of years (a person who paid on 2025-10-15 pays on 2026-10-15), while
 * birth dates stay (the same people, a year older). Persons without a payment date pay in each
 * version's own central window.
 *
 * The move itself changes amounts (a baby of last year's campaign is no newborn in next year's), so
 * then the baseline is run a third time on the moved population, written in its own calendar: payment
 * dates as given, birth dates a year earlier. The population effect is that run minus the baseline;
 * the rules' effect is the draft minus that run.
 */
export function impact(draft: CompiledPolicy, baseline: CompiledPolicy, c: CohortColumns, onProgress?: (done: number) => void): ImpactResult {
  const years = draft.doc.coverageYear - baseline.doc.coverageYear;
  const runs = years ? 3 : 2;
  const part = (k: number) => onProgress && ((x: number) => onProgress(((k + x) / runs) * 0.95));
  const b = evaluate(baseline, c, { onProgress: part(0) });
  const m = years ? evaluate(baseline, c, { onProgress: part(1), birthShiftYears: -years }) : null;
  const d = evaluate(draft, c, { onProgress: part(runs - 1), payShiftYears: years });
  let paysMore = 0;
  let paysLess = 0;
  let paysSame = 0;
  let notComparable = 0;
  const top: { index: number; size: number }[] = [];
  let topMin = 0;
  // amounts due per answer (-1: refused), so that the loop below reads typed arrays only
  const dues = (s: SideResult) => Int32Array.from(s.outcomes, (o) => (o.refused === null ? o.due : -1));
  const dueB = dues(b);
  const dueD = dues(d);
  const dueM = m ? dues(m) : null;
  type Group = { baselineDue: number; draftDue: number; persons: number; causes: number; first: number };
  const groups = new Map<number, Group>();
  // the group a baseline answer last went to, with the draft's (and moved) answer: most persons repeat it
  const lastD = new Int32Array(dueB.length).fill(-1);
  const lastM = new Int32Array(dueB.length).fill(-1);
  const lastGroup: (Group | undefined)[] = new Array(dueB.length);
  for (let i = 0; i < c.size; i++) {
    const xb = b.outcomeOf[i]!;
    const xd = d.outcomeOf[i]!;
    const db = dueB[xb]!;
    const dd = dueD[xd]!;
    if (db < 0 || dd < 0) {
      notComparable++;
      continue;
    }
    const diff = dd - db;
    if (diff === 0) {
      paysSame++;
      continue;
    }
    if (diff > 0) paysMore++;
    else paysLess++;
    const xm = m ? m.outcomeOf[i]! : 0;
    let g = lastD[xb] === xd && lastM[xb] === xm ? lastGroup[xb] : undefined;
    if (!g) {
      let cause = RULES;
      if (dueM) {
        const dm = dueM[xm]!;
        cause = dm < 0 ? RULES | POPULATION : (dm !== db ? POPULATION : 0) | (dd !== dm ? RULES : 0);
      }
      const key = db * PAIR + dd;
      g = groups.get(key);
      if (!g) groups.set(key, (g = { baselineDue: db, draftDue: dd, persons: 0, causes: 0, first: i }));
      g.causes |= cause;
      lastD[xb] = xd;
      lastM[xb] = xm;
      lastGroup[xb] = g;
    }
    g.persons++;
    const size = diff < 0 ? -diff : diff;
    if (top.length < TOP || size > topMin) {
      top.push({ index: i, size });
      top.sort((x, y) => y.size - x.size || x.index - y.index);
      if (top.length > TOP) top.pop();
      topMin = top.length < TOP ? 0 : top[top.length - 1]!.size;
    }
  }
  const person = (index: number): PersonChange => ({
    index,
    baselineDue: b.outcomes[b.outcomeOf[index]!]!.due,
    draftDue: d.outcomes[d.outcomeOf[index]!]!.due,
    baselinePaymentDay: paymentDay(baseline, c, index),
    draftPaymentDay: paymentDay(draft, c, index, { payShiftYears: years }),
  });
  const changeGroups: ChangeGroup[] = [...groups.values()]
    .sort((x, y) => y.persons - x.persons || Math.abs(y.draftDue - y.baselineDue) - Math.abs(x.draftDue - x.baselineDue) || x.first - y.first)
    .map((g) => ({ baselineDue: g.baselineDue, draftDue: g.draftDue, persons: g.persons, cause: CAUSES[g.causes]!, example: person(g.first) }));
  onProgress?.(1);
  return {
    persons: c.size,
    draft: d,
    baseline: b,
    moved: m,
    yearsMoved: years,
    paysMore,
    paysLess,
    paysSame,
    notComparable,
    largestChanges: top.map((t) => person(t.index)),
    changeGroups,
    examples: changeGroups.map((g) => g.example),
  };
}
