import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { database } from '../../db/availability.js';

export type JobKind = 'import' | 'preview';
/** Every status a job may have (the API's enum JobStatus lists them). */
export const JOB_STATUSES = ['pending', 'running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Whose a job is: who made it, and the jurisdiction of its cohort (who may see it follows from that). */
export interface JobOwner {
  createdBy: number | null;
  jurisdictionId: number | null;
}

export interface JobRow {
  id: string;
  kind: JobKind;
  createdBy: number | null;
  jurisdictionId: number | null;
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
/** A pending import job (made for an upload that never came) is removed after this. */
const KEEP_PENDING = '1 hour';
/** How often a running job writes its progress for other processes to read. */
export const PROGRESS_FLUSH_MS = 250;
/** The channel that tells the process running a job that somebody cancelled it. */
export const CANCEL_CHANNEL = 'yibao_job_cancel';
/** How the job store's presence connection shows in pg_stat_activity: this prefix and the runner id. */
export const RUNNER_APP_PREFIX = 'yibao-jobs:';
export const INTERRUPTED = 'interrupted: the API process running it stopped (crash or kill) before it finished';

const ENDED: ReadonlySet<JobStatus> = new Set(['done', 'failed', 'cancelled', 'interrupted']);

/**
 * Jobs (cohort imports, impact previews) as rows of `app_job`, so that every API process can report and
 * cancel a job that another process runs. The process running a job writes its progress (throttled by
 * the caller) and its end; a finished job is never changed again (`where status = 'running'`), so a
 * cancel and a completion cannot overwrite each other.
 *
 * A job is never lost with its process: each process is a *runner* with an id, and keeps one
 * connection open whose `application_name` carries that id. PostgreSQL drops the connection when the
 * process dies (SIGKILL, crash, power), so a running job whose runner has no connection left is dead:
 * it is marked `interrupted` when anyone reads it and when any process starts. When the presence
 * connection itself drops (PostgreSQL restarted, say), the process reconnects, writes the ends it could
 * not write meanwhile and marks its own rows that it no longer runs as interrupted.
 */
export class JobStore {
  readonly runner = randomUUID();
  private readonly pool: pg.Pool;
  private presence: pg.Client | null = null;
  private stopped = false;
  private delay = 100;
  private timer: NodeJS.Timeout | null = null;
  /** Jobs this process runs now. */
  private readonly live = new Set<string>();
  /** Ends of jobs that could not be written (the database was away), written on reconnection. */
  private readonly unsaved = new Map<string, JobPatch>();

  constructor(private readonly databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 3, connectionTimeoutMillis: 5_000 });
    // an idle connection that the server drops is reported here; the next query opens another
    this.pool.on('error', (e) => database.down(e));
  }

  /** Open the presence connection, and mark the jobs of processes that died as interrupted. */
  async start(): Promise<void> {
    await this.connect();
    await this.sweep();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: `${RUNNER_APP_PREFIX}${this.runner}`, connectionTimeoutMillis: 5_000 });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    if (this.stopped) return void (await client.end().catch(() => {}));
    this.presence = client;
    this.delay = 100;
  }

  private lost(client: pg.Client) {
    if (this.presence !== client) return;
    this.presence = null;
    client.end().catch(() => {});
    this.retry();
  }

  private retry() {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect()
        .then(() => this.reconcile())
        .catch(() => {
          this.delay = Math.min(this.delay * 2, 1_000);
          this.retry();
        });
    }, this.delay);
    this.timer.unref();
  }

  /** After a lost presence: write the ends not yet written, then end what this process no longer runs. */
  private async reconcile(): Promise<void> {
    for (const [id, patch] of [...this.unsaved]) {
      await this.write(id, patch);
      this.unsaved.delete(id);
    }
    await this.pool.query(
      `update app_job set status = 'interrupted', error = $3, updated_at = now()
        where runner = $1 and status = 'running' and not (id = any($2::text[]))`,
      [this.runner, [...this.live], 'interrupted: the database connection was lost while it ran'],
    );
    await this.sweep();
  }

  /** Mark running jobs whose runner has no connection left (its process died) as interrupted. */
  async sweep(): Promise<number> {
    const r = await this.pool.query(
      `update app_job j set status = 'interrupted', error = $2, updated_at = now()
        where j.status = 'running' and j.runner is not null and j.runner <> $1
          and not exists (select 1 from pg_stat_activity a where a.application_name = $3 || j.runner)`,
      [this.runner, INTERRUPTED, RUNNER_APP_PREFIX],
    );
    return r.rowCount ?? 0;
  }

  private async cleanup(): Promise<void> {
    await this.pool.query(
      `delete from app_job where (status <> 'running' and status <> 'pending' and updated_at < now() - interval '${KEEP_FINISHED}')
          or (status = 'pending' and created_at < now() - interval '${KEEP_PENDING}')`,
    );
  }

  /** A new job, run by this process; its id is made here (never by the client). */
  async create(kind: JobKind, owner: JobOwner): Promise<JobRow> {
    await this.cleanup();
    const r = await this.pool.query(
      `insert into app_job (id, kind, created_by, jurisdiction_id, status, runner) values (gen_random_uuid()::text, $1, $2, $3, 'running', $4) returning *`,
      [kind, owner.createdBy, owner.jurisdictionId, this.runner],
    );
    this.live.add(r.rows[0].id);
    return toJob(r.rows[0]);
  }

  /** A job made ahead for its owner, run by nobody yet: an upload claims it (`claim`). */
  async createPending(kind: JobKind, owner: JobOwner): Promise<JobRow> {
    await this.cleanup();
    const r = await this.pool.query(
      `insert into app_job (id, kind, created_by, jurisdiction_id, status) values (gen_random_uuid()::text, $1, $2, $3, 'pending') returning *`,
      [kind, owner.createdBy, owner.jurisdictionId],
    );
    return toJob(r.rows[0]);
  }

  /** Run a pending job here: only its owner's, for the same jurisdiction, and only once. Null otherwise. */
  async claim(id: string, kind: JobKind, owner: JobOwner): Promise<JobRow | null> {
    const r = await this.pool.query(
      `update app_job set status = 'running', runner = $5, updated_at = now()
        where id = $1 and kind = $2 and status = 'pending' and created_by = $3 and jurisdiction_id = $4 returning *`,
      [id, kind, owner.createdBy, owner.jurisdictionId, this.runner],
    );
    if (!r.rows[0]) return null;
    this.live.add(id);
    return toJob(r.rows[0]);
  }

  /** A job as stored; a running job whose process died is marked interrupted first. */
  async get(id: string, kind: JobKind): Promise<JobRow | null> {
    const r = await this.pool.query(
      `select j.*, (j.runner is null or j.runner = $3 or exists (select 1 from pg_stat_activity a where a.application_name = $4 || j.runner)) as runner_alive
         from app_job j where j.id = $1 and j.kind = $2`,
      [id, kind, this.runner, RUNNER_APP_PREFIX],
    );
    const row = r.rows[0];
    if (!row) return null;
    if (row.status === 'running' && !row.runner_alive) {
      const ended = await this.pool.query(
        `update app_job set status = 'interrupted', error = $2, updated_at = now() where id = $1 and status = 'running' and runner = $3 returning *`,
        [id, INTERRUPTED, row.runner],
      );
      if (ended.rows[0]) return toJob(ended.rows[0]);
      return this.get(id, kind);
    }
    return toJob(row);
  }

  /** Write a running job's progress or end; null when it had already ended (cancelled, say). */
  async update(id: string, patch: JobPatch): Promise<JobRow | null> {
    const ends = patch.status !== undefined && ENDED.has(patch.status);
    if (ends) this.live.delete(id);
    try {
      return await this.write(id, patch);
    } catch (e) {
      // the end is written when the database is back (see reconcile)
      if (ends) this.unsaved.set(id, patch);
      throw e;
    }
  }

  private async write(id: string, patch: JobPatch): Promise<JobRow | null> {
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
      if (r.rows[0]) this.live.delete(id);
      return r.rows[0] ? toJob(r.rows[0]) : this.get(id, kind);
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.presence;
    this.presence = null;
    await c?.end().catch(() => {});
    await this.pool.end();
  }
}

function toJob(r: any): JobRow {
  return {
    id: r.id,
    kind: r.kind,
    createdBy: r.created_by,
    jurisdictionId: r.jurisdiction_id,
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
