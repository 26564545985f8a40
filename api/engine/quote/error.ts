/**
 * A request the policy cannot answer: `field` names the input at fault, the message says why. Each
 * step refuses with its own wording (see the `…Text` tables of the steps).
 */
export class QuoteError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
