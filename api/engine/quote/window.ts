import type { CompiledPolicy, CompiledWindow } from '../compile.js';
import { fromDay, type Day } from '../dates.js';
import { QuoteError } from './error.js';
import type { GroupMatch } from './groups.js';
import type { Person } from './person.js';
import type { Trace } from './trace.js';

/*
 * The window a payment falls in (集中参保缴费期, 延长参保缴费期, 补缴期, dynamic enrollment, …): it
 * decides, for everyone not in a special group, when benefits start. A payment no window takes is
 * refused with the reason: after the coverage year, before payments open, in a registration-only
 * period, or on a day only listed groups may enroll.
 */

/** The wording of this step's lines and refusals (English; localised later by key). */
export const windowText = {
  window: (name: string, fromIso: string, toIso: string) => `${name} ${fromIso} – ${toIso}`,
  /** The name of the window a group that enrolls at any time gets on a day no window covers. */
  anytimeName: (group: string) => `${group}随时参保`,
  afterCoverageYear: (payIso: string, year: number, endIso: string) =>
    `(${payIso}) is after coverage year ${year} ended (${endIso}); no payment for ${year} is possible`,
  registrationOnly: (payIso: string, window: string, next: { name: string; from: string } | null) =>
    `(${payIso}) falls in ${window}, which takes registrations but no payments${next ? `; payments open on ${next.from} (${next.name})` : ''}`,
  beforePaymentsOpen: (payIso: string, year: number, first: { name: string; from: string }) =>
    `(${payIso}) is before payments open for ${year}: ${first.name} opens on ${first.from}`,
  outsideEveryWindow: (payIso: string, openTo: string) =>
    `(${payIso}) is outside every window open to this person${openTo ? `; on that date only these groups may enroll: ${openTo}` : ''}`,
};

/** The coverage year bounds every payment: refuses one made after it ended. */
export function refuseAfterCoverageYear(p: CompiledPolicy, person: Person): void {
  if (person.pay > p.coverageEnd) throw new QuoteError('paymentDate', windowText.afterCoverageYear(person.payIso, p.year, fromDay(p.coverageEnd)));
}

/**
 * The window a payment falls in: one open to a group the person belongs to first, then one open to
 * everyone, then one for ordinary residents. A payment outside every window is refused with the reason.
 */
export function paymentWindow(p: CompiledPolicy, person: Person, applying: readonly GroupMatch[], trace: Trace): CompiledWindow {
  const window = findWindow(p, person.pay, applying, person.payIso);
  const w = window.doc;
  trace.push({ rule: 'window', clause: w.clause, detail: windowText.window(w.name, w.from, w.to) });
  return window;
}

function findWindow(p: CompiledPolicy, pay: Day, applying: readonly GroupMatch[], payIso: string): CompiledWindow {
  let everyone: CompiledWindow | undefined;
  let ordinary: CompiledWindow | undefined;
  let registrationOnly: CompiledWindow | undefined;
  for (const w of p.windows) {
    if (pay < w.from || pay > w.to) continue;
    if (!w.doc.acceptsPayment) {
      registrationOnly ??= w;
      continue;
    }
    if (w.doc.who === 'listed-groups') {
      if (applying.some((m) => w.groups.has(m.group.doc.code))) return w;
    } else if (w.doc.who === 'everyone') everyone ??= w;
    else ordinary ??= w;
  }
  if (everyone) return everyone;
  if (ordinary) return ordinary;
  const anytime = applying.find((m) => m.group.doc.enrollAnytime);
  if (anytime && pay >= p.firstPaymentDay) {
    // A group that may enroll at any time, on a day no window covers: its own rules decide.
    return {
      index: -1,
      from: pay,
      to: p.coverageEnd,
      groups: new Set([anytime.group.doc.code]),
      doc: {
        code: `anytime-${anytime.group.doc.code}`,
        kind: 'dynamic',
        name: windowText.anytimeName(anytime.group.doc.name),
        from: fromDay(pay),
        to: fromDay(p.coverageEnd),
        acceptsPayment: true,
        who: 'listed-groups',
        groups: [anytime.group.doc.code],
        benefitStart: 'day-after-payment',
        waiting: { kind: 'none' },
        clause: anytime.group.doc.clause,
      },
    };
  }
  if (registrationOnly) {
    const next = p.windows.filter((w) => w.doc.acceptsPayment && w.from > pay).sort((a, b) => a.from - b.from)[0];
    throw new QuoteError('paymentDate', windowText.registrationOnly(payIso, registrationOnly.doc.name, next ? next.doc : null));
  }
  if (pay < p.firstPaymentDay) {
    const first = p.windows.find((w) => w.doc.acceptsPayment && w.from === p.firstPaymentDay)!;
    throw new QuoteError('paymentDate', windowText.beforePaymentsOpen(payIso, p.year, first.doc));
  }
  const listed = p.windows.filter((w) => pay >= w.from && pay <= w.to && w.doc.who === 'listed-groups');
  const open = listed.map((w) => w.doc.groups.map((g) => p.groupByCode.get(g)?.doc.name ?? g).join('、')).join('; ');
  throw new QuoteError('paymentDate', windowText.outsideEveryWindow(payIso, open));
}
