import type { EntityManager } from '@mikro-orm/postgresql';
import { Jurisdiction } from './jurisdiction.entity.js';

export interface JurisdictionRow {
  id: number;
  code: string | null;
  name: string;
  level: string;
  note: string | null;
  parentId: number | null;
}

/**
 * All jurisdictions of the store, read once per request: the hierarchy is small (tens to thousands of
 * rows), so parent/children/lookups are answered from memory instead of one query per field (N+1).
 */
export class JurisdictionIndex {
  private constructor(
    readonly all: JurisdictionRow[],
    private readonly byId: Map<number, JurisdictionRow>,
  ) {}

  static async load(em: EntityManager): Promise<JurisdictionIndex> {
    const rows = await em.find(Jurisdiction, {}, { orderBy: { id: 'asc' } });
    const all = rows.map((r) => ({
      id: r.id,
      code: r.code ?? null,
      name: r.name,
      level: r.level,
      note: r.note ?? null,
      parentId: r.parent ? r.parent.id : null,
    }));
    return new JurisdictionIndex(all, new Map(all.map((r) => [r.id, r])));
  }

  get(id: number): JurisdictionRow | undefined {
    return this.byId.get(id);
  }

  children(id: number): JurisdictionRow[] {
    return this.all.filter((r) => r.parentId === id);
  }

  /** By administrative code or exact Chinese name. */
  find(codeOrName: string): JurisdictionRow | undefined {
    const key = codeOrName.trim();
    return this.all.find((r) => r.code === key || r.name === key);
  }
}
