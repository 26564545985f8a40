import { gql } from './api';

export interface JurisdictionNode {
  id: string;
  code: string | null;
  name: string;
  level: string;
  parentId: string | null;
}

let cache: Promise<JurisdictionNode[]> | null = null;

const FIELDS = 'id code name level parent { id }';
type Row = { id: string; code: string | null; name: string; level: string; parent: { id: string } | null };

/**
 * The jurisdictions the console's pickers offer (loaded once per page): every province, prefecture
 * and county (about 3,300 of the 45,000), and the townships that have a published version, with
 * their parents. The whole list, townships included, is browsed lazily on the 统筹地区 page.
 */
export function loadJurisdictions(): Promise<JurisdictionNode[]> {
  cache ??= gql<{ p: Row[]; c: Row[]; k: Row[]; t: { items: Row[] } }>(
    `{ p: jurisdictions(level: PROVINCE) { ${FIELDS} } c: jurisdictions(level: PREFECTURE) { ${FIELDS} } k: jurisdictions(level: COUNTY) { ${FIELDS} }
       t: searchJurisdictions(level: TOWNSHIP, hasPolicies: true, first: 200) { items { ${FIELDS} } } }`,
  )
    .then((d) => [...d.p, ...d.c, ...d.k, ...d.t.items].map((j) => ({ id: j.id, code: j.code, name: j.name, level: j.level, parentId: j.parent?.id ?? null })))
    .catch((e) => {
      cache = null;
      throw e;
    });
  return cache;
}

/** Forget the list (after a publication, a township may have joined it). */
export function forgetJurisdictions() {
  cache = null;
}

/** Whether `id` is one of `roots` or lies below one of them. */
export function within(all: JurisdictionNode[], id: string, roots: string[]): boolean {
  const byId = new Map(all.map((j) => [j.id, j]));
  for (let cur: string | null = id; cur !== null; cur = byId.get(cur)?.parentId ?? null) if (roots.includes(cur)) return true;
  return false;
}
