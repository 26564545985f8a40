import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { openQuestions, type PolicyDocument } from '../../../policy-schemas/index.js';
import type { Context } from '../../graphql/context.js';
import { canReadUnpublished } from '../auth/actor.js';
import { readableVersion, view } from '../policy/policy.resolver.js';
import { PolicyVersion } from '../policy/policy.type.js';
import { previewsOf, type PreviewRecordRow } from './preview-record.js';
import { correctionLinks, ApprovalService, type ApprovedPreview, type CorrectionKind } from './approval.service.js';
import { OpenQuestion, PreviewRecord, Submission, VersionCorrection } from './approval.type.js';
import { CorrectionArgs } from './approval.args.js';

/*
 * What the drafter and the approver look at before a notice goes out: the questions it leaves open,
 * the submission's note, the previews run on it (and the one approved on), and the corrections
 * between published notices. Fields of PolicyVersion; the approval itself is WorkflowResolver.approve,
 * which goes through ApprovalService.
 */
@Resolver(() => PolicyVersion)
export class ApprovalResolver {
  /** Internal review data (previews, the submission's note) is for those who may read unpublished versions. */
  private async mayReview(ctx: Context, v: PolicyVersion): Promise<boolean> {
    return canReadUnpublished(ctx.actor, v.jurisdiction.id, await ctx.jurisdictions());
  }

  private record(v: PolicyVersion, r: PreviewRecordRow | ApprovedPreview, names: Map<number, string>): PreviewRecord {
    return {
      job: r.jobId,
      revision: r.revision,
      current: r.contentHash === v.contentHash,
      baselineId: r.baselineId,
      cohortId: r.cohortId,
      cohortName: r.cohortName,
      startedBy: r.startedBy == null ? null : names.get(r.startedBy) ?? `#${r.startedBy}`,
      startedAt: new Date(r.startedAt),
      finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
      status: r.status,
      totals: r.summary,
      error: r.error,
      approvedAt: 'approvedAt' in r ? new Date(r.approvedAt) : null,
    };
  }

  @FieldResolver(() => [OpenQuestion], {
    description: 'The questions the notice leaves open (waiting-period day counting, month ends, dates no window answers for, groups without a benefit start, no refund rule …), each with its path, clause and a suggested wording, in Chinese.',
  })
  openQuestions(@Root() v: PolicyVersion): OpenQuestion[] {
    return openQuestions(v.document as PolicyDocument);
  }

  @FieldResolver(() => [PreviewRecord], { description: 'Impact previews run on this version, newest first (drafters, approvers, auditors; empty for others).' })
  async previews(@Ctx() ctx: Context, @Root() v: PolicyVersion): Promise<PreviewRecord[]> {
    if (!(await this.mayReview(ctx, v))) return [];
    const names = await ctx.usernames();
    return (await previewsOf(ctx.em, v.id)).map((r) => this.record(v, r, names));
  }

  @FieldResolver(() => PreviewRecord, { nullable: true, description: 'The latest impact preview of this version (null when none, or for those who may not review it).' })
  async latestPreview(@Ctx() ctx: Context, @Root() v: PolicyVersion): Promise<PreviewRecord | null> {
    if (!(await this.mayReview(ctx, v))) return null;
    const [r] = await previewsOf(ctx.em, v.id, 1);
    return r ? this.record(v, r, await ctx.usernames()) : null;
  }

  @FieldResolver(() => PreviewRecord, { nullable: true, description: 'The preview the approver saw when approving, as recorded with the approval (null when approved without one).' })
  async approvedPreview(@Ctx() ctx: Context, @Root() v: PolicyVersion): Promise<PreviewRecord | null> {
    if (!(await this.mayReview(ctx, v))) return null;
    const [row] = (await ctx.em.execute(`select approved_preview from policy_version where id = ?`, [v.id])) as { approved_preview: ApprovedPreview | null }[];
    return row?.approved_preview ? this.record(v, row.approved_preview, await ctx.usernames()) : null;
  }

  @FieldResolver(() => Submission, { nullable: true, description: 'The last submission for review: who, when, and the note for the approver (null when never submitted).' })
  async submission(@Ctx() ctx: Context, @Root() v: PolicyVersion): Promise<Submission | null> {
    if (!(await this.mayReview(ctx, v))) return null;
    const [row] = (await ctx.em.execute(
      `select username, at, comment from audit_log where policy_version_id = ? and action = 'submitForReview' order by at desc, id desc limit 1`,
      [v.id],
    )) as { username: string | null; at: Date | string; comment: string | null }[];
    return row ? { by: row.username, at: new Date(row.at), comment: row.comment } : null;
  }

  @FieldResolver(() => VersionCorrection, { nullable: true, description: 'The published notice this version corrects (amendment or errata), where it is a correction.' })
  async corrects(@Ctx() ctx: Context, @Root() v: PolicyVersion): Promise<VersionCorrection | null> {
    const { corrects } = await correctionLinks(ctx.em, v.id);
    if (!corrects) return null;
    const other = await readableVersion(ctx, corrects.versionId);
    return other ? { kind: corrects.kind, version: await view(ctx, other) } : null;
  }

  @FieldResolver(() => [VersionCorrection], { description: 'The versions that correct this one (amendments and errata), as far as the caller may read them.' })
  async correctedBy(@Ctx() ctx: Context, @Root() v: PolicyVersion): Promise<VersionCorrection[]> {
    const { correctedBy } = await correctionLinks(ctx.em, v.id);
    const out: VersionCorrection[] = [];
    for (const c of correctedBy) {
      const other = await readableVersion(ctx, c.versionId);
      if (other) out.push({ kind: c.kind, version: await view(ctx, other) });
    }
    return out;
  }

  @Mutation(() => PolicyVersion, {
    description:
      'Drafters: correct a published notice by a new version (a draft in the same jurisdiction and year, the document copied) under a document number of its own; its relation to the corrected notice is recorded (corrects / correctedBy) and printed in its notice. Published as usual, it supersedes the corrected one.',
  })
  async createCorrection(@Ctx() ctx: Context, @Args(() => CorrectionArgs) { of, kind, documentNumber, issuedOn }: CorrectionArgs): Promise<PolicyVersion> {
    const v = await new ApprovalService(ctx.em, await ctx.jurisdictions()).createCorrection(ctx.actor, of, kind as CorrectionKind, documentNumber, issuedOn);
    return view(ctx, v);
  }
}

/** For WorkflowResolver.approve: approval that records the preview the approver saw. */
export async function approveOnPreview(ctx: Context, id: string, comment: string | null | undefined, preview: string | null | undefined) {
  return new ApprovalService(ctx.em, await ctx.jurisdictions()).approve(ctx.actor, id, comment, preview);
}
