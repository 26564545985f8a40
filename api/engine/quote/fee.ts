import { yuan } from '../../../policy-schemas/index.js';
import type { CompiledPolicy } from '../compile.js';
import { ymd } from '../dates.js';
import { QuoteError } from './error.js';
import type { GroupMatch } from './groups.js';
import type { Person } from './person.js';
import type { Trace } from './trace.js';

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

/** The wording of this step's lines and refusals (English; localised later by key). */
export const feeText = {
  /** The label of the ordinary fee line (the notice's own term). */
  individualLabel: '个人缴费标准',
  specialFee: (label: string, lines: readonly FeeLine[]) => `${label}: ${lines.map((l) => `${l.coverageYear} ${yuan(l.amountFen)}`).join(' + ')}`,
  individualFee: (totalFen: number) => `individual fee ${yuan(totalFen)}`,
  birthRequired: (label: string) => `is required: ${label} depends on the year of birth`,
};

/**
 * The fee lines: the individual fee, unless a special case of an applying group holds (payments inside
 * the coverage year only: it is a fee case of dynamic enrollment; born in the stated year where it says
 * so). The first such case replaces the individual fee.
 */
export function individualFee(p: CompiledPolicy, person: Person, applying: readonly GroupMatch[], trace: Trace): Fee {
  const fees = p.doc.fees;
  let lines: FeeLine[] = [{ coverageYear: p.year, amountFen: p.feeFen, label: feeText.individualLabel, clause: fees.individual.clause }];
  for (const sc of fees.specialCases) {
    if (!applying.some((m) => m.group.doc.code === sc.group)) continue;
    if (person.pay < p.coverageStart) continue;
    if (sc.bornInYear !== null) {
      if (person.birth === null) throw new QuoteError('birthDate', feeText.birthRequired(sc.label));
      if (ymd(person.birth)[0] !== sc.bornInYear) continue;
    }
    lines = sc.charges.map((c) => ({ coverageYear: c.coverageYear, amountFen: c.amountFen, label: sc.label, clause: sc.clause }));
    trace.push({ rule: 'special-fee', clause: sc.clause, detail: feeText.specialFee(sc.label, lines) });
    break;
  }
  const totalFen = lines.reduce((a, l) => a + l.amountFen, 0);
  trace.push({ rule: 'individual-fee', clause: fees.individual.clause, detail: feeText.individualFee(totalFen) });
  return { lines, totalFen };
}
