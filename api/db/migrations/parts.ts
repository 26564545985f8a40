/*
 * SQL that several migrations write alike. Each returns the text those migrations always ran, so that
 * a migration written with it does exactly what it did when it was applied.
 */

/**
 * Grant the API's least-privilege role (api/db/app-role.ts) rights on a table, where the role exists:
 * a database the app-role migration has not run on yet (a test's template) has no such role, and
 * that migration grants on every table there is when it runs.
 */
export function grantToAppRole(table: string, rights = 'select, insert, update, delete'): string {
  return `
      do $$ begin
        if exists (select from pg_roles where rolname = 'yibao_app') then
          grant ${rights} on ${table} to yibao_app;
        end if;
      end $$;`;
}

/**
 * policy_version_guard, as each version of it reads: a published (or superseded) version is never
 * deleted, and refused any update for which `changed` holds (`create` or `create or replace`).
 */
export function policyVersionGuard(create: string, changed: string): string {
  return `
      ${create} function policy_version_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          if old.status in ('published', 'superseded') then
            raise exception 'policy version % is %, and a published version is never deleted', old.id, old.status
              using errcode = 'integrity_constraint_violation';
          end if;
          return old;
        end if;
        if old.status in ('published', 'superseded') then
          if ${changed} then
            raise exception 'policy version % is %, and its content can no longer change', old.id, old.status
              using errcode = 'integrity_constraint_violation';
          end if;
        end if;
        return new;
      end $$;`;
}
