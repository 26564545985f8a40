import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isRealDate } from '../../../policy-schemas/index.js';
import { factColumnsOf, factsChecker, type FactColumn } from './cohort-facts.js';
import { toDay } from '../../engine/dates.js';

export const CSV_HEADER = 'person_id,unit,birth_date,categories,groups,payment_date';

/** What a cohort's rows are checked against: the units and codes of its jurisdiction's policy. */
export interface CohortVocabulary {
  jurisdictionId: number;
  jurisdictionName: string;
  /** The coverage year of the policy the codes come from: nobody of the cohort is born after it. */
  year: number;
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

/** The upload passed the size limit (COHORT_MAX_BYTES): nothing is imported. */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MB), the most an upload may be (COHORT_MAX_BYTES); nothing was imported`);
  }
}

const MAX_ERRORS = 200;
const PROGRESS_EVERY = 10_000;

/**
 * Plausible dates: nobody alive was born before 1880, nor after the coverage year; payments (and the
 * notices they follow) fall between 2000 and 2100. A date outside is a typing or export mistake
 * (0000-01-01, 1900 as "unknown", 9999-12-31), refused with its line rather than stored.
 */
export const EARLIEST_BIRTH = '1880-01-01';
export const PAYMENT_RANGE = ['2000-01-01', '2100-12-31'] as const;
/** PostgreSQL's day 0 (2000-01-01) as a day number since 1970 (api/engine/dates.ts). */
const PG_EPOCH = toDay('2000-01-01');

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
}): Promise<{ id: string; no: number; persons: number }> {
  const name = opts.name.trim();
  if (!name) throw new CohortImportError([{ line: 0, field: 'name', message: 'a cohort needs a name' }], 1, 0);
  const v = opts.vocabulary;
  // Lines are handled as latin1 strings: one character per byte, so no UTF-8 decoding or re-encoding
  // and V8's compact one-byte strings; the delimiters are ASCII, so they never occur inside a
  // multi-byte character. Values are turned back into text (`text()`) only for messages.
  const units = new Set(v.units.map(bytesOf));
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
  // the COPY under way, if any: an error while it streams (a refusal, a client gone) must end it, or
  // the rollback would queue behind it forever (holding the lock on cohort_person)
  let copy: ReturnType<typeof copyFrom> | undefined;
  let copyDone: Promise<void> | undefined;
  try {
    await client.query('begin');
    const exists = await client.query('select 1 from cohort where jurisdiction_id = $1 and name = $2', [v.jurisdictionId, name]);
    if (exists.rowCount) throw new CohortImportError([{ line: 0, field: 'name', message: `${v.jurisdictionName} already has a cohort named "${name}"` }], 1, 0);
    const inserted = await client.query(`insert into cohort (id, jurisdiction_id, name, status, units, created_by) values ($1, $2, $3, 'importing', $4, $5) returning no`, [
      id,
      v.jurisdictionId,
      name,
      v.units,
      opts.createdBy,
    ]);
    const no: number = inserted.rows[0].no;
    // the cohort's own partition; its number is the partition's default, so rows need not carry it
    const partition = `cohort_person_${no}`;
    await client.query(`create table ${partition} partition of cohort_person for values in (${no})`);
    await client.query(`alter table ${partition} alter column cohort_no set default ${no}`);
    // Lines go to PostgreSQL as they are (CSV), behind the row number: no field is rebuilt.
    const copying = client.query(copyFrom(`copy ${partition} (row_no, person_id, unit, birth_date, categories, groups, payment_date, facts) from stdin with (format binary)`));
    copy = copying;
    copyDone = new Promise<void>((resolve, reject) => {
      copying.on('finish', resolve);
      copying.on('error', reject);
    });
    // Rows go out in COPY's binary format, so PostgreSQL parses no text: dates as days since
    // 2000-01-01, text fields as the input's own bytes (empty → NULL, as in CSV), written into 1 MB
    // blocks handed to COPY as they fill; no string is built per row.
    const BLOCK = 1 << 20;
    let out = Buffer.allocUnsafe(BLOCK);
    let outPos = 0;
    const room = (n: number) => {
      if (outPos + n <= out.length) return;
      if (outPos) copying.write(out.subarray(0, outPos));
      out = Buffer.allocUnsafe(Math.max(BLOCK, n));
      outPos = 0;
    };
    const int32 = (n: number) => {
      outPos = out.writeInt32BE(n, outPos);
    };
    const bytesField = (src: Buffer, a: number, b: number) => {
      if (a === b) return int32(-1);
      int32(b - a);
      if (b - a < 48) for (let i = a; i < b; i++) out[outPos++] = src[i]!;
      else outPos += src.copy(out, outPos, a, b);
    };
    const stringField = (s: string) => {
      if (!s) return int32(-1);
      int32(s.length);
      outPos += out.write(s, outPos, 'latin1');
    };
    const dateField = (days: number) => {
      if (days === NO_DAY) return int32(-1);
      int32(4);
      int32(days);
    };
    /** A row from the line's bytes: offsets of the id, unit, categories and groups; the dates' days. */
    const emitBytes = (rowNo: number, src: Buffer, id: number, c1: number, c2: number, birth: number, cat: number, catEnd: number, grpEnd: number, pay: number, facts: string) => {
      room(grpEnd - id + facts.length + 52);
      outPos = out.writeInt16BE(8, outPos);
      int32(4);
      int32(rowNo);
      bytesField(src, id, c1);
      bytesField(src, c1 + 1, c2);
      dateField(birth);
      bytesField(src, cat, catEnd);
      bytesField(src, catEnd + 1, grpEnd);
      dateField(pay);
      stringField(facts);
    };
    /** A row from fields that were unquoted (latin1 strings). */
    const emitFields = (rowNo: number, f: string[], birth: number, pay: number, facts: string) => {
      room(f.reduce((n, x) => n + x.length, 0) + facts.length + 52);
      outPos = out.writeInt16BE(8, outPos);
      int32(4);
      int32(rowNo);
      stringField(f[0]!);
      stringField(f[1]!);
      dateField(birth);
      stringField(f[3]!);
      stringField(f[4]!);
      dateField(pay);
      stringField(facts);
    };
    // the binary format's signature, flags and header extension length
    room(19);
    outPos += out.write('PGCOPY\n\u00ff\r\n\u0000', outPos, 'latin1');
    int32(0);
    int32(0);
    const flush = async () => {
      room(2);
      outPos = out.writeInt16BE(-1, outPos); // the trailer
      copying.write(out.subarray(0, outPos));
      out = Buffer.allocUnsafe(BLOCK);
      outPos = 0;
    };
    // keep checking while PostgreSQL ingests: wait only when much is queued
    const backpressure = async () => {
      if (copying.writableLength > 8 * 1024 * 1024) await new Promise((r) => copying.once('drain', r));
    };

    // Values repeat (a few units, dates, category lists): each distinct value is checked once, in a map
    // per kind keyed by the value itself (no key to build per line).
    const memo = (test: (value: string) => string | null) => {
      const seen = new Map<string, string | null>();
      return (value: string): string | null => {
        let why = seen.get(value);
        if (why === undefined) seen.set(value, (why = test(value)));
        return why;
      };
    };
    const codes = (known: ReadonlySet<string>, what: string) => (value: string) => {
      if (!value) return null;
      const bad = value.split(';').find((c) => !known.has(c));
      return bad === undefined ? null : `"${text(bad)}" is not a ${what} code of ${v.jurisdictionName}`;
    };
    const checkUnit = memo((value) => (units.has(value) ? null : `"${text(value)}" is not a unit of ${v.jurisdictionName} (${v.units.slice(0, 5).join('、')}${v.units.length > 5 ? '…' : ''})`));
    const lastBirth = `${v.year}-12-31`;
    const checkBirth = memo((value) =>
      !value ? null : !isDate(value) ? `"${text(value)}" is not a date written YYYY-MM-DD` : value < EARLIEST_BIRTH ? `(${text(value)}) is before ${EARLIEST_BIRTH}: not a plausible birth date` : value > lastBirth ? `(${text(value)}) is after the coverage year ${v.year}` : null,
    );
    const checkPayment = memo((value) =>
      !value ? null : !isDate(value) ? `"${text(value)}" is not a date written YYYY-MM-DD` : value < PAYMENT_RANGE[0] || value > PAYMENT_RANGE[1] ? `(${text(value)}) is outside ${PAYMENT_RANGE[0].slice(0, 4)}–${PAYMENT_RANGE[1].slice(0, 4)}: not a plausible payment date` : null,
    );
    /**
     * Days since 2000-01-01 (PostgreSQL's epoch for dates) by integer arithmetic (Date.UTC would read the
     * years 0–99 as 1900–1999); NO_DAY for an empty value, NaN for a bad one.
     */
    const dayCache = new Map<string, number>();
    const daysOf = (value: string): number => {
      if (!value) return NO_DAY;
      let d = dayCache.get(value);
      if (d === undefined) {
        d = isDate(value) ? toDay(value) - PG_EPOCH : NaN;
        dayCache.set(value, d);
      }
      return d;
    };
    const checkCategories = codes(v.categories, 'category');
    const checkGroups = codes(v.groups, 'special-group');
    // the optional fact columns after payment_date (cohort-facts.ts), named by the header
    let factColumns: FactColumn[] = [];
    let checkFacts = factsChecker([], v.categories, v.jurisdictionName);
    let fieldCount = 6;
    /** `categories,groups,payment_date` and the facts, checked once per distinct tail (they repeat across persons). */
    const tails = new Map<string, { pay: string; payDays: number; catLen: number; grpLen: number; facts: string; problems: [string, string][]; fields: number }>();
    const checkTail = (tail: string) => {
      let t = tails.get(tail);
      if (!t) {
        const f = tail.split(',');
        const problems: [string, string][] = [];
        let why: string | null;
        let facts = '';
        if (f.length === fieldCount - 3) {
          if ((why = checkCategories(f[0]!))) problems.push(['categories', why]);
          if ((why = checkGroups(f[1]!))) problems.push(['groups', why]);
          if ((why = checkPayment(f[2]!))) problems.push(['payment_date', why]);
          if (factColumns.length) {
            const checked = checkFacts(f.slice(3).map(text));
            facts = checked.json;
            problems.push(...checked.problems);
          }
        }
        const pay = f[2] ?? '';
        tails.set(tail, (t = { pay, payDays: daysOf(pay), catLen: f[0]!.length, grpLen: (f[1] ?? '').length, facts, problems, fields: f.length + 3 }));
      }
      return t;
    };
    // person_id duplicates: a 28-bit hash per row now; equal hashes are compared exactly at the end
    let hashes = new Float64Array(1 << 16);
    let lineOf = new Int32Array(1 << 16);

    const refusedIds: { id: string; line: number; hash: number }[] = [];
    let line = 0;
    let bytes = 0;
    let headerSeen = false;
    /** One line: `raw` is its text (latin1), starting at `start` in `src` (its bytes). */
    const handle = (raw: string, src: Buffer, start: number) => {
      line++;
      const cr = raw.charCodeAt(raw.length - 1) === 13;
      const row = cr ? raw.slice(0, -1) : raw;
      let fields: string[] | null = null;
      let c1 = -1;
      let c2 = -1;
      let c3 = -1;
      if (!headerSeen) {
        headerSeen = true;
        const header = text(row).replace(/^\uFEFF/, '').trim();
        const named = factColumnsOf(header, CSV_HEADER);
        if ('error' in named) fail(1, 'header', named.error);
        else if (named.columns.length) {
          factColumns = named.columns;
          checkFacts = factsChecker(factColumns, v.categories, v.jurisdictionName);
          fieldCount = 6 + factColumns.length;
        }
        return;
      }
      if (row === '') return; // a trailing empty line
      if (nulInRun) {
        // PostgreSQL's text holds no NUL; the column is the one the byte falls in
        const nul = row.indexOf('\u0000');
        if (nul >= 0) return fail(line, CSV_HEADER.split(',')[row.slice(0, nul).split(',').length - 1] ?? 'row', 'contains a NUL byte (\\0), which no field may hold');
      }
      if (badLines.size && badLines.has(line)) return fail(line, 'row', 'is not UTF-8 text (save the file as UTF-8)');
      let personId: string, unit: string, birth: string, tail: string, idHash: number;
      if (row.includes('"')) {
        const f = parseQuoted(row);
        if (f.length !== fieldCount) return fail(line, 'row', `has ${f.length} fields, expected ${fieldCount}`);
        [personId, unit, birth] = f as [string, string, string];
        if (/[",]/.test(f.slice(3).join(''))) return fail(line, 'row', 'categories, groups, payment_date and the fact columns may not contain commas or quotes');
        tail = f.slice(3).join(',');
        fields = f;
        idHash = hash28(personId, 0, personId.length);
      } else {
        c1 = row.indexOf(',');
        c2 = c1 < 0 ? -1 : row.indexOf(',', c1 + 1);
        c3 = c2 < 0 ? -1 : row.indexOf(',', c2 + 1);
        if (c3 < 0) return fail(line, 'row', `has ${row.split(',').length} fields, expected ${fieldCount}`);
        // the id is hashed in place; its text is cut out only when a message needs it
        personId = c1 > 64 ? row.slice(0, c1) : '';
        idHash = hash28(row, 0, c1);
        unit = row.slice(c1 + 1, c2);
        birth = row.slice(c2 + 1, c3);
        tail = row.slice(c3 + 1);
      }
      const t = checkTail(tail);
      if (t.fields !== fieldCount) return fail(line, 'row', `has ${t.fields} fields, expected ${fieldCount}`);
      const pay = t.pay;
      const before = totalErrors;
      let why: string | null;
      const idLength = personId ? personId.length : row.indexOf(',');
      if (idLength === 0) fail(line, 'person_id', 'is empty');
      else if (idLength > 64 && text(personId).length > 64) fail(line, 'person_id', 'is longer than 64 characters');
      if ((why = checkUnit(unit))) fail(line, 'unit', why);
      const birthDays = daysOf(birth);
      const badBirth = checkBirth(birth);
      if (badBirth) fail(line, 'birth_date', badBirth);
      for (const [field, problem] of t.problems) fail(line, field, problem);
      if (!badBirth && birthDays !== NO_DAY && t.payDays !== NO_DAY && birthDays > t.payDays) fail(line, 'birth_date', `(${birth}) is after the payment date (${pay})`);
      if (totalErrors !== before) {
        // a refused row is not written; its id still counts for duplicates
        if (idLength > 0) refusedIds.push({ id: text(personId || row.slice(0, idLength)), line, hash: idHash });
        return;
      }
      rows++;
      if (rows >= hashes.length) {
        const h = new Float64Array(hashes.length * 2);
        h.set(hashes);
        hashes = h;
        const l = new Int32Array(lineOf.length * 2);
        l.set(lineOf);
        lineOf = l;
      }
      hashes[rows] = idHash * 33554432 + rows; // hash · 2^25 + row: sorts by hash, then row
      lineOf[rows] = line;
      // valid rows are written even after an error, so that duplicates are found too; all is rolled back
      if (fields) emitFields(rows, fields, birthDays, t.payDays, t.facts);
      else {
        const cat = start + c3 + 1;
        const catEnd = cat + t.catLen;
        emitBytes(rows, src, start, start + c1, start + c2, birthDays, cat, catEnd, catEnd + 1 + t.grpLen, t.payDays, t.facts);
      }
      if (rows % PROGRESS_EVERY === 0) opts.onProgress?.(rows, bytes);
    };

    // UTF-8 is checked per run of whole lines (a line ends with a byte that no multi-byte character
    // contains); only a run that fails is searched for its lines
    const badLines = new Set<number>();

    const checkUtf8 = (run: Buffer, firstLine: number) => {
      if (isUtf8(run)) return;
      let start = 0;
      for (let n = firstLine, nl = run.indexOf(10); start < run.length; n++, nl = run.indexOf(10, start)) {
        const end = nl < 0 ? run.length : nl;
        if (!isUtf8(run.subarray(start, end))) badLines.add(n);
        start = end + 1;
      }
    };
    // the bytes after the last newline wait for the next chunk
    let rest: Buffer = Buffer.alloc(0);
    /** Whether the lines being handled contain a NUL byte anywhere (found per run with one memchr). */
    let nulInRun = false;
    for await (const chunk of opts.input) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      bytes += b.length;
      const all = rest.length ? Buffer.concat([rest, b]) : b;
      const lastNl = all.lastIndexOf(10);
      if (lastNl < 0) {
        rest = all;
        continue;
      }
      checkUtf8(all.subarray(0, lastNl + 1), line + 1);
      const nulAt = all.indexOf(0);
      nulInRun = nulAt >= 0 && nulAt <= lastNl;
      const s = all.toString('latin1', 0, lastNl + 1);
      let pos = 0;
      for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', pos)) {
        handle(s.slice(pos, nl), all, pos);
        pos = nl + 1;
      }
      rest = Buffer.from(all.subarray(lastNl + 1)); // a copy: the stream may reuse its chunk
      await backpressure();
    }
    if (rest.length) {
      checkUtf8(rest, line + 1);
      nulInRun = rest.indexOf(0) >= 0;
      handle(rest.toString('latin1'), rest, 0);
    }
    if (!headerSeen) fail(1, 'header', `the file is empty; the first line must be "${CSV_HEADER}"`);
    await flush();
    copying.end();
    await copyDone;
    copy = undefined;
    opts.onProgress?.(rows, bytes);
    // duplicates: rows whose ids share a hash (and refused rows with such a hash) are compared exactly
    const sorted = hashes.subarray(1, rows + 1).sort();
    const hashOf = (x: number) => Math.floor(x / 33554432);
    const candidates = new Set<number>();
    for (let i = 1; i < sorted.length; i++)
      if (hashOf(sorted[i]!) === hashOf(sorted[i - 1]!)) candidates.add(sorted[i]! % 33554432).add(sorted[i - 1]! % 33554432);
    for (const r of refusedIds) {
      // rows with the refused row's hash: binary search in the sorted hashes
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (hashOf(sorted[mid]!) < r.hash) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sorted.length && hashOf(sorted[i]!) === r.hash; i++) candidates.add(sorted[i]! % 33554432);
    }
    const occurrences: { id: string; line: number }[] = refusedIds.map((r) => ({ id: r.id, line: r.line }));
    if (candidates.size) {
      const found = await client.query(`select row_no, person_id from ${partition} where row_no = any($1::int[])`, [[...candidates]]);
      for (const r of found.rows) occurrences.push({ id: r.person_id, line: lineOf[r.row_no]! });
    }
    const firstLine = new Map<string, number>();
    for (const o of occurrences.sort((a, b) => a.line - b.line)) {
      const first = firstLine.get(o.id);
      if (first === undefined) firstLine.set(o.id, o.line);
      else fail(o.line, 'person_id', `"${o.id}" appears twice (first on line ${first})`);
    }
    errors.sort((a, b) => a.line - b.line);
    if (totalErrors > 0) throw new CohortImportError(errors, totalErrors, rows);
    if (rows === 0) throw new CohortImportError([{ line: 2, field: 'row', message: 'the file has no persons' }], 1, 0);
    await client.query(`update cohort set status = 'ready', persons = $2 where id = $1`, [id, rows]);
    await client.query('commit');
    return { id, no, persons: rows };
  } catch (e) {
    if (copy) {
      copy.destroy(e as Error); // CopyFail: PostgreSQL ends the COPY, then the rollback can run
      await copyDone?.catch(() => {});
    }
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

/** No date (NULL). */
const NO_DAY = -2_147_483_648;

/** Text → its UTF-8 bytes as a latin1 string (one character per byte), and back. */
function bytesOf(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}
function text(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s);
}

/** FNV-1a over the characters [start, end) of a string, folded to 28 bits. */
function hash28(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 4) & 0xfffffff;
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
