import { format } from '../../../policy-schemas/index.js';
import { pathValueLabel } from '../../../policy-schemas/registry.js';

/*
 * The languages the engine words its trace, assumptions, reasons and refusals in: English (the
 * default, which the engine's own tests read) and Chinese, as an officer reads a notice. Each step
 * keeps its English table (`…Text`) and a Chinese twin of the same shape (`…TextZh`); a quote picks
 * one by the `lang` it is asked in. Money, dates, percents and waiting rules are worded by
 * policy-schemas/format.ts, values of the document by the registry's labels.
 */

export type EngineLang = 'en' | 'zh';

/** Options of a quote or a refund decision. */
export interface EngineOptions {
  /** The language of the answer's words (default English). */
  lang?: EngineLang;
}

/** A calendar date as notices write it (2025年1月1日). */
export const zhDate = (iso: string): string => format.date(iso, 'zh');
/** An amount of fen in yuan as a notice's officer reads it (360.00元). */
export const zhMoney = (fen: number): string => format.money(fen);
/** The registry's Chinese label of a value of the document at `path` (the value itself when it has none). */
export const zhValue = (path: string, value: string): string => pathValueLabel(path, value, 'zh') ?? value;
/** A code of the API inside Chinese text: in backticks. */
export const code = (value: unknown): string => `\`${String(value)}\``;
/** Grade 1 to 4 as 一级 to 四级. */
export const zhGrade = (grade: number): string => `${'一二三四'[grade - 1] ?? grade}级`;
