import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The engine is pure: its modules import only other engine modules and policy-schemas/ (which itself
 * imports only zod), and touch no global that reaches the outside world, the clock or the locale.
 * Everything that reads a database, a file or a worker lives in api/modules/; test helpers that read
 * the seeds live in test/engine/. Specs (*.spec.ts) are test code and may import what they need.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENGINE = join(ROOT, 'api', 'engine');
const SCHEMAS = join(ROOT, 'policy-schemas');
/** The packages policy-schemas/ may load on the engine's behalf. */
const SCHEMA_PACKAGES = new Set(['zod']);
/** Globals that read or write the outside world, the clock, randomness or the host's locale and timezone. */
const FORBIDDEN_GLOBALS = new Set([
  'process', 'require', 'module', 'global', 'globalThis', 'fetch', 'XMLHttpRequest', 'WebSocket', 'crypto', 'performance',
  'Date', 'Intl', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'console',
]);

const inside = (dir: string, file: string) => file === dir || file.startsWith(dir + sep);
const isSpec = (file: string) => /\.spec\.tsx?$/.test(file);

/** What is wrong with one module's imports and globals (empty: nothing). `file` is an absolute path. */
function violations(file: string, source: string): string[] {
  const out: string[] = [];
  const inEngine = inside(ENGINE, file);
  const info = ts.preProcessFile(source, true, true);
  for (const { fileName: spec } of info.importedFiles) {
    if (!spec.startsWith('.')) {
      if (inEngine || !SCHEMA_PACKAGES.has(spec)) out.push(`imports "${spec}"`);
      continue;
    }
    const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
    const allowed = inEngine ? inside(ENGINE, target) || inside(SCHEMAS, target) : inside(SCHEMAS, target);
    if (!allowed || isSpec(target)) out.push(`imports "${spec}" (${relative(ROOT, target)}), outside ${inEngine ? 'api/engine/ and policy-schemas/' : 'policy-schemas/'}`);
  }
  if (inEngine) {
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isPropertyName(node))
        out.push(`uses ${node.text} (line ${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
      if (ts.isPropertyAccessExpression(node) && node.expression.getText() === 'Math' && node.name.text === 'random') out.push('uses Math.random');
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

function isPropertyName(node: ts.Identifier): boolean {
  const p = node.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === node) ||
    ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === node)
  );
}

/** Every non-spec module of the engine, and every module of policy-schemas/ they reach. */
function reachable(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const f = join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (f.endsWith('.ts') && !isSpec(f)) files.push(f);
    }
  };
  walk(ENGINE);
  const seen = new Set(files);
  for (let i = 0; i < files.length; i++) {
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(files[i]!, 'utf8'), true, true).importedFiles) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(files[i]!), spec).replace(/\.js$/, '.ts');
      if (inside(SCHEMAS, target) && existsSync(target) && !seen.has(target)) seen.add(target), files.push(target);
    }
  }
  return files;
}

describe('api/engine is pure', () => {
  const files = reachable();

  it('imports only engine modules and policy-schemas/, which imports only zod; uses no I/O, clock or locale global', () => {
    const engineModules = files.filter((f) => inside(ENGINE, f)).map((f) => relative(ENGINE, f));
    // the walk found the engine itself (the quote, its steps, the impact) and what it uses of policy-schemas
    expect(engineModules).toEqual(expect.arrayContaining(['quote.ts', 'quote/window.ts', 'quote/benefit-start.ts', 'impact.ts', 'impact/evaluate.ts']));
    expect(files.some((f) => inside(SCHEMAS, f))).toBe(true);
    const found = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')).map((v) => `${relative(ROOT, f)}: ${v}`));
    expect(found).toEqual([]);
  });

  it('would catch a module that reads a database, a file, a worker, the seeds, a test library or the clock', () => {
    const at = join(ENGINE, 'quote', 'example.ts');
    const bad: [string, RegExp][] = [
      ["import pg from 'pg';", /imports "pg"/],
      ["import { readFileSync } from 'node:fs';", /imports "node:fs"/],
      ["import { parentPort } from 'node:worker_threads';", /imports "node:worker_threads"/],
      ["import { defineEntity } from '@mikro-orm/core';", /imports "@mikro-orm\/core"/],
      ["import { Field } from 'type-graphql';", /imports "type-graphql"/],
      ["import { it } from 'vitest';", /imports "vitest"/],
      ["import fc from 'fast-check';", /imports "fast-check"/],
      ["import { z } from 'zod';", /imports "zod"/],
      ["import { loadColumns } from '../../modules/cohort/cohort-columns.js';", /outside api\/engine/],
      ["import { readSeed } from '../../../seeds/index.js';", /seeds\/index\.ts\), outside/],
      ["import { SEEDED } from '../../../test/engine/seeded.js';", /test\/engine\/seeded\.ts\), outside/],
      ["export const load = () => import('node:child_process');", /imports "node:child_process"/],
      ["const http = require('node:http');", /imports "node:http"/],
      ['export const today = () => new Date();', /uses Date/],
      ['export const now = Date.now();', /uses Date/],
      ['export const tz = process.env.TZ;', /uses process/],
      ['export const pick = () => Math.random();', /uses Math\.random/],
      ["export const fmt = new Intl.NumberFormat('zh-CN');", /uses Intl/],
    ];
    for (const [source, message] of bad) expect(violations(at, source).join('; '), source).toMatch(message);
    // and lets through what the engine does
    const good = [
      "import { yuan } from '../../../policy-schemas/index.js';",
      "import type { CompiledPolicy } from '../compile.js';",
      "import { QuoteError } from './error.js';",
      'export const o = { Date: 1, process: 2 }; export const d = o.Date + o.process;',
    ];
    for (const source of good) expect(violations(at, source), source).toEqual([]);
    // policy-schemas/ may load zod for the engine, nothing else
    expect(violations(join(SCHEMAS, 'x.ts'), "import { z } from 'zod';")).toEqual([]);
    expect(violations(join(SCHEMAS, 'x.ts'), "import { readFileSync } from 'node:fs';")).toEqual(['imports "node:fs"']);
    expect(violations(join(SCHEMAS, 'x.ts'), "import { readSeed } from '../seeds/index.js';").join()).toMatch(/outside policy-schemas/);
  });
});
