import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../api/db/embedded.js';
import { ensureConsoleBuilt } from '../api/console.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server (admin database URL) on which each test file creates its own database. */
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL if set, otherwise an embedded one in a
 * temporary folder, removed afterwards. Test files never share a database (see helpers/db.ts).
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
  // the browser tests drive the built console, as `npm start` serves it
  await ensureConsoleBuilt(() => {});
  return async () => {
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
