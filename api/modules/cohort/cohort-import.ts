import { randomUUID } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isRealDate } from '../../../policy-schemas/index.js';

export const CSV_HEADER = 'person_id,unit,birth_date,categories,groups,payment_date';

/** What a cohort's rows are checked against: the units and codes of its jurisdiction's policy. */
export interface CohortVocabulary {
  jurisdictionId: number;
  jurisdictionName: string;
  units: readonly string[];
  categories: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

export interface RowError {
  line: number;
  field: string;
  message: string;
}

export class CohortImportError extends Error {
  constructor(
    readonly errors: RowError[],
    readonly totalErrors: number,
    readonly rows: number,
  ) {
    super(
      `the file was refused, nothing was imported: ${totalErrors} error${totalErrors === 1 ? '' : 's'}; ` +
        errors
          .slice(0, 5)
          .map((e) => `line ${e.line} ${e.field}: ${e.message}`)
          .join('; ') +
        (totalErrors > 5 ? '; …' : ''),
    );
  }
}

const MAX_ERRORS = 200;
const PROGRESS_EVERY = 10_000;

/**
 * Import a person-level CSV as a new cohort, in one transaction: rows stream into PostgreSQL with COPY
 * as they are checked; any error (wrong header, bad date, unknown code or unit, duplicate person_id)
 * rolls everything back, and the errors come back with their line numbers.
 */
export async function importCohort(opts: {
  databaseUrl: string;
  vocabulary: CohortVocabulary;
  name: string;
  createdBy: number | null;
  input: AsyncIterable<Buffer | string>;
  onProgress?: (rows: number, bytes: number) => void;
}): Promise<{ id: string; persons: number }> {
  const name = opts.name.trim();
  if (!name) throw new CohortImportError([{ line: 0, field: 'name', message: 'a cohort needs a name' }], 1, 0);
  const v = opts.vocabulary;
  const units = new Set(v.units);
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  const id = randomUUID();
  const errors: RowError[] = [];
  let totalErrors = 0;
  const fail = (line: number, field: string, message: string) => {
    totalErrors++;
    if (errors.length < MAX_ERRORS) errors.push({ line, field, message });
  };
  let rows = 0;
  try {
    await client.query('begin');
    const exists = await client.query('select 1 from cohort where jurisdiction_id = $1 and name = $2', [v.jurisdictionId, name]);
    if (exists.rowCount) throw new CohortImportError([{ line: 0, field: 'name', message: `${v.jurisdictionName} already has a cohort named "${name}"` }], 1, 0);
    await client.query(`insert into cohort (id, jurisdiction_id, name, status, units, created_by) values ($1, $2, $3, 'importing', $4, $5)`, [
      id,
      v.jurisdictionId,
      name,
      v.units,
      opts.createdBy,
    ]);
    const copy = client.query(copyFrom('copy cohort_person (cohort_id, row_no, person_id, unit, birth_date, categories, groups, payment_date) from stdin'));
    const copyDone = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    const seen = new Set<string>();
    let buffered: string[] = [];
    let bufferedBytes = 0;
    const flush = async () => {
      if (!buffered.length) return;
      const chunk = buffered.join('');
      buffered = [];
      bufferedBytes = 0;
      if (!copy.write(chunk)) await new Promise((r) => copy.once('drain', r));
    };

    let line = 0;
    let rest = '';
    let bytes = 0;
    let headerSeen = false;
    const handle = async (raw: string) => {
      line++;
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (!headerSeen) {
        headerSeen = true;
        const header = text.replace(/^\uFEFF/, '').trim();
        if (header !== CSV_HEADER) fail(1, 'header', `must be exactly "${CSV_HEADER}", found "${header.slice(0, 120)}"`);
        return;
      }
      if (text === '') return; // a trailing empty line
      const f = text.includes('"') ? parseQuoted(text) : text.split(',');
      if (f.length !== 6) return fail(line, 'row', `has ${f.length} fields, expected 6`);
      const [personId, unit, birth, cats, groups, pay] = f as [string, string, string, string, string, string];
      const before = totalErrors;
      if (!personId) fail(line, 'person_id', 'is empty');
      else if (personId.length > 64) fail(line, 'person_id', 'is longer than 64 characters');
      else if (seen.has(personId)) fail(line, 'person_id', `"${personId}" appears twice`);
      else seen.add(personId);
      if (!units.has(unit)) fail(line, 'unit', `"${unit}" is not a unit of ${v.jurisdictionName} (${v.units.slice(0, 5).join('、')}${v.units.length > 5 ? '…' : ''})`);
      if (birth && !isDate(birth)) fail(line, 'birth_date', `"${birth}" is not a date written YYYY-MM-DD`);
      if (pay && !isDate(pay)) fail(line, 'payment_date', `"${pay}" is not a date written YYYY-MM-DD`);
      if (birth && pay && isDate(birth) && isDate(pay) && birth > pay) fail(line, 'birth_date', `(${birth}) is after the payment date (${pay})`);
      const catList = cats ? cats.split(';') : [];
      for (const c of catList) if (!v.categories.has(c)) fail(line, 'categories', `"${c}" is not a category code of ${v.jurisdictionName}`);
      const groupList = groups ? groups.split(';') : [];
      for (const g of groupList) if (!v.groups.has(g)) fail(line, 'groups', `"${g}" is not a special-group code of ${v.jurisdictionName}`);
      if (totalErrors !== before || totalErrors > 0) return; // once anything failed, nothing more is written
      rows++;
      const row = `${id}\t${rows}\t${copyText(personId)}\t${copyText(unit)}\t${birth || '\\N'}\t${pgArrayText(catList)}\t${pgArrayText(groupList)}\t${pay || '\\N'}\n`;
      buffered.push(row);
      bufferedBytes += row.length;
      if (bufferedBytes > 256 * 1024) await flush();
      if (rows % PROGRESS_EVERY === 0) opts.onProgress?.(rows, bytes);
    };

    // a character may be split between two chunks: decode across them
    const decoder = new StringDecoder('utf8');
    for await (const chunk of opts.input) {
      const s = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      const parts = (rest + s).split('\n');
      rest = parts.pop()!;
      for (const p of parts) await handle(p);
    }
    rest += decoder.end();
    if (rest) await handle(rest);
    if (!headerSeen) fail(1, 'header', `the file is empty; the first line must be "${CSV_HEADER}"`);
    await flush();
    copy.end();
    await copyDone;
    opts.onProgress?.(rows, bytes);
    if (totalErrors > 0) throw new CohortImportError(errors, totalErrors, rows);
    if (rows === 0) throw new CohortImportError([{ line: 2, field: 'row', message: 'the file has no persons' }], 1, 0);
    await client.query(`update cohort set status = 'ready', persons = $2 where id = $1`, [id, rows]);
    await client.query('commit');
    return { id, persons: rows };
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s);
}

/** COPY text format: backslash, tab, newline and carriage return escaped. */
function copyText(s: string): string {
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

function pgArrayText(items: string[]): string {
  if (items.length === 0) return '{}';
  return `{${items.map((x) => (/^[a-zA-Z0-9-]+$/.test(x) ? x : `"${x.replace(/\\/g, '\\\\\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** One CSV line with quoted fields ("a, b" and doubled quotes). */
function parseQuoted(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}
