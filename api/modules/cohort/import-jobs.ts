import { PROGRESS_FLUSH_MS, type JobStore } from '../jobs/job-store.js';

export interface ImportJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  rows: number;
  bytes: number;
  cohortId: string | null;
  error: string | null;
}


/**
 * Progress of cohort imports, polled while a file uploads. The process that receives the upload keeps
 * the live figures and writes them to `app_job` every quarter second and at the end, so a poll that
 * reaches another API process reads them from there.
 */
export class ImportJobs {
  private local = new Map<string, ImportJob>();

  constructor(private readonly store: JobStore) {}

  async start(wanted: string | undefined, createdBy: number | null): Promise<ImportRun> {
    const row = await this.store.create('import', wanted, createdBy);
    const job: ImportJob = { id: row.id, status: 'running', rows: 0, bytes: 0, cohortId: null, error: null };
    this.local.set(job.id, job);
    return new ImportRun(job, this.store, () => this.local.delete(job.id));
  }

  async get(id: string): Promise<ImportJob | null> {
    const live = this.local.get(id);
    if (live) return { ...live };
    const row = await this.store.get(id, 'import');
    if (!row) return null;
    return { id: row.id, status: row.status === 'done' ? 'done' : row.status === 'running' ? 'running' : 'failed', rows: row.rows, bytes: row.bytes, cohortId: row.cohortId, error: row.error };
  }
}

export class ImportRun {
  private lastFlush = 0;
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(
    readonly job: ImportJob,
    private readonly store: JobStore,
    private readonly forget: () => void,
  ) {}

  get id(): string {
    return this.job.id;
  }

  progress(rows: number, bytes: number): void {
    Object.assign(this.job, { rows, bytes });
    const now = Date.now();
    if (now - this.lastFlush < PROGRESS_FLUSH_MS) return;
    this.lastFlush = now;
    this.flushing = this.flushing.then(() => this.store.update(this.job.id, { rows, bytes }).catch(() => {}));
  }

  async done(cohortId: string, rows: number): Promise<void> {
    Object.assign(this.job, { status: 'done', cohortId, rows });
    await this.end({ status: 'done', cohortId, rows, bytes: this.job.bytes });
  }

  async failed(error: string): Promise<void> {
    Object.assign(this.job, { status: 'failed', error });
    await this.end({ status: 'failed', error, rows: this.job.rows, bytes: this.job.bytes });
  }

  private async end(patch: Parameters<JobStore['update']>[1]): Promise<void> {
    await this.flushing;
    try {
      await this.store.update(this.job.id, patch);
    } finally {
      this.forget();
    }
  }
}
