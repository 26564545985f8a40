import type { Benefit, PolicyDocument, WaitingRule } from '../document.js';
import { MONEY, date, dateRange, money, percent, waiting } from '../format.js';
import { pathValueLabel } from '../registry.js';
import { percentOf, subsidyFenOf } from '../validate.js';

/*
 * The wording of rules, shared by the section builders. Every amount, date, percent and waiting rule
 * goes through policy-schemas/format.ts; option values read their labels from the registry where the
 * notice's wording is the label itself.
 */

/** Money as the notice prints it: 400元, 390.5元. */
export const yuan = (fen: number): string => money(fen, MONEY.notice);
/** 2025年1月1日 */
export const day = (iso: string): string => date(iso);
/** 2024年9月1日至2024年12月31日 */
export const span = (from: string, to: string): string => dateRange(from, to);
/** 90% */
export const pct = (n: number): string => percent(n);

/** Join list items the way the notices do: 甲、乙、丙. */
export function listJoin(items: readonly string[]): string {
  return items.join('、');
}

/** Ends a sentence with 。 unless it already ends with punctuation. */
export function sentence(s: string): string {
  return /[。；！？：]$/.test(s) ? s : s + '。';
}

/** 《title》 for document titles; plain words for a description such as "国、省有关部门…要求". */
export function cite(title: string, number?: string): string {
  const quoted = /(通知|规定|办法|意见|方案|决定|细则|条例)$/.test(title) ? `《${title}》` : title;
  return number ? `${quoted}（${number}）` : quoted;
}

export function coverageText(doc: PolicyDocument): string {
  return span(doc.coveragePeriod.from, doc.coveragePeriod.to);
}

/** How a waiting period reads in the notice (format.waiting, the notice's sentence). */
export const waitingWords = (w: WaitingRule): string => waiting(w, 'zh', 'sentence');

/** When benefits start, in words. */
export function startWords(
  start: PolicyDocument['windows'][number]['benefitStart'],
  doc: PolicyDocument,
  opts: { waiting?: WaitingRule | undefined; date?: string | undefined; end?: string | undefined } = {},
): string {
  const end = opts.end ? `至${day(opts.end)}` : '';
  switch (start) {
    case 'coverage-start':
      return opts.end ? `自${day(doc.coveragePeriod.from)}起享受待遇${end}` : `待遇享受期为${coverageText(doc)}`;
    case 'payment-day':
      return `自缴费之日起享受待遇${end}`;
    case 'day-after-payment':
      return `自缴费次日起享受待遇${end}`;
    case 'birth-date':
      return `自出生之日起享受待遇${end}`;
    case 'fixed-date':
      return opts.date ? `待遇享受期为${day(opts.date)}${end || `至${day(doc.coveragePeriod.to)}`}` : `按规定日期享受待遇${end}`;
    case 'after-waiting':
      return opts.waiting ? waitingWords(opts.waiting) + (end ? `，待遇享受${end}` : '') : `等待期满后享受待遇${end}`;
  }
}

type Category = PolicyDocument['categories'][number];

/** A category's benefit: 全额资助 / 按个人缴费标准的90%给予定额资助（每人资助360元，个人缴纳40元）/ 定额资助320元 … */
export function benefitWords(c: Category, doc: PolicyDocument, byCode: ReadonlyMap<string, Category>): string {
  const fee = doc.fees.individual.amountFen;
  const b: Benefit = c.benefit;
  const computed = subsidyFenOf(b, fee, byCode);
  const subsidy = c.printed?.subsidyFen ?? computed;
  const payment = c.printed?.paymentFen ?? (computed === null ? null : fee - computed);
  const amounts = subsidy !== null && payment !== null ? `（每人资助${yuan(subsidy)}，个人缴纳${yuan(payment)}）` : '';
  switch (b.kind) {
    case 'full':
      return `个人缴费部分给予全额资助${c.printed ? amounts : ''}`;
    case 'percent':
      return `按个人缴费标准的${pct(b.percent)}给予定额资助${amounts}`;
    case 'fixed-subsidy':
      return `给予定额资助${yuan(b.amountFen)}${payment !== null ? `（个人缴纳${yuan(payment)}）` : ''}`;
    case 'person-pays-percent': {
      const pays = percentOf(fee, b.percent);
      return `个人按个人缴费标准的${pct(b.percent)}缴纳（每人缴纳${yuan(c.printed?.paymentFen ?? pays)}），其余${yuan(c.printed?.subsidyFen ?? fee - pays)}给予资助`;
    }
    case 'reduction':
      return `个人缴费减免${yuan(b.amountFen)}${payment !== null ? `（个人缴纳${yuan(payment)}）` : ''}`;
    case 'same-as': {
      const other = byCode.get(b.category);
      return `参照${other?.name ?? b.category}的标准给予资助${amounts}`;
    }
  }
}

/** How the notice names a condition value, where the registry's label is not the notice's word. */
const NOTICE_WORDS: Record<string, string> = {
  rural: '农村居民',
  'revolutionary-base-village': '革命老区（基点）村居民',
};
const conditionValue = (path: string, v: string) => NOTICE_WORDS[v] ?? pathValueLabel(path, v) ?? v;

/** One set of conditions (all must hold); the stored wording replaces the parts it already states. */
export function conditionWords(set: Category['conditions'][number]): string {
  const parts: string[] = [];
  if (set.age?.min !== undefined) parts.push(`年满${set.age.min}周岁`);
  if (set.age?.below !== undefined) parts.push(`未满${set.age.below}周岁`);
  // disability and household members are worded as the notice words them
  if (set.disability) parts.push(set.disability.text);
  if (set.residence) parts.push(conditionValue('categories.conditions.residence', set.residence));
  if (set.members) parts.push(set.members.text);
  if (!set.note) return listJoin(parts);
  const key = (p: string) => /\d+/.exec(p)?.[0] ?? p;
  if (parts.every((p) => set.note!.includes(key(p)))) return set.note;
  return parts.length ? `${listJoin(parts)}（${set.note}）` : set.note;
}

export function rateWords(r: { min?: number | undefined; below?: number | undefined } | undefined, what: string): string {
  if (!r) return '';
  if (r.min !== undefined && r.below !== undefined) return `${what}达到${pct(r.min)}（含）但低于${pct(r.below)}`;
  if (r.min !== undefined) return `${what}达到${pct(r.min)}（含）以上`;
  if (r.below !== undefined) return `${what}低于${pct(r.below)}`;
  return '';
}

/** Refund reasons, disclosure: the registry's labels. */
export const refundReason = (r: string): string => pathValueLabel('refund.rules.reasons', r) ?? r;
export const disclosureLine = (d: string): string => `（此件${pathValueLabel('metadata.disclosure', d) ?? d}）`;

export function definitionText(d: PolicyDocument['definitions'][number]): string {
  return `${d.term}：指${d.includes.join('、')}${d.declaredCount !== null ? `，共${d.declaredCount}类` : ''}。`;
}
