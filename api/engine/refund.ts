import type { RefundReason } from '../../policy-schemas/index.js';
import type { CompiledPolicy } from './compile.js';
import { toDay } from './dates.js';
import { quote, QuoteError, type QuoteRequest } from './quote.js';

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

const REASON_TEXT: Record<RefundReason, string> = {
  death: 'death',
  'duplicate-payment': 'duplicate payment',
  'joined-employee-insurance': 'joining employee insurance',
  'joined-other-city': "joining another city's resident insurance",
};

/**
 * May a payment be refunded? Only where the notice has a refund rule for the reason, and only when the
 * event comes before the person's benefit period starts (Wuhe 四（二）); never after.
 */
export function refundDecision(p: CompiledPolicy, req: RefundRequest): RefundDecision {
  const q = quote(p, req);
  const event = toDay(req.eventDate);
  if (event < toDay(req.paymentDate)) throw new QuoteError('eventDate', `(${req.eventDate}) is before the payment date (${req.paymentDate})`);
  const rule = p.doc.refund?.rules.find((r) => r.reasons.includes(req.reason));
  const what = REASON_TEXT[req.reason];
  if (!rule)
    return {
      refundable: false,
      reason: p.doc.refund
        ? `the notice allows no refund for ${what}`
        : `the notice of ${p.doc.jurisdiction.name} ${p.year} sets no refund rule`,
      clause: null,
      benefitStart: q.benefitStart,
    };
  const start = q.benefitStart ? toDay(q.benefitStart) : null;
  if (start !== null && event >= start)
    return {
      refundable: false,
      reason: `${what} on ${req.eventDate} is on or after the start of the benefit period (${q.benefitStart}): the contribution is no longer refunded`,
      clause: rule.clause,
      benefitStart: q.benefitStart,
    };
  return {
    refundable: true,
    reason: `${what} on ${req.eventDate}, before the benefit period starts${q.benefitStart ? ` (${q.benefitStart})` : ''}: refundable when the enrollment is stopped or ended${rule.procedure ? `, following ${rule.procedure.title}（${rule.procedure.number}）` : ''}`,
    clause: rule.clause,
    benefitStart: q.benefitStart,
  };
}
