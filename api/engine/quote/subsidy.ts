import { yuan } from '../../../policy-schemas/index.js';
import type { CompiledCategory, CompiledPolicy } from '../compile.js';
import { ageOn, type Day } from '../dates.js';
import { QuoteError } from './error.js';
import type { Person } from './person.js';
import type { Trace } from './trace.js';

/*
 * Subsidies (减免对象 / 资助参保): which of the person's categories hold (their conditions), and, when
 * several do, which one subsidy applies (stacking): the most favourable, the highest (就高), or the
 * last in the priority order (Meishan 导盘顺序). Amounts are precomputed on the fee by compile.ts.
 */

export interface QuoteSubsidy {
  categoryCode: string;
  categoryName: string;
  officialCodes: string[];
  amountFen: number;
  agency: string;
  fundSource: string;
  fundSourceKind: string;
  benefitKind: string;
  clause: string;
}

export interface SubsidyOutcome {
  /** The categories whose conditions hold, in the policy's order. */
  eligible: CompiledCategory[];
  /** Categories given whose conditions fail, with the reason. */
  ignored: { code: string; reason: string }[];
  /** The one category that subsidises the person, or null. */
  chosen: CompiledCategory | null;
}

/** The wording of this step's lines and refusals (English; localised later by key). */
export const subsidyText = {
  ageRequired: (category: string, code: string, referenceIso: string) => `is required: ${category} (${code}) applies by age, judged on ${referenceIso}`,
  ageFails: (age: number, referenceIso: string, wanted: string) => `age ${age} on ${referenceIso} is not ${wanted}`,
  ageSet: (s: { min?: number; below?: number }) => [s.min !== undefined ? `≥ ${s.min}` : '', s.below !== undefined ? `< ${s.below}` : ''].filter(Boolean).join(' and '),
  ageSets: (sets: string[]) => sets.join(' or '),
  notApplied: (category: string, reason: string) => `${category}: not applied, ${reason}`,
  applied: (c: CompiledCategory) => `${c.doc.name}: subsidy ${yuan(c.subsidyFen)} (${subsidyText.benefit(c)}), ${c.doc.fundSource.label}, certified by ${c.doc.agency}`,
  benefit: (c: CompiledCategory): string => {
    const b = c.doc.benefit;
    switch (b.kind) {
      case 'full':
        return 'full';
      case 'percent':
        return `${b.percent}% of the fee`;
      case 'fixed-subsidy':
        return `fixed ${yuan(b.amountFen)}`;
      case 'fixed-payment':
        return `person pays ${yuan(b.amountFen)}`;
      case 'person-pays-percent':
        return `person pays ${b.percent}%`;
      case 'reduction':
        return `${yuan(b.amountFen)} off`;
      case 'same-as':
        return `as ${b.category}`;
    }
  },
  stackingRule: {
    'priority-order': 'the last matching category in the priority order applies',
    highest: 'the highest subsidy applies (就高)',
    'single-most-favourable': 'only one subsidy applies, the most favourable to the person',
  } as const,
  stacked: (rule: string, convention: boolean, chosen: string) => `${rule}${convention ? ' (convention: the notice states no rule)' : ''}: ${chosen}`,
};

/**
 * Why a category's conditions are not met, or null: only age can be judged (on the policy's age
 * reference date); the certifying agency vouches for the rest. Refuses when age decides and no birth
 * date is given.
 */
export function conditionFailure(p: CompiledPolicy, c: CompiledCategory, birth: Day | null): string | null {
  if (!c.ageSets) return null;
  if (birth === null) throw new QuoteError('birthDate', subsidyText.ageRequired(c.doc.name, c.doc.code, p.ageReferenceIso));
  const age = ageOn(birth, p.ageReference);
  const ok = c.ageSets.some((s) => (s.min === undefined || age >= s.min) && (s.below === undefined || age < s.below));
  if (ok) return null;
  return subsidyText.ageFails(age, p.ageReferenceIso, subsidyText.ageSets(c.ageSets.map(subsidyText.ageSet)));
}

/** The person's categories judged one by one (each in the trace), then stacked into at most one subsidy. */
export function subsidies(p: CompiledPolicy, person: Person, trace: Trace): SubsidyOutcome {
  const ignored: { code: string; reason: string }[] = [];
  const eligible: CompiledCategory[] = [];
  for (const c of person.categories) {
    const reason = conditionFailure(p, c, person.birth);
    if (reason) {
      ignored.push({ code: c.doc.code, reason });
      trace.push({ rule: 'category', clause: c.doc.clause, detail: subsidyText.notApplied(c.doc.name, reason) });
    } else {
      eligible.push(c);
      trace.push({ rule: 'category', clause: c.doc.clause, detail: subsidyText.applied(c) });
    }
  }
  return { eligible, ignored, chosen: stack(p, eligible, trace) };
}

/** One subsidy per person: the most favourable, the highest, or the last in the priority order. */
function stack(p: CompiledPolicy, eligible: readonly CompiledCategory[], trace: Trace): CompiledCategory | null {
  if (eligible.length === 0) return null;
  const st = p.doc.stacking;
  let chosen = eligible[0]!;
  if (st.rule === 'priority-order') {
    for (const c of eligible) if (c.rank > chosen.rank) chosen = c;
  } else {
    for (const c of eligible) if (c.subsidyFen > chosen.subsidyFen) chosen = c;
  }
  if (eligible.length > 1) trace.push({ rule: 'stacking', clause: st.clause, detail: subsidyText.stacked(subsidyText.stackingRule[st.rule], st.convention, chosen.doc.name) });
  return chosen;
}

/** The subsidy of the chosen category, as the quote lists it. */
export function subsidyLines(chosen: CompiledCategory | null): QuoteSubsidy[] {
  if (!chosen) return [];
  return [
    {
      categoryCode: chosen.doc.code,
      categoryName: chosen.doc.name,
      officialCodes: chosen.doc.officialCodes,
      amountFen: chosen.subsidyFen,
      agency: chosen.doc.agency,
      fundSource: chosen.doc.fundSource.label,
      fundSourceKind: chosen.doc.fundSource.kind,
      benefitKind: chosen.doc.benefit.kind,
      clause: chosen.doc.clause,
    },
  ];
}
