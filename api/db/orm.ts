import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import { APP_ROLE, appRoleUrl } from './app-role.js';
import { Jurisdiction } from '../modules/jurisdiction/jurisdiction.entity.js';
import { PolicyVersion } from '../modules/policy/policy-version.entity.js';
import { Migration20261123000000_policy_store } from './migrations/Migration20261123000000_policy_store.js';
import { Migration20261123010000_authoring } from './migrations/Migration20261123010000_authoring.js';
import { Migration20261123020000_cohorts } from './migrations/Migration20261123020000_cohorts.js';
import { Migration20261123030000_app_role } from './migrations/Migration20261123030000_app_role.js';
import { Migration20261123040000_shared_state } from './migrations/Migration20261123040000_shared_state.js';
import { Migration20261201100000_hardening } from './migrations/Migration20261201100000_hardening.js';
import { Migration20261201500000_division_reference } from './migrations/Migration20261201500000_division_reference.js';
import { Migration20261201500100_review_items } from './migrations/Migration20261201500100_review_items.js';
import { Migration20261201600000_cohort_facts } from './migrations/Migration20261201600000_cohort_facts.js';
import { Migration20261201700000_review } from './migrations/Migration20261201700000_review.js';

// A DATE column is a calendar date: return it as the `YYYY-MM-DD` text PostgreSQL sends, never as a
// JS Date at local midnight (which would move it under another TZ).
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export const ENTITIES = [Jurisdiction, PolicyVersion];

/** Every migration, in order. Listed explicitly so that start-up never scans the file system. */
export const MIGRATIONS = [
  { name: 'Migration20261123000000_policy_store', class: Migration20261123000000_policy_store },
  { name: 'Migration20261123010000_authoring', class: Migration20261123010000_authoring },
  { name: 'Migration20261123020000_cohorts', class: Migration20261123020000_cohorts },
  { name: 'Migration20261123030000_app_role', class: Migration20261123030000_app_role },
  { name: 'Migration20261123040000_shared_state', class: Migration20261123040000_shared_state },
  { name: 'Migration20261201100000_hardening', class: Migration20261201100000_hardening },
  { name: 'Migration20261201500000_division_reference', class: Migration20261201500000_division_reference },
  { name: 'Migration20261201500100_review_items', class: Migration20261201500100_review_items },
  { name: 'Migration20261201600000_cohort_facts', class: Migration20261201600000_cohort_facts },
  { name: 'Migration20261201700000_review', class: Migration20261201700000_review },
];

export async function openOrm(databaseUrl: string, opts: { debug?: boolean; poolMax?: number } = {}) {
  return MikroORM.init({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: opts.debug ?? false,
    pool: { min: 0, max: opts.poolMax ?? 10 },
    allowGlobalContext: false,
  });
}

export type Orm = Awaited<ReturnType<typeof openOrm>>;

/** Apply pending migrations (never schema:update). Returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}

/**
 * The URL the API serves with: the same server and database as the owner's URL, as the least-privilege
 * role `yibao_app` with its password when the role exists (see the app-role migration and
 * db/app-role.ts, which sets the password); otherwise the owner's URL itself.
 */
export async function appDatabaseUrl(ownerUrl: string, appPassword: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = await client.query(`select 1 from pg_roles where rolname = $1`, [APP_ROLE]);
    if (!r.rowCount) return ownerUrl;
  } finally {
    await client.end();
  }
  return appRoleUrl(ownerUrl, appPassword);
}
