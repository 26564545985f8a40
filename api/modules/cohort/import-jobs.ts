import { PROGRESS_FLUSH_MS, type JobOwner, type JobRow, type JobStore } from '../jobs/job-store.js';

export interface ImportJob {
  id: string;
  status: 'pending' | 'running' | 'done' | 'failed' | 'interrupted';
  rows: number;
  bytes: number;
  cohortId: string | null;
  error: string | null;
}

/** An import job with whose it is, for the caller's access check (api/modules/cohort/job-access.ts). */
export interface OwnedImportJob {
  job: ImportJob;
  owner: JobOwner;
}

/** An upload named a job that is not the caller's own pending import job for that jurisdiction. */
export class NotYourJobError extends Error {
  constructor(readonly jobId: string) {
    super(`job: "${jobId.slice(0, 64)}" is not a pending import job of yours for this jurisdiction; make one with createCohortImportJob, or leave job out`);
  }
}

/**
 * Progress of cohort imports, polled while a file uploads. The process that receives the upload keeps
 * the live figures and writes them to `app_job` every quarter second and at the end, so a poll that
 * reaches another API process reads them from there. Job ids are made by the server: either for the
 * upload itself, or ahead of it (`prepare`, a pending job the upload then names), so that the console
 * knows the id to poll while the file is still on its way.
 */
export class ImportJobs {
  private local = new Map<string, OwnedImportJob>();

  constructor(private readonly store: JobStore) {}

  /** A pending job for `owner`'s coming upload. */
  async prepare(owner: JobOwner): Promise<ImportJob> {
    return view(await this.store.createPending('import', owner));
  }

  /** Start the import: in the pending job the upload names (the caller's own), or in a new one. */
  async start(named: string | undefined, owner: JobOwner): Promise<ImportRun> {
    const row = named !== undefined ? await this.store.claim(named, 'import', owner) : await this.store.create('import', owner);
    if (!row) throw new NotYourJobError(named!);
    const job: ImportJob = { id: row.id, status: 'running', rows: 0, bytes: 0, cohortId: null, error: null };
    this.local.set(job.id, { job, owner });
    return new ImportRun(job, this.store, () => this.local.delete(job.id));
  }

  async get(id: string): Promise<OwnedImportJob | null> {
    const live = this.local.get(id);
    if (live) return { job: { ...live.job }, owner: live.owner };
    const row = await this.store.get(id, 'import');
    if (!row) return null;
    return { job: view(row), owner: { createdBy: row.createdBy, jurisdictionId: row.jurisdictionId } };
  }
}

function view(row: JobRow): ImportJob {
  const status = row.status === 'cancelled' ? 'failed' : row.status;
  return { id: row.id, status, rows: row.rows, bytes: row.bytes, cohortId: row.cohortId, error: row.error };
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
