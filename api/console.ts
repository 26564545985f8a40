import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { projectRoot } from './paths.js';
import { CONSOLE_HEADERS } from './security-headers.js';

/*
 * The console (admin/) is a static build that this process serves at `/`. `npm start` builds it when
 * its sources changed since the last build (a fingerprint of the sources' names, sizes and times is
 * kept beside the build), so a fresh clone needs no separate build step.
 */

const ROOT = projectRoot();
export const CONSOLE_DIST = join(ROOT, 'admin', 'dist');
const STAMP = join(CONSOLE_DIST, '.sources');
const SOURCES = ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'policy-schemas', 'package-lock.json'];

function fingerprint(): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    const abs = join(ROOT, p);
    if (!existsSync(abs)) return;
    const s = statSync(abs);
    if (s.isDirectory()) {
      for (const name of readdirSync(abs).sort()) if (!name.endsWith('.spec.ts') && !name.endsWith('.spec.tsx')) walk(join(p, name));
    } else h.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
  };
  SOURCES.forEach(walk);
  return h.digest('hex');
}

/** Whether admin/dist is missing or older than its sources. */
export function consoleIsStale(): boolean {
  if (!existsSync(join(CONSOLE_DIST, 'index.html')) || !existsSync(STAMP)) return true;
  return readFileSync(STAMP, 'utf8') !== fingerprint();
}

/** Build the console with vite (in a child process) when it is stale; resolves once admin/dist is current. */
export async function ensureConsoleBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!consoleIsStale()) return;
  const print = fingerprint();
  log('Building the console (admin/) …');
  const started = Date.now();
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise<void>((ok, fail) => {
    // NODE_ENV decides React's build: a caller's `test` or `development` (vitest sets one) would ship
    // React's slower development build
    const child = spawn(process.execPath, [vite, 'build', 'admin', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`building the console failed (vite exit code ${code})`))));
  });
  writeFileSync(STAMP, print);
  log(`Console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Serve the built console at `/`: hashed assets cached for a year, index.html never cached; under the
 * console's Content-Security-Policy (see security-headers.ts), which replaces the API's.
 */
export function serveConsole(app: Express, dist = CONSOLE_DIST): void {
  app.use(
    helmet(CONSOLE_HEADERS),
    compression(),
    express.static(dist, {
      index: 'index.html',
      setHeaders: (res, path) => {
        if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
        else if (path.includes(`${join('dist', 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
}
