import { SECTIONS } from '../../../policy-schemas/registry';

/*
 * The form's tabs follow the order of a notice: who it is from, who may enroll, what it costs, who is
 * subsidised, when to pay, the special groups, refunds, registration, channels, the work itself, the
 * lead group, the annexes, and the conventions adopted while encoding it. They are the sections of the
 * registry (policy-schemas/registry.ts); every top-level key of the document is in exactly one.
 */

export interface EditorTab {
  id: string;
  zh: string;
  en: string;
  keys: readonly string[];
}

export const TABS: readonly EditorTab[] = SECTIONS;

/** The tab that shows an issue path (`fees.individual.amountFen` → fees); undefined for `(document)`. */
export function tabOfPath(path: string): EditorTab | undefined {
  const top = /^[^.[]+/.exec(path)?.[0];
  return top ? TABS.find((t) => t.keys.includes(top)) : undefined;
}
