import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_PASSWORD_FILE } from '../../api/db/secrets.js';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { validatePolicyDocument } from '../../policy-schemas/index.js';
import { readSeed } from '../../seeds/index.js';
import { createTestDatabase } from '../helpers/db.js';

/**
 * `npm start` itself, as a user runs it: the server's build, migrations and seeds on an empty
 * database, two API processes sharing the port, the console, a quote, an impact preview (whose
 * worker thread runs from the build), and a clean stop on Ctrl-C (SIGINT).
 */
let proc: ChildProcess;
let base: string;
let output = '';
let drop: () => Promise<void>;
/** Where npm start writes the generated admin password (DATA_DIR; no PostgreSQL of its own here). */
const dataDir = mkdtempSync(join(tmpdir(), 'yibao-start-'));
const ADMIN_PASSWORD = 'start-test-password';

beforeAll(async () => {
  const db = await createTestDatabase({ empty: true }); // npm start migrates it itself
  drop = db.drop;
  const { NODE_ENV: _vitests, ...env } = process.env; // npm start chooses its own (production)
  proc = spawn('npm', ['start'], {
    // the API role is one per server, shared with the other test files: its password is given, not made
    env: { ...env, DATABASE_URL: db.url, APP_DATABASE_PASSWORD: inject('appPassword'), DATA_DIR: dataDir, PORT: '0', WORKERS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, to be signalled as a terminal would
  });
  proc.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /GraphQL API:\s+(http:\/\/\S+)\/graphql/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
    proc.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}, 120_000);

afterAll(async () => {
  if (proc.exitCode === null) proc.kill('SIGKILL');
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

async function gql(query: string, variables?: Record<string, unknown>, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as any;
}

describe('npm start', () => {
  it('builds the server, migrates and seeds an empty database, and serves from two processes', async () => {
    // built by this start, or found current (the test run builds it once, before any file runs)
    expect(output).toMatch(/Built the server: \d+ modules into \.build\/|The server's build in \.build\/ is current \(\d+ modules/);
    expect(output).toMatch(/Applied migrations: .*Migration20261123040000_shared_state.*Migration20261201100000_hardening/);
    expect(output).toMatch(/Loaded 5 policy versions from seeds\//);
    expect(output).toMatch(/API processes: 2/);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(await (await fetch(`${base}/`)).text()).toMatch(/<html lang="zh-CN">/);
    // new connections go to the processes in turn: every one answers the same
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => gql(`{ quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: "2024-11-15", categories: ["di-bao"] }) { amountDue benefitStart } }`)),
    );
    for (const a of answers) expect(a).toEqual({ data: { quote: { amountDue: '40.00', benefitStart: '2025-01-01' } } });
  });

  it('previews a draft on an uploaded cohort (the preview worker runs from the build)', async () => {
    const login = async (username: string, p: string) => (await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p })).data.login.token as string;
    // the generated admin password: in a file only its owner reads, to be changed at the first login
    const file = join(dataDir, ADMIN_PASSWORD_FILE);
    expect(output).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const generated = readFileSync(file, 'utf8').trim();
    expect((await gql(`mutation($p: String!) { login(username: "admin", password: $p) { token } }`, { p: generated })).errors[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await gql(`mutation($p: String!, $n: String!) { changePassword(username: "admin", password: $p, newPassword: $n) { token } }`, { p: generated, n: ADMIN_PASSWORD });
    expect(changed.errors).toBeUndefined();
    const admin = await login('admin', ADMIN_PASSWORD);
    const created = await gql(`mutation { createUser(input: { username: "wuhe", password: "${ADMIN_PASSWORD}", roles: ["drafter"], jurisdictions: ["五河县"] }) { id } }`, {}, admin);
    expect(created.errors).toBeUndefined();
    const token = await login('wuhe', ADMIN_PASSWORD);
    const doc = validatePolicyDocument(readSeed('wuhe-2024.json'));
    if (!doc.ok) throw new Error('seed');
    const csv = [...generateCohort(doc.document, { size: 500, seed: 5 })].join('');
    const up = await fetch(`${base}/cohorts?jurisdiction=${encodeURIComponent('五河县')}&name=start`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: csv,
    });
    expect(up.status).toBe(201);
    const cohort = ((await up.json()) as any).id;
    const from = (await gql(`{ policy(jurisdiction: "五河县", year: 2024) { id } }`)).data.policy.id;
    const draft = (await gql(`mutation($f: ID!) { createDraft(from: $f, year: 2024) { id } }`, { f: from }, token)).data.createDraft.id;
    const r = await gql(`query($d: ID!, $c: ID!) { previewImpact(draft: $d, cohort: $c) { persons paysMore paysLess } }`, { d: draft, c: cohort }, token);
    expect(r.errors).toBeUndefined();
    // an unchanged copy of the published version: nobody pays differently
    expect(r.data.previewImpact).toEqual({ persons: 500, paysMore: 0, paysLess: 0 });
  });

  it('replaces an API process that dies', async () => {
    // the server's processes, from /proc: those of npm's process group running the build's start.js
    const serverProcesses = () =>
      readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d))
        .flatMap((pid) => {
          try {
            const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
            const [ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(1, 3).map(Number);
            const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
            const server = args.some((a) => !a.includes(' ') && a.endsWith('.build/api/start.js')); // node …/start.js, not the shell npm ran it from
            return pgrp === proc.pid && server ? [{ pid: Number(pid), ppid: ppid! }] : [];
          } catch {
            return []; // gone meanwhile
          }
        });
    const all = serverProcesses();
    const workers = all.filter((p) => all.some((q) => q.pid === p.ppid));
    expect(workers).toHaveLength(2);
    process.kill(workers[0]!.pid, 'SIGKILL');
    for (let i = 0; i < 100 && !/starting another/.test(output); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toMatch(new RegExp(`API worker ${workers[0]!.pid} stopped \\(SIGKILL\\); starting another`));
    // meanwhile and afterwards, every request is answered
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/health`)).status).toBe(200);
    for (let i = 0; i < 100; i++) {
      const now = serverProcesses();
      if (now.filter((p) => now.some((q) => q.pid === p.ppid)).length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const after = serverProcesses();
    expect(after.filter((p) => after.some((q) => q.pid === p.ppid))).toHaveLength(2);
  });

  it('stops cleanly on Ctrl-C', async () => {
    // 'close': npm, the server and its workers have all exited (they shared these pipes)
    const closed = new Promise<void>((r) => proc.once('close', () => r()));
    // as a terminal does: the signal reaches npm, the server and its workers
    process.kill(-proc.pid!, 'SIGINT');
    await closed;
    expect(output).toMatch(/SIGINT: shutting down/);
    expect(output).not.toMatch(/failed|Error/);
    // nothing of the group is left (exited processes may take a moment to be reaped)
    const left = () => {
      try {
        process.kill(-proc.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 100 && left(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(left()).toBe(false);
  }, 30_000);
});
