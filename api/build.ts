/**
 * The server's build: every TypeScript module of api/, policy-schemas/ and seeds/ compiled one for one
 * into `.build/` (esbuild, no bundling, so each module keeps its place and its relative imports), for
 * `npm start` to run on plain Node: no TypeScript compiler in the serving processes, and none of the
 * loader hooks that tsx would add to every `require` made while serving. About a tenth of a second.
 * Tests and tools keep running the sources through tsx and vitest.
 */
import { createHash } from 'node:crypto';
import { cpSync, globSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { projectRoot } from './paths.js';

const ROOT = projectRoot(import.meta.url);
export const BUILD_DIR = join(ROOT, '.build');
const SOURCES = ['api/**/*.ts', 'policy-schemas/**/*.ts', 'seeds/**/*.ts'];
/** Data the modules import (`with { type: 'json' }`), copied beside them: the registry's labels, the API's descriptions. */
const IMPORTED_DATA = ['policy-schemas/**/*.json', 'api/**/*.json'];

/** What a build was made from (`.build/.sources`): every file it compiles or copies, by path and content. */
const STAMP = join(BUILD_DIR, '.sources');

/**
 * Build into `.build/` (emptied first) unless it was built from these very files already; `extra` adds
 * more entry files (the bench's servers). Rebuilding only when a file changed also means that an `npm
 * start` never empties the folder under another one still loading modules from it (the test run builds
 * once at its start, and its many `npm start`s then find the build current). Returns the number of
 * modules and whether it built.
 */
export async function buildServer(extra: string[] = []): Promise<{ modules: number; built: boolean }> {
  const entryPoints = [...globSync(SOURCES, { cwd: ROOT }), ...extra.map((f) => relative(ROOT, join(ROOT, f)))]
    .filter((f) => !/\.spec\.tsx?$/.test(f))
    .map((f) => join(ROOT, f));
  const data = globSync(IMPORTED_DATA, { cwd: ROOT });
  const hash = createHash('sha256');
  for (const f of [...entryPoints, ...data.map((d) => join(ROOT, d)), join(ROOT, 'tsconfig.json')].sort()) hash.update(`${relative(ROOT, f)}\0`).update(readFileSync(f)).update('\0');
  const stamp = hash.digest('hex');
  if (readStamp() === stamp) return { modules: entryPoints.length, built: false };
  rmSync(BUILD_DIR, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: BUILD_DIR,
    outbase: ROOT,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    bundle: false,
    sourcemap: 'inline',
    logLevel: 'warning',
    tsconfig: join(ROOT, 'tsconfig.json'),
  });
  for (const f of data) cpSync(join(ROOT, f), join(BUILD_DIR, f));
  writeFileSync(STAMP, stamp); // last: a build cut short is never taken for a current one
  return { modules: entryPoints.length, built: true };
}

function readStamp(): string | undefined {
  try {
    return readFileSync(STAMP, 'utf8');
  } catch {
    return undefined;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const { modules, built } = await buildServer();
  console.log(built ? `Built the server: ${modules} modules into .build/ in ${Date.now() - started} ms` : `The server's build in .build/ is current (${modules} modules, unchanged since it was built)`);
}
