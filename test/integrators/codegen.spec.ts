import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../helpers/api.js';

/*
 * README's "For integrators" as an integrator would use it: its three files (codegen.ts, client.ts,
 * example.ts) taken from the README as written, graphql-codegen run on the real API's schema by
 * introspection, the generated types, the client and the example typechecked (strict), and the example
 * run against the real API. A change to the schema that breaks the example breaks this test.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
let api: TestApi;
let dir: string;

/** The ```ts blocks of README whose first line is `// <file>`, by file. */
function readmeFiles(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## For integrators'), readme.indexOf('\n## ', readme.indexOf('## For integrators') + 3));
  const files = new Map<string, string>();
  for (const m of section.matchAll(/```ts\n\/\/ ([\w.]+)\n([\s\S]*?)```/g)) files.set(m[1]!, m[2]!);
  return files;
}

beforeAll(async () => {
  api = await startTestApi();
  dir = mkdtempSync(join(tmpdir(), 'yibao-integrator-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  for (const [file, text] of readmeFiles()) writeFileSync(join(dir, file), text);
}, 120_000);
afterAll(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('README: For integrators', () => {
  it('has the codegen configuration, the client and the example', () => {
    expect([...readmeFiles().keys()]).toEqual(['codegen.ts', 'client.ts', 'example.ts']);
  });

  it('generates typed operations from the real API, typechecks the client and the example, and runs the example', async () => {
    const env = { ...process.env, YIBAO_GRAPHQL: api.url, NODE_ENV: 'test' };
    await run(join(ROOT, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts'], { cwd: dir, env, timeout: 120_000 });
    const generated = readFileSync(join(dir, 'generated/yibao.ts'), 'utf8');
    // the operation's types, with the scalars as mapped (Money and Date as strings) and enums as string unions
    expect(generated).toMatch(/export type QuoteBatchQuery = \{ quoteBatch: Array<\{ index: number, quote: \{ amountDue: string, benefitStart: string \| null, waitingPeriodKind: WaitingKind,/);
    expect(generated).toMatch(/export type WaitingKind =[^;]*\| 'NTH_MONTH'/);
    expect(generated).toMatch(/export type QuoteInput = \{[^}]*paymentDate: string;/);

    // strict TypeScript over the three files, as the integrator's build would run it
    const program = ts.createProgram(['client.ts', 'example.ts', 'generated/yibao.ts'].map((f) => join(dir, f)), {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
      skipLibCheck: true,
      noUnusedLocals: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.slice(dir.length + 1) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);

    const { stdout } = await run(join(ROOT, 'node_modules/.bin/tsx'), ['example.ts'], { cwd: dir, env, timeout: 60_000 });
    const { policy } = (await api.gql(`{ policy(jurisdiction: "石狮市", year: 2025) { id } }`)).data;
    const lingyuan = (await api.gql(`{ policy(jurisdiction: "灵源街道", year: 2022) { id } }`)).data.policy;
    expect(stdout.trim().split('\n')).toEqual([
      `#0 owes 40.00 from 2025-01-01, waiting NONE, assumed CERTIFIED_ON, answered by ${policy.id} (in force from 2024-10-28)`,
      '#1 refused: BAD_USER_INPUT inputs[1].paymentDate',
      `#2 owes 330.00 from 2022-01-01, waiting NONE, assumed nothing, answered by ${lingyuan.id} (in force from 2021-10-25)`,
    ]);
  }, 180_000);

  it('the Money scalar’s specification is the README’s section it names', async () => {
    const sdl = readFileSync(join(ROOT, 'api/schema.graphql'), 'utf8');
    expect(sdl).toContain('scalar Money @specifiedBy(url: "README.md#money")');
    expect(sdl).toContain('scalar Date @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6")');
    expect(sdl).toContain('scalar DateTime @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6")');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/\n### Money\n/);
  });
});
