import 'reflect-metadata';
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config.js';
import { forkWorkers, reportReady, type Workers } from './cluster.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, openOrm, type Orm } from './db/orm.js';
import { prepareAppRole } from './db/app-role.js';
import { ADMIN_PASSWORD_FILE, randomPassword, writeSecretFile } from './db/secrets.js';
import { loadSeedsIfEmpty } from './db/seed.js';
import { createApp, type App } from './server.js';
import { CONSOLE_DIST, ensureConsoleBuilt } from './console.js';
import { UserService } from './modules/user/user.service.js';

/** Set by the primary for its workers: the database URL they serve with. */
const WORKER_DATABASE_URL = 'YIBAO_WORKER_DATABASE_URL';

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, seeds once, the console's build,
 * then the API: in this process when WORKERS is 1, else in WORKERS processes (one per core by default)
 * that share the port.
 */
async function primary(config: Config) {
  let embedded: EmbeddedDatabase | undefined;
  let serving: { close(): Promise<void> } | undefined;
  let stopping = false;

  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    await serving?.close().catch((e) => console.error('stopping the API failed:', e));
    await embedded?.stop().catch((e) => console.error('stopping PostgreSQL failed:', e));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // the console builds (when its sources changed) while the database starts
  const consoleBuilt = ensureConsoleBuilt();
  consoleBuilt.catch(() => {});
  let url = config.databaseUrl;
  let appPassword = config.appDatabasePassword;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, console.log, {
      restarted: () => console.log('PostgreSQL is running again; the API reconnects by itself'),
      gaveUp: (reason, error) => {
        console.error(`${reason}${error ? ` (${String((error as Error)?.message ?? error).slice(0, 300)})` : ''}.`);
        console.error(`Stopping: the API cannot work without its database. Check the folder ${config.dataDir} and the machine (disk, memory), then run npm start again.`);
        void stop('PostgreSQL gone', 1);
      },
    });
    url = embedded.url;
    appPassword = embedded.secrets.appPassword;
    console.log(`Embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${config.dataDir} (passwords in its yibao-secrets.json, mode 0600)`);
  } else if (!appPassword && !config.appDatabaseUrl) {
    appPassword = randomPassword();
    console.log('The API role yibao_app gets a new random password for this start (set APP_DATABASE_PASSWORD to choose one, e.g. for several hosts)');
  }
  // migrations and seeds as the owner; the API then serves as the least-privilege role
  const owner = await openOrm(url, { poolMax: 2 });
  try {
    const applied = await migrate(owner);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    const loaded = await loadSeedsIfEmpty(owner.em);
    if (loaded) console.log(`Loaded ${loaded} policy versions from seeds/`);
  } finally {
    await owner.close();
  }
  const appUrl = config.appDatabaseUrl ?? (await prepareAppRole(url, appPassword!));
  const orm = await openOrm(appUrl, { poolMax: 2 });
  const admin = await new UserService(orm.em.fork()).ensureAdmin(config.adminPassword);
  if (admin.generated) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const file = join(config.dataDir, ADMIN_PASSWORD_FILE);
    writeSecretFile(file, `${admin.generated}\n`);
    console.log(`Created the user "admin"; its generated password is in ${file} (readable by you only). It must be changed at the first login.`);
  } else if (admin.created) console.log('Created the user "admin" with the password from ADMIN_PASSWORD');
  await consoleBuilt;

  await orm.close();
  let port: number;
  if (config.workers === 1) {
    const s = await serve(config, appUrl);
    serving = s;
    port = (s.server.address() as AddressInfo).port;
  } else {
    const workers: Workers = forkWorkers(config.workers, { [WORKER_DATABASE_URL]: appUrl });
    serving = { close: () => workers.stop() };
    port = await workers.ready;
  }
  const base = `http://localhost:${port}`;
  console.log(`API processes: ${config.workers} (WORKERS)`);
  console.log(`Console:      ${base}/`);
  console.log(`GraphQL API:  ${base}/graphql`);
  console.log(`Health check: ${base}/health`);
}

/** The API in this process; `close()` lets requests under way finish, then lets go of everything. */
async function serve(config: Config, databaseUrl: string): Promise<{ close(): Promise<void>; server: Server }> {
  const orm: Orm = await openOrm(databaseUrl);
  let app: App | undefined;
  try {
    app = await createApp(orm, {
      console: CONSOLE_DIST,
      loginThrottle: config.loginThrottle,
      cohortMaxBytes: config.cohortMaxBytes,
      limits: config.limits,
      quoteRateLimits: config.quoteRateLimits,
      trustProxy: config.trustProxy,
    });
    const server = await app.listen(config.port, config.host);
    const running = app;
    return {
      server,
      async close() {
        await new Promise<void>((r) => {
          server.close(() => r());
          server.closeIdleConnections();
        });
        await running.close();
        await orm.close();
      },
    };
  } catch (e) {
    await app?.close().catch(() => {});
    await orm.close().catch(() => {});
    throw e;
  }
}

/** A worker of the primary: serves until the primary says SIGTERM (Ctrl-C reaches the primary, which stops the workers). */
async function worker(config: Config) {
  process.on('SIGINT', () => {});
  const s = await serve(config, process.env[WORKER_DATABASE_URL]!);
  process.on('SIGTERM', () => {
    s.close().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
  reportReady((s.server.address() as AddressInfo).port);
}

const config = loadConfig();
(cluster.isPrimary ? primary(config) : worker(config)).catch((e) => {
  console.error(e);
  process.exit(1);
});
