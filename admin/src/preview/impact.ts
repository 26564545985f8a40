/*
 * Types and pure helpers of the preview page: the Impact the API returns (api/schema.graphql) and the
 * rows the page shows (draft vs baseline vs difference). Money is the API's decimal yuan string
 * ("1010.00"); sums and differences shown are the API's own, never recomputed in floating point.
 */

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
  baselineDue: string;
  draftDue: string;
  change: string;
}
export interface Impact {
  cohort: { id: string; name: string; persons: number; jurisdiction: { name: string } };
  persons: number;
  draft: ImpactSide;
  baseline: ImpactSide;
  difference: ImpactTotals;
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
const PERSON = `personId unit categories groups birthDate paymentDate baselineDue draftDue change`;
export const IMPACT_FIELDS = `cohort { id name persons jurisdiction { name } } persons
  draft { ${SIDE} } baseline { ${SIDE} } difference { ${TOTALS} }
  byUnit { unit persons target targetPercent draft { ${TOTALS} } baseline { ${TOTALS} } difference { ${TOTALS} } }
  paysMore paysLess paysSame notComparable largestChanges { ${PERSON} } examples { ${PERSON} } durationMs`;
export const JOB_FIELDS = `id status progress error result { ${IMPACT_FIELDS} }`;

/** "1010.00" → 101000 (exact: from the digits, not through a float). */
export function moneyFen(m: string): number {
  const s = m.trim();
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = s.replace(/^[-+]/, '').split('.');
  const fen = Number(int) * 100 + Number((frac + '00').slice(0, 2));
  return neg ? -fen : fen;
}

/** Money for the charts: yuan as a number. */
export function moneyYuan(m: string): number {
  return moneyFen(m) / 100;
}

/** "1234567.50" → "1,234,567.50": the API's digits, grouped by thousands. */
export function moneyText(m: string): string {
  const neg = m.startsWith('-');
  const [int = '0', frac] = m.replace(/^[-+]/, '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A difference: "+80.00", "-20.00", "0.00" (grouped). */
export function signedMoney(m: string): string {
  const fen = moneyFen(m);
  return fen > 0 ? `+${moneyText(m.replace(/^\+/, ''))}` : moneyText(m);
}

/** A count difference: +3, -2, 0. */
export function signedInt(n: number): string {
  return n > 0 ? `+${n.toLocaleString('en-US')}` : n.toLocaleString('en-US');
}

/** The change relative to the baseline: "+7.9%", or "" when the baseline is 0. */
export function percentChange(baselineFen: number, differenceFen: number): string {
  if (baselineFen === 0) return '';
  const p = (differenceFen / Math.abs(baselineFen)) * 100;
  return `${p > 0 ? '+' : ''}${p.toFixed(1)}%`;
}

export type Measure = 'persons' | 'covered' | 'individualContributions' | 'surchargeRevenue' | 'subsidies' | 'governmentSubsidy';

/** The rows of the totals table, in order, with their labels. */
export const MEASURES: { key: Measure; zh: string; en: string; money: boolean }[] = [
  { key: 'persons', zh: '计算人数', en: 'Persons answered', money: false },
  { key: 'covered', zh: '当年享受待遇人数', en: 'Covered in the year', money: false },
  { key: 'individualContributions', zh: '个人缴费合计（元）', en: 'Individual contributions (CNY)', money: true },
  { key: 'surchargeRevenue', zh: '补缴加收收入（元）', en: 'Surcharge revenue (CNY)', money: true },
  { key: 'subsidies', zh: '资助参保金额（元）', en: 'Category subsidies (CNY)', money: true },
  { key: 'governmentSubsidy', zh: '财政补助（元）', en: 'Government subsidy (CNY)', money: true },
];

export interface AmountRow {
  key: string;
  name: string | null;
  baseline: string;
  draft: string;
  difference: string;
  baselinePersons?: number;
  draftPersons?: number;
}

/** Fund sources of both sides (a source only one side has counts 0.00 on the other), largest first. */
export function fundRows(baseline: ImpactTotals, draft: ImpactTotals, difference: ImpactTotals): AmountRow[] {
  const keys: string[] = [];
  for (const t of [draft, baseline, difference]) for (const f of t.byFundSource) if (!keys.includes(f.fundSource)) keys.push(f.fundSource);
  const get = (t: ImpactTotals, k: string) => t.byFundSource.find((f) => f.fundSource === k)?.amount ?? '0.00';
  return keys
    .map((k) => ({ key: k, name: null, baseline: get(baseline, k), draft: get(draft, k), difference: get(difference, k) }))
    .sort((x, y) => Math.max(moneyFen(y.draft), moneyFen(y.baseline)) - Math.max(moneyFen(x.draft), moneyFen(x.baseline)));
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
    .sort((x, y) => Math.max(moneyFen(y.draft), moneyFen(y.baseline)) - Math.max(moneyFen(x.draft), moneyFen(x.baseline)));
}

/** Whether a preview job is over (no more polling). */
export function isFinished(status: string): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}

/** "1234 ms" → "1.2 秒" style text, in seconds with one decimal from 1 s. */
export function durationText(ms: number, tr: (zh: string, en: string) => string): string {
  if (ms < 1000) return tr(`${ms} 毫秒`, `${ms} ms`);
  const s = (ms / 1000).toFixed(1);
  return tr(`${s} 秒`, `${s} s`);
}
