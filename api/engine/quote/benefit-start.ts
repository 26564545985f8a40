import type { WaitingRule, Window } from '../../../policy-schemas/index.js';
import type { CompiledPolicy, CompiledWindow } from '../compile.js';
import { firstOfNthMonth, fromDay, type Day } from '../dates.js';
import { QuoteError } from './error.js';
import type { FeeLine } from './fee.js';
import type { GroupMatch } from './groups.js';
import type { Person } from './person.js';
import type { Trace } from './trace.js';
import { format } from '../../../policy-schemas/index.js';
import { pathLabel } from '../../../policy-schemas/registry.js';
import { code, zhDate, zhValue, type EngineLang } from './lang.js';

/*
 * When benefits start (待遇享受期): the window's rule, or a special group's, with the waiting period
 * (等待期) counted by the notice's convention; and whether the payment buys any coverage in the
 * coverage year at all.
 */

/** Where a window's or a group rule's benefits start (coverage-start, payment-day, after-waiting, …). */
type BenefitStart = Window['benefitStart'];

export interface Start {
  day: Day;
  end: Day;
  waiting: WaitingRule;
  retroactive: boolean;
  clause: string;
}

/** A rule that could set the start: the window's, a group rule's, or a group's exemption from waiting. */
interface Candidate extends Start {
  /** Whose rule: the window's or the group's name. */
  name: string;
  /** The rule's benefit start, or null for a group exempt from the window's waiting period. */
  rule: BenefitStart | null;
  /** For an exemption: where the notice says the group's rules are set, if elsewhere. */
  reference: string | null;
  /** The rule itself may cover days before the coverage year. */
  mayPrecede: boolean;
}

const ordinal = (n: number) => (n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`);

/** The wording of this step's lines and refusals (English; `benefitStartTextZh` is the Chinese twin). */
export const benefitStartText = {
  waiting: (w: WaitingRule): string => {
    switch (w.kind) {
      case 'none':
        return 'no waiting period';
      case 'days':
        return `${w.days} days`;
      case 'months':
        return `${w.months} months`;
      case 'nth-month':
        return `from the ${ordinal(w.n)} month`;
    }
  },
  convention: {
    'payment-day-is-day-1': 'the payment day is day 1 of the waiting period',
    'payment-day-excluded': 'counting starts the day after payment (the payment day is not counted)',
    'same-day-of-month-clamped': 'benefits start on the same day of the month, or the month’s last day when it has none',
    'payment-month-is-first': 'the payment month counts as the 1st month',
  } as Readonly<Record<string, string>>,
  rule: (name: string, rule: BenefitStart, waiting: WaitingRule) =>
    `${name}: ${rule}${waiting.kind === 'none' ? '' : `, waiting ${benefitStartText.waiting(waiting)}`}`,
  exempt: (group: string, reference: string | null, offset: 0 | 1) =>
    `${group}: exempt from the waiting period${reference !== null ? ` (details per ${reference})` : ''}; from the ${offset === 0 ? 'payment day' : 'day after payment'} (readings.waitingExemptStart)`,
  notBeforeBirth: ' (not before the date of birth)',
  movedToCoverageStart: (year: number) => ` (moved to the start of coverage year ${year})`,
  start: (label: string, dayIso: string, moved: string, waiting: WaitingRule) =>
    `${label} → ${dayIso}${moved}${waiting.kind !== 'none' ? `; ${benefitStartText.convention[waiting.convention] ?? ''}` : ''}`,
  birthRequired: 'is required: benefits start on the date of birth',
  noCoverage: (startIso: string, year: number, endIso: string) =>
    `benefits would start on ${startIso}, after coverage year ${year} ends (${endIso}): this payment buys no coverage in ${year}`,
};

const ZH_CONVENTIONS = ['payment-day-is-day-1', 'payment-day-excluded', 'same-day-of-month-clamped', 'payment-month-is-first'];

/** The Chinese wording of this step's lines and refusals (waiting rules and their conventions by format.ts). */
export const benefitStartTextZh: typeof benefitStartText = {
  waiting: (w: WaitingRule): string => format.waiting(w, 'zh', 'short'),
  convention: Object.fromEntries(ZH_CONVENTIONS.map((c) => [c, format.waitingConvention(c, 'zh')])),
  rule: (name: string, rule: BenefitStart, waiting: WaitingRule) =>
    `${name}：${zhValue('windows.benefitStart', rule)}${waiting.kind === 'none' ? '' : waiting.kind === 'nth-month' ? `，${format.waiting(waiting, 'zh', 'short')}` : `，设等待期${format.waiting(waiting, 'zh', 'short')}`}`,
  exempt: (group: string, reference: string | null, offset: 0 | 1) =>
    `${group}：不设等待期${reference !== null ? `（具体按${reference}执行）` : ''}；自${offset === 0 ? '缴费当日' : '缴费次日'}起（依据：${pathLabel('readings.waitingExemptStart', 'zh') ?? '约定'}，${code('readings.waitingExemptStart')}）`,
  notBeforeBirth: '（不早于出生之日）',
  movedToCoverageStart: (year: number) => `（调整为${year}年度待遇期开始之日）`,
  start: (label: string, dayIso: string, moved: string, waiting: WaitingRule) =>
    `${label}，待遇自${zhDate(dayIso)}起享受${moved}${waiting.kind !== 'none' ? `；${benefitStartTextZh.convention[waiting.convention] ?? ''}` : ''}`,
  birthRequired: '必须填写：待遇自出生之日起享受',
  noCoverage: (startIso: string, year: number, endIso: string) =>
    `待遇将自${zhDate(startIso)}起享受，晚于${year}年度待遇期结束日（${zhDate(endIso)}）：本次缴费不能享受${year}年度待遇`,
};

const benefitStartTexts = { en: benefitStartText, zh: benefitStartTextZh } as const;

/** A waiting rule in words (`60 days`, `3 months`, `from the 4th month`; 60天, 3个月, 缴费当月起第4个月). */
export function describeWaiting(w: WaitingRule, lang: EngineLang = 'en'): string {
  return benefitStartTexts[lang].waiting(w);
}

/** The convention a waiting rule counts by, in words; null for no waiting period. */
export function conventionOf(w: WaitingRule, lang: EngineLang = 'en'): string | null {
  return w.kind === 'none' ? null : (benefitStartTexts[lang].convention[w.convention] ?? w.convention);
}

const NO_WAITING: WaitingRule = Object.freeze({ kind: 'none' });

/** The first day after a waiting period that starts with a payment on `pay`. */
function afterWaiting(p: CompiledPolicy, pay: Day, w: WaitingRule): Day {
  switch (w.kind) {
    case 'none':
      return pay;
    case 'days':
      return w.convention === 'payment-day-is-day-1' ? pay + w.days : pay + w.days + 1;
    case 'months':
      return p.addMonths(pay, w.months);
    case 'nth-month':
      return firstOfNthMonth(pay, w.n);
  }
}

function startDay(p: CompiledPolicy, person: Person, kind: BenefitStart, waiting: WaitingRule, fixed: Day | null): Day {
  switch (kind) {
    case 'coverage-start':
      return p.coverageStart;
    case 'payment-day':
      return person.pay;
    case 'day-after-payment':
      return person.pay + 1;
    case 'birth-date':
      if (person.birth === null) throw new QuoteError('birthDate', benefitStartTexts[person.lang].birthRequired, 'QUOTE_BIRTH_DATE_REQUIRED');
      return person.birth;
    case 'fixed-date':
      // a group rule's benefitStartDate (validation requires it; windows may not start on a fixed date)
      return fixed!;
    default:
      return afterWaiting(p, person.pay, waiting);
  }
}

/** A candidate's start, moved to the start of the coverage period unless its rule covers earlier, and never before birth. */
function effective(p: CompiledPolicy, birth: Day | null, c: Candidate): Day {
  const d = c.mayPrecede ? c.day : Math.max(c.day, p.coverageStart);
  return birth !== null ? Math.max(d, birth) : d;
}

/**
 * Benefit start: the window's rule, or a special group's when one applies; among several, the earliest
 * (the most favourable to the person). A start before the coverage period is moved to its first day, except
 * where the rule itself covers earlier (a fixed start date, a freshman's months before the year, fees
 * paid for an earlier year).
 */
export function benefitStart(
  p: CompiledPolicy,
  person: Person,
  window: CompiledWindow,
  applying: readonly GroupMatch[],
  feeLines: readonly FeeLine[],
  trace: Trace,
): Start {
  const w = window.doc;
  const paysEarlierYear = feeLines.some((l) => l.coverageYear < p.year);
  const candidates: Candidate[] = [
    {
      day: startDay(p, person, w.benefitStart, w.waiting, null),
      end: p.coverageEnd,
      waiting: w.waiting,
      retroactive: false,
      clause: w.clause,
      name: w.name,
      rule: w.benefitStart,
      reference: null,
      mayPrecede: paysEarlierYear,
    },
  ];
  for (const m of applying) {
    const g = m.group.doc;
    if (m.rule) {
      const r = m.rule.doc;
      const waiting = r.benefitStart === 'after-waiting' ? (r.waiting ?? NO_WAITING) : NO_WAITING;
      candidates.push({
        day: startDay(p, person, r.benefitStart, waiting, m.rule.startDate),
        end: m.rule.end ?? p.coverageEnd,
        waiting,
        retroactive: r.retroactive,
        clause: r.clause,
        name: g.name,
        rule: r.benefitStart,
        reference: null,
        mayPrecede: r.benefitStart === 'fixed-date' || r.fee === 'none-for-current-year' || r.fee === 'next-year-only' || paysEarlierYear,
      });
    } else if (g.waitingExempt && w.waiting.kind !== 'none') {
      candidates.push({
        day: person.pay + p.waitingExemptOffset,
        end: p.coverageEnd,
        waiting: NO_WAITING,
        retroactive: false,
        clause: g.externalRules?.clause ?? g.clause,
        name: g.name,
        rule: null,
        reference: g.externalRules ? g.externalRules.reference : null,
        mayPrecede: false,
      });
    }
  }
  // A special group's rule is the more specific one: it replaces the window's; among several groups,
  // the earliest start (the most favourable to the person) applies.
  const first = candidates.length > 1 ? 1 : 0;
  let best = candidates[first]!;
  let day = effective(p, person.birth, best);
  for (let i = first + 1; i < candidates.length; i++) {
    const d = effective(p, person.birth, candidates[i]!);
    if (d < day) (best = candidates[i]!), (day = d);
  }
  const t = benefitStartTexts[person.lang];
  const moved = day === best.day ? '' : person.birth !== null && day === person.birth ? t.notBeforeBirth : t.movedToCoverageStart(p.year);
  const label = best.rule === null ? t.exempt(best.name, best.reference, p.waitingExemptOffset) : t.rule(best.name, best.rule, best.waiting);
  trace.push({ rule: 'benefit-start', clause: best.clause, detail: t.start(label, fromDay(day), moved, best.waiting) });
  return { day, end: best.end, waiting: best.waiting, retroactive: best.retroactive, clause: best.clause };
}

/** Why the payment buys no coverage in the coverage year (benefits would start after it ends), or null. */
export function noCoverage(p: CompiledPolicy, start: Start, trace: Trace, lang: EngineLang = 'en'): string | null {
  if (start.day <= start.end) return null;
  const reason = benefitStartTexts[lang].noCoverage(fromDay(start.day), p.year, fromDay(start.end));
  trace.push({ rule: 'coverage', clause: start.clause, detail: reason });
  return reason;
}
