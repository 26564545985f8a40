import { yuan } from '../../../policy-schemas/index.js';
import type { CompiledCategory, CompiledPolicy } from '../compile.js';
import { fromDay } from '../dates.js';
import type { GroupMatch } from './groups.js';
import type { Person } from './person.js';
import type { Trace } from './trace.js';
import { zhDate, zhMoney } from './lang.js';

/*
 * The late surcharge (Shishi from 07-01, Lingyuan from 2022-07-01): a payment on or after the notice's
 * date costs the individual fee plus the government subsidy, unless an exempt group applies or, where
 * the notice says so, the person is in a needy (困难人口) category that holds.
 */

export interface Surcharge {
  amountFen: number;
  /** Why there is or is not a surcharge; null where the notice sets none or the payment is before it. */
  reason: string | null;
}

/** The wording of this step's lines (English; `surchargeTextZh` is the Chinese twin). */
export const surchargeText = {
  exemptGroup: (group: string) => `exempt from the late surcharge as ${group}`,
  exemptNeedy: (category: string) => `exempt from the late surcharge as a needy person (困难人口: ${category})`,
  charged: (fromIso: string, governmentFen: number) => `paid on or after ${fromIso}: the government subsidy of ${yuan(governmentFen)} is added to the individual fee`,
};

/** The Chinese wording of this step's lines. */
export const surchargeTextZh: typeof surchargeText = {
  exemptGroup: (group: string) => `${group}，免于加收`,
  exemptNeedy: (category: string) => `困难人口（${category}），免于加收`,
  charged: (fromIso: string, governmentFen: number) => `${zhDate(fromIso)}起（含当日）缴费，在个人缴费外按财政补助标准加收${zhMoney(governmentFen)}`,
};

const surchargeTexts = { en: surchargeText, zh: surchargeTextZh } as const;

const NONE: Surcharge = Object.freeze({ amountFen: 0, reason: null });

/** The surcharge on this payment; `eligible`: the person's categories whose conditions hold. */
export function lateSurcharge(p: CompiledPolicy, person: Person, applying: readonly GroupMatch[], eligible: readonly CompiledCategory[], trace: Trace): Surcharge {
  const s = p.surcharge;
  if (!s || person.pay < s.from) return NONE;
  let amountFen = 0;
  let reason: string;
  const t = surchargeTexts[person.lang];
  const exemptGroup = applying.find((m) => s.exemptGroups.has(m.group.doc.code));
  const needy = s.exemptNeedy ? person.categories.find((c) => c.doc.needy && eligible.includes(c)) : undefined;
  if (exemptGroup) reason = t.exemptGroup(exemptGroup.group.doc.name);
  else if (needy) reason = t.exemptNeedy(needy.doc.name);
  else {
    amountFen = s.amountFen;
    reason = t.charged(fromDay(s.from), s.amountFen);
  }
  trace.push({ rule: 'late-surcharge', clause: s.clause, detail: reason });
  return { amountFen, reason };
}
