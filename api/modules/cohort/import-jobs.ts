import { randomUUID } from 'node:crypto';

export interface ImportJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  rows: number;
  bytes: number;
  cohortId: string | null;
  error: string | null;
}

/** Progress of cohort imports, polled while a file uploads (kept for the last 100 imports). */
export class ImportJobs {
  private jobs = new Map<string, ImportJob>();

  start(id: string | undefined): ImportJob {
    const jobId = id && /^[0-9a-zA-Z-]{8,64}$/.test(id) && !this.jobs.has(id) ? id : randomUUID();
    const job: ImportJob = { id: jobId, status: 'running', rows: 0, bytes: 0, cohortId: null, error: null };
    this.jobs.set(jobId, job);
    while (this.jobs.size > 100) this.jobs.delete(this.jobs.keys().next().value!);
    return job;
  }

  get(id: string): ImportJob | null {
    return this.jobs.get(id) ?? null;
  }
}
