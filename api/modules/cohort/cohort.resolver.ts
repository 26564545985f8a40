import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { recordPreviewStarted } from '../review/preview-record.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { forbidden, unauthenticated } from '../auth/actor.js';
import { canReadCohorts, canRunJobs, mayCancelJob, mayReadJob } from '../jobs/job-access.js';
import { readableVersion } from '../policy/policy.resolver.js';
import { PolicyService } from '../policy/policy.service.js';
import { storedDocument } from '../policy/policy-cache.js';
import { CohortService, type CohortRow } from './cohort.service.js';
import { PreviewArgs } from './cohort.args.js';
import { Cohort, CohortImportJob, Impact, PreviewJob, Refusal } from './cohort.type.js';

/** Cohorts hold person-level data: who may read them and run jobs on them is in api/modules/jobs/job-access.ts. */
export { canReadCohorts };

async function toCohort(ctx: Context, c: CohortRow): Promise<Cohort> {
  const service = new CohortService(ctx.em);
  const index = await ctx.jurisdictions();
  return {
    id: c.id,
    name: c.name,
    jurisdiction: index.get(c.jurisdictionId)!,
    persons: c.persons,
    units: c.units,
    createdAt: c.createdAt,
    byUnit: await service.countsByUnit(c.no),
    byCategory: await service.countsByCategory(c.no),
  };
}

async function readableCohort(ctx: Context, id: string, field: string): Promise<CohortRow> {
  if (ctx.actor.kind !== 'user') throw unauthenticated(field);
  const c = await new CohortService(ctx.em).get(id);
  if (!c || !canReadCohorts(ctx.actor, c.jurisdictionId, await ctx.jurisdictions())) throw badInput(field, 'NO_SUCH_COHORT', { id });
  return c;
}

/** A preview job the caller may read, with what deciding more about it needs; null for anyone else, as for an id never made. */
async function readablePreview(ctx: Context, id: string, op: string) {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw unauthenticated(op);
  const row = await ctx.jobs.get(id, 'preview');
  if (!row) return null;
  const index = await ctx.jurisdictions();
  return mayReadJob(actor, row, index) ? { actor, row, index } : null;
}

@Resolver()
export class CohortResolver {
  @Query(() => [Cohort], { description: 'Cohorts the caller may read, optionally of one jurisdiction.' })
  async cohorts(@Ctx() ctx: Context, @Arg('jurisdiction', () => String, { nullable: true, description: 'Administrative code or exact Chinese name' }) jurisdiction?: string): Promise<Cohort[]> {
    if (ctx.actor.kind !== 'user') throw unauthenticated('cohorts');
    const index = await ctx.jurisdictions();
    const j = jurisdiction != null ? index.find(jurisdiction) : undefined;
    if (jurisdiction != null && !j) throw badInput('jurisdiction', 'NO_SUCH_JURISDICTION', { value: jurisdiction });
    const rows = await new CohortService(ctx.em).list(j ? [j.id] : undefined);
    const actor = ctx.actor;
    return Promise.all(rows.filter((c) => canReadCohorts(actor, c.jurisdictionId, index)).map((c) => toCohort(ctx, c)));
  }

  @Query(() => Cohort, { description: 'One cohort, with its persons counted by unit and by category.' })
  async cohort(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The cohort' }) id: string): Promise<Cohort> {
    return toCohort(ctx, await readableCohort(ctx, id, 'id'));
  }

  @Query(() => CohortImportJob, {
    nullable: true,
    description:
      'Progress of a cohort import (POST /cohorts): for those who may read the cohort\'s jurisdiction; null for anyone else, as for an id that does not exist.',
  })
  async cohortImport(@Ctx() ctx: Context, @Arg('job', () => ID, { description: 'The job id (made by the server: the answer of POST /cohorts, or createCohortImportJob)' }) job: string): Promise<CohortImportJob | null> {
    if (ctx.actor.kind !== 'user') throw unauthenticated('cohortImport');
    const found = await ctx.imports.get(job);
    return found && mayReadJob(ctx.actor, found.owner, await ctx.jurisdictions()) ? found.job : null;
  }

  @Mutation(() => CohortImportJob, {
    description:
      'A pending import job for the caller (a drafter or approver of the jurisdiction, or an admin), to name in the upload that follows (POST /cohorts?jurisdiction=…&name=…&job=<id>), so that its progress can be polled while the file is sent. Only its creator may use it, once; unused, it is removed after an hour.',
  })
  async createCohortImportJob(@Ctx() ctx: Context, @Arg('jurisdiction', () => String, { description: 'Code or exact name' }) jurisdiction: string): Promise<CohortImportJob> {
    if (ctx.actor.kind !== 'user') throw unauthenticated('createCohortImportJob');
    const index = await ctx.jurisdictions();
    const j = index.find(jurisdiction);
    if (!j) throw badInput('jurisdiction', 'NO_SUCH_JURISDICTION', { value: jurisdiction });
    if (!canRunJobs(ctx.actor, j.id, index)) throw forbidden('IMPORT_FORBIDDEN', { op: 'createCohortImportJob', jurisdiction: j.name });
    return ctx.imports.prepare({ createdBy: ctx.actor.id, jurisdictionId: j.id });
  }

  @Query(() => Impact, {
    description:
      'The effect of a draft on a cohort against a baseline (by default the published version the draft was cloned from), computed by the same engine as quote, in a worker thread. The cohort is the population of the baseline year: for a draft of another coverage year each stated payment date is moved by the difference of years (birth dates stay).',
  })
  async previewImpact(@Ctx() ctx: Context, @Args(() => PreviewArgs) { draft, cohort, baseline }: PreviewArgs): Promise<Impact> {
    const job = await this.begin(ctx, draft, cohort, baseline);
    return ctx.previews.result(job.id);
  }

  @Mutation(() => PreviewJob, { description: 'Start a preview and return at once; poll previewJob(id) for progress and the result.' })
  async startPreview(@Ctx() ctx: Context, @Args(() => PreviewArgs) { draft, cohort, baseline }: PreviewArgs): Promise<PreviewJob> {
    return this.begin(ctx, draft, cohort, baseline);
  }

  @Query(() => PreviewJob, {
    nullable: true,
    description: 'A preview job with its progress and result: for those who may read the cohort\'s jurisdiction; null for anyone else, as for an id that does not exist.',
  })
  async previewJob(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The job' }) id: string): Promise<PreviewJob | null> {
    return (await readablePreview(ctx, id, 'previewJob')) ? ctx.previews.job(id) : null;
  }

  @Mutation(() => PreviewJob, {
    nullable: true,
    description: 'Stop a running preview: for those who may start one on the cohort (its drafters and approvers, admins); null when the caller may not see the job, as for an id that does not exist.',
  })
  async cancelPreview(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The job' }) id: string): Promise<PreviewJob | null> {
    const found = await readablePreview(ctx, id, 'cancelPreview');
    if (!found) return null;
    if (!mayCancelJob(found.actor, found.row, found.index)) throw forbidden('CANCEL_FORBIDDEN', { op: 'cancelPreview', username: found.actor.username });
    return ctx.previews.cancel(id);
  }

  private async begin(ctx: Context, draftId: string, cohortId: string, baselineId?: string): Promise<PreviewJob> {
    const c = await readableCohort(ctx, cohortId, 'cohort');
    const d = await readableVersion(ctx, draftId);
    if (!d) throw badInput('draft', 'NO_SUCH_POLICY_VERSION', { id: draftId });
    if (d.jurisdiction.id !== c.jurisdictionId) throw badInput('cohort', 'COHORT_OTHER_JURISDICTION');
    let b = baselineId ? await readableVersion(ctx, baselineId) : null;
    if (baselineId && !b) throw badInput('baseline', 'NO_SUCH_POLICY_VERSION', { id: baselineId });
    if (!b && d.sourceVersionId) b = await readableVersion(ctx, d.sourceVersionId);
    if (!b) b = await new PolicyService(ctx.em).findPublished(d.jurisdiction.id, d.year);
    if (!b) throw badInput('baseline', 'NO_BASELINE');
    if (!canRunJobs(ctx.actor, c.jurisdictionId, await ctx.jurisdictions()))
      throw forbidden('PREVIEW_FORBIDDEN', { username: ctx.actor.kind === 'user' ? ctx.actor.username : '—' });
    const service = new CohortService(ctx.em.fork());
    const job = await ctx.previews.start({
      draft: { id: d.id, year: d.year, status: d.status, document: storedDocument(d) },
      baseline: { id: b.id, year: b.year, status: b.status, document: storedDocument(b) },
      cohort: await toCohort(ctx, c),
      cohortNo: c.no,
      personIds: (rowNos) => service.personIds(c.no, rowNos),
    }, { createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, jurisdictionId: c.jurisdictionId });
    // kept for good with the version's revision: the review page shows it and approval records it
    await recordPreviewStarted(ctx, job.id, d, b, { id: c.id, name: c.name });
    return job;
  }
}

/**
 * A preview's refusals in the request's language: the result is computed once, off the request, with
 * each reason in English and in Chinese (api/engine/impact/evaluate.ts), and read in either. A result
 * stored before the Chinese was kept answers in English.
 */
@Resolver(() => Refusal)
export class RefusalResolver {
  @FieldResolver(() => String, { description: 'Why (the quote’s refusal), in the request’s language' })
  reason(@Root() r: Refusal, @Ctx() ctx: Context): string {
    return ctx.lang === 'en' ? r.reason : (r.reasonZh ?? r.reason);
  }
}
