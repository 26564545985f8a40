import 'reflect-metadata';
import type { Server } from 'node:http';
import { loadConfig } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { appDatabaseUrl, migrate, openOrm, type Orm } from './db/orm.js';
import { loadSeedsIfEmpty } from './db/seed.js';
import { createApp } from './server.js';
import { CONSOLE_DIST, ensureConsoleBuilt } from './console.js';
import { UserService } from './modules/user/user.service.js';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, seeds once, then the API. */
async function main() {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let orm: Orm | undefined;
  let server: Server | undefined;
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await orm?.close().catch(() => {});
    await embedded?.stop().catch((e) => console.error('stopping PostgreSQL failed:', e));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // the console builds (when its sources changed) while the database starts
  const consoleBuilt = ensureConsoleBuilt();
  consoleBuilt.catch(() => {});
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort);
    url = embedded.url;
    console.log(`Embedded PostgreSQL on port ${config.embeddedPgPort}, data in ${config.dataDir}`);
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
  orm = await openOrm(config.appDatabaseUrl ?? (await appDatabaseUrl(url)));
  const admin = await new UserService(orm.em.fork()).ensureAdmin(config.adminPassword);
  if (admin.generated)
    console.log(`Created the user "admin" with the password ${admin.generated} (shown once; set ADMIN_PASSWORD to choose it)`);
  else if (admin.created) console.log('Created the user "admin" with the password from ADMIN_PASSWORD');

  await consoleBuilt;
  const { listen } = await createApp(orm, { console: CONSOLE_DIST });
  server = await listen(config.port, config.host);
  const base = `http://localhost:${config.port}`;
  console.log(`Console:      ${base}/`);
  console.log(`GraphQL API:  ${base}/graphql`);
  console.log(`Health check: ${base}/health`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
