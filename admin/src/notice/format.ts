/*
 * How the notice prints values. One format per kind of value, used everywhere (screen, print, DOCX)
 * and by the tests, so that "every number of the document appears in the notice" can be checked.
 */

/** Money as notices print it: 40000 fen → "400元", 39050 → "390.5元", 39005 → "390.05元". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  const decimals = cents ? '.' + String(cents).padStart(2, '0').replace(/0$/, '') : '';
  return `${sign}${whole}${decimals}元`;
}

/** A `YYYY-MM-DD` date as the notice writes it: 2025-09-01 → "2025年9月1日" (no zero padding). */
export function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** "2024年9月1日至2024年12月31日": both ends always written in full. */
export function cnRange(from: string, to: string): string {
  return `${cnDate(from)}至${cnDate(to)}`;
}

/** 90 → "90%", 29.34 → "29.34%". */
export function pct(n: number): string {
  return `${n}%`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一 (enough for any section or clause count). */
export function cnNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10]! : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)]! + '十' + (n % 10 ? DIGITS[n % 10]! : '');
  return String(n);
}

/** Join list items the way the notices do: 甲、乙、丙. */
export function listJoin(items: readonly string[]): string {
  return items.join('、');
}

/** Ends a sentence with 。 unless it already ends with punctuation. */
export function sentence(s: string): string {
  return /[。；！？：]$/.test(s) ? s : s + '。';
}
