import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../api/db/embedded.js';
import { migrate, openOrm } from '../api/db/orm.js';
import { APP_ROLE } from '../api/db/app-role.js';
import { randomPassword, scramVerifier } from '../api/db/secrets.js';
import { ensureConsoleBuilt } from '../api/console.js';
import { buildServer } from '../api/build.js';
import { freePort } from './helpers/npm-start.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server (admin database URL) on which each test file creates its own database. */
    databaseUrl: string;
    /** A database on that server with every migration applied and nothing else, that test databases are cloned from. */
    templateDatabase: string;
    /** The password of the API's role (yibao_app) on that server, made for this run. */
    appPassword: string;
  }
}

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL if set, otherwise an embedded one in a
 * temporary folder, removed afterwards. Test files never share a database (see helpers/db.ts): each
 * clones a template migrated here once, so the 45,000-row division list is loaded once per run, not
 * once per file.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'yibao-test-pg-'));
    embedded = await startEmbeddedPostgres(dir, await freePort(), () => {});
    url = embedded.url;
  }
  project.provide('databaseUrl', url);
  // The API's role is one per server, shared by every test file's database: it gets a random password
  // once here (as npm start gives it one), before any migration, which then finds the role made.
  const appPassword = randomPassword();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_roles where rolname = $1', [APP_ROLE])).rowCount;
    await admin.query(`${exists ? 'alter' : 'create'} role ${APP_ROLE} with login nosuperuser nocreatedb nocreaterole password '${scramVerifier(appPassword)}'`);
  } finally {
    await admin.end();
  }
  project.provide('appPassword', appPassword);
  const template = `test_template_${randomBytes(4).toString('hex')}`;
  await onServer(url, `create database ${template}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const orm = await openOrm(templateUrl.toString(), { poolMax: 1 });
  await migrate(orm);
  await orm.close(); // a template is copied only while nobody is connected to it
  project.provide('templateDatabase', template);
  // the browser tests drive the built console, as `npm start` serves it
  await ensureConsoleBuilt(() => {});
  // the server's build, once: the test files' `npm start`s then find it current and never rebuild it
  // under one another's running servers
  await buildServer();
  return async () => {
    if (!embedded) await onServer(url!, `drop database if exists ${template} with (force)`);
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

async function onServer(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

