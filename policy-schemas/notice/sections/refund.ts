import type { SectionBuilder } from '../statement.js';
import { cite, refundReason } from '../words.js';

/** 退费: the reasons a payment is refunded before the benefit period starts, and the procedure. */
export const refund: SectionBuilder = ({ doc }) =>
  (doc.refund?.rules ?? []).map((r, i) => ({
    path: `refund.rules[${i}]`,
    clause: r.clause,
    text:
      `已缴费人员因${r.reasons.map(refundReason).join('、')}等原因申请退费的，须在待遇享受期开始前提出；待遇享受期开始后，不予退费。` +
      (r.procedure ? `退费手续按${cite(r.procedure.title, r.procedure.number)}办理。` : ''),
  }));
