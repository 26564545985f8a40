import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { GraphQLError } from 'graphql';
import { validatePolicyDocument } from '../../../policy-schemas/index.js';
import type { Context } from '../../graphql/context.js';
import { PolicyArgs, PolicyVersionsArgs } from './policy.args.js';
import { PolicyService } from './policy.service.js';
import { PolicyVersion, ValidationReport } from './policy.type.js';
import { toPolicyVersionView } from './policy.view.js';
import type { IPolicyVersion, PolicyStatus } from './policy-version.entity.js';

@Resolver(() => PolicyVersion)
export class PolicyResolver {
  @Query(() => PolicyVersion, {
    nullable: true,
    description: 'The published version for a jurisdiction and coverage year, or null when none is published.',
  })
  async policy(@Ctx() ctx: Context, @Args(() => PolicyArgs) args: PolicyArgs): Promise<PolicyVersion | null> {
    const j = await this.jurisdictionOrFail(ctx, args.jurisdiction, 'jurisdiction');
    const v = await new PolicyService(ctx.em).findPublished(j.id, args.year);
    return v ? this.view(ctx, v) : null;
  }

  @Query(() => [PolicyVersion], { description: 'Versions, newest coverage year first, filtered by jurisdiction, year and status.' })
  async policyVersions(@Ctx() ctx: Context, @Args(() => PolicyVersionsArgs) args: PolicyVersionsArgs): Promise<PolicyVersion[]> {
    const j = args.jurisdiction !== undefined && args.jurisdiction !== null
      ? await this.jurisdictionOrFail(ctx, args.jurisdiction, 'jurisdiction')
      : undefined;
    const rows = await new PolicyService(ctx.em).list({
      jurisdictionId: j?.id,
      year: args.year ?? undefined,
      status: (args.status ?? undefined) as PolicyStatus | undefined,
    });
    return Promise.all(rows.map((v) => this.view(ctx, v)));
  }

  @Query(() => PolicyVersion, { nullable: true, description: 'One version by id.' })
  async policyVersion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<PolicyVersion | null> {
    const v = await new PolicyService(ctx.em).get(id);
    return v ? this.view(ctx, v) : null;
  }

  @Query(() => ValidationReport, {
    description: 'Check a policy document against the schema and its cross-field rules without storing it: each refused field with its reason, and the warnings an officer should see.',
  })
  validatePolicyDocument(@Arg('document', () => GraphQLJSON) document: unknown): ValidationReport {
    const r = validatePolicyDocument(document);
    return r.ok ? { valid: true, issues: [], warnings: r.warnings } : { valid: false, issues: r.issues, warnings: [] };
  }

  private async jurisdictionOrFail(ctx: Context, codeOrName: string, field: string) {
    const j = (await ctx.jurisdictions()).find(codeOrName);
    if (!j)
      throw new GraphQLError(`${field}: no jurisdiction has the code or name "${codeOrName}"`, {
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    return j;
  }

  private async view(ctx: Context, v: IPolicyVersion): Promise<PolicyVersion> {
    const j = (await ctx.jurisdictions()).get(v.jurisdiction.id);
    if (!j) throw new Error(`policy version ${v.id} points at a missing jurisdiction`);
    return toPolicyVersionView(v, j);
  }
}
