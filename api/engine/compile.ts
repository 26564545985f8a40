import {
  subsidyFenOf,
  type Category,
  type PolicyDocument,
  type SpecialGroup,
  type Window,
} from '../../policy-schemas/index.js';
import { dayOf, toDay, type Day } from './dates.js';

/*
 * A policy document compiled once for fast, repeated quoting: dates as day numbers, categories
 * indexed by code and identity code, subsidies precomputed on the individual fee. Holds no number
 * of its own: everything comes from the document.
 */

export interface CompiledCategory {
  index: number;
  /** Position in a priority order (Meishan 导盘顺序), −1 when the policy has none. */
  rank: number;
  doc: Category;
  /** The subsidy on the coverage year's individual fee, in fen. */
  subsidyFen: number;
  /** Age condition sets: null when some set has no age part (then the certifying agency vouches). */
  ageSets: { min?: number; below?: number }[] | null;
}

export interface CompiledWindow {
  index: number;
  doc: Window;
  from: Day;
  to: Day;
  groups: ReadonlySet<string>;
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

export interface CompiledPolicy {
  doc: PolicyDocument;
  year: number;
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
  surcharge: { from: Day; exemptGroups: ReadonlySet<string>; exemptNeedy: boolean; clause: string } | null;
}

export function compilePolicy(doc: PolicyDocument): CompiledPolicy {
  const year = doc.coverageYear;
  const feeFen = doc.fees.individual.amountFen;
  const byCode = new Map(doc.categories.map((c) => [c.code, c]));
  const order = new Map(doc.stacking.order.map((code, i) => [code, i]));
  const categories = doc.categories.map((c, index): CompiledCategory => {
    const sets = c.conditions;
    const ageSets = sets.length > 0 && sets.every((s) => s.age) ? sets.map((s) => ({ ...s.age! })) : null;
    return { index, rank: order.get(c.code) ?? -1, doc: c, subsidyFen: subsidyFenOf(c.benefit, feeFen, byCode) ?? 0, ageSets };
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
    (w, index): CompiledWindow => ({ index, doc: w, from: toDay(w.from), to: toDay(w.to), groups: new Set(w.groups) }),
  );
  const paying = windows.filter((w) => w.doc.acceptsPayment);
  const ageReferenceIso = doc.ageRule.referenceDate.kind === 'date' ? doc.ageRule.referenceDate.date : `${year - 1}-12-31`;
  const s = doc.fees.lateSurcharge;
  return {
    doc,
    year,
    coverageStart: dayOf(year, 1, 1),
    coverageEnd: dayOf(year, 12, 31),
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
    surcharge: s ? { from: toDay(s.from), exemptGroups: new Set(s.exemptGroups), exemptNeedy: s.exemptNeedy, clause: s.clause } : null,
  };
}
