import * as format from '../../policy-schemas/format';
import { pathValueLabel } from '../../policy-schemas/registry';

/*
 * The console's formats: the functions of policy-schemas/format.ts (the one place money, dates,
 * percents, waiting rules, roles and statuses are written), bound to what the console receives (the
 * API's Money is a decimal string of yuan, "1340000.00") and to the reader's language. No React here
 * (the elements that show them are in ui.tsx), so the pure helpers of the pages can use them in tests.
 */

export type Lang = format.Lang;

/** The API's Money ("1010.00", "-20.00") or integer fen, as integer fen (exact, from the digits). */
export function fenOf(value: string | number): number {
  if (typeof value === 'number') return value;
  const fen = format.parseYuan(value);
  if (fen === null) throw new RangeError(`not an amount of money: ${value}`);
  return fen;
}

/** 400.00元, 1,340.00万元 from 100,000 元 up; `signed`: +80.00元. */
export function moneyText(value: string | number, signed = false): string {
  return format.money(fenOf(value), { sign: signed });
}

/** The exact amount, never in 万元: 13,400,000.00元 (tooltips, exports). */
export function exactMoney(value: string | number, signed = false): string {
  return format.money(fenOf(value), { sign: signed, wan: false });
}

/** A count of persons: 19,280; `signed`: +3. */
export function countText(n: number, signed = false): string {
  return `${signed && n > 0 ? '+' : ''}${format.count(n)}`;
}

/** A calendar date: 2025年1月1日 in Chinese, 2025-01-01 in English; — for none. */
export function dateText(iso: string | null | undefined, lang: Lang = 'zh'): string {
  if (!iso) return '—';
  return format.date(iso, lang === 'zh' ? 'zh' : 'iso');
}

/** Both ends of a period: 2024年9月1日至2024年12月31日. */
export function dateRangeText(from: string, to: string, lang: Lang = 'zh'): string {
  return format.dateRange(from, to, lang === 'zh' ? 'zh' : 'iso');
}

/** An instant in China time (whatever the browser's zone): 2025年1月1日 08:05. */
export function dateTimeText(at: string | number | Date | null | undefined, lang: Lang = 'zh'): string {
  if (at === null || at === undefined || at === '') return '—';
  return format.dateTime(at, lang === 'zh' ? 'zh' : 'iso');
}

/** A version's status, one word: DRAFT → 草案. */
export function statusText(status: string, lang: Lang = 'zh'): string {
  return format.status(status, lang);
}

/** A user's role: drafter → 起草人. */
export function roleText(role: string, lang: Lang = 'zh'): string {
  return format.userRole(role, lang);
}

/** The user roles in their order, for pickers. */
export const USER_ROLES = Object.keys(format.USER_ROLES);

/**
 * A waiting rule as the API's figures give it (`{ kind: DAYS, days: 60 }`) in words: 等待期60天.
 * The convention is not needed for the short styles.
 */
export function waitingText(
  w: { kind: string; days?: number | null; months?: number | null; nthMonth?: number | null },
  lang: Lang = 'zh',
  style: 'short' | 'phrase' = 'phrase',
): string {
  const kind = w.kind.toLowerCase().replace(/_/g, '-');
  const rule =
    kind === 'days'
      ? { kind, days: w.days ?? 0, convention: 'payment-day-is-day-1' }
      : kind === 'months'
        ? { kind, months: w.months ?? 0, convention: 'same-day-of-month-clamped' }
        : kind === 'nth-month'
          ? { kind, n: w.nthMonth ?? 0, convention: 'payment-month-is-first' }
          : { kind: 'none' };
  return format.waiting(rule as Parameters<typeof format.waiting>[0], lang, style);
}

/** An option value of the document by its schema path, from the registry: windows.benefitStart COVERAGE_START → 待遇年度1月1日起. */
export function optionText(path: string, value: string, lang: Lang = 'zh'): string {
  const stored = value.toLowerCase().replace(/_/g, '-');
  return pathValueLabel(path, stored, lang) ?? pathValueLabel(path, value, lang) ?? value;
}

/** A percentage, never "-0.0%": 29.34%. */
export function percentText(value: number, decimals = 1, signed = false): string {
  return format.percent(value, { decimals, sign: signed });
}

/** The change from `before` to `after` in percent: +5.0%; '' when `before` is 0. */
export function changeText(before: number, after: number, decimals = 1): string {
  return format.percentChange(before, after, decimals) ?? '';
}

/** `part` of `whole`: 12.5%; '' when `whole` is 0. */
export function shareText(part: number, whole: number, decimals = 1): string {
  return format.share(part, whole, decimals) ?? '';
}

export { format };
