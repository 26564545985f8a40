import { yuan } from '../../../policy-schemas/index.js';
import type { CompiledPolicy } from '../compile.js';
import { zhMoney, type EngineLang } from './lang.js';

/*
 * The trace: every step of a quote, in the order the notice is read, each with the clause it applies.
 * Each step writes its own lines (window.ts, fee.ts, …); this module holds the shape of a line and the
 * two lines that belong to no step: which policy answered, and the sum that gives the amount due.
 */

/** The steps a trace line may come from, in the order a notice is read. */
export const TRACE_RULES = [
  'policy',
  'special-group',
  'window',
  'special-fee',
  'individual-fee',
  'certification',
  'category',
  'stacking',
  'late-surcharge',
  'benefit-start',
  'coverage',
  'fee-owed',
  'amount-due',
] as const;
export type TraceRule = (typeof TRACE_RULES)[number];

export interface TraceStep {
  rule: TraceRule;
  clause: string | null;
  detail: string;
}

export type Trace = TraceStep[];

/** The wording of this module's lines (English; `traceTextZh` is the Chinese twin). */
export const traceText = {
  policy: (jurisdiction: string, year: number, documentNumber: string) => `${jurisdiction} coverage year ${year}, ${documentNumber}`,
  amountDue: (feeFen: number, surchargeFen: number, subsidyFen: number, dueFen: number) =>
    `${yuan(feeFen)} + surcharge ${yuan(surchargeFen)} − subsidy ${yuan(subsidyFen)} = ${yuan(dueFen)}`,
};

/** The Chinese wording of this module's lines. */
export const traceTextZh: typeof traceText = {
  policy: (jurisdiction: string, year: number, documentNumber: string) => `${jurisdiction} ${year}年度，${documentNumber}`,
  amountDue: (feeFen: number, surchargeFen: number, subsidyFen: number, dueFen: number) =>
    `个人缴费${zhMoney(feeFen)} + 加收${zhMoney(surchargeFen)} − 资助${zhMoney(subsidyFen)} = 应缴${zhMoney(dueFen)}`,
};

export const traceTexts = { en: traceText, zh: traceTextZh } as const;

/** A trace that starts by naming the policy answering: jurisdiction, coverage year, document number. */
export function openTrace(p: CompiledPolicy, lang: EngineLang = 'en'): Trace {
  return [{ rule: 'policy', clause: null, detail: traceTexts[lang].policy(p.doc.jurisdiction.name, p.year, p.doc.metadata.documentNumber) }];
}

/** The amount due (individual fee + surcharge − subsidy), written as the trace's last line. */
export function amountDue(trace: Trace, feeFen: number, surchargeFen: number, subsidyFen: number, lang: EngineLang = 'en'): number {
  const due = feeFen + surchargeFen - subsidyFen;
  trace.push({ rule: 'amount-due', clause: null, detail: traceTexts[lang].amountDue(feeFen, surchargeFen, subsidyFen, due) });
  return due;
}
