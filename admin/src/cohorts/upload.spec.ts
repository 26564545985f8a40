import { describe, expect, it } from 'vitest';
import { bytesText, CREATE_IMPORT_JOB, errorPlace, importJobId, readUploadResponse, uploadUrl } from './upload';

const tr = (zh: string) => zh;

describe('the upload request', () => {
  it('puts jurisdiction, name and job in the query, relative to the console base', () => {
    const url = new URL(uploadUrl('http://host:4000/', '五河县', '一万 人&样本', 'job-1234'));
    expect(url.pathname).toBe('/cohorts');
    expect(url.searchParams.get('jurisdiction')).toBe('五河县');
    expect(url.searchParams.get('name')).toBe('一万 人&样本');
    expect(url.searchParams.get('job')).toBe('job-1234');
    expect(new URL(uploadUrl('http://host:4000/admin/', '350581', 'x', 'j-12345678')).pathname).toBe('/admin/cohorts');
  });

  it('asks the server for the job and reads its id (ids are never made in the browser)', () => {
    expect(CREATE_IMPORT_JOB).toMatch(/createCohortImportJob\(jurisdiction: \$jurisdiction\) \{ id \}/);
    expect(importJobId({ createCohortImportJob: { id: '0b7c…' } })).toBe('0b7c…');
    expect(() => importJobId({ createCohortImportJob: null })).toThrow(/no import job/);
    expect(() => importJobId(null)).toThrow(/no import job/);
  });
});

describe('reading the answer', () => {
  it('reads an import', () => {
    expect(readUploadResponse(201, '{"id":"c1","persons":3,"job":"j"}')).toEqual({ kind: 'imported', id: 'c1', persons: 3 });
  });

  it('reads a refusal with its errors by line', () => {
    const body = {
      error: 'the file was refused, nothing was imported: 2 errors; …',
      errors: [
        { line: 3, field: 'birth_date', message: '"1990-02-30" is not a date written YYYY-MM-DD' },
        { line: 4, field: 'person_id', message: '"P1" appears twice (first on line 2)' },
      ],
      totalErrors: 250,
      job: 'j',
    };
    const o = readUploadResponse(400, JSON.stringify(body));
    expect(o).toMatchObject({ kind: 'refused', status: 400, message: body.error, totalErrors: 250 });
    if (o.kind !== 'refused') throw new Error('refused expected');
    expect(o.errors.map((e) => errorPlace(e, tr))).toEqual(['第3行 · 出生日期（birth_date）', '第4行 · 人员编号（person_id）']);
  });

  it('reads refusals without a line: unknown jurisdiction, no right, no server', () => {
    const j = readUploadResponse(400, '{"errors":[{"line":0,"field":"jurisdiction","message":"no jurisdiction has the code or name \\"x\\""}]}');
    expect(j).toMatchObject({ kind: 'refused', message: 'no jurisdiction has the code or name "x"', totalErrors: 1 });
    if (j.kind === 'refused') expect(errorPlace(j.errors[0]!, tr)).toBe('统筹地区（jurisdiction）');
    expect(readUploadResponse(403, '{"error":"importing a cohort of 五河县 needs a drafter or approver of 五河县"}')).toMatchObject({
      kind: 'refused',
      status: 403,
      message: 'importing a cohort of 五河县 needs a drafter or approver of 五河县',
      errors: [],
    });
    expect(readUploadResponse(502, 'Bad Gateway')).toMatchObject({ kind: 'refused', message: 'HTTP 502: Bad Gateway' });
    expect(readUploadResponse(413, '{"error":"the file is larger than 1024 bytes","code":"PAYLOAD_TOO_LARGE"}')).toMatchObject({ kind: 'refused', status: 413, message: 'the file is larger than 1024 bytes' });
    const job = readUploadResponse(400, '{"errors":[{"line":0,"field":"job","message":"job: \\"x\\" is not a pending import job of yours"}]}');
    expect(job).toMatchObject({ kind: 'refused', status: 400, errors: [{ line: 0, field: 'job' }] });
    expect(readUploadResponse(0, '')).toMatchObject({ kind: 'refused', status: 0, message: 'the upload did not reach the server' });
  });

  it('prints sizes', () => {
    expect(bytesText(512)).toBe('512 B');
    expect(bytesText(1536)).toBe('1.5 KB');
    expect(bytesText(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
