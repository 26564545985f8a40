import type { z } from 'zod';
import { ValidPolicyDocument } from './validate.js';
import { documentWarnings, type ValidationWarning } from './warnings.js';
import type { PolicyDocument } from './document.js';
import { upgradeDocument } from './upgrade.js';

export * from './document.js';
export * from './primitives.js';
export { ValidPolicyDocument, subsidyFenOf, percentOf, yuan } from './validate.js';
export { documentWarnings, type ValidationWarning } from './warnings.js';
export { upgradeDocument } from './upgrade.js';
export { compareDocuments, compareValues, labelOf, labelOfPath, valueText, type Change, type ChangeKind } from './compare.js';
export { REGISTRY, SECTIONS, entryOf, pathLabel, pathValueLabel, patternOfPath, type RegistryEntry, type ValueLabel, type Lang } from './registry.js';
export { documentShape, presentDocument, servedAt, schemaPaths, pathDescription, ageReferenceDate } from './presentation.js';
export * as format from './format.js';
export { openQuestions, type OpenQuestion, type OpenQuestionCode } from './open-questions.js';

/** A refused field: where (`fees.individual.amountFen`) and why, in words a person can read. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; document: PolicyDocument; warnings: ValidationWarning[] }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Validate a document against the schema and its cross-field rules; warnings only when it is valid.
 * A document of an earlier schema version is upgraded first (upgrade.ts), so that what was valid then
 * is read the same way now.
 */
export function validatePolicyDocument(input: unknown): ValidationResult {
  const parsed = ValidPolicyDocument.safeParse(upgradeDocument(input));
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
  return { ok: true, document: parsed.data, warnings: documentWarnings(parsed.data) };
}

export function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** `['fees', 'individual', 'amountFen']` → `fees.individual.amountFen`; indices as `[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += (out ? '.' : '') + String(p);
  }
  return out || '(document)';
}

/** One line per issue, `path: message`, for errors shown to people. */
export function describeIssues(issues: ValidationIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
