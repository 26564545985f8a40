import { Migration } from '@mikro-orm/migrations';

/**
 * Cohorts: named sets of persons of one jurisdiction, for previewing a draft's effect. Person rows are
 * written and read in bulk with COPY, so their table is kept as close to a plain table as possible:
 * one partition per cohort (created by its import, in the same transaction), so that reading a cohort
 * touches only its rows and no index slows the import; categories and groups as the CSV's
 * `;`-separated text (an empty list is NULL, as COPY's CSV format reads an empty field); no per-row
 * foreign-key check (rows are written only by the import that creates their cohort).
 */
export class Migration20261123020000_cohorts extends Migration {
  override name = 'Migration20261123020000_cohorts';

  override up(): void {
    this.addSql(`
      create table cohort (
        id uuid primary key,
        no serial unique,
        jurisdiction_id int not null references jurisdiction (id),
        name text not null check (length(trim(name)) > 0),
        status text not null check (status in ('importing', 'ready', 'failed')),
        persons int not null default 0,
        units text[] not null default '{}',
        created_by int null references app_user (id),
        created_at timestamptz not null default now(),
        unique (jurisdiction_id, name)
      );`);
    this.addSql(`
      create table cohort_person (
        cohort_no int not null,
        row_no int not null,
        person_id text not null,
        unit text not null,
        birth_date date null,
        categories text null,
        groups text null,
        payment_date date null
      ) partition by list (cohort_no);`);
  }

  override down(): void {
    this.addSql('drop table if exists cohort_person;');
    this.addSql('drop table if exists cohort;');
  }
}
