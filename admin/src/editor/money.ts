import { money, MONEY, parseYuan } from '../../../policy-schemas/format';

/*
 * Money is integer fen in the document (1 yuan = 100 fen) and yuan on screen, through the formats of
 * policy-schemas (format.ts): the conversion works on the digits, never by multiplying a float (400.1 ×
 * 100 is 40010.000000000004 in floating point, and 0.29 × 100 is 28.999999999999996). Here only what
 * typing adds: full-width digits, a trailing point while the decimals are still to come.
 */

/** 40000 → "400", 39050 → "390.50", -500 → "-5": the figure an input shows. */
export function fenToYuan(fen: number): string {
  return Number.isSafeInteger(fen) ? money(fen, MONEY.figure) : String(fen);
}

/** Full-width digits and separators (typed with a Chinese input method) as ASCII. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/[＋]/g, '+')
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
}

/**
 * Yuan typed by a person → fen, exactly: "400.1" → 40010, "0.29" → 29, "-5" → -500 (the schema then
 * says it must not be negative). `null` for an empty text; `undefined` for text that is not an amount
 * with at most two decimals ("1.234", "abc").
 */
export function yuanToFen(text: string): number | null | undefined {
  const s = normalise(text);
  if (s === '') return null;
  // "400." while the decimals are being typed, ".5" for 0.5
  const whole = s.replace(/\.$/, '').replace(/^([+-]?)\./, '$10.');
  if (!/\d/.test(whole)) return undefined;
  return parseYuan(whole) ?? undefined;
}

/** A plain number typed by a person ("12", "-3", "87.5"); null when empty, undefined when not a number. */
export function parseNumber(text: string): number | null | undefined {
  const s = normalise(text).replace(/%$/, '');
  if (s === '') return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
