import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { resolveJurisdiction, type JurisdictionRow } from './jurisdiction.service.js';
import { DIVISION_KIND_LABELS, DivisionKindEnum, Jurisdiction, JurisdictionLevelEnum, JurisdictionPage } from './jurisdiction.type.js';

const MAX_PAGE = 200;

function page(rows: readonly JurisdictionRow[], total: number, offset: number): JurisdictionPage {
  return { total, offset, items: rows as Jurisdiction[], hasMore: offset + rows.length < total };
}

function checkPage(first: number, offset: number) {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', 'NUMBER_OUT_OF_RANGE', { min: 1, max: MAX_PAGE });
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'NUMBER_TOO_SMALL', { min: 0 });
}

@Resolver(() => Jurisdiction)
export class JurisdictionResolver {
  @Query(() => [Jurisdiction], {
    description:
      'Every jurisdiction (about 45,000), parents before children (by level, then code); optionally one level (`level: COUNTY`: every county of the reference) or kinds only. For browsing use jurisdictionChildren or searchJurisdictions, which are paginated.',
  })
  async jurisdictions(
    @Ctx() ctx: Context,
    @Arg('level', () => JurisdictionLevelEnum, { nullable: true, description: 'Only jurisdictions of this level' }) level?: string,
    @Arg('kinds', () => [DivisionKindEnum], { nullable: true, description: 'Only these kinds (e.g. [COUNTY, COUNTY_CITY, DISTRICT]: counties without the development zones)' })
    kinds?: string[],
  ): Promise<Jurisdiction[]> {
    const index = await ctx.jurisdictions();
    const k = kinds?.length ? new Set(kinds) : null;
    return index.all.filter((j) => (!level || j.level === level) && (!k || (j.kind !== null && k.has(j.kind)))) as Jurisdiction[];
  }

  @Query(() => Jurisdiction, {
    nullable: true,
    description:
      'One jurisdiction by its statistical division code, its exact Chinese name, or its name qualified by its parents (长春市朝阳区); null when none matches, refused when a name means several.',
  })
  async jurisdiction(
    @Ctx() ctx: Context,
    @Arg('codeOrName', () => String, { description: 'Statistical division code (350581, 350582006), exact Chinese name (石狮市) or the name with its parents (晋江市灵源街道)' }) codeOrName: string,
  ): Promise<Jurisdiction | null> {
    return resolveJurisdiction(await ctx.jurisdictions(), codeOrName, 'codeOrName') as Jurisdiction | null;
  }

  @Query(() => JurisdictionPage, { description: 'The children of a jurisdiction (or, without `parent`, the provinces), by code, one page at a time: what a lazily loaded tree asks for.' })
  async jurisdictionChildren(
    @Ctx() ctx: Context,
    @Arg('parent', () => ID, { nullable: true, description: 'The id of the jurisdiction whose children to list; omitted: the provinces' }) parent?: string,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many to return (at most ${MAX_PAGE})` }) first: number = 100,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'How many to skip' }) offset: number = 0,
  ): Promise<JurisdictionPage> {
    checkPage(first, offset);
    const index = await ctx.jurisdictions();
    let rows: readonly JurisdictionRow[];
    if (parent == null) rows = index.all.filter((j) => j.parentId === null);
    else {
      const p = /^\d+$/.test(parent) ? index.get(Number(parent)) : undefined;
      if (!p) throw badInput('parent', 'NO_SUCH_JURISDICTION_ID', { value: parent });
      rows = index.children(p.id);
    }
    return page(rows.slice(offset, offset + first), rows.length, offset);
  }

  @Query(() => JurisdictionPage, {
    description:
      'Search the jurisdictions by part of a name (灵源), a code or the start of one (3505), or a name with its parents (晋江市灵源街道); best matches first (exact, then names starting with the query, then containing it; provinces before cities, then by code). Paginated.',
  })
  async searchJurisdictions(
    @Ctx() ctx: Context,
    @Arg('query', () => String, { nullable: true, description: 'Part of a name, a code or its start; empty: every jurisdiction the other filters allow' }) query?: string,
    @Arg('level', () => JurisdictionLevelEnum, { nullable: true, description: 'Only this level' }) level?: string,
    @Arg('within', () => String, { nullable: true, description: 'Only below this jurisdiction (code or name), itself included' }) within?: string,
    @Arg('hasPolicies', () => Boolean, { nullable: true, description: 'Only jurisdictions with a published version' }) hasPolicies?: boolean,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many to return (at most ${MAX_PAGE})` }) first: number = 20,
    @Arg('offset', () => Int, { defaultValue: 0, description: 'How many to skip' }) offset: number = 0,
  ): Promise<JurisdictionPage> {
    checkPage(first, offset);
    if ((query?.length ?? 0) > 100) throw badInput('query', 'TEXT_TOO_LONG', { max: 100 });
    const index = await ctx.jurisdictions();
    let withinId: number | null = null;
    if (within != null) {
      const w = resolveJurisdiction(index, within, 'within');
      if (!w) throw badInput('within', 'NO_SUCH_JURISDICTION', { value: within });
      withinId = w.id;
    }
    const r = index.search({ query, level, withinId, hasPolicies, first, offset });
    return page(r.items, r.total, offset);
  }

  @FieldResolver(() => Jurisdiction, { nullable: true, description: 'The jurisdiction above it (null for a province)' })
  async parent(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction | null> {
    if (j.parentId === null) return null;
    return ((await ctx.jurisdictions()).get(j.parentId) ?? null) as Jurisdiction | null;
  }

  @FieldResolver(() => [Jurisdiction], { description: 'The jurisdictions directly below, by code (at most a few hundred; jurisdictionChildren pages them)' })
  async children(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    return [...(await ctx.jurisdictions()).children(j.id)] as Jurisdiction[];
  }

  @FieldResolver(() => Int, { description: 'How many jurisdictions lie directly below' })
  async childCount(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.jurisdictions()).children(j.id).length;
  }

  @FieldResolver(() => [Jurisdiction], { description: 'From the province down to this jurisdiction itself' })
  async path(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<Jurisdiction[]> {
    return (await ctx.jurisdictions()).path(j.id) as Jurisdiction[];
  }

  @FieldResolver(() => String, { description: 'The names from the province down, joined: 福建省泉州市晋江市灵源街道' })
  async fullName(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.jurisdictions()).fullName(j.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The kind in Chinese (市辖区, 县级市, 街道, …)' })
  kindLabel(@Root() j: Jurisdiction): string | null {
    return j.kind ? DIVISION_KIND_LABELS[j.kind as keyof typeof DIVISION_KIND_LABELS] ?? null : null;
  }

  @FieldResolver(() => [Int], { description: 'The coverage years for which a version of this jurisdiction was published (superseded ones included)' })
  async publishedYears(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<number[]> {
    return (await ctx.jurisdictions()).publishedYears(j.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether this jurisdiction itself has a published version' })
  async hasPolicies(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<boolean> {
    return (await ctx.jurisdictions()).publishedYears(j.id).length > 0;
  }

  @FieldResolver(() => Int, { description: 'How many jurisdictions below this one (itself not counted) have a published version' })
  async withPoliciesBelow(@Root() j: Jurisdiction, @Ctx() ctx: Context): Promise<number> {
    const index = await ctx.jurisdictions();
    return index.withPolicies(j.id) - (index.publishedYears(j.id).length > 0 ? 1 : 0);
  }
}
