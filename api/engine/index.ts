export { compilePolicy, type CompiledPolicy } from './compile.js';
export { quote, QuoteError, describeWaiting, type QuoteRequest, type QuoteResult, type TraceStep } from './quote.js';
export { refundDecision, type RefundDecision, type RefundRequest } from './refund.js';
