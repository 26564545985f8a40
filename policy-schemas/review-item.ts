/*
 * A review item (待核对事项) as the API computes it (api/modules/policy/review-items.ts) and the console
 * shows it (admin/src/versions/review-items.tsx): one shape for both. They differ only in how a kind, a
 * settlement and a time are held: the stored values and a Date in the API, the GraphQL enum names
 * and an ISO string in the console.
 */

/** What a review item is about (the GraphQL enum ReviewItemKind: DOCUMENT_NUMBER …). */
export const REVIEW_KINDS = ['document-number', 'issue-date', 'basis', 'dated-text', 'roster', 'quota-table', 'figure', 'source-jurisdiction', 'unit'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** How a review item was settled (the GraphQL enum ReviewSettlement: CHANGED, ACKNOWLEDGED). */
export const REVIEW_SETTLEMENTS = ['changed', 'acknowledged'] as const;

export interface ReviewItemOf<Kind extends string, How extends string, When> {
  /** Stable within the draft: what `acknowledgeReviewItems` names. */
  key: string;
  kind: Kind;
  /** Where in the document: `metadata.documentNumber`, `categories[2].agency`. */
  path: string;
  /** The field in Chinese. */
  label: string;
  /** What to check, in Chinese. */
  check: string;
  blocking: boolean;
  /** Whether an acknowledgement can settle it (otherwise only a change can). */
  acknowledgeable: boolean;
  settled: boolean;
  settledHow: How | null;
  settledBy: string | null;
  settledAt: When | null;
  comment: string | null;
}
