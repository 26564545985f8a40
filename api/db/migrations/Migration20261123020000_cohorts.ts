import { Migration } from '@mikro-orm/migrations';

/**
 * Cohorts: named sets of persons of one jurisdiction, for previewing a draft's effect. Person rows are
 * written and read in bulk with COPY; the table has no per-row index (a BRIN index on the cohort keeps
 * imports close to a plain COPY while a cohort's rows stay cheap to find, being written together).
 */
export class Migration20261123020000_cohorts extends Migration {
  override name = 'Migration20261123020000_cohorts';

  override up(): void {
    this.addSql(`
      create table cohort (
        id uuid primary key,
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
        cohort_id uuid not null references cohort (id) on delete cascade,
        row_no int not null,
        person_id text not null,
        unit text not null,
        birth_date date null,
        categories text[] not null,
        groups text[] not null,
        payment_date date null
      );`);
    this.addSql(`create index cohort_person_cohort_brin on cohort_person using brin (cohort_id);`);
  }

  override down(): void {
    this.addSql('drop table if exists cohort_person;');
    this.addSql('drop table if exists cohort;');
  }
}
