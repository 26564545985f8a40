import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsClamped, ageOn, firstOfNthMonth, fromDay, toDay } from './dates.js';

describe('calendar arithmetic', () => {
  it('round-trips every day between 1900 and 2100, agreeing with UTC dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay('1900-01-01'), max: toDay('2100-12-31') }), (n) => {
        const iso = fromDay(n);
        expect(toDay(iso)).toBe(n);
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
      }),
    );
  });
  it('adds months on the same day, clamped to the month end', () => {
    expect(fromDay(addMonthsClamped(toDay('2025-03-10'), 3))).toBe('2025-06-10');
    expect(fromDay(addMonthsClamped(toDay('2025-11-30'), 3))).toBe('2026-02-28');
    expect(fromDay(addMonthsClamped(toDay('2023-11-30'), 3))).toBe('2024-02-29');
  });
  it('finds the first day of the Nth month counting the current month as the 1st', () => {
    expect(fromDay(firstOfNthMonth(toDay('2024-05-15'), 4))).toBe('2024-08-01');
    expect(fromDay(firstOfNthMonth(toDay('2024-01-31'), 7))).toBe('2024-07-01');
    expect(fromDay(firstOfNthMonth(toDay('2024-10-01'), 4))).toBe('2025-01-01');
  });
  it('counts whole years of age', () => {
    expect(ageOn(toDay('1961-12-31'), toDay('2021-12-31'))).toBe(60);
    expect(ageOn(toDay('1962-01-01'), toDay('2021-12-31'))).toBe(59);
    expect(ageOn(toDay('2004-02-29'), toDay('2022-02-28'))).toBe(17);
    expect(ageOn(toDay('2004-02-29'), toDay('2022-03-01'))).toBe(18);
  });
});
