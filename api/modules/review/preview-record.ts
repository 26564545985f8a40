import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import type { Impact } from '../cohort/cohort.type.js';
import type { IPolicyVersion } from '../policy/policy-version.entity.js';

/*
 * Each impact preview of a version, kept for good in `preview_record`: which revision (and content) of
 * the version it ran on, against which baseline and cohort, and once done its totals. The job itself
 * (`app_job`) is transient; this is what the review page shows and what `approve` records.
 */

/** The totals of a preview an approver decides on (money in fen). */
export interface PreviewSummary {
  persons: number;
  draftIndividualContributions: number;
  baselineIndividualContributions: number;
  draftSubsidies: number;
  baselineSubsidies: number;
  draftGovernmentSubsidy: number;
  baselineGovernmentSubsidy: number;
  draftSurchargeRevenue: number;
  baselineSurchargeRevenue: number;
  paysMore: number;
  paysLess: number;
  paysSame: number;
  notComparable: number;
}

export interface PreviewRecordRow {
  jobId: string;
  policyVersionId: string;
  revision: number;
  contentHash: string;
  baselineId: string;
  cohortId: string;
  cohortName: string;
  startedBy: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  summary: PreviewSummary | null;
  error: string | null;
}

export function summaryOf(i: Impact): PreviewSummary {
  return {
    persons: i.persons,
    draftIndividualContributions: i.draft.totals.individualContributions,
    baselineIndividualContributions: i.baseline.totals.individualContributions,
    draftSubsidies: i.draft.totals.subsidies,
    baselineSubsidies: i.baseline.totals.subsidies,
    draftGovernmentSubsidy: i.draft.totals.governmentSubsidy,
    baselineGovernmentSubsidy: i.baseline.totals.governmentSubsidy,
    draftSurchargeRevenue: i.draft.totals.surchargeRevenue,
    baselineSurchargeRevenue: i.baseline.totals.surchargeRevenue,
    paysMore: i.paysMore,
    paysLess: i.paysLess,
    paysSame: i.paysSame,
    notComparable: i.notComparable,
  };
}

const toRow = (r: any): PreviewRecordRow => ({
  jobId: r.job_id,
  policyVersionId: r.policy_version_id,
  revision: r.revision,
  contentHash: String(r.content_hash).trim(),
  baselineId: r.baseline_id,
  cohortId: r.cohort_id,
  cohortName: r.cohort_name,
  startedBy: r.started_by ?? null,
  startedAt: new Date(r.started_at),
  finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  status: r.status,
  summary: r.summary ?? null,
  error: r.error ?? null,
});

/**
 * Record a preview as it starts, and its end when this process finishes it. Called by the preview
 * resolver right after the job is started (api/modules/cohort/cohort.resolver.ts).
 */
export async function recordPreviewStarted(
  ctx: Context,
  jobId: string,
  draft: IPolicyVersion,
  baseline: { id: string },
  cohort: { id: string; name: string },
): Promise<void> {
  const startedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const em = ctx.em.fork();
  await em.execute(
    `insert into preview_record (job_id, policy_version_id, revision, content_hash, baseline_id, cohort_id, cohort_name, started_by)
     values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (job_id) do nothing`,
    [jobId, draft.id, draft.revision, draft.contentHash, baseline.id, cohort.id, cohort.name, startedBy],
  );
  // part of the job: an API process that stops waits for this write before letting the database go
  ctx.previews.afterEnd(jobId, (impact, e) =>
    impact ? finish(em, jobId, 'done', summaryOf(impact), null) : finish(em, jobId, /cancel/i.test(e!.message) ? 'cancelled' : 'failed', null, e!.message),
  );
}

function finish(em: EntityManager, jobId: string, status: string, summary: PreviewSummary | null, error: string | null) {
  return em
    .execute(`update preview_record set status = ?, summary = ?, error = ?, finished_at = now() where job_id = ? and status = 'running'`, [
      status,
      summary ? JSON.stringify(summary) : null,
      error,
      jobId,
    ])
    .catch((e) => console.error('recording the end of a preview failed:', e));
}

/** The previews of a version, newest first. */
export async function previewsOf(em: EntityManager, versionId: string, limit = 20): Promise<PreviewRecordRow[]> {
  const rows = await em.execute(`select * from preview_record where policy_version_id = ? order by started_at desc, job_id limit ?`, [versionId, limit]);
  return rows.map(toRow);
}

export async function previewRecord(em: EntityManager, jobId: string): Promise<PreviewRecordRow | null> {
  const [r] = await em.execute(`select * from preview_record where job_id = ?`, [jobId]);
  return r ? toRow(r) : null;
}
