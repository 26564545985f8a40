import { Migration } from '@mikro-orm/migrations';
import { policyVersionGuard } from './parts.js';

/**
 * Authoring: users with roles and jurisdiction scopes, login sessions and integrators' API keys (both
 * stored as hashes only), an audit log that can only be appended to, and the workflow columns of a
 * policy version. The immutability guard now covers every column of a published version.
 */
export class Migration20261123010000_authoring extends Migration {
  override name = 'Migration20261123010000_authoring';

  override up(): void {
    this.addSql(`
      create table app_user (
        id serial primary key,
        username text not null unique check (username ~ '^[a-zA-Z0-9._-]{2,64}$'),
        display_name text not null,
        password_hash text not null,
        roles text[] not null check (roles <@ array['drafter', 'approver', 'auditor', 'integrator', 'admin']::text[] and cardinality(roles) > 0),
        jurisdiction_ids int[] not null default '{}',
        active boolean not null default true,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table session (
        token_hash char(64) primary key,
        user_id int not null references app_user (id),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz null
      );`);
    this.addSql(`
      create table api_key (
        id serial primary key,
        name text not null,
        prefix char(8) not null,
        key_hash char(64) not null unique,
        user_id int not null references app_user (id),
        created_by int not null references app_user (id),
        created_at timestamptz not null default now(),
        last_used_at timestamptz null,
        revoked_at timestamptz null
      );`);

    this.addSql(`
      alter table policy_version
        add column source_version_id uuid null references policy_version (id),
        add column source_content_hash char(64) null,
        add column auto_changes jsonb not null default '[]',
        add column created_by int null references app_user (id),
        add column updated_by int null references app_user (id),
        add column edited_by int[] not null default '{}',
        add column submitted_by int null references app_user (id),
        add column approved_by int null references app_user (id),
        add column published_by int null references app_user (id),
        add column review_comment text null,
        add column effective_from date null,
        add column superseded_at timestamptz null;`);

    // Published and superseded versions: nothing changes but published → superseded (with its time).
    this.addSql(
      policyVersionGuard(
        'create or replace',
        `(to_jsonb(new) - 'status' - 'superseded_at' - 'updated_at') is distinct from (to_jsonb(old) - 'status' - 'superseded_at' - 'updated_at')
             or not (new.status = old.status or (old.status = 'published' and new.status = 'superseded'))
             or (old.status = 'superseded' and new.superseded_at is distinct from old.superseded_at)`,
      ),
    );

    this.addSql(`
      create table audit_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        user_id int null references app_user (id),
        username text null,
        action text not null,
        policy_version_id uuid null references policy_version (id),
        jurisdiction_id int null references jurisdiction (id),
        comment text null,
        diff jsonb null,
        details jsonb null
      );`);
    this.addSql(`create index audit_log_version_idx on audit_log (policy_version_id, at);`);
    this.addSql(`create index audit_log_jurisdiction_idx on audit_log (jurisdiction_id, at);`);
    this.addSql(`create index audit_log_user_idx on audit_log (user_id, at);`);
    // Append-only: the application may insert and read, never change or remove an entry.
    this.addSql(`
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit log is append-only: % is not allowed', tg_op
          using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`
      create trigger audit_log_no_change before update or delete on audit_log
        for each row execute function audit_log_append_only();`);
    this.addSql(`
      create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_append_only();`);
    this.addSql(`revoke update, delete, truncate on audit_log from public;`);
  }

  override down(): void {
    this.addSql('drop table if exists audit_log;');
    this.addSql('drop function if exists audit_log_append_only();');
    this.addSql(`alter table policy_version
      drop column source_version_id, drop column source_content_hash, drop column auto_changes,
      drop column created_by, drop column updated_by, drop column edited_by, drop column submitted_by,
      drop column approved_by, drop column published_by, drop column review_comment,
      drop column effective_from, drop column superseded_at;`);
    this.addSql('drop table if exists api_key;');
    this.addSql('drop table if exists session;');
    this.addSql('drop table if exists app_user;');
  }
}
