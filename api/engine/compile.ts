import {
  subsidyFenOf,
  type Category,
  type ConditionSet,
  type PolicyDocument,
  type SpecialGroup,
  type Window,
} from '../../policy-schemas/index.js';
import { addMonthsClamped, dayOf, toDay, type Day } from './dates.js';
import { assumption, type Assumption } from './quote/assumptions.js';

/*
 * A policy document compiled once for fast, repeated quoting: dates as day numbers, categories
 * indexed by code and identity code, subsidies precomputed on the individual fee, the readings of
 * the document turned into the functions and values the steps use, and every assumption a quote may
 * have to state written once. Holds no number or reading of its own: everything comes from the document.
 */

/** One condition set of a category, with the assumption each of its parts needs when its fact is not given. */
export interface CompiledConditionSet {
  doc: ConditionSet;
  age: { min?: number; below?: number } | null;
  disability: Assumption | null;
  residence: Assumption | null;
  /** The household role (members condition). */
  role: Assumption | null;
  /** The child's sex, where the members condition limits the children to one. */
  sex: Assumption | null;
  /** The child's marital status, where children qualify until they marry. */
  marriage: Assumption | null;
}

export interface CompiledCategory {
  index: number;
  /** Position in a priority order (Meishan 导盘顺序), −1 when the policy has none. */
  rank: number;
  doc: Category;
  /** The subsidy on the coverage year's individual fee, in fen. */
  subsidyFen: number;
  /** Null: no condition. */
  sets: CompiledConditionSet[] | null;
  /** Every set needs the date of birth (an age part in each): the category cannot be judged without it. */
  needsBirth: boolean;
  /** Some set reads the date of birth (an age part, or an age limit on children). */
  readsBirth: boolean;
  /** What a quote assumes when the category's certification date is not given (null: the notice sets no rule it could change). */
  certificationAssumption: Assumption | null;
  /** The category holding with that assumption alone: one answer, made once (a quote of it allocates nothing). */
  assumedCertified: { failure: null; assumptions: readonly Assumption[]; certification: null } | null;
}

export interface CompiledWindow {
  index: number;
  doc: Window;
  from: Day;
  to: Day;
  groups: ReadonlySet<string>;
  /** Open only to people who had no basic insurance earlier in the year: what a quote assumes when that is not given. */
  notInsuredEarlier: Assumption | null;
}

export interface CompiledGroup {
  index: number;
  doc: SpecialGroup;
  rules: CompiledGroupRule[];
}

export interface CompiledGroupRule {
  doc: SpecialGroup['rules'][number];
  paidFrom: Day | null;
  paidBy: Day | null;
  startDate: Day | null;
  end: Day | null;
}

export interface CompiledCertificationRule {
  doc: PolicyDocument['certification']['newlyCertified'][number];
  from: Day | null;
  to: Day | null;
}

export interface CompiledPolicy {
  doc: PolicyDocument;
  year: number;
  /** 待遇享受期 (coveragePeriod). */
  coverageStart: Day;
  coverageEnd: Day;
  feeFen: number;
  governmentFen: number;
  ageReference: Day;
  ageReferenceIso: string;
  categories: CompiledCategory[];
  categoryByKey: ReadonlyMap<string, CompiledCategory>;
  groups: CompiledGroup[];
  groupByCode: ReadonlyMap<string, CompiledGroup>;
  windows: CompiledWindow[];
  firstPaymentDay: Day;
  /** The late surcharge: from when, how much on top of the fee, who is exempt. */
  surcharge: { from: Day; amountFen: number; exemptGroups: ReadonlySet<string>; exemptNeedy: boolean; clause: string } | null;
  /** N months after a day, as the document's month-end reading says (readings.monthEnd). */
  addMonths: (day: Day, months: number) => Day;
  /** Where a waiting-exempt group's benefits start when no rule of its own does (readings.waitingExemptStart): days after the payment day. */
  waitingExemptOffset: 0 | 1;
  /** A cohort's empty payment date (readings.emptyPaymentDate): this window's first day, or the day of birth if later. */
  emptyPaymentWindow: CompiledWindow;
  /** 认定时间截至: certification on or before it is ordinary (null: the notice sets none). */
  certificationCutoff: Day | null;
  certificationRules: CompiledCertificationRule[];
}

export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  const year = doc.coverageYear;
  const feeFen = doc.fees.individual.amountFen;
  const byCode = new Map(doc.categories.map((c) => [c.code, c]));
  const order = new Map(doc.stacking.order.map((code, i) => [code, i]));
  const cert = doc.certification;
  const cutoff = cert.cutoff ? toDay(cert.cutoff) : null;
  const certificationRules = cert.newlyCertified.map((r) => ({ doc: r, from: r.certifiedFrom ? toDay(r.certifiedFrom) : null, to: r.certifiedTo ? toDay(r.certifiedTo) : null }));
  const categories = doc.categories.map((c, index): CompiledCategory => {
    const sets = c.conditions.length ? c.conditions.map((s) => compileSet(c, s)) : null;
    const certificationAssumption: Assumption | null =
      certificationRules.length === 0 && cutoff === null
        ? null
        : assumption('certified-on', c.code, cert.newlyCertified[0]?.clause ?? cert.clause, (t) =>
            cert.cutoff ? t.certifiedByCutoff(c.name, cert.cutoff) : t.certifiedBeforeRules(c.name),
          );
    return {
      index,
      rank: order.get(c.code) ?? -1,
      doc: c,
      subsidyFen: subsidyFenOf(c.benefit, feeFen, byCode) ?? 0,
      sets,
      needsBirth: sets !== null && sets.every((s) => s.age !== null),
      readsBirth: sets !== null && sets.some((s) => s.age !== null || s.doc.members?.children?.belowAge !== undefined),
      certificationAssumption,
      assumedCertified: certificationAssumption ? Object.freeze({ failure: null, assumptions: Object.freeze([certificationAssumption]), certification: null }) : null,
    };
  });
  const categoryByKey = new Map<string, CompiledCategory>();
  for (const c of categories) {
    categoryByKey.set(c.doc.code, c);
    for (const oc of c.doc.officialCodes) if (!categoryByKey.has(oc)) categoryByKey.set(oc, c);
  }
  const groups = doc.specialGroups.map(
    (g, index): CompiledGroup => ({
      index,
      doc: g,
      rules: g.rules.map((r) => ({
        doc: r,
        paidFrom: r.when.paidFrom ? toDay(r.when.paidFrom) : null,
        paidBy: r.when.paidBy ? toDay(r.when.paidBy) : null,
        startDate: r.benefitStartDate ? toDay(r.benefitStartDate) : null,
        end: r.benefitEnd ? toDay(r.benefitEnd) : null,
      })),
    }),
  );
  const windows = doc.windows.map(
    (w, index): CompiledWindow => ({
      index,
      doc: w,
      from: toDay(w.from),
      to: toDay(w.to),
      groups: new Set(w.groups),
      notInsuredEarlier: w.condition?.notInsuredEarlierInYear
        ? assumption('insured-earlier-in-year', null, w.clause, (t) => t.notInsuredEarlier(w.name, year, w.condition!.text))
        : null,
    }),
  );
  const paying = windows.filter((w) => w.doc.acceptsPayment);
  const ageReferenceIso = doc.ageRule.referenceDate.kind === 'date' ? doc.ageRule.referenceDate.date : `${year - 1}-12-31`;
  const s = doc.fees.lateSurcharge;
  const r = doc.readings;
  return {
    doc,
    year,
    coverageStart: toDay(doc.coveragePeriod.from),
    coverageEnd: toDay(doc.coveragePeriod.to),
    feeFen,
    governmentFen: doc.fees.government.amountFen,
    ageReference: toDay(ageReferenceIso),
    ageReferenceIso,
    categories,
    categoryByKey,
    groups,
    groupByCode: new Map(groups.map((g) => [g.doc.code, g])),
    windows,
    firstPaymentDay: paying.length ? Math.min(...paying.map((w) => w.from)) : dayOf(year, 1, 1),
    surcharge: s
      ? { from: toDay(s.from), amountFen: surchargeFen(s.amount, doc.fees.government.amountFen), exemptGroups: new Set(s.exemptGroups), exemptNeedy: s.exemptNeedy, clause: s.clause }
      : null,
    addMonths: monthsRule(r.monthEnd.rule),
    waitingExemptOffset: r.waitingExemptStart.benefitStart === 'payment-day' ? 0 : 1,
    emptyPaymentWindow: emptyPaymentWindow(r.emptyPaymentDate, windows),
    certificationCutoff: cutoff,
    certificationRules,
  };
}

/** What the late surcharge adds to the fee: the government subsidy, where a late payer pays individual + government. */
function surchargeFen(amount: NonNullable<PolicyDocument['fees']['lateSurcharge']>['amount'], governmentFen: number): number {
  switch (amount) {
    case 'individual-plus-government':
      return governmentFen;
  }
}

/** The window a cohort's empty payment date means, on its first day (or the day of birth if later). */
function emptyPaymentWindow(reading: PolicyDocument['readings']['emptyPaymentDate'], windows: CompiledWindow[]): CompiledWindow {
  switch (reading.day) {
    case 'first-day-or-birth-date':
      // validation makes it a window that takes payments
      return windows.find((w) => w.doc.code === reading.window && w.doc.acceptsPayment)!;
  }
}

function monthsRule(rule: PolicyDocument['readings']['monthEnd']['rule']): (day: Day, months: number) => Day {
  switch (rule) {
    case 'last-day-of-month':
      return addMonthsClamped;
  }
}

function compileSet(c: Category, s: ConditionSet): CompiledConditionSet {
  const a = (fact: Assumption['fact'], say: Parameters<typeof assumption>[3]): Assumption => assumption(fact, c.code, c.clause, say);
  const children = s.members?.children ?? null;
  return {
    doc: s,
    age: s.age ? { ...s.age } : null,
    disability: s.disability ? a('disability', (t) => t.disability(c.name, c.agency, s.disability!.text)) : null,
    residence: s.residence ? a('residence', (t) => t.residence(c.name, c.agency, s.residence!)) : null,
    role: s.members ? a('household-role', (t) => t.household(c.name, c.agency, s.members!.text)) : null,
    sex: children?.sex ? a('sex', (t) => t.childSex(c.name, c.agency, children.sex!)) : null,
    marriage: children?.untilMarried ? a('marital-status', (t) => t.unmarried(c.name, c.agency)) : null,
  };
}
