import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { readableVersion, view } from './policy.resolver.js';
import { PolicyVersion } from './policy.type.js';
import { ReviewItem } from './review-items.type.js';
import { ReviewService, type ReviewSubject } from './review.service.js';
import { LockMode } from '@mikro-orm/core';
import { PolicyVersion as PolicyVersionEntity } from './policy-version.entity.js';
import { AcknowledgeArgs } from './policy.args.js';

function subject(v: PolicyVersion): ReviewSubject {
  return {
    id: v.id,
    status: v.status,
    year: v.year,
    jurisdictionId: v.jurisdiction.id,
    document: v.document as ReviewSubject['document'],
    sourceVersionId: v.sourceVersionId,
    autoChanges: v.autoChanges as ReviewSubject['autoChanges'],
  };
}

/** Review items on PolicyVersion, and the mutation that acknowledges them (kept apart from policy.type.ts). */
@Resolver(() => PolicyVersion)
export class ReviewItemsResolver {
  @FieldResolver(() => [ReviewItem], {
    description:
      'What to check by hand before the draft goes for review: the document number, the issue date, the basis documents, texts naming a year or a date, the roster, the quota tables, figures far from the source’s, and, in a clone across jurisdictions, everything named after the source jurisdiction. Empty for published versions. submitForReview is refused while a blocking item is open.',
  })
  async reviewItems(@Root() v: PolicyVersion, @Ctx() ctx: Context): Promise<ReviewItem[]> {
    return new ReviewService(ctx.em, await ctx.jurisdictions()).items(subject(v));
  }

  @FieldResolver(() => [ReviewItem], {
    description:
      'Quota-table units that the division reference does not list among the jurisdiction’s townships (or, for a city, its counties), for any version, published ones included; for a township-level jurisdiction, one item saying that its units (communities, villages) lie below the reference.',
  })
  async unitWarnings(@Root() v: PolicyVersion, @Ctx() ctx: Context): Promise<ReviewItem[]> {
    return new ReviewService(ctx.em, await ctx.jurisdictions()).unitWarnings(subject(v));
  }

  @Mutation(() => PolicyVersion, {
    description:
      'Drafters: acknowledge review items of a draft as right as they are (by key). Each acknowledgement records who, when, the comment and the value it was given on (if that value changes later and the item still applies, it opens again), and is appended to the audit log. The document number cannot be acknowledged: it must change.',
  })
  async acknowledgeReviewItems(@Ctx() ctx: Context, @Args(() => AcknowledgeArgs) { id, keys, comment }: AcknowledgeArgs): Promise<PolicyVersion> {
    if (!(await readableVersion(ctx, id))) throw badInput('id', 'NO_SUCH_POLICY_VERSION', { id });
    const index = await ctx.jurisdictions();
    const v = await ctx.em.transactional(async (tx) => {
      const locked = (await tx.findOne(PolicyVersionEntity, { id }, { refresh: true, lockMode: LockMode.PESSIMISTIC_WRITE }))!;
      await new ReviewService(tx, index).acknowledge(tx, ctx.actor, locked, keys, comment?.trim() || null);
      return locked;
    });
    return view(ctx, v);
  }
}
