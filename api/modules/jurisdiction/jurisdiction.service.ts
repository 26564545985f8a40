import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../graphql/errors.js';
import { JURISDICTION_LEVELS } from './jurisdiction.entity.js';

export interface JurisdictionRow {
  id: number;
  code: string | null;
  name: string;
  level: string;
  kind: string | null;
  note: string | null;
  reference: string | null;
  parentId: number | null;
}

/** The published (or superseded) coverage years of each jurisdiction: public facts, shown in the tree. */
export interface PolicyPresence {
  years: number[];
}

export interface SearchOptions {
  /** Part of a name (石狮, 灵源), a code or its start (3505), or a qualified name (晋江市灵源街道). */
  query?: string | null;
  level?: string | null;
  /** Only below this jurisdiction (its id). */
  withinId?: number | null;
  /** Only jurisdictions that have a published version themselves. */
  hasPolicies?: boolean | null;
  first: number;
  offset: number;
}

const LEVEL_RANK = new Map<string, number>(JURISDICTION_LEVELS.map((l, i) => [l, i]));

/** The reference part of the index, read once per revision of the `jurisdiction` table. */
class Reference {
  readonly byId = new Map<number, JurisdictionRow>();
  readonly byCode = new Map<string, JurisdictionRow>();
  readonly byName = new Map<string, JurisdictionRow[]>();
  readonly childrenOf = new Map<number, JurisdictionRow[]>();

  constructor(
    readonly revision: string,
    /** Parents before children: by level, then by code (rows without a code last). */
    readonly all: JurisdictionRow[],
  ) {
    for (const r of all) {
      this.byId.set(r.id, r);
      if (r.code) this.byCode.set(r.code, r);
      const same = this.byName.get(r.name);
      if (same) same.push(r);
      else this.byName.set(r.name, [r]);
      if (r.parentId !== null) {
        const siblings = this.childrenOf.get(r.parentId);
        if (siblings) siblings.push(r);
        else this.childrenOf.set(r.parentId, [r]);
      }
    }
  }
}

/**
 * Every jurisdiction of the store (the national division list: about 45,000), in memory, so that
 * parent/children/lookups/search are answered without a query per field (N+1) or per request.
 * Two parts with two lifetimes: the reference rows, re-read only when the `jurisdiction` table changed
 * (its revision, counted by a trigger, is one tiny query), and the years with published versions,
 * re-read whenever the cache is dropped (any publication). Loading after a publication therefore costs
 * two small queries, not 45,000 rows.
 */
export class JurisdictionIndex {
  private constructor(
    private readonly ref: Reference,
    private readonly presence: Map<number, PolicyPresence>,
    /** For each jurisdiction with versions and each of its ancestors: how many below it (itself included) have one. */
    private readonly withPoliciesBelow: Map<number, number>,
  ) {}

  static async load(em: EntityManager, previous?: JurisdictionIndex): Promise<JurisdictionIndex> {
    const [rev] = (await em.execute(`select revision::text as revision from jurisdiction_revision`)) as { revision: string }[];
    const revision = rev?.revision ?? '0';
    let ref = previous?.ref;
    if (!ref || ref.revision !== revision) {
      const rows = (await em.execute(
        `select id, code, name, level, kind, note, reference, parent_id from jurisdiction
          order by case level when 'province' then 0 when 'prefecture' then 1 when 'county' then 2 else 3 end, code nulls last, id`,
      )) as { id: number; code: string | null; name: string; level: string; kind: string | null; note: string | null; reference: string | null; parent_id: number | null }[];
      ref = new Reference(
        revision,
        rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, kind: r.kind, note: r.note, reference: r.reference, parentId: r.parent_id })),
      );
    }
    const years = (await em.execute(
      `select jurisdiction_id, array_agg(distinct year order by year) as years from policy_version
        where status in ('published', 'superseded') group by jurisdiction_id`,
    )) as { jurisdiction_id: number; years: number[] }[];
    const presence = new Map<number, PolicyPresence>();
    const below = new Map<number, number>();
    for (const y of years) {
      presence.set(y.jurisdiction_id, { years: y.years });
      for (let id: number | null = y.jurisdiction_id; id !== null; id = ref.byId.get(id)?.parentId ?? null) below.set(id, (below.get(id) ?? 0) + 1);
    }
    return new JurisdictionIndex(ref, presence, below);
  }

  /** Parents before children: by level, then by code. */
  get all(): readonly JurisdictionRow[] {
    return this.ref.all;
  }

  get revision(): string {
    return this.ref.revision;
  }

  get(id: number): JurisdictionRow | undefined {
    return this.ref.byId.get(id);
  }

  byCode(code: string): JurisdictionRow | undefined {
    return this.ref.byCode.get(code);
  }

  /** The children, by code. */
  children(id: number): readonly JurisdictionRow[] {
    return this.ref.childrenOf.get(id) ?? [];
  }

  /** From the province down to the row itself. */
  path(id: number): JurisdictionRow[] {
    const out: JurisdictionRow[] = [];
    for (let r = this.get(id); r; r = r.parentId === null ? undefined : this.get(r.parentId)) out.unshift(r);
    return out;
  }

  /** 福建省泉州市晋江市灵源街道 */
  fullName(id: number): string {
    return this.path(id)
      .map((r) => r.name)
      .join('');
  }

  /** Whether `id` is `ancestorId` or lies below it. */
  isWithin(id: number, ancestorId: number): boolean {
    for (let r = this.get(id); r; r = r.parentId === null ? undefined : this.get(r.parentId)) if (r.id === ancestorId) return true;
    return false;
  }

  /** The jurisdiction and everything below it. */
  subtree(id: number): JurisdictionRow[] {
    const out: JurisdictionRow[] = [];
    const stack = [id];
    while (stack.length) {
      const r = this.get(stack.pop()!);
      if (!r) continue;
      out.push(r);
      for (const c of this.children(r.id)) stack.push(c.id);
    }
    return out;
  }

  /** The coverage years with a published (or superseded) version of this jurisdiction. */
  publishedYears(id: number): number[] {
    return this.presence.get(id)?.years ?? [];
  }

  /** How many jurisdictions in this one's subtree (itself included) have a published version. */
  withPolicies(id: number): number {
    return this.withPoliciesBelow.get(id) ?? 0;
  }

  /** By code or exact name, when exactly one jurisdiction answers to it; see `candidates` for the others. */
  find(codeOrName: string): JurisdictionRow | undefined {
    const c = this.candidates(codeOrName);
    return c.length === 1 ? c[0] : undefined;
  }

  /**
   * Every jurisdiction a code or name may mean: the code; else the exact name (城关镇 means 88 towns);
   * else a name qualified by its parents' names (长春市朝阳区, 福建省泉州市晋江市灵源街道, spaces or
   * slashes between them allowed).
   */
  candidates(codeOrName: string): JurisdictionRow[] {
    const key = codeOrName.trim();
    if (!key) return [];
    const byCode = this.ref.byCode.get(key);
    if (byCode) return [byCode];
    const byName = this.ref.byName.get(key);
    if (byName) return byName;
    const q = key.replace(/[\s/／·]+/g, '');
    const out: JurisdictionRow[] = [];
    for (let i = 1; i < q.length; i++) {
      for (const r of this.ref.byName.get(q.slice(i)) ?? []) {
        // the rest of the query must be the names of some of its ancestors, nearest last
        let rest = q.slice(0, i);
        for (let p = r.parentId === null ? undefined : this.get(r.parentId); p && rest; p = p.parentId === null ? undefined : this.get(p.parentId))
          if (rest.endsWith(p.name)) rest = rest.slice(0, -p.name.length);
        if (!rest) out.push(r);
      }
    }
    return out;
  }

  /**
   * Search by part of a name, a code prefix or a qualified name, optionally one level, below one
   * jurisdiction, or only those with published versions. Best matches first: the exact name or code,
   * then names that start with the query, then the rest; each group by level (provinces first) and code.
   */
  search(o: SearchOptions): { total: number; items: JurisdictionRow[] } {
    const q = (o.query ?? '').trim();
    const digits = /^\d+$/.test(q);
    const exact = q && !digits ? new Set(this.candidates(q).map((r) => r.id)) : new Set<number>();
    const pool = o.withinId != null ? this.subtree(o.withinId) : this.ref.all;
    const scored: { r: JurisdictionRow; score: number }[] = [];
    for (const r of pool) {
      if (o.level && r.level !== o.level) continue;
      if (o.hasPolicies && !this.presence.has(r.id)) continue;
      let score: number;
      if (!q) score = 3;
      else if (digits) {
        if (!r.code?.startsWith(q)) continue;
        score = r.code === q ? 0 : 2;
      } else if (exact.has(r.id) || r.name === q) score = 0;
      else if (r.name.startsWith(q)) score = 1;
      else if (r.name.includes(q)) score = 2;
      else continue;
      scored.push({ r, score });
    }
    scored.sort(
      (a, b) =>
        a.score - b.score ||
        LEVEL_RANK.get(a.r.level)! - LEVEL_RANK.get(b.r.level)! ||
        (a.r.code ?? '~').localeCompare(b.r.code ?? '~') ||
        a.r.id - b.r.id,
    );
    return { total: scored.length, items: scored.slice(o.offset, o.offset + o.first).map((s) => s.r) };
  }
}

/** One jurisdiction by code or name, refusing a name that means several (naming them, with their codes). */
export function resolveJurisdiction(index: JurisdictionIndex, codeOrName: string, field: string): JurisdictionRow | null {
  const c = index.candidates(codeOrName);
  if (c.length <= 1) return c[0] ?? null;
  const shown = c.slice(0, 8).map((r) => `${index.fullName(r.id)}（${r.code ?? '无代码'}）`);
  const e = badInput(field, 'AMBIGUOUS_JURISDICTION', { value: codeOrName, count: c.length, names: shown, more: c.length > 8 ? '…' : '', example: index.fullName(c[0]!.id) });
  e.extensions.candidates = c.slice(0, 50).map((r) => ({ id: r.id, code: r.code, fullName: index.fullName(r.id) }));
  throw e;
}
