import type { RefundReason } from '../../policy-schemas/index.js';
import type { CompiledPolicy } from './compile.js';
import { toDay } from './dates.js';
import { quote } from './quote.js';
import { QuoteError } from './quote/error.js';
import type { QuoteRequest } from './quote/person.js';

export interface RefundRequest extends QuoteRequest {
  /** The day of the event behind the request (death, joining employee insurance …). */
  eventDate: string;
  reason: RefundReason;
}

export interface RefundDecision {
  refundable: boolean;
  reason: string;
  clause: string | null;
  /** The day the person's benefit period starts for that payment (refunds end there). */
  benefitStart: string | null;
}

/** The wording of refund decisions and refusals (English; localised later by key). */
export const refundText = {
  reason: {
    death: 'death',
    'duplicate-payment': 'duplicate payment',
    'joined-employee-insurance': 'joining employee insurance',
    'joined-other-city': "joining another city's resident insurance",
  } satisfies Record<RefundReason, string>,
  eventBeforePayment: (eventIso: string, payIso: string) => `(${eventIso}) is before the payment date (${payIso})`,
  noRuleForReason: (what: string) => `the notice allows no refund for ${what}`,
  noRefundRule: (jurisdiction: string, year: number) => `the notice of ${jurisdiction} ${year} sets no refund rule`,
  afterStart: (what: string, eventIso: string, startIso: string) =>
    `${what} on ${eventIso} is on or after the start of the benefit period (${startIso}): the contribution is no longer refunded`,
  refundable: (what: string, eventIso: string, startIso: string | null, procedure: { title: string; number: string } | undefined) =>
    `${what} on ${eventIso}, before the benefit period starts${startIso ? ` (${startIso})` : ''}: refundable when the enrollment is stopped or ended${procedure ? `, following ${procedure.title}（${procedure.number}）` : ''}`,
};

/**
 * May a payment be refunded? Only where the notice has a refund rule for the reason, and only when the
 * event comes before the person's benefit period starts (Wuhe 四（二）); never after.
 */
export function refundDecision(p: CompiledPolicy, req: RefundRequest): RefundDecision {
  const q = quote(p, req);
  const event = toDay(req.eventDate);
  if (event < toDay(req.paymentDate)) throw new QuoteError('eventDate', refundText.eventBeforePayment(req.eventDate, req.paymentDate));
  const rule = p.doc.refund?.rules.find((r) => r.reasons.includes(req.reason));
  const what = refundText.reason[req.reason];
  if (!rule)
    return {
      refundable: false,
      reason: p.doc.refund ? refundText.noRuleForReason(what) : refundText.noRefundRule(p.doc.jurisdiction.name, p.year),
      clause: null,
      benefitStart: q.benefitStart,
    };
  const start = q.benefitStart ? toDay(q.benefitStart) : null;
  if (start !== null && event >= start)
    return { refundable: false, reason: refundText.afterStart(what, req.eventDate, q.benefitStart!), clause: rule.clause, benefitStart: q.benefitStart };
  return { refundable: true, reason: refundText.refundable(what, req.eventDate, q.benefitStart, rule.procedure), clause: rule.clause, benefitStart: q.benefitStart };
}
