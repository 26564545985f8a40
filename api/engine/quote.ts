import type { WaitingRule } from '../../policy-schemas/index.js';
import type { CompiledPolicy } from './compile.js';
import { fromDay } from './dates.js';
import { assumptionsIn, type Assumption } from './quote/assumptions.js';
import type { EngineOptions } from './quote/lang.js';
import { benefitStart, conventionOf, describeWaiting, noCoverage } from './quote/benefit-start.js';
import { individualFee, owedFee, type FeeLine } from './quote/fee.js';
import { applyingGroups } from './quote/groups.js';
import { identify, type QuoteRequest } from './quote/person.js';
import { subsidies, subsidyLines, type QuoteSubsidy } from './quote/subsidy.js';
import { lateSurcharge } from './quote/surcharge.js';
import { amountDue, openTrace, type TraceStep } from './quote/trace.js';
import { paymentWindow, refuseAfterCoverageYear } from './quote/window.js';

/*
 * The quote: what a person owes for a coverage year if they pay on a given date, and when their
 * benefits start, with every step traced to its clause. Pure: no I/O, no clock, no timezone.
 * The steps, in the order the notice is read (each in quote/, each writing its own trace lines):
 * who the person is (person, groups), the window, the fee, the subsidies, the surcharge, the benefit
 * start; then what is owed (only for years in which the payment buys benefits) and the amount due.
 */

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
  /** What the answer assumed where a rule depends on a fact the request did not give. */
  assumptions: readonly Assumption[];
  trace: TraceStep[];
}

const NO_ASSUMPTIONS: readonly Assumption[] = Object.freeze([]);

/** The quote of a request; its words (trace, reasons, assumptions, refusals) in `options.lang` (default English). */
export function quote(p: CompiledPolicy, req: QuoteRequest, options: EngineOptions = {}): QuoteResult {
  const lang = options.lang ?? 'en';
  const person = identify(p, req, lang);
  const trace = openTrace(p, lang);
  refuseAfterCoverageYear(p, person);
  const applying = applyingGroups(p, person, trace);
  const choice = paymentWindow(p, person, applying, trace);
  const candidateFee = individualFee(p, person, applying, trace);
  const subsidy = subsidies(p, person, trace);
  const surcharge = lateSurcharge(p, person, applying, subsidy.eligible, trace);
  const start = benefitStart(p, person, choice.window, applying, candidateFee.lines, trace);
  const noCoverageReason = noCoverage(p, start, trace, lang);
  const covers = noCoverageReason === null;
  // what is owed: nothing for a year the payment buys no benefits in
  const fee = owedFee(p, candidateFee, start, covers, trace, lang);
  const subsidyTotalFen = covers && subsidy.chosen ? subsidy.chosen.subsidyFen : 0;
  const surchargeFen = covers ? surcharge.amountFen : 0;
  let assumptions = covers ? subsidy.assumptions : NO_ASSUMPTIONS;
  if (choice.assumption) assumptions = [choice.assumption, ...assumptions];
  const w = choice.window.doc;
  return {
    coverageYear: p.year,
    paymentDate: req.paymentDate,
    window: { code: w.code, name: w.name, kind: w.kind, from: w.from, to: w.to, clause: w.clause },
    feeLines: fee.lines,
    individualFeeFen: fee.totalFen,
    surchargeFen,
    surchargeReason: covers ? surcharge.reason : null,
    subsidies: covers ? subsidyLines(subsidy.chosen) : [],
    subsidyTotalFen,
    amountDueFen: amountDue(trace, fee.totalFen, surchargeFen, subsidyTotalFen, lang),
    benefitStart: covers ? fromDay(start.day) : null,
    benefitEnd: covers ? fromDay(start.end) : null,
    coversCoverageYear: covers,
    noCoverageReason,
    retroactive: start.retroactive,
    waitingRule: describeWaiting(start.waiting, lang),
    waitingKind: start.waiting.kind,
    convention: conventionOf(start.waiting, lang),
    appliedGroups: applying.map((m) => m.group.doc.code),
    ignoredCategories: subsidy.ignored,
    assumptions: assumptionsIn(assumptions, lang),
    trace,
  };
}
