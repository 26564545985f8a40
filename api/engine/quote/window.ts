import type { CompiledPolicy, CompiledWindow } from '../compile.js';
import { fromDay } from '../dates.js';
import { QuoteError } from './error.js';
import type { GroupMatch } from './groups.js';
import type { Assumption } from './assumptions.js';
import type { Person } from './person.js';
import type { Trace } from './trace.js';
import { format } from '../../../policy-schemas/index.js';
import { zhDate } from './lang.js';

/*
 * The window a payment falls in (集中参保缴费期, 延长参保缴费期, 补缴期, dynamic enrollment, …): it
 * decides, for everyone not in a special group, when benefits start. A payment no window takes is
 * refused with the reason: after the coverage year, before payments open, in a registration-only
 * period, or on a day only listed groups may enroll.
 */

/** The wording of this step's lines and refusals (English; `windowTextZh` is the Chinese twin). */
export const windowText = {
  window: (name: string, fromIso: string, toIso: string) => `${name} ${fromIso} – ${toIso}`,
  afterCoverageYear: (payIso: string, year: number, endIso: string) =>
    `(${payIso}) is after coverage year ${year} ended (${endIso}); no payment for ${year} is possible`,
  registrationOnly: (payIso: string, window: string, next: { name: string; from: string } | null) =>
    `(${payIso}) falls in ${window}, which takes registrations but no payments${next ? `; payments open on ${next.from} (${next.name})` : ''}`,
  beforePaymentsOpen: (payIso: string, year: number, first: { name: string; from: string }) =>
    `(${payIso}) is before payments open for ${year}: ${first.name} opens on ${first.from}`,
  insuredEarlier: (payIso: string, window: string, condition: string, year: number, clause: string) =>
    `(${payIso}) falls in ${window}, open only to ${condition} (${clause}); the person had basic insurance earlier in ${year} and no other window takes the payment`,
  outsideEveryWindow: (payIso: string, openTo: string) =>
    `(${payIso}) is outside every window open to this person${openTo ? `; on that date only these groups may enroll: ${openTo}` : ''}`,
};

/** The Chinese wording of this step's lines and refusals. */
export const windowTextZh: typeof windowText = {
  window: (name: string, fromIso: string, toIso: string) => `${name} ${format.dateRange(fromIso, toIso)}`,
  afterCoverageYear: (payIso: string, year: number, endIso: string) =>
    `（${zhDate(payIso)}）晚于${year}年度待遇期结束日（${zhDate(endIso)}）；不能再缴纳${year}年度的费用`,
  registrationOnly: (payIso: string, window: string, next: { name: string; from: string } | null) =>
    `（${zhDate(payIso)}）在${window}内，该期间只登记、不缴费${next ? `；${next.name}自${zhDate(next.from)}起缴费` : ''}`,
  beforePaymentsOpen: (payIso: string, year: number, first: { name: string; from: string }) =>
    `（${zhDate(payIso)}）早于${year}年度开始缴费之日：${first.name}自${zhDate(first.from)}起`,
  insuredEarlier: (payIso: string, window: string, condition: string, year: number, clause: string) =>
    `（${zhDate(payIso)}）在${window}内，该期间仅限${condition}（${clause}）；此人${year}年内已参加基本医保，且没有其他缴费期可以缴费`,
  outsideEveryWindow: (payIso: string, openTo: string) =>
    `（${zhDate(payIso)}）不在此人可以缴费的任何缴费期内${openTo ? `；当日仅以下群体可以参保：${openTo}` : ''}`,
};

const windowTexts = { en: windowText, zh: windowTextZh } as const;

/** The coverage year bounds every payment: refuses one made after it ended. */
export function refuseAfterCoverageYear(p: CompiledPolicy, person: Person): void {
  if (person.pay > p.coverageEnd) throw new QuoteError('paymentDate', windowTexts[person.lang].afterCoverageYear(person.payIso, p.year, fromDay(p.coverageEnd)), 'QUOTE_AFTER_COVERAGE_YEAR');
}

/**
 * The window a payment falls in: one open to everyone first, then one open to a group the person
 * belongs to, then one for ordinary residents (whose condition, where the window sets one, the person
 * must meet unless a rule of their group applies). A payment outside every window is refused with the reason.
 */
export function paymentWindow(p: CompiledPolicy, person: Person, applying: readonly GroupMatch[], trace: Trace): WindowChoice {
  const choice = findWindow(p, person, applying);
  const w = choice.window.doc;
  trace.push({ rule: 'window', clause: w.clause, detail: windowTexts[person.lang].window(w.name, w.from, w.to) });
  return choice;
}

/** The window, and what taking it assumed (null: nothing). */
export interface WindowChoice {
  window: CompiledWindow;
  assumption: Assumption | null;
}

function findWindow(p: CompiledPolicy, person: Person, applying: readonly GroupMatch[]): WindowChoice {
  const pay = person.pay;
  let everyone: CompiledWindow | undefined;
  let listed: CompiledWindow | undefined;
  let ordinary: CompiledWindow | undefined;
  let closed: CompiledWindow | undefined;
  let registrationOnly: CompiledWindow | undefined;
  for (const w of p.windows) {
    if (pay < w.from || pay > w.to) continue;
    if (!w.doc.acceptsPayment) {
      registrationOnly ??= w;
      continue;
    }
    if (w.doc.who === 'everyone') everyone ??= w;
    else if (w.doc.who === 'listed-groups') {
      if (!listed && applying.some((m) => w.groups.has(m.group.doc.code))) listed = w;
    } else if (!ordinary) {
      // a condition of the window binds ordinary residents; a group whose own rule applies is not bound
      if (w.notInsuredEarlier && person.facts.insuredEarlierInYear === true && !applying.some((m) => m.rule !== null)) closed ??= w;
      else ordinary = w;
    }
  }
  const window = everyone ?? listed ?? ordinary;
  if (window) {
    const bound = window === ordinary && window.notInsuredEarlier !== null && person.facts.insuredEarlierInYear == null && !applying.some((m) => m.rule !== null);
    return { window, assumption: bound ? window.notInsuredEarlier : null };
  }
  const payIso = person.payIso;
  const t = windowTexts[person.lang];
  if (registrationOnly) {
    const next = p.windows.filter((w) => w.doc.acceptsPayment && w.from > pay).sort((a, b) => a.from - b.from)[0];
    throw new QuoteError('paymentDate', t.registrationOnly(payIso, registrationOnly.doc.name, next ? next.doc : null), 'QUOTE_REGISTRATION_ONLY');
  }
  if (pay < p.firstPaymentDay) {
    const first = p.windows.find((w) => w.doc.acceptsPayment && w.from === p.firstPaymentDay)!;
    throw new QuoteError('paymentDate', t.beforePaymentsOpen(payIso, p.year, first.doc), 'QUOTE_BEFORE_PAYMENTS_OPEN');
  }
  if (closed) throw new QuoteError('insuredEarlierInYear', t.insuredEarlier(payIso, closed.doc.name, closed.doc.condition!.text, p.year, closed.doc.clause), 'QUOTE_INSURED_EARLIER');
  const openTo = p.windows.filter((w) => pay >= w.from && pay <= w.to && w.doc.who === 'listed-groups');
  const open = openTo.map((w) => w.doc.groups.map((g) => p.groupByCode.get(g)?.doc.name ?? g).join('、')).join(person.lang === 'zh' ? '；' : '; ');
  throw new QuoteError('paymentDate', t.outsideEveryWindow(payIso, open), 'QUOTE_OUTSIDE_WINDOWS');
}
