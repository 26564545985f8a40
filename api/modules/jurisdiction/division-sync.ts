import type { DivisionReference } from './division-reference.js';

/** Runs one SQL statement with `?` parameters inside the caller's transaction (a migration's). */
export type Exec = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/**
 * Bring the `jurisdiction` table in line with a division reference, in a handful of statements
 * whatever its size (the rows travel as one JSON parameter; no statement per row):
 * - a row recorded without a code (灵源街道 before the reference) gets the reference's code when its
 *   name, level and parent's code match one entry (its note, which said why it had none, goes);
 * - every code the table lacks is inserted, level by level so that each finds its parent by code;
 * - every code the table has takes the reference's kind, parent and label; its name too, unless a
 *   policy version names the jurisdiction (a document carries the name it was written for: such a
 *   rename is left to an officer, and the row's note says what the reference now calls it);
 * - a row the reference no longer lists is never deleted (versions refer to it): it keeps the label of
 *   the last reference that listed it.
 * Ids of existing rows never change. Returns how many rows were inserted.
 */
export async function syncDivisionReference(exec: Exec, ref: DivisionReference): Promise<{ inserted: number; total: number }> {
  // one text parameter, a line per row and a tab between fields (no name holds either), split by PostgreSQL
  for (const r of ref.rows) if (/[\t\n]/.test(r.name)) throw new Error(`${ref.label}: ${r.code} has a tab or line break in its name`);
  const lines = ref.rows.map((r) => `${r.code}\t${r.name}\t${r.level}\t${r.kind}\t${r.parentCode ?? ''}`).join('\n');
  await exec(`drop table if exists division_ref`);
  await exec(
    `create temporary table division_ref on commit drop as
       select split_part(line, E'\\t', 1) as code, split_part(line, E'\\t', 2) as name, split_part(line, E'\\t', 3) as level,
              split_part(line, E'\\t', 4) as kind, nullif(split_part(line, E'\\t', 5), '') as parent_code, ord::int as ord
         from string_to_table(?, E'\\n') with ordinality as t(line, ord)`,
    [lines],
  );
  await exec(`create unique index on division_ref (code)`);
  await exec(`analyze division_ref`);
  await exec(
    `update jurisdiction j set code = r.code, note = null
       from division_ref r, jurisdiction p
      where j.code is null and j.level = r.level and j.name = r.name and p.id = j.parent_id and p.code = r.parent_code`,
  );
  // the parent link is checked once for the whole load (one join) instead of once per inserted row
  await exec(`alter table jurisdiction drop constraint jurisdiction_parent_id_fkey`);
  let inserted = 0;
  for (const level of ['province', 'prefecture', 'county', 'township']) {
    const res = (await exec(
      `with added as (
         insert into jurisdiction (code, name, level, kind, reference, parent_id)
         select r.code, r.name, r.level, r.kind, ?, p.id
           from division_ref r left join jurisdiction p on p.code = r.parent_code
          where r.level = ? and not exists (select 1 from jurisdiction j where j.code = r.code)
          order by r.ord
         returning 1)
       select count(*)::int as n from added`,
      [ref.label, level],
    )) as { n: number }[];
    inserted += res[0]?.n ?? 0;
  }
  await exec(`alter table jurisdiction add constraint jurisdiction_parent_id_fkey foreign key (parent_id) references jurisdiction (id)`);
  await exec(
    `update jurisdiction j
        set kind = r.kind,
            reference = ?,
            parent_id = coalesce(p.id, j.parent_id),
            name = case when exists (select 1 from policy_version v where v.jurisdiction_id = j.id) then j.name else r.name end,
            note = case when j.name <> r.name and exists (select 1 from policy_version v where v.jurisdiction_id = j.id)
                        then '参考区划（' || ? || '）的名称为' || r.name else j.note end
       from division_ref r left join jurisdiction p on p.code = r.parent_code
      where j.code = r.code
        and (j.kind is distinct from r.kind or j.reference is distinct from ? or j.name <> r.name
             or j.parent_id is distinct from coalesce(p.id, j.parent_id))`,
    [ref.label, ref.label, ref.label],
  );
  const total = (await exec(`select count(*)::int as n from jurisdiction`)) as { n: number }[];
  return { inserted, total: total[0]?.n ?? 0 };
}
