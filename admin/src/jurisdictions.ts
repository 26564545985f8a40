import { gql } from './api';

export interface JurisdictionNode {
  id: string;
  code: string | null;
  name: string;
  level: string;
  parentId: string | null;
}

let cache: Promise<JurisdictionNode[]> | null = null;

/** Every jurisdiction, parents before children (loaded once per page). */
export function loadJurisdictions(): Promise<JurisdictionNode[]> {
  cache ??= gql<{ jurisdictions: { id: string; code: string | null; name: string; level: string; parent: { id: string } | null }[] }>(
    `{ jurisdictions { id code name level parent { id } } }`,
  )
    .then((d) => d.jurisdictions.map((j) => ({ id: j.id, code: j.code, name: j.name, level: j.level, parentId: j.parent?.id ?? null })))
    .catch((e) => {
      cache = null;
      throw e;
    });
  return cache;
}

/** Whether `id` is one of `roots` or lies below one of them. */
export function within(all: JurisdictionNode[], id: string, roots: string[]): boolean {
  const byId = new Map(all.map((j) => [j.id, j]));
  for (let cur: string | null = id; cur !== null; cur = byId.get(cur)?.parentId ?? null) if (roots.includes(cur)) return true;
  return false;
}
