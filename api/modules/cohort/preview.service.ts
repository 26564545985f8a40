import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { INTERRUPTED, PROGRESS_FLUSH_MS, type JobOwner, type JobRow, type JobStore } from '../jobs/job-store.js';
import { COMPILED } from '../../paths.js';
import type { PolicyDocument } from '../../../policy-schemas/index.js';
import type { ChangeGroup, SideResult, Totals } from '../../engine/index.js';
import type { RunMessage } from './preview.worker.js';
import type { Cohort, Impact, ImpactChangeGroup, ImpactSide, ImpactTotals, PersonChange, PreviewJob } from './cohort.type.js';

export interface PreviewInput {
  draft: { id: string; year: number; status: string; document: PolicyDocument };
  baseline: { id: string; year: number; status: string; document: PolicyDocument };
  cohort: Cohort;
  cohortNo: number;
  personIds: (rowNos: number[]) => Promise<Map<number, string>>;
}

interface Job {
  id: string;
  status: 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  progress: number;
  result: Impact | null;
  error: string | null;
  done: Promise<Impact>;
  resolve: (r: PortableImpact) => void;
  reject: (e: Error) => void;
}

type PortableSide = Omit<SideResult, 'outcomeOf' | 'outcomes'>;

/** The worker's answer (see preview.worker.ts): totals and the persons shown. */
export interface PortableImpact {
  persons: number;
  units: string[];
  draft: PortableSide;
  baseline: PortableSide;
  /** The baseline on the population moved a year (null: the draft is for the baseline's year). */
  moved: PortableSide | null;
  yearsMoved: number;
  paysMore: number;
  paysLess: number;
  paysSame: number;
  notComparable: number;
  largestChanges: PortablePerson[];
  changeGroups: (Omit<ChangeGroup, 'example'> & { example: PortablePerson })[];
}

/** A person as the worker sends it: the API's PersonChange before its person id is looked up by row number. */
export type PortablePerson = Omit<PersonChange, 'personId' | 'change'> & { rowNo: number };

const CAUSE: Record<ChangeGroup['cause'], ImpactChangeGroup['cause']> = { rules: 'RULES', population: 'POPULATION', both: 'BOTH' };

const KEPT_JOBS = 50;

/**
 * Runs previews in a long-lived worker process (a child of this API process, every thread of it at the
 * lowest priority), one at a time, so that quotes stay fast meanwhile; reports progress; cancels by
 * stopping the worker (the next preview starts a new one). The worker
 * keeps the columns of recent cohorts, so a second preview of a cohort reads nothing from the database.
 * Each job is also a row of `app_job` (progress, end, result), so that another API process can report
 * it or cancel it (the cancel reaches this process as a notification: `cancelledElsewhere`).
 */
export class PreviewService {
  private jobs = new Map<string, Job>();
  private worker: ChildProcess | null = null;
  private running: Job | null = null;
  private queue: { job: Job; input: PreviewInput }[] = [];
  private lastFlush = 0;
  /** What follows the end of a job elsewhere (`afterEnd`), waited for by `close`. */
  private readonly following = new Set<Promise<unknown>>();

  constructor(
    private readonly databaseUrl: string,
    private readonly store: JobStore,
  ) {}

  async start(input: PreviewInput, owner: JobOwner): Promise<PreviewJob> {
    const { id } = await this.store.create('preview', owner);
    let resolve!: (r: PortableImpact) => void;
    let reject!: (e: Error) => void;
    const raw = new Promise<PortableImpact>((res, rej) => ((resolve = res), (reject = rej)));
    const started = Date.now();
    const job: Job = { id, status: 'running', progress: 0, result: null, error: null, done: null as never, resolve, reject };
    job.done = raw.then(
      async (r) => {
        job.result = await this.toImpact(input, r, Date.now() - started);
        job.status = 'done';
        job.progress = 1;
        await this.store.update(id, { status: 'done', progress: 1, result: job.result }).catch((e) => console.error('recording a preview failed:', e));
        return job.result;
      },
      async (e: Error) => {
        if (job.status === 'running') job.status = 'failed';
        job.error = e.message;
        await this.store.update(id, { status: job.status, error: e.message }).catch(() => {});
        throw e;
      },
    );
    job.done.catch(() => {});
    this.jobs.set(id, job);
    while (this.jobs.size > KEPT_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    this.queue.push({ job, input });
    this.next();
    return this.view(job);
  }

  private ensureWorker(): ChildProcess {
    if (this.worker) return this.worker;
    // from the build (npm start) the worker is JavaScript; from the sources (tests) tsx compiles it
    const w = fork(fileURLToPath(new URL(COMPILED ? './preview.worker.js' : './preview.worker.ts', import.meta.url)), [], {
      execArgv: COMPILED ? ['--enable-source-maps'] : ['--import', 'tsx'],
      // structured clone, as between threads: the totals carry Maps
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // an idle worker keeps no API process alive
    w.unref();
    w.channel?.unref();
    w.on('message', (m: any) => {
      const job = this.running;
      if (!job || m.jobId !== job.id) return;
      if (m.type === 'progress') {
        job.progress = Math.min(m.done, 0.99);
        const now = Date.now();
        if (now - this.lastFlush >= PROGRESS_FLUSH_MS) {
          this.lastFlush = now;
          // null: the row has ended (cancelled by another process whose notification was missed)
          void this.store.update(job.id, { progress: job.progress }).then((row) => row || this.stop(job), () => {});
        }
      } else {
        this.running = null;
        if (m.type === 'result') job.resolve(m.result);
        else job.reject(new Error(m.message));
        this.next();
      }
    });
    w.on('error', (e) => this.workerGone(w, e));
    w.on('exit', () => this.workerGone(w, new Error('the preview worker stopped')));
    return (this.worker = w);
  }

  private workerGone(w: ChildProcess, e: Error) {
    // a worker stopped earlier (cancelled, or at close) that ends only now: its successor runs on
    if (this.worker !== w) return;
    this.worker = null;
    const job = this.running;
    this.running = null;
    if (job) job.reject(job.status === 'cancelled' ? new Error('cancelled') : job.status === 'interrupted' ? new Error(INTERRUPTED) : e);
    this.next();
  }

  private next(): void {
    if (this.running) return;
    const item = this.queue.shift();
    if (!item) return;
    if (item.job.status === 'cancelled') return this.next();
    this.running = item.job;
    const run: RunMessage = {
      type: 'run',
      jobId: item.job.id,
      databaseUrl: this.databaseUrl,
      cohortNo: item.input.cohortNo,
      persons: item.input.cohort.persons,
      draft: item.input.draft.document,
      baseline: item.input.baseline.document,
    };
    this.ensureWorker().send(run);
  }

  /** Wait for a job and give its impact (throws when it failed or was cancelled). */
  async result(id: string): Promise<Impact> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no preview job ${id}`);
    return job.done;
  }

  /** A job of this process as it stands, else as another process last wrote it. */
  async job(id: string): Promise<PreviewJob | null> {
    const j = this.jobs.get(id);
    if (j) return this.view(j);
    const row = await this.store.get(id, 'preview');
    return row ? fromRow(row) : null;
  }

  async cancel(id: string): Promise<PreviewJob | null> {
    const j = this.jobs.get(id);
    if (!j) {
      const row = await this.store.cancel(id, 'preview');
      return row ? fromRow(row) : null;
    }
    this.stop(j);
    await this.store.update(id, { status: 'cancelled', error: 'cancelled' }).catch(() => {});
    return this.view(j);
  }

  /** Another process cancelled a job that runs here (the row already says so). */
  cancelledElsewhere(id: string): void {
    const j = this.jobs.get(id);
    if (j) this.stop(j);
  }

  private stop(j: Job): void {
    if (j.status !== 'running') return;
    j.status = 'cancelled';
    if (this.running === j) this.terminate();
    else j.reject(new Error('cancelled'));
  }

  /**
   * Run `then` when a job of this process ends (done, failed, cancelled or interrupted), as part of it:
   * `close` waits for it, so that what it writes is written before the database is let go.
   */
  afterEnd(id: string, then: (impact: Impact | null, error: Error | null) => Promise<unknown>): void {
    const job = this.jobs.get(id);
    if (!job) return;
    const p: Promise<unknown> = job.done.then((r) => then(r, null), (e: Error) => then(null, e)).finally(() => this.following.delete(p));
    this.following.add(p);
  }

  /**
   * At shutdown: the running job and the queued ones end as interrupted (their rows say so, as after a
   * crash), the worker is stopped, and what follows their ends (`afterEnd`) is waited for.
   */
  async close() {
    for (const { job } of this.queue.splice(0)) this.interrupt(job);
    const w = this.worker;
    if (w) {
      const gone = new Promise<void>((r) => (w.exitCode !== null || w.signalCode !== null ? r() : w.once('exit', () => r())));
      if (this.running?.status === 'running') this.running.status = 'interrupted';
      this.terminate();
      await gone;
    }
    await Promise.allSettled([...this.jobs.values()].map((j) => j.done));
    await Promise.allSettled([...this.following]);
  }

  private interrupt(job: Job): void {
    if (job.status !== 'running') return;
    job.status = 'interrupted';
    job.reject(new Error(INTERRUPTED));
  }

  /** Stop the worker now: its job, if any, ends as cancelled or failed (see workerGone). */
  private terminate(): void {
    const w = this.worker;
    if (!w) return;
    w.kill('SIGKILL');
  }

  private view(j: Job): PreviewJob {
    return { id: j.id, status: j.status, progress: j.progress, result: j.result, error: j.error };
  }

  private async toImpact(input: PreviewInput, r: PortableImpact, durationMs: number): Promise<Impact> {
    const names = new Map<string, string>();
    for (const doc of [input.baseline.document, input.draft.document]) for (const cat of doc.categories) names.set(cat.code, cat.name);
    const totals = (t: Totals): ImpactTotals => ({
      persons: t.persons,
      covered: t.covered,
      individualContributions: t.individualContributions,
      surchargeRevenue: t.surchargeRevenue,
      subsidies: t.subsidies,
      governmentSubsidy: t.governmentSubsidy,
      byFundSource: [...t.byFund].map(([fundSource, amount]) => ({ fundSource, amount })).sort((a, b) => b.amount - a.amount),
      byCategory: [...t.byCategory]
        .map(([category, v]) => ({ category, name: names.get(category) ?? null, persons: v.persons, amount: v.amount }))
        .sort((a, b) => b.amount - a.amount),
    });
    const minus = (a: ImpactTotals, b: ImpactTotals): ImpactTotals => {
      const funds = new Set([...a.byFundSource, ...b.byFundSource].map((f) => f.fundSource));
      const cats = new Set([...a.byCategory, ...b.byCategory].map((f) => f.category));
      const fa = (t: ImpactTotals, k: string) => t.byFundSource.find((f) => f.fundSource === k)?.amount ?? 0;
      const ca = (t: ImpactTotals, k: string) => t.byCategory.find((f) => f.category === k);
      return {
        persons: a.persons - b.persons,
        covered: a.covered - b.covered,
        individualContributions: a.individualContributions - b.individualContributions,
        surchargeRevenue: a.surchargeRevenue - b.surchargeRevenue,
        subsidies: a.subsidies - b.subsidies,
        governmentSubsidy: a.governmentSubsidy - b.governmentSubsidy,
        byFundSource: [...funds].map((k) => ({ fundSource: k, amount: fa(a, k) - fa(b, k) })),
        byCategory: [...cats].map((k) => ({
          category: k,
          name: names.get(k) ?? null,
          persons: (ca(a, k)?.persons ?? 0) - (ca(b, k)?.persons ?? 0),
          amount: (ca(a, k)?.amount ?? 0) - (ca(b, k)?.amount ?? 0),
        })),
      };
    };
    const side = (v: PreviewInput['draft'], s: PortableImpact['draft']): ImpactSide => ({
      policyVersionId: v.id,
      year: v.year,
      status: v.status,
      policyStatus: v.status,
      totals: totals(s.totals),
      refusals: [...s.refusals].map(([reason, persons]) => ({ reason, reasonZh: s.refusalWords?.get(reason) ?? null, persons })).sort((a, b) => b.persons - a.persons),
      unknownCodes: [...s.unknownCodes].map(([key, persons]) => ({ key, persons })),
      distinctCases: s.distinct,
    });
    const draft = side(input.draft, r.draft);
    const baseline = side(input.baseline, r.baseline);
    const targets = new Map((input.draft.document.quotaTables[0]?.rows ?? []).map((row) => [row.unit, row.target]));
    const byUnit = r.units.map((unit, u) => {
      const d = totals(r.draft.byUnit[u]!);
      const b = totals(r.baseline.byUnit[u]!);
      const target = targets.get(unit) ?? null;
      const persons = r.draft.unitPersons[u]!;
      return { unit, persons, target, targetPercent: target ? Math.round((d.covered / target) * 10000) / 100 : null, draft: d, baseline: b, difference: minus(d, b) };
    });
    const ids = await input.personIds([...new Set([...r.largestChanges, ...r.changeGroups.map((g) => g.example)].map((p) => p.rowNo))]);
    const person = (p: PortablePerson): PersonChange => ({
      personId: ids.get(p.rowNo) ?? `#${p.rowNo}`,
      unit: p.unit,
      categories: p.categories,
      groups: p.groups,
      birthDate: p.birthDate,
      paymentDate: p.paymentDate,
      baselinePaymentDate: p.baselinePaymentDate,
      draftPaymentDate: p.draftPaymentDate,
      baselineDue: p.baselineDue,
      draftDue: p.draftDue,
      change: p.draftDue - p.baselineDue,
    });
    const changeGroups: ImpactChangeGroup[] = r.changeGroups.map((g) => ({
      baselineDue: g.baselineDue,
      draftDue: g.draftDue,
      change: g.draftDue - g.baselineDue,
      persons: g.persons,
      total: (g.draftDue - g.baselineDue) * g.persons,
      cause: CAUSE[g.cause],
      example: person(g.example),
    }));
    const moved = r.moved && totals(r.moved.totals);
    return {
      cohort: input.cohort,
      persons: r.persons,
      draft,
      baseline,
      difference: minus(draft.totals, baseline.totals),
      yearsMoved: r.yearsMoved,
      populationEffect: moved && minus(moved, baseline.totals),
      rulesEffect: minus(draft.totals, moved ?? baseline.totals),
      changeGroups,
      byUnit: byUnit.sort((a, b) => a.unit.localeCompare(b.unit, 'zh')),
      paysMore: r.paysMore,
      paysLess: r.paysLess,
      paysSame: r.paysSame,
      notComparable: r.notComparable,
      largestChanges: r.largestChanges.map(person),
      examples: changeGroups.map((g) => g.example),
      durationMs,
    };
  }
}

/** A job read back from `app_job`: the result's dates come back as text and are made dates again. */
function fromRow(row: JobRow): PreviewJob {
  const result = row.result as Impact | null;
  if (result) result.cohort.createdAt = new Date(result.cohort.createdAt);
  return { id: row.id, status: row.status, progress: row.progress, result, error: row.error };
}
