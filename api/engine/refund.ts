import { yuan, type RefundReason } from '../../policy-schemas/index.js';
import type { CompiledCategory, CompiledPolicy } from './compile.js';
import { fromDay, toDay } from './dates.js';
import { quote } from './quote.js';
import { QuoteError } from './quote/error.js';
import { identify, type QuoteRequest } from './quote/person.js';
import { certificationRuleFor, judgeCategory } from './quote/subsidy.js';
import { code, zhDate, zhMoney, type EngineLang, type EngineOptions } from './quote/lang.js';

/** Why a refund is asked for: a reason of the notice's refund rules, or a certification after paying (Lingyuan 四（六）). */
export const REFUND_REQUEST_REASONS = ['death', 'duplicate-payment', 'joined-employee-insurance', 'joined-other-city', 'newly-certified'] as const;
export type RefundRequestReason = (typeof REFUND_REQUEST_REASONS)[number];

export interface RefundRequest extends QuoteRequest {
  /** The day of the event behind the request (death, joining employee insurance, certification …). */
  eventDate: string;
  reason: RefundRequestReason;
}

export interface RefundDecision {
  refundable: boolean;
  reason: string;
  clause: string | null;
  /** The day the person's benefit period starts for that payment (refunds end there). */
  benefitStart: string | null;
  /** What is refunded, where refundable: the contribution paid, or the subsidy a newly certified person did not get. */
  amountFen: number | null;
}

/** The wording of refund decisions and refusals (English; `refundTextZh` is the Chinese twin). */
export const refundText = {
  reason: {
    death: 'death',
    'duplicate-payment': 'duplicate payment',
    'joined-employee-insurance': 'joining employee insurance',
    'joined-other-city': "joining another city's resident insurance",
    'newly-certified': 'a person certified in a subsidy category after paying',
  } satisfies Record<RefundRequestReason, string>,
  eventBeforePayment: (eventIso: string, payIso: string) => `(${eventIso}) is before the payment date (${payIso})`,
  noRule: (what: string) => `the notice states no refund rule for ${what}`,
  afterStart: (what: string, eventIso: string, startIso: string) =>
    `${what} on ${eventIso} is on or after the start of the benefit period (${startIso}): the contribution is no longer refunded`,
  refundable: (what: string, eventIso: string, startIso: string | null, procedure: { title: string; number: string } | undefined) =>
    `${what} on ${eventIso}, before the benefit period starts${startIso ? ` (${startIso})` : ''}: refundable when the enrollment is stopped or ended${procedure ? `, following ${procedure.title}（${procedure.number}）` : ''}`,
  noCategory: 'name the category the person was certified in (categories or certifications)',
  certifiedBeforePaying: (category: string, certIso: string, payIso: string) =>
    `${category}: certified on ${certIso}, not after the payment on ${payIso}: the payment itself is subsidised as the quote says; nothing is refunded`,
  conditionsFail: (category: string, why: string) => `${category}: not applied (${why}); nothing is refunded`,
  newlyCertifiedNoRule: (category: string, certIso: string) => `the notice states no refund rule for a person certified after paying (${category}, certified on ${certIso})`,
  newlyCertifiedNoSubsidy: (category: string, certIso: string) => `${category}: certified on ${certIso}, after paying: no subsidy for the year (认定前个人当年已参保的，不再资助参保); nothing is refunded`,
  newlyCertifiedRefund: (category: string, certIso: string, payIso: string, amountFen: number) =>
    `${category}: certified on ${certIso}, after the payment on ${payIso}: the subsidy of ${yuan(amountFen)} is refunded (对已参保缴费的减免对象办理退费)`,
};

/** The Chinese wording of refund decisions and refusals. */
export const refundTextZh: typeof refundText = {
  reason: {
    death: '死亡',
    'duplicate-payment': '重复缴费',
    'joined-employee-insurance': '参加职工医保',
    'joined-other-city': '在外地参加居民医保',
    'newly-certified': '缴费后新认定为资助对象',
  },
  eventBeforePayment: (eventIso: string, payIso: string) => `（${zhDate(eventIso)}）早于缴费日期（${zhDate(payIso)}）`,
  noRule: (what: string) => `通知未规定${what}的退费`,
  afterStart: (what: string, eventIso: string, startIso: string) =>
    `${what}发生于${zhDate(eventIso)}，在待遇享受期开始之日（${zhDate(startIso)}）或之后：个人缴费不再退还`,
  refundable: (what: string, eventIso: string, startIso: string | null, procedure: { title: string; number: string } | undefined) =>
    `${what}发生于${zhDate(eventIso)}，在待遇享受期开始${startIso ? `（${zhDate(startIso)}）` : ''}之前：办理暂停或终止参保后可以退费${procedure ? `，按${procedure.title}（${procedure.number}）办理` : ''}`,
  noCategory: `请填写此人认定的类别（${code('categories')}或${code('certifications')}）`,
  certifiedBeforePaying: (category: string, certIso: string, payIso: string) =>
    `${category}：${zhDate(certIso)}认定，不晚于${zhDate(payIso)}缴费：本次缴费已按报价结果资助，不予退费`,
  conditionsFail: (category: string, why: string) => `${category}：不予资助（${why}）；不予退费`,
  newlyCertifiedNoRule: (category: string, certIso: string) => `通知未规定缴费后新认定人员的退费（${category}，${zhDate(certIso)}认定）`,
  newlyCertifiedNoSubsidy: (category: string, certIso: string) =>
    `${category}：${zhDate(certIso)}认定，在缴费之后：当年不再资助（认定前个人当年已参保的，不再资助参保）；不予退费`,
  newlyCertifiedRefund: (category: string, certIso: string, payIso: string, amountFen: number) =>
    `${category}：${zhDate(certIso)}认定，晚于${zhDate(payIso)}缴费：退还资助${zhMoney(amountFen)}（对已参保缴费的减免对象办理退费）`,
};

const refundTexts = { en: refundText, zh: refundTextZh } as const;

/**
 * May a payment be refunded? For a reason of the notice's refund rules: only where a rule names it, and
 * only when the event comes before the person's benefit period starts (Wuhe 四（二）); never after. For
 * a person certified after paying: as the notice's rule for newly certified people says (Lingyuan 四（六）
 * refunds; Shishi 2024 五（二） gives no subsidy). Where the notice states no rule, not refundable, saying so.
 */
export function refundDecision(p: CompiledPolicy, req: RefundRequest, options: EngineOptions = {}): RefundDecision {
  const lang = options.lang ?? 'en';
  const t = refundTexts[lang];
  const q = quote(p, req, options);
  const event = toDay(req.eventDate);
  if (event < toDay(req.paymentDate)) throw new QuoteError('eventDate', t.eventBeforePayment(req.eventDate, req.paymentDate), 'REFUND_EVENT_BEFORE_PAYMENT');
  if (req.reason === 'newly-certified') return newlyCertified(p, req, q.benefitStart, lang);
  const what = t.reason[req.reason];
  const rule = p.doc.refund?.rules.find((r) => r.reasons.includes(req.reason as RefundReason));
  if (!rule) return { refundable: false, reason: t.noRule(what), clause: null, benefitStart: q.benefitStart, amountFen: null };
  const start = q.benefitStart ? toDay(q.benefitStart) : null;
  // a refund is possible only before the benefit period starts (allowed), and never after (afterStart)
  const before = allowedBefore(rule.allowed, start, event);
  if (!before) {
    switch (rule.afterStart) {
      case 'not-refundable':
        return { refundable: false, reason: t.afterStart(what, req.eventDate, q.benefitStart!), clause: rule.clause, benefitStart: q.benefitStart, amountFen: null };
    }
  }
  return {
    refundable: true,
    reason: t.refundable(what, req.eventDate, q.benefitStart, rule.procedure),
    clause: rule.clause,
    benefitStart: q.benefitStart,
    amountFen: q.amountDueFen,
  };
}

function allowedBefore(allowed: 'before-benefit-period', start: number | null, event: number): boolean {
  switch (allowed) {
    case 'before-benefit-period':
      return start === null || event < start;
  }
}

/** A person certified in a category after paying: the notice's rule for newly certified people decides. */
function newlyCertified(p: CompiledPolicy, req: RefundRequest, benefitStart: string | null, lang: EngineLang): RefundDecision {
  const person = identify(p, req, lang);
  if (person.categories.length === 0) throw new QuoteError('categories', refundTexts[lang].noCategory, 'REFUND_CATEGORY_REQUIRED');
  // the day each category was certified: as given in certifications, else the event date
  const decisions = person.categories.map((c) => {
    const day = person.certifiedOn?.get(c.index);
    return decide(p, person, c, day !== undefined ? fromDay(day) : req.eventDate, req.paymentDate, benefitStart);
  });
  // the most a person may get back decides; else the first answer
  return decisions.filter((d) => d.refundable).sort((a, b) => b.amountFen! - a.amountFen!)[0] ?? decisions[0]!;
}

function decide(p: CompiledPolicy, person: ReturnType<typeof identify>, c: CompiledCategory, certIso: string, payIso: string, benefitStart: string | null): RefundDecision {
  const t = refundTexts[person.lang];
  const no = (reason: string, clause: string | null): RefundDecision => ({ refundable: false, reason, clause, benefitStart, amountFen: null });
  const day = toDay(certIso);
  if (day <= person.pay) return no(t.certifiedBeforePaying(c.doc.name, certIso, payIso), p.doc.certification.clause);
  const v = judgeCategory(p, c, { ...person, certifiedOn: null });
  if (v !== null && v.failure !== null) return no(t.conditionsFail(c.doc.name, v.failure), c.doc.clause);
  const rule = certificationRuleFor(p, day);
  switch (rule?.doc.ifAlreadyPaid ?? null) {
    case null:
      return no(t.newlyCertifiedNoRule(c.doc.name, fromDay(day)), null);
    case 'no-subsidy':
      return no(t.newlyCertifiedNoSubsidy(c.doc.name, certIso), rule!.doc.clause);
    case 'refund':
      return { refundable: true, reason: t.newlyCertifiedRefund(c.doc.name, certIso, payIso, c.subsidyFen), clause: rule!.doc.clause, benefitStart, amountFen: c.subsidyFen };
  }
}
