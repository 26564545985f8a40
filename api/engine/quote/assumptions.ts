import { zhDate, type EngineLang } from './lang.js';

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

/** The wording of the assumptions (English; `assumptionTextZh` is the Chinese twin). */
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

/** The Chinese wording of the assumptions. */
export const assumptionTextZh: typeof assumptionText = {
  certifiedByCutoff: (category: string, cutoffIso: string) => `${category}：未提供认定日期；按于认定截止日${zhDate(cutoffIso)}前（含当日）认定处理（一般认定）`,
  certifiedBeforeRules: (category: string) => `${category}：未提供认定日期；按缴费前已认定处理，不适用通知对新认定人员的规定`,
  disability: (category: string, agency: string, condition: string) => `${category}：未提供残疾情况；按${agency}认定处理（${condition}）`,
  residence: (category: string, agency: string, residence: string) =>
    `${category}：未提供居住地；按${agency}认定处理（${residence === 'rural' ? '农村居民' : '革命老区（基点）村'}）`,
  household: (category: string, agency: string, members: string) => `${category}：未提供家庭成员身份；按${agency}认定处理（${members}）`,
  childSex: (category: string, agency: string, sex: string) => `${category}：未提供性别；子女按${agency}认定处理（${sex === 'female' ? '女儿' : '儿子'}）`,
  unmarried: (category: string, agency: string) => `${category}：未提供婚姻状况；子女按${agency}认定的未婚处理`,
  notInsuredEarlier: (window: string, year: number, condition: string) => `${window}：未提供此人${year}年内是否已参加基本医保；按未参加处理（${condition}）`,
};

/** The Chinese twin of each assumption made when a policy is compiled (compile.ts words both at once). */
const chinese = new WeakMap<Assumption, Assumption>();

/** An assumption in English, with its Chinese twin: `say` words it from either table. */
export function assumption(fact: AssumedFact, category: string | null, clause: string | null, say: (t: typeof assumptionText) => string): Assumption {
  const a: Assumption = { fact, category, text: say(assumptionText), clause };
  chinese.set(a, { fact, category, text: say(assumptionTextZh), clause });
  return a;
}

/** The assumptions of a quote in a language (the same list in English). */
export function assumptionsIn(list: readonly Assumption[], lang: EngineLang): readonly Assumption[] {
  return lang === 'en' || list.length === 0 ? list : list.map((a) => chinese.get(a) ?? a);
}
