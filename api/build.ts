/**
 * The server's build: every TypeScript module of api/, policy-schemas/ and seeds/ compiled one for one
 * into `.build/` (esbuild, no bundling, so each module keeps its place and its relative imports), for
 * `npm start` to run on plain Node: no TypeScript compiler in the serving processes, and none of the
 * loader hooks that tsx would add to every `require` made while serving. About a tenth of a second.
 * Tests and tools keep running the sources through tsx and vitest.
 */
import { cpSync, globSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { projectRoot } from './paths.js';

const ROOT = projectRoot(import.meta.url);
export const BUILD_DIR = join(ROOT, '.build');
const SOURCES = ['api/**/*.ts', 'policy-schemas/**/*.ts', 'seeds/**/*.ts'];
/** Data the modules import (`with { type: 'json' }`), copied beside them: the registry's labels, the API's descriptions. */
const IMPORTED_DATA = ['policy-schemas/**/*.json', 'api/**/*.json'];

/** Build into `.build/` (emptied first); `extra` adds more entry files (the bench's servers). Returns the number of modules. */
export async function buildServer(extra: string[] = []): Promise<number> {
  const entryPoints = [...globSync(SOURCES, { cwd: ROOT }), ...extra.map((f) => relative(ROOT, join(ROOT, f)))]
    .filter((f) => !/\.spec\.tsx?$/.test(f))
    .map((f) => join(ROOT, f));
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
  for (const f of globSync(IMPORTED_DATA, { cwd: ROOT })) cpSync(join(ROOT, f), join(BUILD_DIR, f));
  return entryPoints.length;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const started = Date.now();
  const n = await buildServer();
  console.log(`Built the server: ${n} modules into .build/ in ${Date.now() - started} ms`);
}
