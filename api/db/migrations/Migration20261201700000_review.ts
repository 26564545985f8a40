import { Migration } from '@mikro-orm/migrations';
import { grantToAppRole } from './parts.js';

/**
 * What an approver decided on, and corrections of published notices:
 * - `preview_record`: each impact preview of a version, with the version's revision and content hash
 *   when it ran, the cohort, and (once done) its totals — kept for good (`app_job` rows are transient);
 * - `policy_version.approved_preview`: the preview the approver saw when approving (its record, copied);
 * - `policy_version.corrects_id` / `correction_kind`: a version that corrects a published one
 *   (amendment 修订 or errata 更正), under a number of its own.
 * A published version stays immutable (the guard of Migration20261123010000 compares whole rows).
 */
export class Migration20261201700000_review extends Migration {
  override name = 'Migration20261201700000_review';

  override up(): void {
    this.addSql(`
      create table preview_record (
        job_id text primary key,
        policy_version_id uuid not null references policy_version (id) on delete cascade,
        revision int not null,
        content_hash char(64) not null,
        baseline_id uuid not null references policy_version (id) on delete cascade,
        cohort_id uuid not null,
        cohort_name text not null,
        started_by int null references app_user (id),
        started_at timestamptz not null default now(),
        finished_at timestamptz null,
        status text not null default 'running' check (status in ('running', 'done', 'failed', 'cancelled')),
        summary jsonb null,
        error text null
      );`);
    this.addSql('create index preview_record_version_idx on preview_record (policy_version_id, started_at desc);');
    this.addSql(`
      alter table policy_version
        add column approved_preview jsonb null,
        add column corrects_id uuid null references policy_version (id),
        add column correction_kind text null check (correction_kind in ('amendment', 'errata')),
        add constraint policy_version_correction_pair check ((corrects_id is null) = (correction_kind is null)),
        add constraint policy_version_correction_not_self check (corrects_id is distinct from id);`);
    this.addSql('create index policy_version_corrects_idx on policy_version (corrects_id) where corrects_id is not null;');
    this.addSql(grantToAppRole('preview_record', 'select, insert, update'));
  }

  override down(): void {
    this.addSql('drop index if exists policy_version_corrects_idx;');
    this.addSql(`alter table policy_version drop constraint if exists policy_version_correction_not_self, drop constraint if exists policy_version_correction_pair,
      drop column if exists correction_kind, drop column if exists corrects_id, drop column if exists approved_preview;`);
    this.addSql('drop table if exists preview_record;');
  }
}
