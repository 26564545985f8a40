/*
 * Types and pure helpers of the preview page: the Impact the API returns (api/schema.graphql), the
 * rows the page shows (draft vs baseline vs difference) and its summary in words. Money is the API's
 * decimal yuan string ("1010.00"), read into integer fen from its digits (format.ts): sums and
 * differences shown are the API's own, never recomputed in floating point.
 */

import { changeText, countText, fenOf, moneyText, shareText, type Lang } from '../format';

export interface FundAmount {
  fundSource: string;
  amount: string;
}
export interface CategoryAmount {
  category: string;
  name: string | null;
  persons: number;
  amount: string;
}
export interface ImpactTotals {
  persons: number;
  covered: number;
  individualContributions: string;
  surchargeRevenue: string;
  subsidies: string;
  governmentSubsidy: string;
  byFundSource: FundAmount[];
  byCategory: CategoryAmount[];
}
export interface Count {
  key: string;
  persons: number;
}
export interface Refusal {
  reason: string;
  persons: number;
}
export interface ImpactSide {
  policyVersionId: string;
  year: number;
  status: string;
  totals: ImpactTotals;
  refusals: Refusal[];
  unknownCodes: Count[];
  distinctCases: number;
}
export interface UnitImpact {
  unit: string;
  persons: number;
  target: number | null;
  targetPercent: number | null;
  draft: ImpactTotals;
  baseline: ImpactTotals;
  difference: ImpactTotals;
}
export interface PersonChange {
  personId: string;
  unit: string;
  categories: string[];
  groups: string[];
  birthDate: string | null;
  paymentDate: string | null;
  baselinePaymentDate: string;
  draftPaymentDate: string;
  baselineDue: string;
  draftDue: string;
  change: string;
}
export type Cause = 'RULES' | 'POPULATION' | 'BOTH';
export interface ChangeGroup {
  baselineDue: string;
  draftDue: string;
  change: string;
  persons: number;
  total: string;
  cause: Cause;
  example: PersonChange;
}
export interface Impact {
  cohort: { id: string; name: string; persons: number; jurisdiction: { name: string } };
  persons: number;
  draft: ImpactSide;
  baseline: ImpactSide;
  difference: ImpactTotals;
  yearsMoved: number;
  populationEffect: ImpactTotals | null;
  rulesEffect: ImpactTotals;
  changeGroups: ChangeGroup[];
  byUnit: UnitImpact[];
  paysMore: number;
  paysLess: number;
  paysSame: number;
  notComparable: number;
  largestChanges: PersonChange[];
  examples: PersonChange[];
  durationMs: number;
}
export interface PreviewJob {
  id: string;
  status: string;
  progress: number;
  error: string | null;
  result: Impact | null;
}

const TOTALS = `persons covered individualContributions surchargeRevenue subsidies governmentSubsidy
  byFundSource { fundSource amount } byCategory { category name persons amount }`;
const SIDE = `policyVersionId year status totals { ${TOTALS} } refusals { reason persons } unknownCodes { key persons } distinctCases`;
const PERSON = `personId unit categories groups birthDate paymentDate baselinePaymentDate draftPaymentDate baselineDue draftDue change`;
export const IMPACT_FIELDS = `cohort { id name persons jurisdiction { name } } persons
  draft { ${SIDE} } baseline { ${SIDE} } difference { ${TOTALS} }
  yearsMoved populationEffect { ${TOTALS} } rulesEffect { ${TOTALS} }
  changeGroups { baselineDue draftDue change persons total cause example { ${PERSON} } }
  byUnit { unit persons target targetPercent draft { ${TOTALS} } baseline { ${TOTALS} } difference { ${TOTALS} } }
  paysMore paysLess paysSame notComparable largestChanges { ${PERSON} } examples { ${PERSON} } durationMs`;
export const JOB_FIELDS = `id status progress error result { ${IMPACT_FIELDS} }`;

export type Measure = 'persons' | 'covered' | 'individualContributions' | 'surchargeRevenue' | 'subsidies' | 'governmentSubsidy';

/** The rows of the totals table, in order, with their labels. */
export const MEASURES: { key: Measure; zh: string; en: string; money: boolean }[] = [
  { key: 'persons', zh: '计算人数', en: 'Persons answered', money: false },
  { key: 'covered', zh: '当年享受待遇人数', en: 'Covered in the year', money: false },
  { key: 'individualContributions', zh: '个人缴费合计', en: 'Individual contributions', money: true },
  { key: 'surchargeRevenue', zh: '补缴加收收入', en: 'Surcharge revenue', money: true },
  { key: 'subsidies', zh: '资助参保金额', en: 'Category subsidies', money: true },
  { key: 'governmentSubsidy', zh: '财政补助', en: 'Government subsidy', money: true },
];

/** A measure of totals as a number: persons as they are, money in fen. */
export function measureOf(t: ImpactTotals, key: Measure): number {
  const v = t[key];
  return typeof v === 'number' ? v : fenOf(v);
}

/** The causes of a change, for people. */
export const CAUSES: Record<Cause, [zh: string, en: string]> = {
  RULES: ['规则变化', 'Rules'],
  POPULATION: ['人群变化', 'Population'],
  BOTH: ['规则与人群', 'Both'],
};

export interface AmountRow {
  key: string;
  name: string | null;
  baseline: string;
  draft: string;
  difference: string;
  baselinePersons?: number;
  draftPersons?: number;
}

const bySize = (x: AmountRow, y: AmountRow) => Math.max(fenOf(y.draft), fenOf(y.baseline)) - Math.max(fenOf(x.draft), fenOf(x.baseline));

/** Fund sources of both sides (a source only one side has counts 0.00 on the other), largest first. */
export function fundRows(baseline: ImpactTotals, draft: ImpactTotals, difference: ImpactTotals): AmountRow[] {
  const keys: string[] = [];
  for (const t of [draft, baseline, difference]) for (const f of t.byFundSource) if (!keys.includes(f.fundSource)) keys.push(f.fundSource);
  const get = (t: ImpactTotals, k: string) => t.byFundSource.find((f) => f.fundSource === k)?.amount ?? '0.00';
  return keys.map((k) => ({ key: k, name: null, baseline: get(baseline, k), draft: get(draft, k), difference: get(difference, k) })).sort(bySize);
}

/** Categories of both sides with persons and amounts, largest first. */
export function categoryRows(baseline: ImpactTotals, draft: ImpactTotals, difference: ImpactTotals): AmountRow[] {
  const keys: string[] = [];
  for (const t of [draft, baseline, difference]) for (const c of t.byCategory) if (!keys.includes(c.category)) keys.push(c.category);
  const find = (t: ImpactTotals, k: string) => t.byCategory.find((c) => c.category === k);
  return keys
    .map((k) => ({
      key: k,
      name: find(draft, k)?.name ?? find(baseline, k)?.name ?? find(difference, k)?.name ?? null,
      baseline: find(baseline, k)?.amount ?? '0.00',
      draft: find(draft, k)?.amount ?? '0.00',
      difference: find(difference, k)?.amount ?? '0.00',
      baselinePersons: find(baseline, k)?.persons ?? 0,
      draftPersons: find(draft, k)?.persons ?? 0,
    }))
    .sort(bySize);
}

/** Whether a preview job is over (no more polling). */
export function isFinished(status: string): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}

/** "1234 ms" → "1.2 秒": milliseconds below a second, seconds with one decimal from there. */
export function durationText(ms: number, lang: Lang): string {
  if (ms < 1000) return lang === 'zh' ? `${ms}毫秒` : `${ms} ms`;
  const s = `${Math.floor(ms / 1000)}.${Math.floor((ms % 1000) / 100)}`;
  return lang === 'zh' ? `${s}秒` : `${s} s`;
}

/** "增加39.17万元（+5.0%）", "减少20.00元", "不变": a signed amount in words. */
function moved(fen: number, base: number | null, lang: Lang): string {
  const pct = base === null ? '' : changeText(base, base + fen);
  const amount = moneyText(Math.abs(fen));
  if (lang === 'en') return fen === 0 ? 'unchanged' : `${fen > 0 ? 'up' : 'down'} ${amount}${pct ? ` (${pct})` : ''}`;
  return fen === 0 ? '不变' : `${fen > 0 ? '增加' : '减少'}${amount}${pct ? `（${pct}）` : ''}`;
}

/**
 * The preview in a few words, what an officer would write at the top of a memo: 个人缴费增加39.17万元
 * （+5.0%），其中规则变化增加…，人群变化增加…；多缴19,280人，少缴…人，不变…人；…
 */
export function summaryText(impact: Impact, lang: Lang): string {
  const zh = lang === 'zh';
  const b = fenOf(impact.baseline.totals.individualContributions);
  const diff = fenOf(impact.difference.individualContributions);
  const parts: string[] = [];
  let first = `${zh ? '个人缴费' : 'Individual contributions '}${moved(diff, b, lang)}`;
  if (impact.populationEffect) {
    const rules = fenOf(impact.rulesEffect.individualContributions);
    const pop = fenOf(impact.populationEffect.individualContributions);
    const part = (fen: number) => (fen === 0 ? (zh ? '无影响' : 'no effect') : moved(fen, null, lang));
    first += zh ? `，其中规则变化${part(rules)}，人群变化${part(pop)}` : `: rules ${part(rules)}, population ${part(pop)}`;
  }
  parts.push(first);
  const counts = [
    [zh ? '多缴' : 'pay more', impact.paysMore],
    [zh ? '少缴' : 'pay less', impact.paysLess],
    [zh ? '不变' : 'pay the same', impact.paysSame],
    ...(impact.notComparable ? [[zh ? '无法比较' : 'not comparable', impact.notComparable] as const] : []),
  ] as const;
  parts.push(counts.map(([what, n]) => (zh ? `${what}${countText(n)}人` : `${countText(n)} ${what}`)).join(zh ? '，' : ', '));
  const s = fenOf(impact.difference.subsidies);
  if (s !== 0) parts.push(`${zh ? '资助参保金额' : 'subsidies '}${moved(s, fenOf(impact.baseline.totals.subsidies), lang)}`);
  const top = impact.changeGroups[0];
  if (top) {
    const changing = impact.paysMore + impact.paysLess;
    const share = shareText(top.persons, changing);
    parts.push(
      zh
        ? `最常见的变化是${moneyText(top.baselineDue)}→${moneyText(top.draftDue)}（${countText(top.persons)}人${share && changing !== top.persons ? `，占应缴变化者的${share}` : ''}）`
        : `the most common change is ${moneyText(top.baselineDue)} → ${moneyText(top.draftDue)} (${countText(top.persons)} persons)`,
    );
  }
  return zh ? `${parts.join('；')}。` : `${parts.join('; ')}.`;
}
