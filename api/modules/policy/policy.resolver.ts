import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { badInput } from '../../graphql/errors.js';
import { autoChangeReason } from '../../i18n/auto-change.js';
import { documentWarnings, labelOfPath, presentDocument, validatePolicyDocument } from '../../../policy-schemas/index.js';
import type { Context } from '../../graphql/context.js';
import { canReadUnpublished } from '../auth/actor.js';
import { PolicyArgs, PolicyVersionsArgs } from './policy.args.js';
import { PolicyService } from './policy.service.js';
import { PolicyVersion, ValidationReport } from './policy.type.js';
import type { IPolicyVersion, PolicyStatus } from './policy-version.entity.js';
import { isPublic } from './workflow.service.js';
import { storedDocument } from './policy-cache.js';
import { resolveJurisdiction } from '../jurisdiction/jurisdiction.service.js';

/**
 * Reading versions. Published (and superseded) versions are public; drafts and versions in review are
 * seen only by auditors, admins, and drafters and approvers of the jurisdiction (or one above it). A
 * version the caller may not see is answered as if it did not exist.
 */
@Resolver(() => PolicyVersion)
export class PolicyResolver {
  @Query(() => PolicyVersion, {
    nullable: true,
    description: 'The published version for a jurisdiction and coverage year, or null when none is published. With `asOf`, the version that was published and in force on that date.',
  })
  async policy(@Ctx() ctx: Context, @Args(() => PolicyArgs) args: PolicyArgs): Promise<PolicyVersion | null> {
    const j = await jurisdictionOrFail(ctx, args.jurisdiction, 'jurisdiction');
    const service = new PolicyService(ctx.em);
    const v = args.asOf ? await service.findInForce(j.id, args.year, args.asOf) : await service.findPublished(j.id, args.year);
    return v ? view(ctx, v) : null;
  }

  @Query(() => [PolicyVersion], { description: 'Versions the caller may read, newest coverage year first, filtered by jurisdiction, year and status.' })
  async policyVersions(@Ctx() ctx: Context, @Args(() => PolicyVersionsArgs) args: PolicyVersionsArgs): Promise<PolicyVersion[]> {
    const j = args.jurisdiction != null ? await jurisdictionOrFail(ctx, args.jurisdiction, 'jurisdiction') : undefined;
    const index = await ctx.jurisdictions();
    const rows = await new PolicyService(ctx.em).list({
      jurisdictionId: j?.id,
      year: args.year ?? undefined,
      status: (args.status ?? undefined) as PolicyStatus | undefined,
    });
    const readable = rows.filter((v) => isPublic(v.status) || canReadUnpublished(ctx.actor, v.jurisdiction.id, index));
    return Promise.all(readable.map((v) => view(ctx, v)));
  }

  @Query(() => PolicyVersion, { nullable: true, description: 'One version by id (null when it does not exist or the caller may not read it).' })
  async policyVersion(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The version' }) id: string): Promise<PolicyVersion | null> {
    const v = await readableVersion(ctx, id);
    return v ? view(ctx, v) : null;
  }

  @Query(() => ValidationReport, {
    description: 'Check a policy document against the schema and its cross-field rules without storing it: each refused field with its reason, and the warnings an officer should see.',
  })
  validatePolicyDocument(@Arg('document', () => GraphQLJSON, { description: 'A whole document (money in integer fen, dates YYYY-MM-DD)' }) document: unknown): ValidationReport {
    const r = validatePolicyDocument(document);
    return r.ok ? { valid: true, issues: [], warnings: r.warnings } : { valid: false, issues: r.issues, warnings: [] };
  }
}

export async function jurisdictionOrFail(ctx: Context, codeOrName: string, field: string) {
  const j = resolveJurisdiction(await ctx.jurisdictions(), codeOrName, field);
  if (!j)
    throw badInput(field, 'NO_SUCH_JURISDICTION', { value: codeOrName });
  return j;
}

/** A version by id if the caller may read it, else null. */
export async function readableVersion(ctx: Context, id: string): Promise<IPolicyVersion | null> {
  const v = await new PolicyService(ctx.em).get(id);
  if (!v) return null;
  if (isPublic(v.status) || canReadUnpublished(ctx.actor, v.jurisdiction.id, await ctx.jurisdictions())) return v;
  return null;
}

export async function view(ctx: Context, v: IPolicyVersion): Promise<PolicyVersion> {
  // Every read checks the document against its hash: a row altered behind the application's back is
  // refused; a document of an earlier schema version is read upgraded (`document` stays as stored).
  const d = storedDocument(v);
  const j = (await ctx.jurisdictions()).get(v.jurisdiction.id);
  if (!j) throw new Error(`policy version ${v.id} points at a missing jurisdiction`);
  const hasPeople = v.createdBy != null || v.updatedBy != null || v.publishedBy != null || v.approvedBy != null || v.submittedBy != null;
  const usernames = hasPeople ? await ctx.usernames() : new Map<number, string>();
  const name = (id: number | null | undefined) => (id == null ? null : usernames.get(id) ?? `#${id}`);
  const sourceCurrentVersionId = v.sourceVersionId ? await new PolicyService(ctx.em).currentReplacementOf(v.sourceVersionId) : null;
  return {
    // the document's own fields, shaped by the schema and the registry (policy-schemas/presentation.ts)
    ...presentDocument(d),
    id: v.id,
    jurisdiction: { ...j },
    year: v.year,
    status: v.status,
    documentNumber: v.documentNumber,
    issuedOn: v.issuedOn,
    contentHash: v.contentHash,
    revision: v.revision,
    source: v.source ?? null,
    publishedAt: v.publishedAt ?? null,
    effectiveFrom: v.effectiveFrom ?? null,
    supersededAt: v.supersededAt ?? null,
    sourceVersionId: v.sourceVersionId ?? null,
    sourceAmended: sourceCurrentVersionId !== null,
    sourceCurrentVersionId,
    // each moved value named by its field (from the registry), its list item named from the document
    autoChanges: (v.autoChanges ?? []).map((c) => ({ ...c, label: labelOfPath(c.path, d), reason: autoChangeReason(c.reason, ctx.lang) })),
    createdBy: name(v.createdBy),
    updatedBy: name(v.updatedBy),
    editedBy: (v.editedBy ?? []).map((id) => name(id)!),
    submittedBy: name(v.submittedBy),
    approvedBy: name(v.approvedBy),
    publishedBy: name(v.publishedBy),
    reviewComment: v.reviewComment ?? null,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    warnings: documentWarnings(d),
    document: v.document,
  };
}
