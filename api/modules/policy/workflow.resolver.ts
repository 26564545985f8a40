import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { badInput } from '../../graphql/errors.js';
import { compareDocuments } from '../../../policy-schemas/index.js';
import type { Context } from '../../graphql/context.js';
import { DateScalar } from '../../graphql/scalars.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditEntry } from '../audit/audit.type.js';
import { forbidden, has, inScope, unauthenticated } from '../auth/actor.js';
import { UserService } from '../user/user.service.js';
import { jurisdictionOrFail, readableVersion, view } from './policy.resolver.js';
import { Change, PolicyVersion } from './policy.type.js';
import { WorkflowService } from './workflow.service.js';
import { approveOnPreview } from '../review/approval.resolver.js';
import { storedDocument } from './policy-cache.js';
import { ApproveArgs, AuditLogArgs, CreateDraftArgs, UpdateDraftArgs } from './policy.args.js';

const notFound = (field: string, id: string) => badInput(field, 'NO_SUCH_POLICY_VERSION', { id });

@Resolver()
export class WorkflowResolver {
  private async service(ctx: Context) {
    return new WorkflowService(ctx.em, await ctx.jurisdictions());
  }

  @Mutation(() => PolicyVersion, {
    description:
      'Drafters: copy a version as a draft for another coverage year, its yearly dates moved (see autoChanges); with `jurisdiction`, as the first draft of another jurisdiction within the drafter’s scope (a 泉州市 drafter starts 南安市 from 石狮市). What still belongs to the source year or jurisdiction is listed in reviewItems.',
  })
  async createDraft(@Ctx() ctx: Context, @Args(() => CreateDraftArgs) { from, year, jurisdiction }: CreateDraftArgs): Promise<PolicyVersion> {
    return view(ctx, await (await this.service(ctx)).createDraft(ctx.actor, from, year, jurisdiction));
  }

  @Mutation(() => PolicyVersion, {
    description: 'Drafters: replace a draft’s document (validated). `revision` is the one you read; a stale one is refused with a CONFLICT naming who saved since.',
  })
  async updateDraft(@Ctx() ctx: Context, @Args(() => UpdateDraftArgs) { id, revision, document, comment }: UpdateDraftArgs): Promise<PolicyVersion> {
    return view(ctx, await (await this.service(ctx)).updateDraft(ctx.actor, id, revision, document, comment));
  }

  @Mutation(() => PolicyVersion, { description: 'Drafters: send a draft for review.' })
  async submitForReview(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The draft' }) id: string, @Arg('comment', () => String, { nullable: true, description: 'A note for the approver' }) comment?: string): Promise<PolicyVersion> {
    return view(ctx, await (await this.service(ctx)).submitForReview(ctx.actor, id, comment));
  }

  @Mutation(() => PolicyVersion, {
    description:
      'Approvers: approve a version in review. Four eyes: nobody who edited it may approve it. The preview the approver saw is recorded with the approval (approvedPreview); a preview of an earlier state of the document is refused with PREVIEW_OUTDATED (run a new one), one still running with PREVIEW_RUNNING.',
  })
  async approve(@Ctx() ctx: Context, @Args(() => ApproveArgs) { id, comment, preview }: ApproveArgs): Promise<PolicyVersion> {
    return view(ctx, await approveOnPreview(ctx, id, comment, preview));
  }

  @Mutation(() => PolicyVersion, { description: 'Approvers: send a version in review (or approved) back to draft, saying why.' })
  async reject(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The version in review or approved' }) id: string, @Arg('comment', () => String, { description: 'Why it goes back (required)' }) comment: string): Promise<PolicyVersion> {
    return view(ctx, await (await this.service(ctx)).reject(ctx.actor, id, comment));
  }

  @Mutation(() => PolicyVersion, {
    description: 'Approvers: publish an approved version, in one transaction; the version published for the same jurisdiction and year becomes superseded. A published version never changes.',
  })
  async publish(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The approved version' }) id: string, @Arg('effectiveFrom', () => DateScalar, { nullable: true, description: 'The day it takes effect (by default the day of publication in China)' }) effectiveFrom?: string): Promise<PolicyVersion> {
    const { version } = await (await this.service(ctx)).publish(ctx.actor, id, effectiveFrom);
    ctx.cache.invalidate(); // quotes use the new version at once
    return view(ctx, version);
  }

  @Query(() => GraphQLJSON, { description: 'A version as a file (JSON) that importPolicyVersion takes back without loss.' })
  async exportPolicyVersion(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The version' }) id: string): Promise<unknown> {
    const v = await readableVersion(ctx, id);
    if (!v) throw notFound('id', id);
    return (await this.service(ctx)).exportFile(v);
  }

  @Mutation(() => PolicyVersion, { description: 'Drafters: a new draft from an exported file (refused if the file no longer matches its content hash).' })
  async importPolicyVersion(@Ctx() ctx: Context, @Arg('file', () => GraphQLJSON, { description: 'A file made by exportPolicyVersion' }) file: unknown): Promise<PolicyVersion> {
    return view(ctx, await (await this.service(ctx)).importFile(ctx.actor, file));
  }

  @Query(() => [Change], {
    description: 'The differences from version a to version b, across years or jurisdictions; categories, windows and groups matched by identity, renames shown as renamed.',
  })
  async compareVersions(@Ctx() ctx: Context, @Arg('a', () => ID, { description: 'The version compared from (before)' }) a: string, @Arg('b', () => ID, { description: 'The version compared to (after)' }) b: string): Promise<Change[]> {
    const va = await readableVersion(ctx, a);
    if (!va) throw notFound('a', a);
    const vb = await readableVersion(ctx, b);
    if (!vb) throw notFound('b', b);
    return compareDocuments(storedDocument(va), storedDocument(vb));
  }

  @Query(() => [AuditEntry], {
    description: 'The history: auditors and admins see all; drafters and approvers their jurisdictions. Newest first.',
  })
  async auditLog(@Ctx() ctx: Context, @Args(() => AuditLogArgs) { policyVersionId, jurisdiction, username, from, to, limit }: AuditLogArgs): Promise<AuditEntry[]> {
    const actor = ctx.actor;
    if (actor.kind !== 'user') throw unauthenticated('auditLog');
    const index = await ctx.jurisdictions();
    const readsAll = has(actor, 'auditor') || has(actor, 'admin');
    if (!readsAll && !has(actor, 'drafter') && !has(actor, 'approver')) throw forbidden('HISTORY_FORBIDDEN', { op: 'auditLog', username: actor.username });
    let ids: number[] | undefined;
    if (jurisdiction != null) {
      const j = await jurisdictionOrFail(ctx, jurisdiction, 'jurisdiction');
      if (!readsAll && !inScope(actor, j.id, index)) throw forbidden('OUT_OF_SCOPE', { op: 'auditLog', jurisdiction: j.name, username: actor.username });
      ids = [j.id];
    } else if (!readsAll) ids = [...new Set(actor.jurisdictionIds.flatMap((id) => index.subtree(id).map((j) => j.id)))];
    if (policyVersionId != null && !(await readableVersion(ctx, policyVersionId))) throw notFound('policyVersionId', policyVersionId);
    let userId: number | undefined;
    if (username != null) {
      const u = await new UserService(ctx.em).byUsername(username);
      if (!u) throw badInput('username', 'NO_SUCH_USER', { username });
      userId = u.id;
    }
    if (limit < 1 || limit > 1000) throw badInput('limit', 'NUMBER_OUT_OF_RANGE', { min: 1, max: 1000 });
    const rows = await new AuditService(ctx.em).query({ policyVersionId, jurisdictionIds: ids, userId, from, to, limit });
    return rows.map((r) => ({ ...r, jurisdiction: r.jurisdictionId != null ? index.get(r.jurisdictionId)?.name ?? null : null }));
  }
}
