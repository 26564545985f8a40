import { describe, expect, it } from 'vitest';
import { MONEY, chinaDate, count, date, dateRange, dateTime, leadRole, money, parseYuan, percent, percentChange, share, status, userRole, waiting, waitingConvention } from './format.js';

/** A style of MONEY, what it makes of an amount in fen. */
const MONEY_STYLE_CASES: [fen: number, style: keyof typeof MONEY, text: string][] = [
  [40000, 'wire', '400.00'],
  [-150, 'wire', '-1.50'],
  [123456789, 'wire', '1234567.89'],
  [50000, 'message', '500 元'],
  [39050, 'message', '390.50 元'],
  [39000, 'figure', '390'],
  [39050, 'figure', '390.50'],
  [-100, 'figure', '-1'],
  [40000, 'notice', '400元'],
  [39050, 'notice', '390.5元'],
  [39005, 'notice', '390.05元'],
  [107000, 'notice', '1070元'],
  [123456750, 'table', '1,234,567.50'],
  [1_340_000_000, 'axis', '1,340'],
  [25_000_000, 'axis', '25'],
  [4_000_000, 'axis', '4'],
  [25_000, 'axis', '0.03'],
  [0, 'axis', '0'],
];

describe('money', () => {
  it('is yuan with two decimals by default, grouped, and 万元 from 100,000 元 up', () => {
    expect(money(40000)).toBe('400.00元');
    expect(money(39050)).toBe('390.50元');
    expect(money(0)).toBe('0.00元');
    expect(money(1)).toBe('0.01元');
    expect(money(123456789)).toBe('123.46万元');
    expect(money(123456789, { wan: false })).toBe('1,234,567.89元');
    expect(money(9_999_999)).toBe('99,999.99元');
    expect(money(10_000_000)).toBe('10.00万元');
    expect(money(1_340_000_000)).toBe('1,340.00万元');
    // 万元 round to the nearest 100 元, half away from zero
    expect(money(12_345_678)).toBe('12.35万元');
    expect(money(12_344_999)).toBe('12.34万元');
    expect(money(-12_345_678)).toBe('-12.35万元');
  });

  it('writes negative amounts with a minus, differences with a plus where asked', () => {
    expect(money(-150)).toBe('-1.50元');
    expect(money(-123456)).toBe('-1,234.56元');
    expect(money(8000, { sign: true })).toBe('+80.00元');
    expect(money(-2000, { sign: true })).toBe('-20.00元');
    expect(money(0, { sign: true })).toBe('0.00元');
  });

  it('has the styles the API, the comparison, the notice and the tables use', () => {
    for (const [fen, style, text] of MONEY_STYLE_CASES) expect(money(fen, MONEY[style]), `${fen} as ${style}`).toBe(text);
    expect(money(40_000, { wan: 'always' })).toBe('0.04万元');
  });

  it('counts persons grouped, and in 万 where asked', () => {
    expect(count(19280)).toBe('19,280');
    expect(count(-3)).toBe('-3');
    expect(count(192_800, { wan: 'always' })).toBe('19.28');
    expect(count(1_000_000, { wan: 'always' })).toBe('100');
    expect(count(99_999, { wan: true })).toBe('99,999');
    expect(count(1_234_567, { wan: true })).toBe('123.46万');
    expect(count(0, { wan: 'always' })).toBe('0');
    expect(() => count(1.5)).toThrow(RangeError);
  });

  it('refuses what is not integer fen: no binary floats', () => {
    expect(() => money(0.1 + 0.2)).toThrow(RangeError);
    expect(() => money(Number.NaN)).toThrow(RangeError);
  });

  it('reads yuan back into fen exactly, from the digits', () => {
    expect(parseYuan('400')).toBe(40000);
    expect(parseYuan('400.1')).toBe(40010);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('-1.50')).toBe(-150);
    expect(parseYuan('1,234.5元')).toBe(123450);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});

describe('percents', () => {
  it('print as given, or rounded half away from zero without binary drift', () => {
    expect(percent(90)).toBe('90%');
    expect(percent(29.34)).toBe('29.34%');
    expect(percent(2.5641, { decimals: 1 })).toBe('2.6%');
    expect(percent(1.005, { decimals: 2 })).toBe('1.01%');
    expect(percent(5, { decimals: 1, sign: true })).toBe('+5.0%');
  });

  it('are never "-0.0%"', () => {
    expect(percent(-0.01, { decimals: 1 })).toBe('0.0%');
    expect(percent(-0, { decimals: 1, sign: true })).toBe('0.0%');
    expect(percentChange(100000, 99999)).toBe('0.0%');
  });

  it('give changes and shares exactly from integers', () => {
    expect(percentChange(39000, 40000)).toBe('+2.6%');
    expect(percentChange(64000, 67000)).toBe('+4.7%');
    expect(percentChange(40000, 42000)).toBe('+5.0%');
    expect(percentChange(40000, 39000)).toBe('-2.5%');
    expect(percentChange(-200, -100)).toBe('+50.0%');
    expect(percentChange(0, 100)).toBeNull();
    expect(share(7856, 26774)).toBe('29.34%');
    expect(share(1, 3)).toBe('33.33%');
    expect(share(2, 3)).toBe('66.67%');
    expect(share(1, 0)).toBeNull();
  });
});

describe('dates', () => {
  it('write calendar dates as notices do, or as ISO', () => {
    expect(date('2025-01-01')).toBe('2025年1月1日');
    expect(date('2024-12-31')).toBe('2024年12月31日');
    expect(date('2025-01-01', 'iso')).toBe('2025-01-01');
    expect(date('not a date')).toBe('not a date');
    expect(dateRange('2024-09-01', '2024-12-31')).toBe('2024年9月1日至2024年12月31日');
    expect(dateRange('2024-09-01', '2024-12-31', 'iso')).toBe('2024-09-01 – 2024-12-31');
  });

  it('write instants in China time, whatever the host’s timezone', () => {
    // 16:05 UTC on 31 December is 00:05 on 1 January in China
    expect(dateTime('2024-12-31T16:05:00Z')).toBe('2025年1月1日 00:05');
    expect(dateTime(new Date(Date.UTC(2024, 11, 31, 16, 5)), 'iso')).toBe('2025-01-01 00:05');
    expect(dateTime(Date.UTC(2025, 5, 30, 1, 2))).toBe('2025年6月30日 09:02');
    expect(chinaDate('2024-12-31T15:59:59Z')).toBe('2024-12-31');
    expect(chinaDate('2024-12-31T16:00:00Z')).toBe('2025-01-01');
    expect(() => dateTime('yesterday')).toThrow(RangeError);
  });
});

describe('waiting rules', () => {
  const none = { kind: 'none' } as const;
  const days = { kind: 'days', days: 60, convention: 'payment-day-is-day-1' } as const;
  const daysAfter = { kind: 'days', days: 60, convention: 'payment-day-excluded' } as const;
  const months = { kind: 'months', months: 3, convention: 'same-day-of-month-clamped' } as const;
  const nth = { kind: 'nth-month', n: 4, convention: 'payment-month-is-first' } as const;

  it('in Chinese, short, as a phrase and as the notice says it', () => {
    expect([none, days, months, nth].map((w) => waiting(w))).toEqual(['无等待期', '60天', '3个月', '缴费当月起第4个月']);
    expect([none, days, months, nth].map((w) => waiting(w, 'zh', 'phrase'))).toEqual(['无等待期', '等待期60天', '等待期3个月', '缴费当月起第4个月起享受']);
    expect([none, days, daysAfter, months, nth].map((w) => waiting(w, 'zh', 'sentence'))).toEqual([
      '不设等待期',
      '设60日待遇等待期，自缴费之日起60日（含）后享受待遇（缴费当日计为第1日）',
      '设60天待遇等待期，缴费后60天期满方可享受待遇（缴费当日不计入）',
      '设3个月待遇等待期，自缴费之日起满3个月的对应日起享受待遇（无对应日的，以该月末日为准）',
      '设待遇等待期，自缴费当月起算第4个月起享受待遇（缴费当月计为第1个月）',
    ]);
  });

  it('in English, as the quote and the console say it', () => {
    expect([none, days, months, nth].map((w) => waiting(w, 'en'))).toEqual(['no waiting period', '60 days', '3 months', 'from the 4th month']);
    expect(waiting({ kind: 'days', days: 1, convention: 'payment-day-excluded' }, 'en')).toBe('1 day');
    expect(waiting({ kind: 'nth-month', n: 2, convention: 'payment-month-is-first' }, 'en')).toBe('from the 2nd month');
    expect([none, days, months, nth].map((w) => waiting(w, 'en', 'phrase'))).toEqual(['no waiting', 'waiting 60 days', 'waiting 3 months', 'from month 4 counting the payment month']);
    expect(waiting(days, 'en', 'sentence')).toBe('a waiting period of 60 days; the payment day is day 1 of the waiting period');
    expect(waiting(nth, 'en', 'sentence')).toBe('benefits from the 4th month; the payment month counts as the 1st month');
    expect(waitingConvention('payment-day-excluded')).toBe('counting starts the day after payment (the payment day is not counted)');
    expect(waitingConvention('same-day-of-month-clamped', 'zh')).toBe('无对应日的，以该月末日为准');
  });
});

describe('roles and statuses', () => {
  it('name the lead group’s roles and the users’ roles', () => {
    expect(['leader', 'first-deputy', 'deputy', 'member'].map((r) => leadRole(r))).toEqual(['组长', '第一副组长', '副组长', '成员']);
    expect(leadRole('first-deputy', 'en')).toBe('First deputy');
    expect(['drafter', 'approver', 'auditor', 'integrator', 'admin'].map((r) => userRole(r))).toEqual(['起草人', '审核人', '审计人', '对接系统', '管理员']);
    expect(userRole('auditor', 'en')).toBe('Auditor');
    expect(userRole('someone')).toBe('someone');
  });

  it('give one word per status, whichever way the status is written', () => {
    expect(['draft', 'in_review', 'approved', 'published', 'superseded'].map((s) => status(s))).toEqual(['草案', '审核中', '已审核', '已发布', '已被取代']);
    expect(status('IN_REVIEW')).toBe('审核中');
    expect(status('in-review', 'en')).toBe('In review');
    expect(status('DRAFT', 'en')).toBe('Draft');
  });
});
