import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Jurisdiction, JurisdictionLevelEnum } from './jurisdiction.type.js';

@Resolver(() => Jurisdiction)
export class JurisdictionResolver {
  @Query(() => [Jurisdiction], { description: 'Every jurisdiction, parents before children; optionally one level only.' })
  async jurisdictions(
    @Ctx() ctx: Context,
    @Arg('level', () => JurisdictionLevelEnum, { nullable: true, description: 'Only jurisdictions of this level' }) level?: string,
  ): Promise<Jurisdiction[]> {
    const index = await ctx.jurisdictions();
    return index.all.filter((j) => !level || j.level === level);
  }

  @Query(() => Jurisdiction, { nullable: true, description: 'One jurisdiction by its administrative code or exact Chinese name.' })
  async jurisdiction(@Ctx() ctx: Context, @Arg('codeOrName', () => String, { description: 'Administrative code (350581) or exact Chinese name (石狮市)' }) codeOrName: string): Promise<Jurisdiction | null> {
    return (await ctx.jurisdictions()).find(codeOrName) ?? null;
  }

  @FieldResolver(() => Jurisdiction, { nullable: true, description: 'The jurisdiction above it (null for a province)' })
  async parent(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction | null> {
    if (j.parentId === null) return null;
    return (await ctx.jurisdictions()).get(j.parentId) ?? null;
  }

  @FieldResolver(() => [Jurisdiction], { description: 'The jurisdictions directly below it' })
  async children(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    return (await ctx.jurisdictions()).children(j.id);
  }
}
