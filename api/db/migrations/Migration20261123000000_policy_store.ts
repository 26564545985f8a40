import { Migration } from '@mikro-orm/migrations';
import { policyVersionGuard } from './parts.js';

/**
 * The policy store: jurisdictions as a hierarchy and policy versions per jurisdiction and coverage
 * year. The database itself keeps the invariants that matter to auditors:
 * - at most one published version per jurisdiction and coverage year (a partial unique index);
 * - the row's year is the document's coverage year;
 * - a published or superseded version's content never changes and is never deleted (a trigger);
 *   the only change allowed is published → superseded.
 */
export class Migration20261123000000_policy_store extends Migration {
  override name = 'Migration20261123000000_policy_store';

  override up(): void {
    this.addSql(`
      create table jurisdiction (
        id serial primary key,
        code varchar(12) null unique check (code ~ '^[0-9]{6}([0-9]{3}|[0-9]{6})?$'),
        name text not null unique,
        level text not null check (level in ('province', 'prefecture', 'county', 'township')),
        parent_id int null references jurisdiction (id),
        note text null,
        check ((level = 'province') = (parent_id is null))
      );`);
    this.addSql(`create index jurisdiction_parent_idx on jurisdiction (parent_id);`);

    this.addSql(`
      create table policy_version (
        id uuid primary key,
        jurisdiction_id int not null references jurisdiction (id),
        year int not null check (year between 2000 and 2100),
        status text not null check (status in ('draft', 'in_review', 'approved', 'published', 'superseded')),
        document jsonb not null,
        content_hash char(64) not null check (content_hash ~ '^[0-9a-f]{64}$'),
        document_number text not null,
        issued_on date not null,
        source text null,
        revision int not null default 1 check (revision >= 1),
        published_at timestamptz null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint policy_version_year_matches_document check ((document ->> 'coverageYear')::int = year),
        constraint policy_version_published_has_time check (status not in ('published', 'superseded') or published_at is not null)
      );`);
    this.addSql(`create index policy_version_lookup_idx on policy_version (jurisdiction_id, year, status);`);
    this.addSql(`
      create unique index policy_version_one_published
        on policy_version (jurisdiction_id, year) where status = 'published';`);

    this.addSql(
      policyVersionGuard(
        'create',
        `new.document is distinct from old.document
             or new.content_hash is distinct from old.content_hash
             or new.jurisdiction_id is distinct from old.jurisdiction_id
             or new.year is distinct from old.year
             or new.document_number is distinct from old.document_number
             or new.issued_on is distinct from old.issued_on
             or new.published_at is distinct from old.published_at
             or new.created_at is distinct from old.created_at
             or new.id is distinct from old.id
             or not (new.status = old.status or (old.status = 'published' and new.status = 'superseded'))`,
      ),
    );
    this.addSql(`
      create trigger policy_version_guard before update or delete on policy_version
        for each row execute function policy_version_guard();`);
  }

  override down(): void {
    this.addSql('drop table if exists policy_version;');
    this.addSql('drop function if exists policy_version_guard();');
    this.addSql('drop table if exists jurisdiction;');
  }
}
