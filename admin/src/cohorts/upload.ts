/*
 * The cohort upload's pure parts: the URL of `POST /cohorts` (api/server.ts), the job the page asks the
 * server for and polls, and reading the API's answer (201 with the new cohort, 400 with errors by line,
 * 401/403/413/500/503 with one message). No React and no browser globals, so vitest can run it.
 */

/** The header the API requires, exactly (api/modules/cohort/cohort-import.ts). */
export const CSV_HEADER = 'person_id,unit,birth_date,categories,groups,payment_date';

/** `POST <base>cohorts?jurisdiction=…&name=…&job=…`, relative to the console's base like the GraphQL URL. */
export function uploadUrl(base: string, jurisdiction: string, name: string, job: string): string {
  const url = new URL('cohorts', base);
  url.searchParams.set('jurisdiction', jurisdiction);
  url.searchParams.set('name', name);
  url.searchParams.set('job', job);
  return url.toString();
}

/**
 * The job the upload names, made by the server for the caller beforehand (the server makes every job
 * id; an upload naming anything but the caller's own pending job is refused), so that its progress
 * can be polled while the file is still being sent.
 */
export const CREATE_IMPORT_JOB = 'mutation ($jurisdiction: String!) { createCohortImportJob(jurisdiction: $jurisdiction) { id } }';

/** The job id out of `CREATE_IMPORT_JOB`'s answer. */
export function importJobId(data: unknown): string {
  const id = (data as { createCohortImportJob?: { id?: unknown } } | null)?.createCohortImportJob?.id;
  if (typeof id !== 'string' || !id) throw new Error('the server made no import job');
  return id;
}

export interface RowError {
  line: number;
  field: string;
  message: string;
}

export type UploadOutcome =
  | { kind: 'imported'; id: string; persons: number }
  | { kind: 'refused'; status: number; message: string; errors: RowError[]; totalErrors: number };

/** The API's answer to the upload, whatever its status. */
export function readUploadResponse(status: number, text: string): UploadOutcome {
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (status === 201 && body && typeof body.id === 'string') return { kind: 'imported', id: body.id, persons: Number(body.persons) || 0 };
  const errors: RowError[] = Array.isArray(body?.errors)
    ? body.errors.map((e: any) => ({ line: Number(e?.line) || 0, field: String(e?.field ?? ''), message: String(e?.message ?? '') }))
    : [];
  const message =
    typeof body?.error === 'string'
      ? body.error
      : errors.length
        ? errors.map((e) => e.message).join('; ')
        : status === 0
          ? 'the upload did not reach the server'
          : `HTTP ${status}${text && !body ? `: ${text.slice(0, 200)}` : ''}`;
  const totalErrors = typeof body?.totalErrors === 'number' ? body.totalErrors : errors.length;
  return { kind: 'refused', status, message, errors, totalErrors };
}

/** The file's columns (and the other places an error may name) in Chinese. */
const FIELD_NAMES: Record<string, string> = {
  person_id: '人员编号',
  unit: '单位',
  birth_date: '出生日期',
  categories: '减免对象',
  groups: '特殊人群',
  payment_date: '缴费日期',
  header: '表头',
  row: '整行',
  name: '名称',
  jurisdiction: '统筹地区',
  file: '文件',
};

/** Where a row error is: "第3行 · 出生日期（birth_date）" (line 0 is about the request, not a line). */
export function errorPlace(e: RowError, tr: (zh: string, en: string) => string): string {
  const zh = FIELD_NAMES[e.field];
  const field = tr(zh ? `${zh}（${e.field}）` : e.field, e.field);
  if (e.line <= 0) return field;
  return tr(`第${e.line}行 · ${field}`, `line ${e.line} · ${field}`);
}

/** What each column holds, for the form's explanation. */
export const COLUMNS: { name: string; required: boolean; zh: string; en: string }[] = [
  { name: 'person_id', required: true, zh: '人员编号，文件内不得重复，最长 64 个字符', en: 'Person id, unique in the file, at most 64 characters' },
  {
    name: 'unit',
    required: true,
    zh: '所属乡镇（社区）：须是该地区最新已发布政策任务分解表中的单位；没有任务分解表时填地区名称',
    en: "Township or community: a unit of the quota table of the jurisdiction's newest published policy (the jurisdiction's name when it has none)",
  },
  { name: 'birth_date', required: false, zh: '出生日期，写作“年-月-日”（如 1980-05-01），可空', en: 'Birth date YYYY-MM-DD, may be empty' },
  {
    name: 'categories',
    required: false,
    zh: '减免对象代码（或官方身份代码），多个用分号 ; 分隔，可空',
    en: 'Subsidy category codes (or official identity codes), separated by ;, may be empty',
  },
  { name: 'groups', required: false, zh: '特殊人群代码，多个用分号 ; 分隔，可空', en: 'Special-group codes, separated by ;, may be empty' },
  {
    name: 'payment_date',
    required: false,
    zh: '缴费日期，写作“年-月-日”（如 2025-10-15）；空表示在集中缴费期缴费（不得早于出生日期）',
    en: 'Payment date YYYY-MM-DD; empty: pays in the central window (not before the birth date)',
  },
];

/** A byte count for people: 1536 → "1.5 KB". */
export function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
