import { Migration } from '@mikro-orm/migrations';

/**
 * The role the API serves with, `yibao_app`, holding only what the application needs: it reads and
 * writes the tables of the store, but may only read and append to the audit log (no UPDATE, DELETE or
 * TRUNCATE, and as it owns none of them it cannot disable their triggers either). Migrations run as the
 * owner. Where the migrating user may not create roles (an existing server), the role is left to the
 * operator and nothing here fails.
 */
export class Migration20261123030000_app_role extends Migration {
  override name = 'Migration20261123030000_app_role';

  override up(): void {
    this.addSql(`
      do $$
      declare
        can_create boolean;
      begin
        select rolsuper or rolcreaterole into can_create from pg_roles where rolname = current_user;
        if not exists (select from pg_roles where rolname = 'yibao_app') then
          if not can_create then
            raise notice 'role yibao_app not created: % may not create roles', current_user;
            return;
          end if;
          -- no password here: npm start sets a random one (api/db/app-role.ts) before serving
          create role yibao_app login nosuperuser nocreatedb nocreaterole;
        end if;
        grant usage, create on schema public to yibao_app;
        grant select, insert, update, delete on jurisdiction, policy_version, app_user, session, api_key, cohort to yibao_app;
        grant select on mikro_orm_migrations to yibao_app;
        grant select, insert on audit_log to yibao_app;
        grant usage, select on all sequences in schema public to yibao_app;
        -- imports create one partition per cohort, which needs ownership of the parent table
        alter table cohort_person owner to yibao_app;
      end $$;`);
  }

  override down(): void {
    this.addSql(`
      do $$ begin
        if exists (select from pg_roles where rolname = 'yibao_app') then
          alter table cohort_person owner to current_user;
          revoke all on all tables in schema public from yibao_app;
          revoke all on all sequences in schema public from yibao_app;
          revoke all on schema public from yibao_app;
        end if;
      end $$;`);
  }
}
