/*
 * Money is integer fen in the document (1 yuan = 100 fen) and yuan on screen. The conversion works on
 * the digits, never by multiplying a float: 400.1 × 100 is 40010.000000000004 in floating point, and
 * 0.29 × 100 is 28.999999999999996.
 */

/** 40000 → "400", 39050 → "390.50", -500 → "-5". */
export function fenToYuan(fen: number): string {
  if (!Number.isFinite(fen)) return String(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = Math.round(abs - whole * 100);
  return cents === 0 && Number.isInteger(abs) ? `${sign}${whole}` : `${sign}${whole}.${String(cents).padStart(2, '0')}`;
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
  const m = /^([+-]?)(\d*)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const whole = m[2] === '' ? 0 : Number(m[2]);
  const cents = Number((m[3] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + cents;
  if (!Number.isSafeInteger(fen)) return undefined;
  return m[1] === '-' && fen !== 0 ? -fen : fen;
}

/** A plain number typed by a person ("12", "-3", "87.5"); null when empty, undefined when not a number. */
export function parseNumber(text: string): number | null | undefined {
  const s = normalise(text).replace(/%$/, '');
  if (s === '') return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
