/**
 * Why the engine refuses a request: one stable reason per kind of refusal (the API's
 * `extensions.reason`, see api/i18n/catalog.ts, where each has its entry).
 */
export const QUOTE_REFUSALS = [
  'QUOTE_DATE_MALFORMED',
  'QUOTE_BORN_AFTER_PAYMENT',
  'QUOTE_UNKNOWN_CATEGORY',
  'QUOTE_UNKNOWN_GROUP',
  'QUOTE_CERTIFIED_TWICE',
  'QUOTE_NOT_A_GRADE',
  'QUOTE_NOT_ONE_OF',
  'QUOTE_AFTER_COVERAGE_YEAR',
  'QUOTE_REGISTRATION_ONLY',
  'QUOTE_BEFORE_PAYMENTS_OPEN',
  'QUOTE_INSURED_EARLIER',
  'QUOTE_OUTSIDE_WINDOWS',
  'QUOTE_BIRTH_DATE_REQUIRED',
  'QUOTE_EVENT_DATE_REQUIRED',
  'QUOTE_EVENT_AFTER_PAYMENT',
  'REFUND_EVENT_BEFORE_PAYMENT',
  'REFUND_CATEGORY_REQUIRED',
] as const;
export type QuoteRefusal = (typeof QUOTE_REFUSALS)[number];

/**
 * A request the policy cannot answer: `field` names the input at fault, the message says why (in the
 * language the quote was asked in), `reason` which kind of refusal it is. Each step refuses with its
 * own wording (see the `…Text` tables of the steps and their Chinese twins).
 */
export class QuoteError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly reason: QuoteRefusal,
  ) {
    super(`${field}: ${message}`);
  }
  /** The message without the field. */
  get detail(): string {
    return this.message.slice(this.field.length + 2);
  }
}
