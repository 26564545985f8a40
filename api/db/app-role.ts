import pg from 'pg';
import { scramVerifier } from './secrets.js';

/** The least-privilege role the API serves with (see the app-role migration). */
export const APP_ROLE = 'yibao_app';

/**
 * Give the API's role its password (the embedded PostgreSQL's from yibao-secrets.json; with
 * DATABASE_URL, APP_DATABASE_PASSWORD or one generated for this start) and return the URL to serve
 * with. The role has no password of its own from the migration, and a database from before issue 11
 * had a constant one: this replaces it at every start. Where the role does not exist (the migrating
 * user may not create roles), the owner's URL itself.
 */
export async function prepareAppRole(ownerUrl: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = await client.query(`select 1 from pg_roles where rolname = $1`, [APP_ROLE]);
    if (!r.rowCount) return ownerUrl;
    try {
      await client.query(`alter role ${APP_ROLE} with login password '${scramVerifier(password)}'`);
    } catch (e) {
      throw new Error(
        `cannot set the password of the role ${APP_ROLE} as ${new URL(ownerUrl).username} (${(e as Error).message}): give the URL the API should serve with in APP_DATABASE_URL`,
      );
    }
  } finally {
    await client.end();
  }
  return appRoleUrl(ownerUrl, password);
}

/** The owner's URL with the API role and its password instead. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
}
