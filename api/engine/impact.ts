import type { CompiledPolicy } from './compile.js';
import { addMonthsClamped, fromDay, toDay } from './dates.js';
import { quote, QuoteError } from './quote.js';

/*
 * A reform is the same engine run twice and diffed: a cohort (columns of typed arrays, ~18 bytes a
 * person) is evaluated under the baseline and under the draft by `quote` itself, once per distinct
 * combination of payment date, categories, groups and, only where a rule depends on it, birth date;
 * people sharing a combination share the answer. Then totals, per unit, per fund and per category.
 */

export const NO_DATE = -2147483648;

export interface CohortColumns {
  size: number;
  units: string[];
  unit: Uint16Array;
  birth: Int32Array;
  /** Payment day, or NO_DATE: pays in the central window (its first day, or the day of birth if later). */
  pay: Int32Array;
  catSets: string[][];
  catSet: Uint32Array;
  groupSets: string[][];
  groupSet: Uint32Array;
  rowNo: Int32Array;
}

/** Builds columns row by row, interning category and group sets. */
export class ColumnsBuilder {
  private n = 0;
  private cap: number;
  private unitIndex = new Map<string, number>();
  private catIndex = new Map<string, number>();
  private groupIndex = new Map<string, number>();
  units: string[] = [];
  catSets: string[][] = [];
  groupSets: string[][] = [];
  unit: Uint16Array;
  birth: Int32Array;
  pay: Int32Array;
  catSet: Uint32Array;
  groupSet: Uint32Array;
  rowNo: Int32Array;

  constructor(capacity = 1024) {
    this.cap = capacity;
    this.unit = new Uint16Array(capacity);
    this.birth = new Int32Array(capacity);
    this.pay = new Int32Array(capacity);
    this.catSet = new Uint32Array(capacity);
    this.groupSet = new Uint32Array(capacity);
    this.rowNo = new Int32Array(capacity);
  }

  /** `cats` and `groups` as raw keys (e.g. PostgreSQL array text) with their parsed lists on first sight. */
  add(rowNo: number, unit: string, birth: string | null, pay: string | null, catKey: string, cats: () => string[], groupKey: string, groups: () => string[]) {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    let u = this.unitIndex.get(unit);
    if (u === undefined) this.unitIndex.set(unit, (u = this.units.push(unit) - 1));
    let c = this.catIndex.get(catKey);
    if (c === undefined) this.catIndex.set(catKey, (c = this.catSets.push([...new Set(cats())].sort()) - 1));
    let g = this.groupIndex.get(groupKey);
    if (g === undefined) this.groupIndex.set(groupKey, (g = this.groupSets.push([...new Set(groups())].sort()) - 1));
    this.unit[i] = u;
    this.birth[i] = birth ? toDay(birth) : NO_DATE;
    this.pay[i] = pay ? toDay(pay) : NO_DATE;
    this.catSet[i] = c;
    this.groupSet[i] = g;
    this.rowNo[i] = rowNo;
  }

  private grow() {
    this.cap *= 2;
    const g = <T extends Uint16Array | Int32Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as any)(this.cap) as T;
      b.set(a);
      return b;
    };
    this.unit = g(this.unit);
    this.birth = g(this.birth);
    this.pay = g(this.pay);
    this.catSet = g(this.catSet);
    this.groupSet = g(this.groupSet);
    this.rowNo = g(this.rowNo);
  }

  build(): CohortColumns {
    const n = this.n;
    return {
      size: n,
      units: this.units,
      unit: this.unit.slice(0, n),
      birth: this.birth.slice(0, n),
      pay: this.pay.slice(0, n),
      catSets: this.catSets,
      catSet: this.catSet.slice(0, n),
      groupSets: this.groupSets,
      groupSet: this.groupSet.slice(0, n),
      rowNo: this.rowNo.slice(0, n),
    };
  }
}

export function bytesPerPerson(c: CohortColumns): number {
  const arrays = c.unit.byteLength + c.birth.byteLength + c.pay.byteLength + c.catSet.byteLength + c.groupSet.byteLength + c.rowNo.byteLength;
  return c.size ? arrays / c.size : 0;
}

/** The answer for one combination, as the aggregation needs it. */
interface Outcome {
  refused: string | null;
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

export interface SideResult {
  totals: Totals;
  byUnit: Totals[];
  /** Persons of each unit, answered or not. */
  unitPersons: number[];
  refusals: Map<string, number>;
  unknownCodes: Map<string, number>;
  /** Per person: index into `outcomes`. */
  outcomeOf: Int32Array;
  outcomes: Outcome[];
  distinct: number;
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

/**
 * Evaluate one version over a cohort. `onProgress` is called with the share done (0..1).
 * `payShiftYears`: each stated payment date is moved by that many years (the same day of the month,
 * 29 February → 28 February), so that last year's population can be run through next year's rules.
 */
export function evaluate(p: CompiledPolicy, c: CohortColumns, onProgress?: (done: number) => void, payShiftYears = 0): SideResult {
  const central = p.windows.find((w) => w.doc.kind === 'central' && w.doc.acceptsPayment) ?? p.windows.find((w) => w.doc.acceptsPayment);
  const centralDay = central ? central.from : p.coverageStart;
  // per interned set: the codes this version knows, and whether a rule of theirs depends on birth
  const unknownCodes = new Map<string, number>();
  const catKnown = c.catSets.map((set) => set.filter((code) => p.categoryByKey.has(code)));
  const catAge = c.catSets.map((set) => set.some((code) => p.categoryByKey.get(code)?.ageSets));
  const groupKnown = c.groupSets.map((set) => set.filter((code) => p.groupByCode.has(code)));
  const birthRules = (g: string) => {
    const group = p.groupByCode.get(g);
    if (!group) return false;
    return group.rules.some((r) => r.doc.when.withinDaysOfBirth || r.doc.when.afterDaysOfBirth || r.doc.when.bornInYear !== undefined || r.doc.when.paidBeforeAgeYears !== undefined || r.doc.benefitStart === 'birth-date') || p.doc.fees.specialCases.some((s) => s.group === g && s.bornInYear !== null);
  };
  const groupBirth = c.groupSets.map((set) => set.some(birthRules));

  const nCat = c.catSets.length;
  const nGroup = c.groupSets.length;
  const nUnit = c.units.length;
  // the payment day of each person: no date means the central window's first day (or the birth day, if later)
  let payMin = Infinity;
  let payMax = -Infinity;
  const shifted = new Map<number, number>();
  const shift = (day: number) => {
    let out = shifted.get(day);
    if (out === undefined) shifted.set(day, (out = addMonthsClamped(day, 12 * payShiftYears)));
    return out;
  };
  const payOf = (i: number) => {
    const b = c.birth[i]!;
    if (c.pay[i] === NO_DATE) return b !== NO_DATE && b > centralDay ? b : centralDay;
    return payShiftYears ? shift(c.pay[i]!) : c.pay[i]!;
  };
  for (let i = 0; i < c.size; i++) {
    const d = payOf(i);
    if (d < payMin) payMin = d;
    if (d > payMax) payMax = d;
  }
  const nDays = c.size ? payMax - payMin + 1 : 0;
  // Most persons differ only by (payment day, category set, group set): answers are found by direct
  // index in a dense table; persons whose rules also depend on the birth date go through a Map.
  const denseSize = nDays * nCat * nGroup;
  const dense = denseSize <= 20_000_000 ? new Int32Array(denseSize).fill(-1) : null;
  const memo = new Map<number, number>();
  const outcomes: Outcome[] = [];
  const outcomeOf = new Int32Array(c.size);
  const step = Math.max(1, Math.floor(c.size / 20));

  for (let i = 0; i < c.size; i++) {
    const cs = c.catSet[i]!;
    const gs = c.groupSet[i]!;
    const birth = c.birth[i]!;
    const pay = payOf(i);
    const idx = ((pay - payMin) * nCat + cs) * nGroup + gs;
    const byBirth = catAge[cs]! || groupBirth[gs]!;
    let o: number | undefined;
    if (!byBirth && dense) {
      o = dense[idx]!;
      if (o < 0) {
        o = outcomes.push(outcome(p, pay, birth, catKnown[cs]!, groupKnown[gs]!)) - 1;
        dense[idx] = o;
      }
    } else {
      // idx < 2^35 and the birth part < 2^17: the key stays below 2^53
      const key = byBirth ? idx * 131072 + (birth === NO_DATE ? 0 : birth + 50_000) + 1 : -idx - 1;
      o = memo.get(key);
      if (o === undefined) {
        o = outcomes.push(outcome(p, pay, birth, catKnown[cs]!, groupKnown[gs]!)) - 1;
        memo.set(key, o);
      }
    }
    outcomeOf[i] = o;
    if (onProgress && i % step === 0) onProgress(i / c.size);
  }

  // persons per (answer, unit), then totals from the answers
  const counts = new Int32Array(outcomes.length * nUnit);
  for (let i = 0; i < c.size; i++) counts[outcomeOf[i]! * nUnit + c.unit[i]!]!++;
  const totals = emptyTotals();
  const byUnit = c.units.map(emptyTotals);
  const refusals = new Map<string, number>();
  for (let o = 0; o < outcomes.length; o++) {
    const out = outcomes[o]!;
    for (let u = 0; u < nUnit; u++) {
      const n = counts[o * nUnit + u]!;
      if (!n) continue;
      if (out.refused !== null) refusals.set(out.refused, (refusals.get(out.refused) ?? 0) + n);
      else {
        addTo(totals, out, p.governmentFen, n);
        addTo(byUnit[u]!, out, p.governmentFen, n);
      }
    }
  }
  c.catSets.forEach((set, i) => set.forEach((code) => !catKnown[i]!.includes(code) && unknownCodes.set(code, 0)));
  c.groupSets.forEach((set, i) => set.forEach((code) => !groupKnown[i]!.includes(code) && unknownCodes.set(code, 0)));
  if (unknownCodes.size)
    for (let i = 0; i < c.size; i++) {
      for (const code of c.catSets[c.catSet[i]!]!) if (unknownCodes.has(code)) unknownCodes.set(code, unknownCodes.get(code)! + 1);
      for (const code of c.groupSets[c.groupSet[i]!]!) if (unknownCodes.has(code)) unknownCodes.set(code, unknownCodes.get(code)! + 1);
    }
  onProgress?.(1);
  return { totals, byUnit, unitPersons: c.units.map((_, u) => { let n = 0; for (let o = 0; o < outcomes.length; o++) n += counts[o * nUnit + u]!; return n; }), refusals, unknownCodes, outcomeOf, outcomes, distinct: outcomes.length };
}

function outcome(p: CompiledPolicy, pay: number, birth: number, categories: string[], groups: string[]): Outcome {
  try {
    const q = quote(p, {
      paymentDate: fromDay(pay),
      birthDate: birth === NO_DATE ? null : fromDay(birth),
      categories,
      groups,
    });
    const s = q.subsidies[0];
    return {
      refused: null,
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
    // the reason without the person's own date, so that refusals group
    return { refused: `${e.field}: ${e.message.slice(e.field.length + 2).replace(/\(\d{4}-\d{2}-\d{2}\) /, '')}`, due: 0, fee: 0, surcharge: 0, subsidy: 0, fund: null, category: null, covers: false };
  }
}

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
