import { describe, expect, it } from 'vitest';
import { isRealDate } from './primitives.js';

/** A calendar's own answer: the date exists when a UTC date built from it reads back the same (years ≥ 100). */
function exists(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isRealDate', () => {
  it('agrees with the calendar on every day number 0–32 of every month 0–13 of years 1880–2100 and some far ones', () => {
    const years = [...Array.from({ length: 221 }, (_, i) => 1880 + i), 1000, 1600, 1700, 1800, 1900, 2400, 9999];
    for (const y of years)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) expect(isRealDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`), `${y}-${m}-${d}`).toBe(m >= 1 && m <= 12 && d >= 1 && exists(y, m, d));
  });

  it('reads the years 0000–0099 as written (0000-02-29 exists: year 0 is a leap year), not as 19xx', () => {
    expect(isRealDate('0000-02-29')).toBe(true);
    expect(isRealDate('0100-02-29')).toBe(false);
    expect(isRealDate('0004-02-29')).toBe(true);
    expect(isRealDate('0001-02-29')).toBe(false);
  });

  it('refuses what is not a date (a letter among the digits too), and reads unpadded forms as before', () => {
    for (const s of ['', '2024', '2024-02', '2024-0a-01', '2024-02-3x', 'abcd-01-01', '2024/02/01', '2024-13-01', '2024-00-10']) expect(isRealDate(s), s).toBe(false);
    // the unpadded form is read as numbers (callers that need the canonical form check it with a pattern first)
    expect(isRealDate('2024-2-29')).toBe(true);
    expect(isRealDate('2023-2-29')).toBe(false);
  });
});
