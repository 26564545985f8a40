import { yuan } from '../../../policy-schemas/index.js';
import type { CompiledPolicy } from '../compile.js';
import { fromDay, toDay, ymd } from '../dates.js';
import type { Start } from './benefit-start.js';
import { QuoteError } from './error.js';
import type { GroupMatch } from './groups.js';
import type { Person } from './person.js';
import type { Trace } from './trace.js';
import { zhDate, zhMoney } from './lang.js';

/*
 * The individual fee (个人缴费标准) for the coverage year, or a special fee case of a group that
 * replaces it, possibly over several coverage years (Wuhe's 2023-born newborns: 350 for 2023 + 380
 * for 2024).
 */

export interface FeeLine {
  coverageYear: number;
  amountFen: number;
  label: string;
  clause: string;
}

export interface Fee {
  lines: FeeLine[];
  /** The sum of the lines. */
  totalFen: number;
}

/** The wording of this step's lines and refusals (English; `feeTextZh` is the Chinese twin). */
export const feeText = {
  /** The label of the ordinary fee line (the notice's own term). */
  individualLabel: '个人缴费标准',
  specialFee: (label: string, lines: readonly FeeLine[]) => `${label}: ${lines.map((l) => `${l.coverageYear} ${yuan(l.amountFen)}`).join(' + ')}`,
  individualFee: (totalFen: number) => `individual fee ${yuan(totalFen)}`,
  birthRequired: (label: string) => `is required: ${label} depends on the year of birth`,
  lineNotOwed: (line: FeeLine, startIso: string) =>
    `${line.label} for ${line.coverageYear} (${yuan(line.amountFen)}) is not owed: benefits start on ${startIso}, after ${line.coverageYear}`,
  nothingOwed: (year: number) => `the payment buys no coverage in ${year}: no fee, subsidy or surcharge is owed for it`,
};

/** The Chinese wording of this step's lines and refusals. */
export const feeTextZh: typeof feeText = {
  individualLabel: '个人缴费标准',
  specialFee: (label: string, lines: readonly FeeLine[]) => `${label}：${lines.map((l) => `${l.coverageYear}年度${zhMoney(l.amountFen)}`).join(' + ')}`,
  individualFee: (totalFen: number) => `个人缴费${zhMoney(totalFen)}`,
  birthRequired: (label: string) => `必须填写：${label}按出生年份确定`,
  lineNotOwed: (line: FeeLine, startIso: string) =>
    `${line.label}中${line.coverageYear}年度的${zhMoney(line.amountFen)}无须缴纳：待遇自${zhDate(startIso)}起享受，已在${line.coverageYear}年度之后`,
  nothingOwed: (year: number) => `本次缴费不能享受${year}年度待遇：该年度不收个人缴费，也不计资助和加收`,
};

const feeTexts = { en: feeText, zh: feeTextZh } as const;

/**
 * The fee lines: the individual fee, unless a special case of an applying group holds (for payments
 * from its `paidFrom`, born in the stated year where it says so). The first such case replaces the
 * individual fee. Which lines are owed is known once the benefit start is (`owedFee`).
 */
export function individualFee(p: CompiledPolicy, person: Person, applying: readonly GroupMatch[], trace: Trace): Fee {
  const fees = p.doc.fees;
  const t = feeTexts[person.lang];
  let lines: FeeLine[] = [{ coverageYear: p.year, amountFen: p.feeFen, label: t.individualLabel, clause: fees.individual.clause }];
  for (const sc of fees.specialCases) {
    if (!applying.some((m) => m.group.doc.code === sc.group)) continue;
    if (sc.paidFrom !== null && person.pay < toDay(sc.paidFrom)) continue;
    if (sc.bornInYear !== null) {
      if (person.birth === null) throw new QuoteError('birthDate', t.birthRequired(sc.label), 'QUOTE_BIRTH_DATE_REQUIRED');
      if (ymd(person.birth)[0] !== sc.bornInYear) continue;
    }
    lines = sc.charges.map((c) => ({ coverageYear: c.coverageYear, amountFen: c.amountFen, label: sc.label, clause: sc.clause }));
    trace.push({ rule: 'special-fee', clause: sc.clause, detail: t.specialFee(sc.label, lines) });
    break;
  }
  const totalFen = lines.reduce((a, l) => a + l.amountFen, 0);
  trace.push({ rule: 'individual-fee', clause: fees.individual.clause, detail: t.individualFee(totalFen) });
  return { lines, totalFen };
}

const NO_FEE: Fee = Object.freeze({ lines: Object.freeze([]) as unknown as FeeLine[], totalFen: 0 });

/**
 * The lines owed: a line is owed only for a coverage year in which the payment buys benefits (DOMAIN.md,
 * Wuhe's 2023 newborns: benefits from 2024 owe the 2024 line alone); a payment that buys no coverage in
 * the coverage year owes nothing. Each line dropped is in the trace.
 */
export function owedFee(p: CompiledPolicy, fee: Fee, start: Start, covers: boolean, trace: Trace, lang: Person['lang'] = 'en'): Fee {
  const t = feeTexts[lang];
  if (!covers) {
    trace.push({ rule: 'fee-owed', clause: p.doc.fees.individual.clause, detail: t.nothingOwed(p.year) });
    return NO_FEE;
  }
  if (fee.lines.length === 1 && fee.lines[0]!.coverageYear === p.year) return fee;
  // a line for an earlier year is owed when benefits start before this coverage period
  const owed = fee.lines.filter((l) => l.coverageYear >= p.year || start.day < p.coverageStart);
  if (owed.length === fee.lines.length) return fee;
  for (const l of fee.lines) if (!owed.includes(l)) trace.push({ rule: 'fee-owed', clause: l.clause, detail: t.lineNotOwed(l, fromDay(start.day)) });
  return { lines: owed, totalFen: owed.reduce((a, l) => a + l.amountFen, 0) };
}
