import type { RowError } from '../modules/cohort/cohort-import.js';
import type { Reason } from './catalog.js';
import type { Language } from './language.js';
import { message } from './render.js';

/**
 * The refused lines of a cohort upload in the caller's language, each with a stable reason. The importer
 * checks millions of lines in a tight loop and words each refusal once (api/modules/cohort/); its words
 * are read back here, when answering, by the patterns below: one per refusal the importer makes
 * (test/api/i18n.spec.ts checks that none comes out unread).
 */
const PATTERNS: readonly [RegExp, Reason, readonly string[]][] = [
  [/^"(.*)" is not a category code of (.+)$/s, 'NOT_A_CATEGORY_CODE', ['value', 'jurisdiction']],
  [/^"(.*)" is not a special-group code of (.+)$/s, 'NOT_A_GROUP_CODE', ['value', 'jurisdiction']],
  [/^"(.*)" is not a unit of (.+?) \((.*)\)$/s, 'NOT_A_UNIT', ['value', 'jurisdiction', 'units']],
  // the date templates are the Date scalar's, which takes the value as written in the message: quoted here
  [/^(".*") is not a date written YYYY-MM-DD$/s, 'DATE_MALFORMED', ['value']],
  [/^(".*") is not a real calendar date$/s, 'DATE_OUT_OF_RANGE', ['value']],
  [/^\((.*)\) is before (\d{4}-\d{2}-\d{2}): not a plausible birth date$/s, 'BIRTH_TOO_EARLY', ['value', 'earliest']],
  [/^\((.*)\) is after the coverage year (\d+)$/s, 'BIRTH_AFTER_YEAR', ['value', 'year']],
  [/^\((.*)\) is outside (\d{4})–(\d{4}): not a plausible payment date$/s, 'PAYMENT_OUT_OF_RANGE', ['value', 'from', 'to']],
  [/^\((.*)\) is after the payment date \((.*)\)$/s, 'BORN_AFTER_PAYMENT', ['value', 'payment']],
  [/^contains a NUL byte/, 'LINE_HAS_NUL', []],
  [/^is not UTF-8 text/, 'LINE_NOT_UTF8', []],
  [/^has (\d+) fields, expected (\d+)$/, 'LINE_FIELD_COUNT', ['found', 'expected']],
  [/^categories, groups, payment_date and the fact columns may not contain commas or quotes$/, 'LINE_QUOTED_CODES', []],
  [/^is empty$/, 'FIELD_REQUIRED', []],
  [/^is longer than (\d+) characters$/, 'TEXT_TOO_LONG', ['max']],
  [/^the file is empty; the first line must be "(.*)"$/s, 'FILE_EMPTY', ['header']],
  [/^must be "(.*?)", optionally followed by fact columns \((.*?)\), found "(.*)"$/s, 'HEADER_WRONG', ['header', 'columns', 'found']],
  [/^names the column "(.*)", which is not a fact column \((.*)\)$/s, 'HEADER_UNKNOWN_COLUMN', ['column', 'columns']],
  [/^names the column "(.*)" twice$/s, 'HEADER_COLUMN_TWICE', ['column']],
  [/^"(.*)" appears twice \(first on line (\d+)\)$/s, 'PERSON_TWICE', ['value', 'first']],
  [/^the file has no persons$/, 'NO_PERSONS', []],
  [/^a cohort needs a name$/, 'FIELD_REQUIRED', []],
  [/^(.+) already has a cohort named "(.*)"$/s, 'COHORT_NAME_TAKEN', ['jurisdiction', 'name']],
  [/^"(.*)" is not a disability grade \(1 to 4\)$/s, 'NOT_A_GRADE', ['value']],
  [/^"(.*)" is not true or false$/s, 'NOT_A_BOOLEAN', ['value']],
  [/^"(.*)" is not one of (.*)$/s, 'NOT_ONE_OF', ['value', 'values']],
  [/^"(.*)" is not a certification written code@YYYY-MM-DD$/s, 'NOT_A_CERTIFICATION', ['value']],
  [/^is required where disability_kind or multi_disabled_household is given$/, 'GRADE_REQUIRED', []],
];

/** A refused line: its line, column, message (in `lang`) and reason. */
export interface RefusedLine extends RowError {
  reason: Reason;
}

export function readLine(e: RowError): { reason: Reason; params: Record<string, string> } {
  for (const [re, reason, names] of PATTERNS) {
    const m = re.exec(e.message);
    if (!m) continue;
    const params: Record<string, string> = {};
    names.forEach((n, i) => (params[n] = m[i + 1]!));
    return { reason, params };
  }
  return { reason: 'LINE_REFUSED', params: { message: e.message } };
}

export function cohortLine(e: RowError, lang: Language): RefusedLine {
  const { reason, params } = readLine(e);
  if (reason === 'LINE_REFUSED' && lang === 'en') return { ...e, reason };
  return { line: e.line, field: e.field, message: message(reason, params, lang), reason };
}

/** The whole refusal's message: how many lines, and the first few with their line and column. */
export function cohortRefusal(errors: readonly RowError[], total: number, lang: Language): string {
  const first = errors.slice(0, 5).map((e) => (lang === 'en' ? `line ${e.line} ${e.field}: ${cohortLine(e, lang).message}` : `第 ${e.line} 行 \`${e.field}\`：${cohortLine(e, lang).message}`));
  const more = total > 5 ? (lang === 'en' ? '; …' : '；…') : '';
  return lang === 'en'
    ? `the file was refused, nothing was imported: ${total} error${total === 1 ? '' : 's'}; ${first.join('; ')}${more}`
    : `文件被拒，未导入任何数据：共 ${total} 处错误；${first.join('；')}${more}`;
}
