import type { WaitingRule } from './document.js';
import { pathValueLabel, type Lang } from './registry.js';

/*
 * Formats, once: money, percents, dates and date-times, waiting rules, roles and statuses, in Chinese
 * and English. The API's messages, the comparison's summaries, the console, the notice and its DOCX all
 * format through here (format.spec.ts holds the exact outputs). No Node or browser API: the console
 * imports this file as it is. Money is integer fen in and digits out, never a binary float.
 */

export type { Lang } from './registry.js';

// ---------------------------------------------------------------- money

export interface MoneyOptions {
  /** `fixed` (default): always two decimals (400.00); `needed`: only when not whole (400, 390.50); `trimmed`: as notices print (390.5). */
  decimals?: 'fixed' | 'needed' | 'trimmed';
  /** `yuan` (default): 400.00元; `spaced`: 400 元 (inside English sentences); `none`: the figure alone. */
  unit?: 'yuan' | 'spaced' | 'none';
  /** Thousands separators (default true): 13,400,000.00元. */
  grouping?: boolean;
  /**
   * From 100,000 元 up, in 万元 (default true): 13,400,000.00元 → 1,340.00万元. `always`: every amount
   * in 万元, whatever its size and unit (a chart's axis or a column headed 万元: 4.00 for 40,000 元).
   */
  wan?: boolean | 'always';
  /** A '+' before a positive amount (differences). */
  sign?: boolean;
}

/** Preset styles, named by where they are used. */
export const MONEY = {
  /** The GraphQL `Money` scalar: 400.00, -1.50 (no unit, no grouping). */
  wire: { decimals: 'fixed', unit: 'none', grouping: false, wan: false },
  /** Inside API messages (English): 500 元, 390.50 元. */
  message: { decimals: 'needed', unit: 'spaced', grouping: false, wan: false },
  /** A figure beside its label, as in the comparison's summaries: 390 → 400, 390.50. */
  figure: { decimals: 'needed', unit: 'none', grouping: false, wan: false },
  /** As notices print amounts: 400元, 390.5元, 1070元. */
  notice: { decimals: 'trimmed', unit: 'yuan', grouping: false, wan: false },
  /** Columns of figures in yuan (the unit in the heading): 1,234,567.50. */
  table: { decimals: 'fixed', unit: 'none', grouping: true, wan: false },
  /** A chart's axis in 万元 (the unit in the axis' title): 1,340, 2.5. */
  axis: { decimals: 'trimmed', unit: 'none', grouping: true, wan: 'always' },
} as const satisfies Record<string, MoneyOptions>;

/** 10,000,000 fen = 100,000 元: from here on amounts read in 万元. */
const WAN_FROM_FEN = 10_000_000;

/**
 * An amount of integer fen as yuan: `money(40000)` → 400.00元, `money(1_340_000_000)` → 1,340.00万元,
 * `money(-150)` → -1.50元. 万元 amounts are rounded to the nearest 100 元 (half away from zero).
 */
export function money(fen: number, options: MoneyOptions = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`money is held as integer fen, got ${fen}`);
  const { decimals = 'fixed', unit = 'yuan', grouping = true, wan = true, sign = false } = options;
  const abs = Math.abs(fen);
  const inWan = wan === 'always' || (wan && unit !== 'none' && abs >= WAN_FROM_FEN);
  // hundredths of the unit shown: fen for 元, units of 100 元 for 万元
  const hundredths = inWan ? Math.floor((abs + 5_000) / 10_000) : abs;
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  const frac =
    decimals === 'fixed' || (decimals === 'needed' && cents !== 0)
      ? `.${String(cents).padStart(2, '0')}`
      : decimals === 'trimmed' && cents !== 0
        ? `.${String(cents).padStart(2, '0').replace(/0$/, '')}`
        : '';
  const digits = grouping ? groupThousands(String(whole)) : String(whole);
  const prefix = fen < 0 && hundredths !== 0 ? '-' : sign && fen > 0 ? '+' : '';
  const suffix = unit === 'none' ? '' : `${unit === 'spaced' ? ' ' : ''}${inWan ? '万元' : '元'}`;
  return `${prefix}${digits}${frac}${suffix}`;
}

/**
 * A count (of persons, rows, cases): `count(19280)` → 19,280; `count(192800, { wan: 'always' })` →
 * 19.28 (an axis headed 万人), `count(1234567, { wan: true })` → 123.46万 (from 100,000 up).
 */
export function count(n: number, options: { wan?: boolean | 'always' } = {}): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`a count is a whole number, got ${n}`);
  const abs = Math.abs(n);
  const inWan = options.wan === 'always' || (options.wan === true && abs >= 100_000);
  if (!inWan) return `${n < 0 ? '-' : ''}${groupThousands(String(abs))}`;
  // hundredths of 万, rounded half away from zero; trailing zeros trimmed
  const h = Math.floor((abs + 50) / 100);
  const whole = groupThousands(String(Math.floor(h / 100)));
  const frac = String(h % 100).padStart(2, '0').replace(/0+$/, '');
  return `${n < 0 && h ? '-' : ''}${whole}${frac ? `.${frac}` : ''}${options.wan === true ? '万' : ''}`;
}

/** "1234567" → "1,234,567". */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Yuan written by a person or another system → integer fen, exactly, from the digits: "400" → 40000,
 * "390.5" → 39050, "-1.50" → -150, "1,234.5" → 123450 (a trailing 元 is allowed). Null when the text is
 * not an amount with at most two decimals.
 */
export function parseYuan(text: string): number | null {
  const s = text.trim().replace(/,/g, '').replace(/\s*元$/, '');
  const m = /^([+-]?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] === '-' && fen !== 0 ? -fen : fen;
}

// ---------------------------------------------------------------- percents

/** A number rounded to `decimals` places, half away from zero, without binary drift (1.005 → 1.01). */
function roundTo(value: number, decimals: number): number {
  const r = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  const out = Number(`${r}e-${decimals}`);
  return value < 0 ? -out : out;
}

/**
 * A percentage: `percent(90)` → 90%, `percent(29.34)` → 29.34%, `percent(2.5641, { decimals: 1 })` →
 * 2.6%. Never "-0.0%": what rounds to zero is 0. `sign`: a '+' before a positive value.
 */
export function percent(value: number, options: { decimals?: number; sign?: boolean } = {}): string {
  const { decimals, sign = false } = options;
  const rounded = decimals === undefined ? value : roundTo(value, decimals);
  const text = decimals === undefined ? String(Math.abs(rounded)) : Math.abs(rounded).toFixed(decimals);
  const prefix = rounded < 0 ? '-' : sign && rounded > 0 ? '+' : '';
  return `${prefix}${text}%`;
}

/**
 * The change from `before` to `after` in percent of `before` (of its size, where negative), signed:
 * 39000 → 40000 is "+2.6%". Exact for integers (amounts in fen, counts): rounded half away from zero
 * by integer arithmetic. Null when `before` is 0 (no percentage of nothing).
 */
export function percentChange(before: number, after: number, decimals = 1): string | null {
  if (before === 0) return null;
  const scale = 100 * 10 ** decimals;
  const num = (after - before) * scale;
  const den = Math.abs(before);
  let units: number;
  if (Number.isSafeInteger(before) && Number.isSafeInteger(after) && Number.isSafeInteger(num)) {
    const q = Math.floor((2 * Math.abs(num) + den) / (2 * den));
    units = num < 0 ? -q : q;
  } else units = Math.round((num / den));
  return percent(units / 10 ** decimals, { decimals, sign: true });
}

/**
 * `part` of `whole` in percent, as a table prints it: `share(7856, 26774)` → 29.34%. Exact for
 * integers (rounded half away from zero by integer arithmetic); null when `whole` is 0.
 */
export function share(part: number, whole: number, decimals = 2): string | null {
  if (whole === 0) return null;
  const change = percentChange(whole, whole + part, decimals);
  return change === null ? null : change.replace(/^\+/, '');
}

// ---------------------------------------------------------------- dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date `YYYY-MM-DD`: `zh` (default) as notices write it, 2025-01-01 → 2025年1月1日 (no zero
 * padding); `iso` as it is. Text that is not such a date is returned unchanged.
 */
export function date(iso: string, style: 'zh' | 'iso' = 'zh'): string {
  const m = ISO_DATE.exec(iso);
  if (!m || style === 'iso') return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Both ends written in full: 2024年9月1日至2024年12月31日; ISO: 2024-09-01 – 2024-12-31. */
export function dateRange(from: string, to: string, style: 'zh' | 'iso' = 'zh'): string {
  return style === 'zh' ? `${date(from)}至${date(to)}` : `${from} – ${to}`;
}

/** China Standard Time: UTC+8 all year (no daylight saving since 1991), whatever the host's zone. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant in China time: `zh` 2025年1月1日 08:05, `iso` 2025-01-01 08:05. Takes a Date, epoch
 * milliseconds or an ISO date-time string (2025-01-01T00:05:00Z).
 */
export function dateTime(at: Date | number | string, style: 'zh' | 'iso' = 'zh'): string {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`not a date-time: ${String(at)}`);
  const t = new Date(ms + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  const y = t.getUTCFullYear();
  const mo = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  const hm = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  return style === 'zh' ? `${y}年${mo}月${d}日 ${hm}` : `${y}-${pad(mo)}-${pad(d)} ${hm}`;
}

/** The calendar date in China of an instant, `YYYY-MM-DD` (a publication's day, say). */
export function chinaDate(at: Date | number | string): string {
  return dateTime(at, 'iso').slice(0, 10);
}

// ---------------------------------------------------------------- waiting rules

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** How a waiting period is counted, in words (the engine's `convention` of a quote, the notice). */
export function waitingConvention(convention: string, lang: Lang = 'en'): string {
  const words: Record<string, [string, string]> = {
    'payment-day-is-day-1': ['缴费当日计为第1日', 'the payment day is day 1 of the waiting period'],
    'payment-day-excluded': ['缴费当日不计入', 'counting starts the day after payment (the payment day is not counted)'],
    'same-day-of-month-clamped': ['无对应日的，以该月末日为准', 'benefits start on the same day of the month, or the month’s last day when it has none'],
    'payment-month-is-first': ['缴费当月计为第1个月', 'the payment month counts as the 1st month'],
  };
  const w = words[convention];
  return w ? (lang === 'zh' ? w[0] : w[1]) : convention;
}

/**
 * A waiting rule in words. `short`: 60天 / 60 days (a value beside its label); `phrase`: 等待期60天 /
 * waiting 60 days (a figure in a table); `sentence`: as the notice says it, with how days are counted.
 */
export function waiting(w: WaitingRule, lang: Lang = 'zh', style: 'short' | 'phrase' | 'sentence' = 'short'): string {
  if (lang === 'zh') {
    switch (w.kind) {
      case 'none':
        return style === 'sentence' ? '不设等待期' : '无等待期';
      case 'days':
        if (style === 'sentence')
          return w.convention === 'payment-day-is-day-1'
            ? `设${w.days}日待遇等待期，自缴费之日起${w.days}日（含）后享受待遇（缴费当日计为第1日）`
            : `设${w.days}天待遇等待期，缴费后${w.days}天期满方可享受待遇（缴费当日不计入）`;
        return `${style === 'phrase' ? '等待期' : ''}${w.days}天`;
      case 'months':
        if (style === 'sentence')
          return `设${w.months}个月待遇等待期，自缴费之日起满${w.months}个月的对应日起享受待遇（无对应日的，以该月末日为准）`;
        return `${style === 'phrase' ? '等待期' : ''}${w.months}个月`;
      case 'nth-month':
        if (style === 'sentence') return `设待遇等待期，自缴费当月起算第${w.n}个月起享受待遇（缴费当月计为第1个月）`;
        return `缴费当月起第${w.n}个月${style === 'phrase' ? '起享受' : ''}`;
    }
  }
  switch (w.kind) {
    case 'none':
      return style === 'phrase' ? 'no waiting' : 'no waiting period';
    case 'days':
      return style === 'sentence'
        ? `a waiting period of ${plural(w.days, 'day')}; ${waitingConvention(w.convention)}`
        : `${style === 'phrase' ? 'waiting ' : ''}${plural(w.days, 'day')}`;
    case 'months':
      return style === 'sentence'
        ? `a waiting period of ${plural(w.months, 'month')}; ${waitingConvention(w.convention)}`
        : `${style === 'phrase' ? 'waiting ' : ''}${plural(w.months, 'month')}`;
    case 'nth-month':
      return style === 'sentence'
        ? `benefits from the ${ordinal(w.n)} month; ${waitingConvention(w.convention)}`
        : style === 'phrase'
          ? `from month ${w.n} counting the payment month`
          : `from the ${ordinal(w.n)} month`;
  }
}

// ---------------------------------------------------------------- roles and statuses

/** The lead group's roles (组长, 第一副组长, 副组长, 成员), from the registry of the document. */
export function leadRole(role: string, lang: Lang = 'zh'): string {
  return pathValueLabel('leadGroup.members.role', role, lang) ?? role;
}

/** The API's user roles (api/modules/auth/actor.ts). */
export const USER_ROLES: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  drafter: ['起草人', 'Drafter'],
  approver: ['审核人', 'Approver'],
  auditor: ['审计人', 'Auditor'],
  integrator: ['对接系统', 'Integrator'],
  admin: ['管理员', 'Admin'],
};

export function userRole(role: string, lang: Lang = 'zh'): string {
  const r = USER_ROLES[role];
  return r ? (lang === 'zh' ? r[0] : r[1]) : role;
}

/**
 * The statuses of a version, one word each. DRAFT is 草案 everywhere (the draft of a notice, as its
 * watermark says), not 草稿 (a scratch copy).
 */
export const STATUSES: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  draft: ['草案', 'Draft'],
  in_review: ['审核中', 'In review'],
  approved: ['已审核', 'Approved'],
  published: ['已发布', 'Published'],
  superseded: ['已被取代', 'Superseded'],
};

/** A status as stored (`in_review`), as the API's enum (`IN_REVIEW`) or kebab-case (`in-review`). */
export function status(value: string, lang: Lang = 'zh'): string {
  const s = STATUSES[value.toLowerCase().replace(/-/g, '_')];
  return s ? (lang === 'zh' ? s[0] : s[1]) : value;
}
