import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { PolicyDocument } from '../../../policy-schemas/index.js';
import { fromDay } from '../../engine/dates.js';
import { NO_DATE, type CohortColumns, type ImpactResult, type SideResult, type Totals } from '../../engine/impact.js';
import { loadColumns } from './cohort-columns.js';
import type { Cohort, Impact, ImpactSide, ImpactTotals, PersonChange, PreviewJob } from './cohort.type.js';

export interface PreviewInput {
  draft: { id: string; year: number; status: string; document: PolicyDocument };
  baseline: { id: string; year: number; status: string; document: PolicyDocument };
  cohort: Cohort;
  personIds: (rowNos: number[]) => Promise<Map<number, string>>;
}

interface Job {
  id: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  result: Impact | null;
  error: string | null;
  worker: Worker | null;
  done: Promise<Impact>;
}

const CACHED_COHORTS = 4;
const KEPT_JOBS = 50;

/**
 * Runs previews in worker threads, so that quotes stay fast meanwhile; reports progress; can cancel.
 * A cohort's columns are read once (COPY) and kept for the next previews (cohorts never change).
 */
export class PreviewService {
  private columns = new Map<string, Promise<CohortColumns>>();
  private jobs = new Map<string, Job>();

  constructor(private readonly databaseUrl: string) {}

  columnsOf(cohortId: string, persons: number): Promise<CohortColumns> {
    let c = this.columns.get(cohortId);
    if (c) {
      this.columns.delete(cohortId); // most recently used last
      this.columns.set(cohortId, c);
      return c;
    }
    c = loadColumns(this.databaseUrl, cohortId, persons);
    this.columns.set(cohortId, c);
    c.catch(() => this.columns.delete(cohortId));
    while (this.columns.size > CACHED_COHORTS) this.columns.delete(this.columns.keys().next().value!);
    return c;
  }

  start(input: PreviewInput): PreviewJob {
    const id = randomUUID();
    const job: Job = { id, status: 'running', progress: 0, result: null, error: null, worker: null, done: null as never };
    job.done = this.run(job, input);
    job.done.catch(() => {});
    this.jobs.set(id, job);
    while (this.jobs.size > KEPT_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    return this.view(job);
  }

  async run(job: Job, input: PreviewInput): Promise<Impact> {
    const started = Date.now();
    try {
      const columns = await this.columnsOf(input.cohort.id, input.cohort.persons);
      if (job.status === 'cancelled') throw new Error('cancelled');
      const result = await new Promise<ImpactResult>((resolve, reject) => {
        const worker = new Worker(new URL('../../engine/impact.worker.ts', import.meta.url), {
          execArgv: ['--import', 'tsx'],
          workerData: { draft: input.draft.document, baseline: input.baseline.document, columns },
        });
        job.worker = worker;
        worker.on('message', (m: any) => {
          if (m.type === 'progress') job.progress = m.done;
          else if (m.type === 'result') resolve(m.result);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (job.status === 'cancelled' ? reject(new Error('cancelled')) : code !== 0 && reject(new Error(`preview worker stopped (${code})`))));
      });
      job.worker?.terminate();
      job.worker = null;
      const impact = await this.toImpact(input, columns, result, Date.now() - started);
      job.result = impact;
      job.status = 'done';
      job.progress = 1;
      return impact;
    } catch (e) {
      if (job.status !== 'cancelled') job.status = 'failed';
      job.error = (e as Error).message;
      throw e;
    }
  }

  /** Wait for a job and give its impact (throws when it failed or was cancelled). */
  async result(id: string): Promise<Impact> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no preview job ${id}`);
    return job.done;
  }

  job(id: string): PreviewJob | null {
    const j = this.jobs.get(id);
    return j ? this.view(j) : null;
  }

  cancel(id: string): PreviewJob | null {
    const j = this.jobs.get(id);
    if (!j) return null;
    if (j.status === 'running') {
      j.status = 'cancelled';
      void j.worker?.terminate();
    }
    return this.view(j);
  }

  private view(j: Job): PreviewJob {
    return { id: j.id, status: j.status, progress: j.progress, result: j.result, error: j.error };
  }

  private async toImpact(input: PreviewInput, c: CohortColumns, r: ImpactResult, durationMs: number): Promise<Impact> {
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
    const side = (v: PreviewInput['draft'], s: SideResult): ImpactSide => ({
      policyVersionId: v.id,
      year: v.year,
      status: v.status,
      totals: totals(s.totals),
      refusals: [...s.refusals].map(([reason, persons]) => ({ reason, persons })).sort((a, b) => b.persons - a.persons),
      unknownCodes: [...s.unknownCodes].map(([key, persons]) => ({ key, persons })),
      distinctCases: s.distinct,
    });
    const draft = side(input.draft, r.draft);
    const baseline = side(input.baseline, r.baseline);
    const targets = new Map((input.draft.document.quotaTables[0]?.rows ?? []).map((row) => [row.unit, row.target]));
    const byUnit = c.units.map((unit, u) => {
      const d = totals(r.draft.byUnit[u]!);
      const b = totals(r.baseline.byUnit[u]!);
      const target = targets.get(unit) ?? null;
      let persons = 0;
      for (let i = 0; i < c.size; i++) if (c.unit[i] === u) persons++;
      return { unit, persons, target, targetPercent: target ? Math.round((d.covered / target) * 10000) / 100 : null, draft: d, baseline: b, difference: minus(d, b) };
    });
    const people = [...r.largestChanges, ...r.examples];
    const ids = await input.personIds([...new Set(people.map((p) => c.rowNo[p.index]!))]);
    const person = (p: { index: number; baselineDue: number; draftDue: number }): PersonChange => ({
      personId: ids.get(c.rowNo[p.index]!) ?? `#${c.rowNo[p.index]}`,
      unit: c.units[c.unit[p.index]!]!,
      categories: c.catSets[c.catSet[p.index]!]!,
      groups: c.groupSets[c.groupSet[p.index]!]!,
      birthDate: c.birth[p.index] === NO_DATE ? null : fromDay(c.birth[p.index]!),
      paymentDate: c.pay[p.index] === NO_DATE ? null : fromDay(c.pay[p.index]!),
      baselineDue: p.baselineDue,
      draftDue: p.draftDue,
      change: p.draftDue - p.baselineDue,
    });
    return {
      cohort: input.cohort,
      persons: r.persons,
      draft,
      baseline,
      difference: minus(draft.totals, baseline.totals),
      byUnit: byUnit.sort((a, b) => a.unit.localeCompare(b.unit, 'zh')),
      paysMore: r.paysMore,
      paysLess: r.paysLess,
      paysSame: r.paysSame,
      notComparable: r.notComparable,
      largestChanges: r.largestChanges.map(person),
      examples: r.examples.map(person),
      durationMs,
    };
  }
}
