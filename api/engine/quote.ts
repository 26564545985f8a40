import { isRealDate, yuan, type WaitingRule } from '../../policy-schemas/index.js';
import type { CompiledCategory, CompiledGroup, CompiledGroupRule, CompiledPolicy, CompiledWindow } from './compile.js';
import { addMonthsClamped, ageOn, firstOfNthMonth, fromDay, toDay, ymd, type Day } from './dates.js';

/*
 * The quote: what a person owes for a coverage year if they pay on a given date, and when their
 * benefits start, with every step traced to its clause. Pure: no I/O, no clock, no timezone.
 */

export interface QuoteRequest {
  paymentDate: string;
  birthDate?: string | null;
  /** Category codes or official identity codes. */
  categories?: readonly string[] | null;
  groups?: readonly string[] | null;
  /** The event a group rule counts from (e.g. the day employee insurance stopped). */
  eventDate?: string | null;
}

export interface TraceStep {
  rule: string;
  clause: string | null;
  detail: string;
}

export interface QuoteSubsidy {
  categoryCode: string;
  categoryName: string;
  officialCodes: string[];
  amountFen: number;
  agency: string;
  fundSource: string;
  fundSourceKind: string;
  benefitKind: string;
  clause: string;
}

export interface FeeLine {
  coverageYear: number;
  amountFen: number;
  label: string;
  clause: string;
}

export interface QuoteResult {
  coverageYear: number;
  paymentDate: string;
  window: { code: string; name: string; kind: string; from: string; to: string; clause: string };
  feeLines: FeeLine[];
  individualFeeFen: number;
  surchargeFen: number;
  surchargeReason: string | null;
  subsidies: QuoteSubsidy[];
  subsidyTotalFen: number;
  amountDueFen: number;
  /** null when the payment buys no coverage in the coverage year (see `noCoverageReason`). */
  benefitStart: string | null;
  benefitEnd: string | null;
  coversCoverageYear: boolean;
  noCoverageReason: string | null;
  retroactive: boolean;
  waitingRule: string;
  waitingKind: WaitingRule['kind'];
  convention: string | null;
  appliedGroups: string[];
  ignoredCategories: { code: string; reason: string }[];
  trace: TraceStep[];
}

/** A request the policy cannot answer: `field` names the input at fault. */
export class QuoteError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const CONVENTION_TEXT: Record<string, string> = {
  'payment-day-is-day-1': 'the payment day is day 1 of the waiting period',
  'payment-day-excluded': 'counting starts the day after payment (the payment day is not counted)',
  'same-day-of-month-clamped': 'benefits start on the same day of the month, or the month’s last day when it has none',
  'payment-month-is-first': 'the payment month counts as the 1st month',
};

export function describeWaiting(w: WaitingRule): string {
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
}

function ordinal(n: number) {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}


function parseDate(field: string, value: string): Day {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) throw new QuoteError(field, `"${value}" is not a date written YYYY-MM-DD`);
  return toDay(value);
}

interface GroupMatch {
  group: CompiledGroup;
  rule: CompiledGroupRule | null;
}

export function quote(p: CompiledPolicy, req: QuoteRequest): QuoteResult {
  const trace: TraceStep[] = [];
  const doc = p.doc;
  const pay = parseDate('paymentDate', req.paymentDate);
  const birth = req.birthDate ? parseDate('birthDate', req.birthDate) : null;
  const event = req.eventDate ? parseDate('eventDate', req.eventDate) : null;
  if (birth !== null && birth > pay) throw new QuoteError('birthDate', `(${req.birthDate}) is after the payment date (${req.paymentDate})`);

  // --- who the person is: categories and groups, refused when unknown
  const categories: CompiledCategory[] = [];
  const seenCat = new Set<CompiledCategory>();
  for (const key of req.categories ?? []) {
    const c = p.categoryByKey.get(key.trim());
    if (!c) throw new QuoteError('categories', `unknown category "${key}" for ${doc.jurisdiction.name} ${p.year}`);
    if (!seenCat.has(c)) categories.push(c), seenCat.add(c);
  }
  categories.sort((a, b) => a.index - b.index); // the answer never depends on the order given
  const memberOf: CompiledGroup[] = [];
  for (const key of req.groups ?? []) {
    const g = p.groupByCode.get(key.trim());
    if (!g) throw new QuoteError('groups', `unknown special group "${key}" for ${doc.jurisdiction.name} ${p.year}`);
    if (!memberOf.includes(g)) memberOf.push(g);
  }

  trace.push({ rule: 'policy', clause: null, detail: `${doc.jurisdiction.name} coverage year ${p.year}, ${doc.metadata.documentNumber}` });

  // --- the coverage year bounds every payment
  if (pay > p.coverageEnd)
    throw new QuoteError('paymentDate', `(${req.paymentDate}) is after coverage year ${p.year} ended (${fromDay(p.coverageEnd)}); no payment for ${p.year} is possible`);

  // --- groups implied by categories (困难人口 defined as the categories flagged needy)
  const needyCategory = categories.find((c) => c.doc.needy && conditionFailure(p, c, birth) === null);
  if (needyCategory)
    for (const g of p.groups)
      if (g.doc.impliedByNeedyCategories && !memberOf.includes(g)) {
        memberOf.push(g);
        trace.push({ rule: 'special-group', clause: g.doc.clause, detail: `${g.doc.name}: applies as ${needyCategory.doc.name} is a needy category (困难人口)` });
      }
  memberOf.sort((a, b) => a.index - b.index);

  // --- which rules of each group apply on this date; a group whose personal conditions fail does not apply
  const groups = memberOf.map((g) => ({ group: g, ...matchRule(g, pay, birth, event) }));
  const applying: GroupMatch[] = groups.filter((m) => m.member);
  for (const m of groups) {
    if (!m.member)
      trace.push({ rule: 'special-group', clause: m.group.doc.clause, detail: `${m.group.doc.name}: the person does not meet the group's conditions for this payment; the ordinary rules apply` });
    else if (m.rule === null && m.group.doc.rules.length > 0)
      trace.push({ rule: 'special-group', clause: m.group.doc.clause, detail: `${m.group.doc.name}: no rule of the group sets the benefit start for a payment on ${req.paymentDate}` });
  }

  // --- the window
  const window = findWindow(p, pay, applying, req.paymentDate);
  const w = window.doc;
  trace.push({ rule: 'window', clause: w.clause, detail: `${w.name} ${w.from} – ${w.to}` });

  // --- the individual fee (special cases replace it, possibly over several coverage years)
  let feeLines: FeeLine[] = [{ coverageYear: p.year, amountFen: p.feeFen, label: '个人缴费标准', clause: doc.fees.individual.clause }];
  for (const sc of doc.fees.specialCases) {
    if (!applying.some((m) => m.group.doc.code === sc.group)) continue;
    if (pay < p.coverageStart) continue; // a fee case of dynamic enrollment: payments inside the coverage year
    if (sc.bornInYear !== null) {
      if (birth === null) throw new QuoteError('birthDate', `is required: ${sc.label} depends on the year of birth`);
      if (ymd(birth)[0] !== sc.bornInYear) continue;
    }
    feeLines = sc.charges.map((c) => ({ coverageYear: c.coverageYear, amountFen: c.amountFen, label: sc.label, clause: sc.clause }));
    trace.push({ rule: 'special-fee', clause: sc.clause, detail: `${sc.label}: ${feeLines.map((l) => `${l.coverageYear} ${yuan(l.amountFen)}`).join(' + ')}` });
    break;
  }
  const individualFeeFen = feeLines.reduce((a, l) => a + l.amountFen, 0);
  trace.push({ rule: 'individual-fee', clause: doc.fees.individual.clause, detail: `individual fee ${yuan(individualFeeFen)}` });

  // --- subsidy categories: conditions, then stacking
  const ignoredCategories: { code: string; reason: string }[] = [];
  const eligible: CompiledCategory[] = [];
  for (const c of categories) {
    const reason = conditionFailure(p, c, birth);
    if (reason) {
      ignoredCategories.push({ code: c.doc.code, reason });
      trace.push({ rule: 'category', clause: c.doc.clause, detail: `${c.doc.name}: not applied, ${reason}` });
    } else {
      eligible.push(c);
      trace.push({ rule: 'category', clause: c.doc.clause, detail: `${c.doc.name}: subsidy ${yuan(c.subsidyFen)} (${benefitText(c)}), ${c.doc.fundSource.label}, certified by ${c.doc.agency}` });
    }
  }
  const chosen = stack(p, eligible, trace);
  const subsidies: QuoteSubsidy[] = chosen
    ? [
        {
          categoryCode: chosen.doc.code,
          categoryName: chosen.doc.name,
          officialCodes: chosen.doc.officialCodes,
          amountFen: chosen.subsidyFen,
          agency: chosen.doc.agency,
          fundSource: chosen.doc.fundSource.label,
          fundSourceKind: chosen.doc.fundSource.kind,
          benefitKind: chosen.doc.benefit.kind,
          clause: chosen.doc.clause,
        },
      ]
    : [];
  const subsidyTotalFen = chosen ? chosen.subsidyFen : 0;

  // --- late surcharge
  let surchargeFen = 0;
  let surchargeReason: string | null = null;
  const s = p.surcharge;
  if (s && pay >= s.from) {
    const exemptGroup = applying.find((m) => s.exemptGroups.has(m.group.doc.code));
    const needy = s.exemptNeedy ? categories.find((c) => c.doc.needy && eligible.includes(c)) : undefined;
    if (exemptGroup) surchargeReason = `exempt from the late surcharge as ${exemptGroup.group.doc.name}`;
    else if (needy) surchargeReason = `exempt from the late surcharge as a needy person (困难人口: ${needy.doc.name})`;
    else {
      surchargeFen = p.governmentFen;
      surchargeReason = `paid on or after ${fromDay(s.from)}: the government subsidy of ${yuan(p.governmentFen)} is added to the individual fee`;
    }
    trace.push({ rule: 'late-surcharge', clause: s.clause, detail: surchargeReason });
  }

  // --- when benefits start
  const start = benefitStart(p, window, applying, pay, birth, feeLines, trace);
  const end = start.end;
  const covers = start.day <= end;
  let noCoverageReason: string | null = null;
  if (!covers) {
    noCoverageReason = `benefits would start on ${fromDay(start.day)}, after coverage year ${p.year} ends (${fromDay(end)}): this payment buys no coverage in ${p.year}`;
    trace.push({ rule: 'coverage', clause: start.clause, detail: noCoverageReason });
  }

  const amountDueFen = individualFeeFen + surchargeFen - subsidyTotalFen;
  trace.push({
    rule: 'amount-due',
    clause: null,
    detail: `${yuan(individualFeeFen)} + surcharge ${yuan(surchargeFen)} − subsidy ${yuan(subsidyTotalFen)} = ${yuan(amountDueFen)}`,
  });

  return {
    coverageYear: p.year,
    paymentDate: req.paymentDate,
    window: { code: w.code, name: w.name, kind: w.kind, from: w.from, to: w.to, clause: w.clause },
    feeLines,
    individualFeeFen,
    surchargeFen,
    surchargeReason,
    subsidies,
    subsidyTotalFen,
    amountDueFen,
    benefitStart: covers ? fromDay(start.day) : null,
    benefitEnd: covers ? fromDay(end) : null,
    coversCoverageYear: covers,
    noCoverageReason,
    retroactive: start.retroactive,
    waitingRule: describeWaiting(start.waiting),
    waitingKind: start.waiting.kind,
    convention: start.waiting.kind === 'none' ? null : CONVENTION_TEXT[start.waiting.convention] ?? start.waiting.convention,
    appliedGroups: applying.map((m) => m.group.doc.code),
    ignoredCategories,
    trace,
  };
}

/**
 * The first rule of a group whose conditions hold for this payment (or null), and whether the person is
 * a member at all: a group with rules applies when one of them holds, or when a rule fails only on its
 * payment dates (the person is still, say, a freshman; the rule is for other dates). A rule failing on
 * the person (too old, too long after the event) does not make them a member.
 */
function matchRule(g: CompiledGroup, pay: Day, birth: Day | null, event: Day | null): { rule: CompiledGroupRule | null; member: boolean } {
  if (g.rules.length === 0) return { rule: null, member: true };
  let member = false;
  for (const r of g.rules) {
    const datesHold = (r.paidFrom === null || pay >= r.paidFrom) && (r.paidBy === null || pay <= r.paidBy);
    const person = personHolds(g, r, pay, birth, event, datesHold);
    if (datesHold && person === true) return { rule: r, member: true };
    if (!datesHold && person !== false) member = true;
  }
  return { rule: null, member };
}

/** Whether a rule's personal conditions hold: true, false, or null when an input it needs is missing on a rule that is not in force. */
function personHolds(g: CompiledGroup, r: CompiledGroupRule, pay: Day, birth: Day | null, event: Day | null, required: boolean): boolean | null {
  const w = r.doc.when;
  const needsBirth = w.withinDaysOfBirth || w.afterDaysOfBirth || w.bornInYear !== undefined || w.paidBeforeAgeYears !== undefined || r.doc.benefitStart === 'birth-date';
  if (needsBirth) {
    if (birth === null) {
      if (!required) return null;
      throw new QuoteError('birthDate', `is required for ${g.doc.name} (${g.doc.code}): its rules depend on the date of birth`);
    }
    const days = pay - birth;
    if (w.withinDaysOfBirth && !(w.withinDaysOfBirth.inclusive ? days <= w.withinDaysOfBirth.days : days < w.withinDaysOfBirth.days)) return false;
    if (w.afterDaysOfBirth && !(w.afterDaysOfBirth.inclusive ? days >= w.afterDaysOfBirth.days : days > w.afterDaysOfBirth.days)) return false;
    if (w.bornInYear !== undefined && ymd(birth)[0] !== w.bornInYear) return false;
    if (w.paidBeforeAgeYears !== undefined && ageOn(birth, pay) >= w.paidBeforeAgeYears) return false;
  }
  if (w.withinMonthsOfEvent) {
    if (event === null) {
      if (!required) return null;
      throw new QuoteError('eventDate', `is required for ${g.doc.name} (${g.doc.code}): its rule counts ${w.withinMonthsOfEvent.months} months from ${w.withinMonthsOfEvent.event}`);
    }
    if (event > pay) throw new QuoteError('eventDate', `(${fromDay(event)}) is after the payment date`);
    const limit = addMonthsClamped(event, w.withinMonthsOfEvent.months);
    if (w.withinMonthsOfEvent.inclusive ? pay > limit : pay >= limit) return false;
  }
  return true;
}

/**
 * The window a payment falls in: one open to a group the person belongs to first, then one open to
 * everyone, then one for ordinary residents. A payment outside every window is refused with the reason.
 */
function findWindow(p: CompiledPolicy, pay: Day, applying: GroupMatch[], payIso: string): CompiledWindow {
  let everyone: CompiledWindow | undefined;
  let ordinary: CompiledWindow | undefined;
  let registrationOnly: CompiledWindow | undefined;
  for (const w of p.windows) {
    if (pay < w.from || pay > w.to) continue;
    if (!w.doc.acceptsPayment) {
      registrationOnly ??= w;
      continue;
    }
    if (w.doc.who === 'listed-groups') {
      if (applying.some((m) => w.groups.has(m.group.doc.code))) return w;
    } else if (w.doc.who === 'everyone') everyone ??= w;
    else ordinary ??= w;
  }
  if (everyone) return everyone;
  if (ordinary) return ordinary;
  const anytime = applying.find((m) => m.group.doc.enrollAnytime);
  if (anytime && pay >= p.firstPaymentDay) {
    // A group that may enroll at any time, on a day no window covers: its own rules decide.
    return {
      index: -1,
      from: pay,
      to: p.coverageEnd,
      groups: new Set([anytime.group.doc.code]),
      doc: {
        code: `anytime-${anytime.group.doc.code}`,
        kind: 'dynamic',
        name: `${anytime.group.doc.name}随时参保`,
        from: fromDay(pay),
        to: fromDay(p.coverageEnd),
        acceptsPayment: true,
        who: 'listed-groups',
        groups: [anytime.group.doc.code],
        benefitStart: 'day-after-payment',
        waiting: { kind: 'none' },
        clause: anytime.group.doc.clause,
      },
    };
  }
  if (registrationOnly) {
    const next = p.windows.filter((w) => w.doc.acceptsPayment && w.from > pay).sort((a, b) => a.from - b.from)[0];
    throw new QuoteError(
      'paymentDate',
      `(${payIso}) falls in ${registrationOnly.doc.name}, which takes registrations but no payments${next ? `; payments open on ${next.doc.from} (${next.doc.name})` : ''}`,
    );
  }
  if (pay < p.firstPaymentDay) {
    const first = p.windows.find((w) => w.doc.acceptsPayment && w.from === p.firstPaymentDay)!;
    throw new QuoteError('paymentDate', `(${payIso}) is before payments open for ${p.year}: ${first.doc.name} opens on ${first.doc.from}`);
  }
  const listed = p.windows.filter((w) => pay >= w.from && pay <= w.to && w.doc.who === 'listed-groups');
  const open = listed.map((w) => w.doc.groups.map((g) => p.groupByCode.get(g)?.doc.name ?? g).join('、')).join('; ');
  throw new QuoteError(
    'paymentDate',
    `(${payIso}) is outside every window open to this person${open ? `; on that date only these groups may enroll: ${open}` : ''}`,
  );
}

/** Why a category's conditions are not met (only age can be judged; the agency certifies the rest), or null. */
function conditionFailure(p: CompiledPolicy, c: CompiledCategory, birth: Day | null): string | null {
  if (!c.ageSets) return null;
  if (birth === null) throw new QuoteError('birthDate', `is required: ${c.doc.name} (${c.doc.code}) applies by age, judged on ${p.ageReferenceIso}`);
  const age = ageOn(birth, p.ageReference);
  const ok = c.ageSets.some((s) => (s.min === undefined || age >= s.min) && (s.below === undefined || age < s.below));
  if (ok) return null;
  const want = c.ageSets.map((s) => [s.min !== undefined ? `≥ ${s.min}` : '', s.below !== undefined ? `< ${s.below}` : ''].filter(Boolean).join(' and ')).join(' or ');
  return `age ${age} on ${p.ageReferenceIso} is not ${want}`;
}

function benefitText(c: CompiledCategory): string {
  const b = c.doc.benefit;
  switch (b.kind) {
    case 'full':
      return 'full';
    case 'percent':
      return `${b.percent}% of the fee`;
    case 'fixed-subsidy':
      return `fixed ${yuan(b.amountFen)}`;
    case 'fixed-payment':
      return `person pays ${yuan(b.amountFen)}`;
    case 'person-pays-percent':
      return `person pays ${b.percent}%`;
    case 'reduction':
      return `${yuan(b.amountFen)} off`;
    case 'same-as':
      return `as ${b.category}`;
  }
}

/** One subsidy per person: the most favourable, the highest, or the last in the priority order. */
function stack(p: CompiledPolicy, eligible: CompiledCategory[], trace: TraceStep[]): CompiledCategory | null {
  if (eligible.length === 0) return null;
  const st = p.doc.stacking;
  let chosen = eligible[0]!;
  if (st.rule === 'priority-order') {
    for (const c of eligible) if (c.rank > chosen.rank) chosen = c;
  } else {
    for (const c of eligible) if (c.subsidyFen > chosen.subsidyFen) chosen = c;
  }
  if (eligible.length > 1) {
    const how =
      st.rule === 'priority-order'
        ? 'the last matching category in the priority order applies'
        : st.rule === 'highest'
          ? 'the highest subsidy applies (就高)'
          : 'only one subsidy applies, the most favourable to the person';
    trace.push({ rule: 'stacking', clause: st.clause, detail: `${how}${st.convention ? ' (convention: the notice states no rule)' : ''}: ${chosen.doc.name}` });
  }
  return chosen;
}

interface Start {
  day: Day;
  end: Day;
  waiting: WaitingRule;
  retroactive: boolean;
  clause: string;
}

function afterWaiting(pay: Day, w: WaitingRule): Day {
  switch (w.kind) {
    case 'none':
      return pay;
    case 'days':
      return w.convention === 'payment-day-is-day-1' ? pay + w.days : pay + w.days + 1;
    case 'months':
      return addMonthsClamped(pay, w.months);
    case 'nth-month':
      return firstOfNthMonth(pay, w.n);
  }
}

/**
 * Benefit start: the window's rule, or a special group's when one applies; among several, the earliest
 * (the most favourable to the person). A start before the coverage year is moved to 1 January, except
 * where the rule itself covers earlier (a fixed start date, a freshman's months before the year, fees
 * paid for an earlier year).
 */
function benefitStart(
  p: CompiledPolicy,
  window: CompiledWindow,
  applying: GroupMatch[],
  pay: Day,
  birth: Day | null,
  feeLines: FeeLine[],
  trace: TraceStep[],
): Start {
  const w = window.doc;
  const none: WaitingRule = { kind: 'none' };
  const at = (kind: string, waiting: WaitingRule, fixed: Day | null): Day => {
    switch (kind) {
      case 'coverage-start':
        return p.coverageStart;
      case 'payment-day':
        return pay;
      case 'day-after-payment':
        return pay + 1;
      case 'birth-date':
        if (birth === null) throw new QuoteError('birthDate', 'is required: benefits start on the date of birth');
        return birth;
      case 'fixed-date':
        return fixed ?? p.coverageStart;
      default:
        return afterWaiting(pay, waiting);
    }
  };
  const paysEarlierYear = feeLines.some((l) => l.coverageYear < p.year);
  const candidates: (Start & { label: string; mayPrecede: boolean })[] = [];
  candidates.push({
    day: at(w.benefitStart, w.waiting, null),
    end: p.coverageEnd,
    waiting: w.waiting,
    retroactive: false,
    clause: w.clause,
    label: `${w.name}: ${w.benefitStart}${w.waiting.kind === 'none' ? '' : `, waiting ${describeWaiting(w.waiting)}`}`,
    mayPrecede: paysEarlierYear,
  });
  for (const m of applying) {
    const g = m.group.doc;
    if (m.rule) {
      const r = m.rule.doc;
      const waiting = r.benefitStart === 'after-waiting' ? r.waiting ?? none : none;
      candidates.push({
        day: at(r.benefitStart, waiting, m.rule.startDate),
        end: m.rule.end ?? p.coverageEnd,
        waiting,
        retroactive: r.retroactive,
        clause: r.clause,
        label: `${g.name}: ${r.benefitStart}${waiting.kind === 'none' ? '' : `, waiting ${describeWaiting(waiting)}`}`,
        mayPrecede: r.benefitStart === 'fixed-date' || r.fee === 'none-for-current-year' || r.fee === 'next-year-only' || paysEarlierYear,
      });
    } else if (g.waitingExempt && w.waiting.kind !== 'none') {
      candidates.push({
        day: pay,
        end: p.coverageEnd,
        waiting: none,
        retroactive: false,
        clause: g.externalRules?.clause ?? g.clause,
        label: `${g.name}: exempt from the waiting period${g.externalRules ? ` (details per ${g.externalRules.reference})` : ''}; from the payment day by convention`,
        mayPrecede: false,
      });
    }
  }
  // A special group's rule is the more specific one: it replaces the window's; among several groups,
  // the earliest start (the most favourable to the person) applies.
  const effective = (c: Start & { mayPrecede: boolean }) => {
    const d = c.mayPrecede ? c.day : Math.max(c.day, p.coverageStart);
    return birth !== null ? Math.max(d, birth) : d;
  };
  const pool = candidates.length > 1 ? candidates.slice(1) : candidates;
  let best = pool[0]!;
  for (const c of pool) if (effective(c) < effective(best)) best = c;
  const day = effective(best);
  const moved =
    day === best.day ? '' : birth !== null && day === birth ? ' (not before the date of birth)' : ` (moved to the start of coverage year ${p.year})`;
  trace.push({
    rule: 'benefit-start',
    clause: best.clause,
    detail: `${best.label} → ${fromDay(day)}${moved}${best.waiting.kind !== 'none' ? `; ${CONVENTION_TEXT[best.waiting.convention] ?? ''}` : ''}`,
  });
  return { day, end: best.end, waiting: best.waiting, retroactive: best.retroactive, clause: best.clause };
}
