import { Migration } from '@mikro-orm/migrations';
import { grantToAppRole } from './parts.js';

/**
 * What several API processes (`npm start` runs one per core) must share:
 * - `app_job`: progress and results of cohort imports and impact previews, so that any process can
 *   answer a poll or a cancel for a job another process runs. Jobs are transient: the table is
 *   UNLOGGED (not written to the WAL, emptied after a crash, which also ends the jobs it described).
 * - a notification on every change of the tables the policy cache reads (`policy_version`,
 *   `jurisdiction`), sent by PostgreSQL at commit, so that every process forgets what it cached at once
 *   — whichever process, or whoever with SQL, made the change.
 */
export class Migration20261123040000_shared_state extends Migration {
  override name = 'Migration20261123040000_shared_state';

  override up(): void {
    this.addSql(`
      create unlogged table app_job (
        id text primary key,
        kind text not null check (kind in ('import', 'preview')),
        created_by int null,
        status text not null check (status in ('running', 'done', 'failed', 'cancelled')),
        progress real not null default 0,
        rows bigint not null default 0,
        bytes bigint not null default 0,
        cohort_id uuid null,
        result jsonb null,
        error text null,
        cancel_requested boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index app_job_created_at on app_job (created_at);');
    this.addSql(`
      create function notify_policy_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('yibao_policy_changed', tg_table_name);
        return null;
      end $$;`);
    for (const table of ['policy_version', 'jurisdiction'])
      this.addSql(
        `create trigger ${table}_changed after insert or update or delete or truncate on ${table} for each statement execute function notify_policy_changed();`,
      );
    this.addSql(grantToAppRole('app_job'));
  }

  override down(): void {
    this.addSql('drop trigger if exists policy_version_changed on policy_version;');
    this.addSql('drop trigger if exists jurisdiction_changed on jurisdiction;');
    this.addSql('drop function if exists notify_policy_changed();');
    this.addSql('drop table if exists app_job;');
  }
}
