/*
 * The engine's public surface: pure functions from a policy document (compiled once) and a person or
 * a cohort to a quote with its trace, a refund decision, or an impact. Nothing here reads a file, a
 * database, the network or the clock (pure.spec.ts checks the imports).
 */
export { compilePolicy, type CompiledPolicy } from './compile.js';
export { quote, type QuoteResult } from './quote.js';
export { QuoteError } from './quote/error.js';
export { describeWaiting } from './quote/benefit-start.js';
export type { FeeLine } from './quote/fee.js';
export { DISABILITY_KINDS, HOUSEHOLD_ROLES, MARITAL_STATUSES, RESIDENCES, SEXES, type PersonFacts, type QuoteRequest } from './quote/person.js';
export { ASSUMED_FACTS, type AssumedFact, type Assumption } from './quote/assumptions.js';
export type { QuoteSubsidy } from './quote/subsidy.js';
export { TRACE_RULES, type TraceRule, type TraceStep } from './quote/trace.js';
export { REFUND_REQUEST_REASONS, refundDecision, type RefundDecision, type RefundRequest, type RefundRequestReason } from './refund.js';
export { impact, type ChangeCause, type ChangeGroup, type ImpactResult, type PersonChange } from './impact.js';
export { bytesPerPerson, ColumnsBuilder, NO_DATE, type CohortColumns } from './impact/columns.js';
export type { SideResult } from './impact/evaluate.js';
export type { Totals } from './impact/totals.js';
export { QUOTE_REFUSALS, type QuoteRefusal } from './quote/error.js';
export type { EngineLang, EngineOptions } from './quote/lang.js';
