/*
 * Calendar dates as day numbers (days since 1970-01-01), computed from `YYYY-MM-DD` with pure
 * integer arithmetic: no Date object at local time, so no timezone can move a date.
 */

export type Day = number;

/** `YYYY-MM-DD` → day number. The caller has validated the string. */
export function toDay(iso: string): Day {
  const y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  return daysFromCivil(y, m, d);
}

export function fromDay(day: Day): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function ymd(day: Day): [number, number, number] {
  return civilFromDays(day);
}

export function dayOf(y: number, m: number, d: number): Day {
  return daysFromCivil(y, m, d);
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The same day of the month `months` later; the month's last day when it has no such day (01-31 + 1 → 02-28). */
export function addMonthsClamped(day: Day, months: number): Day {
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The first day of the month `n − 1` months after the month of `day` (the month of `day` is the 1st). */
export function firstOfNthMonth(day: Day, n: number): Day {
  const [y, m] = civilFromDays(day);
  const total = y * 12 + (m - 1) + (n - 1);
  return daysFromCivil(Math.floor(total / 12), (total % 12) + 1, 1);
}

/** Whole years of age on `on` for someone born on `birth` (a 29 February birthday counts on 1 March). */
export function ageOn(birth: Day, on: Day): number {
  const [by, bm, bd] = civilFromDays(birth);
  const [y, m, d] = civilFromDays(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

// Howard Hinnant's civil-from-days algorithms (proleptic Gregorian), exact for all years here.
function daysFromCivil(y: number, m: number, d: number): Day {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: Day): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [y + (m <= 2 ? 1 : 0), m, d];
}
