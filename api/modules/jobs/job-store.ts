import pg from 'pg';

export type JobKind = 'import' | 'preview';
export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRow {
  id: string;
  kind: JobKind;
  createdBy: number | null;
  status: JobStatus;
  progress: number;
  rows: number;
  bytes: number;
  cohortId: string | null;
  result: unknown;
  error: string | null;
  cancelRequested: boolean;
}

export type JobPatch = Partial<Pick<JobRow, 'status' | 'progress' | 'rows' | 'bytes' | 'cohortId' | 'result' | 'error'>>;

const COLUMNS: Record<keyof JobPatch, string> = {
  status: 'status',
  progress: 'progress',
  rows: 'rows',
  bytes: 'bytes',
  cohortId: 'cohort_id',
  result: 'result',
  error: 'error',
};

/** Finished jobs are kept this long for late polls; then removed when a new job starts. */
const KEEP_FINISHED = '1 day';
/** How often a running job writes its progress for other processes to read. */
export const PROGRESS_FLUSH_MS = 250;
/** The channel that tells the process running a job that somebody cancelled it. */
export const CANCEL_CHANNEL = 'yibao_job_cancel';

/**
 * Jobs (cohort imports, impact previews) as rows of `app_job`, so that every API process can report and
 * cancel a job that another process runs. The process running a job writes its progress (throttled by
 * the caller) and its end; a finished job is never changed again (`where status = 'running'`), so a
 * cancel and a completion cannot overwrite each other.
 */
export class JobStore {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  }

  /** A new running job; `wanted` is the caller's id when it is free and well-formed, else a new UUID. */
  async create(kind: JobKind, wanted: string | undefined, createdBy: number | null): Promise<JobRow> {
    await this.pool.query(`delete from app_job where status <> 'running' and updated_at < now() - interval '${KEEP_FINISHED}'`);
    if (wanted && /^[0-9a-zA-Z-]{8,64}$/.test(wanted)) {
      const r = await this.pool.query(`insert into app_job (id, kind, created_by, status) values ($1, $2, $3, 'running') on conflict (id) do nothing returning *`, [wanted, kind, createdBy]);
      if (r.rows[0]) return toJob(r.rows[0]);
    }
    const r = await this.pool.query(`insert into app_job (id, kind, created_by, status) values (gen_random_uuid()::text, $1, $2, 'running') returning *`, [kind, createdBy]);
    return toJob(r.rows[0]);
  }

  async get(id: string, kind: JobKind): Promise<JobRow | null> {
    const r = await this.pool.query('select * from app_job where id = $1 and kind = $2', [id, kind]);
    return r.rows[0] ? toJob(r.rows[0]) : null;
  }

  /** Write a running job's progress or end; null when it had already ended (cancelled, say). */
  async update(id: string, patch: JobPatch): Promise<JobRow | null> {
    const sets: string[] = ['updated_at = now()'];
    const values: unknown[] = [id];
    for (const [key, value] of Object.entries(patch) as [keyof JobPatch, unknown][]) {
      values.push(key === 'result' ? JSON.stringify(value) : value);
      sets.push(`${COLUMNS[key]} = $${values.length}`);
    }
    const r = await this.pool.query(`update app_job set ${sets.join(', ')} where id = $1 and status = 'running' returning *`, values);
    return r.rows[0] ? toJob(r.rows[0]) : null;
  }

  /** Mark a running job cancelled and tell the process running it; the job as it now stands. */
  async cancel(id: string, kind: JobKind): Promise<JobRow | null> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const r = await client.query(
        `update app_job set status = 'cancelled', cancel_requested = true, error = 'cancelled', updated_at = now() where id = $1 and kind = $2 and status = 'running' returning *`,
        [id, kind],
      );
      if (r.rows[0]) await client.query('select pg_notify($1, $2)', [CANCEL_CHANNEL, id]);
      await client.query('commit');
      return r.rows[0] ? toJob(r.rows[0]) : this.get(id, kind);
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function toJob(r: any): JobRow {
  return {
    id: r.id,
    kind: r.kind,
    createdBy: r.created_by,
    status: r.status,
    progress: r.progress,
    rows: Number(r.rows),
    bytes: Number(r.bytes),
    cohortId: r.cohort_id,
    result: r.result,
    error: r.error,
    cancelRequested: r.cancel_requested,
  };
}
