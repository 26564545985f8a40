import { validatePolicyDocument, type ValidationWarning } from '../../../policy-schemas/index';
import type { Control } from './schema-walk';
import { isWithin, parsePath, pathKey } from './paths';
import { tabOfPath, type EditorTab } from './tabs';

/*
 * Where each refused field is shown. An issue sits at its field when that field is on screen (its tab
 * is open and every card around it is expanded); every other issue is listed above the form, with a
 * way to jump to it.
 */

export interface Issue {
  path: string;
  message: string;
}

/** What the version fixes for its draft (the API refuses a document that changes them). */
export interface DraftFrame {
  year: number;
  jurisdictionName: string;
}

/**
 * The API's rules for a draft: the schema with its cross-field rules (the very function the API
 * runs), and the two facts the draft may not change.
 */
export function checkDraft(doc: unknown, frame: DraftFrame): { issues: Issue[]; warnings: ValidationWarning[] } {
  let result: ReturnType<typeof validatePolicyDocument>;
  try {
    result = validatePolicyDocument(doc);
  } catch (e) {
    // a cross-field rule that trips over a half-typed value: say so rather than break the form
    result = { ok: false, issues: [{ path: '(document)', message: (e as Error).message }] };
  }
  const issues: Issue[] = result.ok ? [] : [...result.issues];
  const d = doc as { coverageYear?: unknown; jurisdiction?: { name?: unknown } } | null;
  if (d && typeof d.coverageYear === 'number' && d.coverageYear !== frame.year)
    issues.push({ path: 'coverageYear', message: `a draft's coverage year is fixed (${frame.year}); clone it to make a draft for ${d.coverageYear}` });
  if (d && typeof d.jurisdiction?.name === 'string' && d.jurisdiction.name !== frame.jurisdictionName)
    issues.push({ path: 'jurisdiction.name', message: `must stay ${frame.jurisdictionName}` });
  return { issues, warnings: result.ok ? result.warnings : [] };
}

/** Issues of the form and of the last refused save, once each. */
export function mergeIssues(...lists: Issue[][]): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const list of lists)
    for (const i of list) {
      const k = `${i.path}\u0000${i.message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(i);
    }
  return out;
}

/** The nearest path at or above `path` that has a control in the form. */
export function anchorOf(path: string, controls: ReadonlyMap<string, Control>): string | undefined {
  const segs = parsePath(path);
  for (let n = segs.length; n > 0; n--) {
    const key = pathKey(segs.slice(0, n));
    if (controls.has(key)) return key;
  }
  return undefined;
}

/** The cards (items of lists of objects) that enclose a path, outermost first. */
export function cardsAround(path: string, controls: ReadonlyMap<string, Control>): string[] {
  const segs = parsePath(path);
  const out: string[] = [];
  for (let n = 1; n < segs.length; n++)
    if (typeof segs[n] === 'number' && controls.get(pathKey(segs.slice(0, n))) === 'object-list') out.push(pathKey(segs.slice(0, n + 1)));
  return out;
}

/** Is the issue shown at its own field with this tab open and these cards expanded? */
export function isShownAtField(path: string, controls: ReadonlyMap<string, Control>, tab: EditorTab, expanded: ReadonlySet<string>): boolean {
  if (tabOfPath(path) !== tab || !controls.has(path)) return false;
  return cardsAround(path, controls).every((c) => expanded.has(c));
}

/** How many issues lie at or under a path (for the error marks of cards and groups). */
export function countWithin(issues: ReadonlyMap<string, unknown[]>, prefix: string): number {
  let n = 0;
  for (const [path, list] of issues) if (isWithin(path, prefix)) n += list.length;
  return n;
}
