import { Migration } from '@mikro-orm/migrations';
import { grantToAppRole } from './parts.js';

/**
 * Hardening (issue 11):
 * - `app_job` becomes a logged table (a crash no longer empties it) and says whose a job is: the
 *   jurisdiction of its cohort (who may read or cancel it follows from that) and the API process
 *   running it (`runner`), so that a job whose process died can be reported as interrupted. Import
 *   jobs may be `pending`: made by the server for a caller before the file is sent, so that the upload
 *   names a job the server chose.
 * - `login_throttle`: failed logins counted per username and per client address, shared by every API
 *   process (the table layout is rate-limiter-flexible's PostgreSQL store; see api/modules/auth/login-throttle.ts).
 * - `app_user.must_change_password`: the generated admin password must be changed at the first login.
 * - `api_key.expires_at`: an API key may expire.
 */
export class Migration20261201100000_hardening extends Migration {
  override name = 'Migration20261201100000_hardening';

  override up(): void {
    this.addSql(`alter table app_job set logged;`);
    this.addSql(`
      alter table app_job
        add column jurisdiction_id int null references jurisdiction (id),
        add column runner text null,
        drop constraint app_job_status_check,
        add constraint app_job_status_check check (status in ('pending', 'running', 'done', 'failed', 'cancelled', 'interrupted'));`);
    this.addSql(`create index app_job_runner on app_job (runner) where status in ('running', 'pending');`);
    this.addSql(`
      create table login_throttle (
        key varchar(255) primary key,
        points integer not null default 0,
        expire bigint
      );`);
    this.addSql(`alter table app_user add column must_change_password boolean not null default false;`);
    this.addSql(`alter table api_key add column expires_at timestamptz null;`);
    this.addSql(grantToAppRole('login_throttle'));
  }

  override down(): void {
    this.addSql('alter table api_key drop column expires_at;');
    this.addSql('alter table app_user drop column must_change_password;');
    this.addSql('drop table if exists login_throttle;');
    this.addSql(`delete from app_job where status in ('pending', 'interrupted');`);
    this.addSql(`
      alter table app_job
        drop constraint app_job_status_check,
        add constraint app_job_status_check check (status in ('running', 'done', 'failed', 'cancelled')),
        drop column runner,
        drop column jurisdiction_id;`);
    this.addSql(`alter table app_job set unlogged;`);
  }
}
