import type { CompiledPolicy } from '../compile.js';
import { addMonthsClamped, fromDay } from '../dates.js';
import { quote } from '../quote.js';
import { QuoteError } from '../quote/error.js';
import { dependsOnBirth } from '../quote/groups.js';
import type { PersonFacts } from '../quote/person.js';
import { NO_DATE, type CohortColumns } from './columns.js';
import { sumOutcomes, type Outcome, type Sums } from './totals.js';

/*
 * One version over a cohort, by `quote` itself, once per distinct combination of payment day,
 * categories, groups, facts and, only where a rule depends on it, birth date: persons sharing a
 * combination share the answer.
 */

export interface SideResult extends Sums {
  /** Codes of the cohort this version does not know, with the persons who carry each. */
  unknownCodes: Map<string, number>;
  /** Per person: index into `outcomes`. */
  outcomeOf: Int32Array;
  outcomes: Outcome[];
  distinct: number;
}

/** How the cohort is placed in time for one run (see impact.ts). */
export interface EvaluateOptions {
  /** Called with the share done (0..1). */
  onProgress?: (done: number) => void;
  /**
   * Each stated payment date moved by that many years (the same day of the month, 29 February → 28
   * February), so that last year's population can be run through next year's rules.
   */
  payShiftYears?: number;
  /**
   * Each birth date moved by that many years: the population made older (a negative shift) in the
   * version's own calendar, to see what ageing a year does under unchanged rules.
   */
  birthShiftYears?: number;
}

/** Evaluate one version over a cohort. */
export function evaluate(p: CompiledPolicy, c: CohortColumns, options: EvaluateOptions = {}): SideResult {
  const { onProgress, payShiftYears = 0, birthShiftYears = 0 } = options;
  const centralDay = centralDayOf(p);
  // per interned set: the codes this version knows, and whether a rule of theirs depends on birth
  const catKnown = c.catSets.map((set) => set.filter((code) => p.categoryByKey.has(code)));
  const catAge = c.catSets.map((set) => set.some((code) => p.categoryByKey.get(code)?.readsBirth));
  const groupKnown = c.groupSets.map((set) => set.filter((code) => p.groupByCode.has(code)));
  const birthRules = (g: string) => {
    const group = p.groupByCode.get(g);
    if (!group) return false;
    return group.rules.some(dependsOnBirth) || p.doc.fees.specialCases.some((s) => s.group === g && s.bornInYear !== null);
  };
  const groupBirth = c.groupSets.map((set) => set.some(birthRules));

  const nCat = c.catSets.length;
  const nGroup = c.groupSets.length;
  const nFacts = c.factSets.length;
  // the categories a person's facts certify, known to this version (certifications name categories too)
  const factKnown = c.factSets.map((f) => (f.certifications ? { ...f, certifications: f.certifications.filter((x) => p.categoryByKey.has(x.category)) } : f));
  const factAge = c.factSets.map((f) => !!f.certifications?.some((x) => p.categoryByKey.get(x.category)?.readsBirth));
  // the payment day of each person: no date means the window's first day (or the birth day, if later)
  let payMin = Infinity;
  let payMax = -Infinity;
  const birthOf = shifter(c.birth, birthShiftYears);
  const payOf = payDays(c, centralDay, payShiftYears, birthOf);
  const pays = new Int32Array(c.size);
  for (let i = 0; i < c.size; i++) {
    const d = (pays[i] = payOf(i));
    if (d < payMin) payMin = d;
    if (d > payMax) payMax = d;
  }
  const nDays = c.size ? payMax - payMin + 1 : 0;
  // Most persons differ only by (payment day, category set, group set): answers are found by direct
  // index in a dense table; persons whose rules also depend on the birth date go through a Map.
  const denseSize = nDays * nCat * nGroup * nFacts;
  const dense = denseSize <= 20_000_000 ? new Int32Array(denseSize).fill(-1) : null;
  const memo = new Map<number, number>();
  const outcomes: Outcome[] = [];
  const outcomeOf = new Int32Array(c.size);
  const step = Math.max(1, Math.floor(c.size / 20));

  for (let i = 0; i < c.size; i++) {
    const cs = c.catSet[i]!;
    const gs = c.groupSet[i]!;
    const fs = c.factSet[i]!;
    const birth = birthOf(i);
    const pay = pays[i]!;
    const idx = (((pay - payMin) * nCat + cs) * nGroup + gs) * nFacts + fs;
    const byBirth = catAge[cs]! || groupBirth[gs]! || factAge[fs]!;
    let o: number | undefined;
    if (!byBirth && dense) {
      o = dense[idx]!;
      if (o < 0) {
        o = outcomes.push(outcome(p, pay, birth, catKnown[cs]!, groupKnown[gs]!, factKnown[fs]!)) - 1;
        dense[idx] = o;
      }
    } else {
      // idx < 2^35 and the birth part < 2^17: the key stays below 2^53
      const key = byBirth ? idx * 131072 + (birth === NO_DATE ? 0 : birth + 50_000) + 1 : -idx - 1;
      o = memo.get(key);
      if (o === undefined) {
        o = outcomes.push(outcome(p, pay, birth, catKnown[cs]!, groupKnown[gs]!, factKnown[fs]!)) - 1;
        memo.set(key, o);
      }
    }
    outcomeOf[i] = o;
    if (onProgress && i % step === 0) onProgress(i / c.size);
  }

  const sums = sumOutcomes(c, outcomes, outcomeOf, p.governmentFen);
  const unknownCodes = countUnknownCodes(c, catKnown, groupKnown, (code) => p.categoryByKey.has(code));
  onProgress?.(1);
  return { ...sums, unknownCodes, outcomeOf, outcomes, distinct: outcomes.length };
}

/** The day persons without a payment date pay on: as the document reads an empty date (readings.emptyPaymentDate). */
function centralDayOf(p: CompiledPolicy): number {
  return p.emptyPaymentWindow.from;
}

/** Person i's day in `days` moved by `years` (NO_DATE stays), by a table over the days the cohort has. */
function shifter(days: Int32Array, years: number): (i: number) => number {
  if (!years) return (i) => days[i]!;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (d === NO_DATE) continue;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (min > max) return (i) => days[i]!;
  const moved = new Int32Array(max - min + 1);
  for (let d = min; d <= max; d++) moved[d - min] = addMonthsClamped(d, 12 * years);
  return (i) => {
    const day = days[i]!;
    return day === NO_DATE ? day : moved[day - min]!;
  };
}

/** Person i's payment day: the stated one (moved), else the day the document reads an empty date as, or the birth day, if later. */
function payDays(c: CohortColumns, centralDay: number, payShiftYears: number, birthOf: (i: number) => number): (i: number) => number {
  const stated = shifter(c.pay, payShiftYears);
  return (i) => {
    if (c.pay[i] !== NO_DATE) return stated(i);
    const b = birthOf(i);
    return b !== NO_DATE && b > centralDay ? b : centralDay;
  };
}

/** The day person i pays on in a run with these options (what an example shows beside its amounts). */
export function paymentDay(p: CompiledPolicy, c: CohortColumns, i: number, options: Pick<EvaluateOptions, 'payShiftYears' | 'birthShiftYears'> = {}): number {
  return payDays(c, centralDayOf(p), options.payShiftYears ?? 0, shifter(c.birth, options.birthShiftYears ?? 0))(i);
}

/** The codes of the cohort's sets that the version does not know, each with the persons who carry it. */
function countUnknownCodes(c: CohortColumns, catKnown: string[][], groupKnown: string[][], isCategory: (code: string) => boolean): Map<string, number> {
  const unknownCodes = new Map<string, number>();
  const certified = (fs: number) => (c.factSets[fs]!.certifications ?? []).map((x) => x.category);
  c.catSets.forEach((set, i) => set.forEach((code) => !catKnown[i]!.includes(code) && unknownCodes.set(code, 0)));
  c.groupSets.forEach((set, i) => set.forEach((code) => !groupKnown[i]!.includes(code) && unknownCodes.set(code, 0)));
  c.factSets.forEach((_, i) => certified(i).forEach((code) => !isCategory(code) && unknownCodes.set(code, 0)));
  if (unknownCodes.size)
    for (let i = 0; i < c.size; i++) {
      // a code counts a person once, whether in categories or in certifications
      const seen = new Set([...c.catSets[c.catSet[i]!]!, ...certified(c.factSet[i]!)]);
      for (const code of seen) if (unknownCodes.has(code)) unknownCodes.set(code, unknownCodes.get(code)! + 1);
      for (const code of c.groupSets[c.groupSet[i]!]!) if (unknownCodes.has(code)) unknownCodes.set(code, unknownCodes.get(code)! + 1);
    }
  return unknownCodes;
}

function outcome(p: CompiledPolicy, pay: number, birth: number, categories: string[], groups: string[], facts: PersonFacts): Outcome {
  const req = { ...facts, paymentDate: fromDay(pay), birthDate: birth === NO_DATE ? null : fromDay(birth), categories, groups };
  try {
    const q = quote(p, req);
    const s = q.subsidies[0];
    return {
      refused: null,
      refusedZh: null,
      due: q.amountDueFen,
      fee: q.individualFeeFen,
      surcharge: q.surchargeFen,
      subsidy: q.subsidyTotalFen,
      fund: s ? s.fundSource : null,
      category: s ? s.categoryCode : null,
      covers: q.coversCoverageYear,
    };
  } catch (e) {
    if (!(e instanceof QuoteError)) throw e;
    // the reason without the person's own date, so that refusals group; and in Chinese (asked only of a refusal)
    return { refused: `${e.field}: ${e.detail.replace(/\(\d{4}-\d{2}-\d{2}\) /, '')}`, refusedZh: refusalZh(p, req), due: 0, fee: 0, surcharge: 0, subsidy: 0, fund: null, category: null, covers: false };
  }
}

/** A refusal in Chinese, without the person's own date (the request is refused in English already). */
function refusalZh(p: CompiledPolicy, req: Parameters<typeof quote>[1]): string | null {
  try {
    quote(p, req, { lang: 'zh' });
    return null;
  } catch (e) {
    if (!(e instanceof QuoteError)) throw e;
    return `\`${e.field}\`：${e.detail.replace(/^（\d{4}年\d{1,2}月\d{1,2}日）/, '')}`;
  }
}
