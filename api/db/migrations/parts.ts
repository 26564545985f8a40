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

/** The guard's first part, the same in every version of policy_version_guard: a published (or superseded) version is never deleted. */
export const NEVER_DELETE_PUBLISHED = `
        if tg_op = 'DELETE' then
          if old.status in ('published', 'superseded') then
            raise exception 'policy version % is %, and a published version is never deleted', old.id, old.status
              using errcode = 'integrity_constraint_violation';
          end if;
          return old;
        end if;`;
