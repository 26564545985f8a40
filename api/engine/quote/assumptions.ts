/*
 * What a quote assumed where a rule depends on a fact the request does not give (DOMAIN.md, "Facts the
 * input may not carry"): the person is taken as the certifying agency certified them, and the answer
 * says so instead of guessing silently. Each assumption is written once, when the policy is compiled
 * (compile.ts), so that a quote only collects the ones it makes.
 */

/** The facts a rule of a notice may depend on that a request may leave out. */
export const ASSUMED_FACTS = [
  'certified-on',
  'disability',
  'residence',
  'household-role',
  'sex',
  'marital-status',
  'insured-earlier-in-year',
] as const;
export type AssumedFact = (typeof ASSUMED_FACTS)[number];

export interface Assumption {
  fact: AssumedFact;
  /** The category whose rule needed the fact; null for a rule of a window. */
  category: string | null;
  text: string;
  clause: string | null;
}

/** The wording of the assumptions (English; localised later by key). */
export const assumptionText = {
  certifiedByCutoff: (category: string, cutoffIso: string) =>
    `${category}: certification date not given; taken as certified on or before the cutoff ${cutoffIso} (ordinary certification)`,
  certifiedBeforeRules: (category: string) =>
    `${category}: certification date not given; taken as certified before the payment, outside the notice's rules for newly certified people`,
  disability: (category: string, agency: string, condition: string) => `${category}: disability not given; taken as certified by ${agency} (${condition})`,
  residence: (category: string, agency: string, residence: string) =>
    `${category}: residence not given; taken as certified by ${agency} (${residence === 'rural' ? '农村居民' : '革命老区（基点）村'})`,
  household: (category: string, agency: string, members: string) => `${category}: household role not given; taken as certified by ${agency} (${members})`,
  childSex: (category: string, agency: string, sex: string) => `${category}: sex not given; the child taken as certified by ${agency} (${sex === 'female' ? '女儿' : '儿子'})`,
  unmarried: (category: string, agency: string) => `${category}: marital status not given; the child taken as unmarried, as certified by ${agency}`,
  notInsuredEarlier: (window: string, year: number, condition: string) =>
    `${window}: whether the person had basic insurance earlier in ${year} not given; taken as not (${condition})`,
};
