import { isRealDate } from '../../../policy-schemas/index.js';
import type { CompiledCategory, CompiledGroup, CompiledPolicy } from '../compile.js';
import { toDay, type Day } from '../dates.js';
import { QuoteError } from './error.js';

/*
 * Who the person is, as the policy knows them: the dates of the request as day numbers, and the
 * categories and special groups named, each refused when the policy has no such code. The facts a
 * rule may ask about (certification dates, disability, household role, …) are read here too, so that
 * every later step finds them on `Person`.
 */

export interface QuoteRequest {
  paymentDate: string;
  birthDate?: string | null;
  /** Category codes or official identity codes. */
  categories?: readonly string[] | null;
  groups?: readonly string[] | null;
  /** The event a group rule counts from (e.g. the day employee insurance stopped). */
  eventDate?: string | null;
}

export interface Person {
  /** The payment day (the request's `paymentDate`). */
  pay: Day;
  payIso: string;
  birth: Day | null;
  event: Day | null;
  /** The categories named, each once, in the policy's order: the answer never depends on the order given. */
  categories: CompiledCategory[];
  /** The special groups named, each once, in the order given (groups.ts adds implied ones and sorts). */
  groups: CompiledGroup[];
}

/** The wording of this step's refusals (English; localised later by key). */
export const personText = {
  notADate: (value: string) => `"${value}" is not a date written YYYY-MM-DD`,
  bornAfterPayment: (birthIso: string, payIso: string) => `(${birthIso}) is after the payment date (${payIso})`,
  unknownCategory: (key: string, jurisdiction: string, year: number) => `unknown category "${key}" for ${jurisdiction} ${year}`,
  unknownGroup: (key: string, jurisdiction: string, year: number) => `unknown special group "${key}" for ${jurisdiction} ${year}`,
};

function parseDate(field: string, value: string): Day {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) throw new QuoteError(field, personText.notADate(value));
  return toDay(value);
}

/** The person of a request; refuses a date that is not one, a birth after the payment, an unknown code. */
export function identify(p: CompiledPolicy, req: QuoteRequest): Person {
  const pay = parseDate('paymentDate', req.paymentDate);
  const birth = req.birthDate ? parseDate('birthDate', req.birthDate) : null;
  const event = req.eventDate ? parseDate('eventDate', req.eventDate) : null;
  if (birth !== null && birth > pay) throw new QuoteError('birthDate', personText.bornAfterPayment(req.birthDate!, req.paymentDate));

  const categories: CompiledCategory[] = [];
  const seen = new Set<CompiledCategory>();
  for (const key of req.categories ?? []) {
    const c = p.categoryByKey.get(key.trim());
    if (!c) throw new QuoteError('categories', personText.unknownCategory(key, p.doc.jurisdiction.name, p.year));
    if (!seen.has(c)) categories.push(c), seen.add(c);
  }
  categories.sort((a, b) => a.index - b.index);
  const groups: CompiledGroup[] = [];
  for (const key of req.groups ?? []) {
    const g = p.groupByCode.get(key.trim());
    if (!g) throw new QuoteError('groups', personText.unknownGroup(key, p.doc.jurisdiction.name, p.year));
    if (!groups.includes(g)) groups.push(g);
  }
  return { pay, payIso: req.paymentDate, birth, event, categories, groups };
}
