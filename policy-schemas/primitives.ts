import { z } from 'zod';

/**
 * A calendar date written `YYYY-MM-DD`. Kept as a string everywhere (document, database, GraphQL)
 * so that no timezone can shift it; the check below rejects dates that do not exist (2023-02-29).
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  .refine(isRealDate, { message: 'is not a real calendar date' });

export function isRealDate(s: string): boolean {
  // `YYYY-MM-DD` read by character codes, without allocating (every date of every quote comes here)
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
  }
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** The number written by `length` ASCII digits from `at`, or -1 where one is not a digit. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function daysInMonth(year: number, month: number): number {
  // by arithmetic: Date.UTC reads the years 0–99 as 1900–1999 (0000-02-29 exists, 1900-02-29 does not)
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Money in fen (1 yuan = 100 fen): an exact, non-negative integer. */
export const fen = z
  .number({ message: 'must be an amount in fen (an integer)' })
  .int({ message: 'must be a whole number of fen' })
  .nonnegative({ message: 'must not be negative' })
  .max(100_000_000, { message: 'is implausibly large (over 1,000,000 yuan)' });

/** A percentage from 0 to 100 (at most two decimals, as printed in notices). */
export const percent = z
  .number({ message: 'must be a percentage (a number from 0 to 100)' })
  .min(0, { message: 'must be between 0 and 100' })
  .max(100, { message: 'must be between 0 and 100' })
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
    message: 'may have at most two decimals',
  });

/**
 * Where a value comes from in its notice: the clause number as the notice writes it
 * (`三（二）`, `四（六）`, `二（二）3`) or an annex (`附件1`). Every rule in a document carries one.
 */
export const clause = z
  .string({ message: 'must name the clause of the notice it comes from, e.g. 三（二）' })
  .trim()
  .min(1, { message: 'must name the clause of the notice it comes from, e.g. 三（二）' })
  .max(40, { message: 'is too long for a clause reference' });

/** Local identifier of a category, window or group inside one document: lower-case latin, digits, dashes. */
export const code = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be lower-case letters, digits and dashes (e.g. di-bao)' })
  .max(60, { message: 'is too long (60 characters at most)' });

export const text = z.string().trim().min(1, { message: 'must not be empty' });

export const count = z
  .number({ message: 'must be a whole number' })
  .int({ message: 'must be a whole number' })
  .nonnegative({ message: 'must not be negative' });
