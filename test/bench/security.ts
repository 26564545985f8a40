/**
 * Security figures for `npm run bench` (issue 11 item 8), against the API as `npm start` serves it:
 * - load: quotes from 100 connections for 60 s while 1,000,000-person previews run back to back
 *   (errors and latency percentiles; target 0 errors and p99 ≤ 50 ms), after the same load without
 *   previews for comparison;
 * - attacks: each attack request of the issue, sent 20 times, refused: latencies (target ≤ 100 ms);
 * - rate limits: quote throughput with the rate limits off and on (set high enough never to refuse);
 * - soak (BENCH_SOAK=1, 30 minutes or BENCH_SOAK_MINUTES): the same load with previews, and every minute
 *   the API processes' resident memory.
 */
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeed } from '../../seeds/index.js';
import { validatePolicyDocument } from '../../policy-schemas/index.js';
import { importCohort } from '../../api/modules/cohort/cohort-import.js';
import { generateCohort } from '../../api/modules/cohort/generate.js';
import { CohortService } from '../../api/modules/cohort/cohort.service.js';
import { UserService } from '../../api/modules/user/user.service.js';
import type { Orm } from '../../api/db/orm.js';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (opts: object) => Promise<any>;

const SIZE = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const LOAD_CONNECTIONS = 100;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const QUERY = `query($input: QuoteInput!) { quote(input: $input) { amountDue benefitStart subsidies { amount fundSource } } }`;
const INPUT = { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', categories: ['di-bao'] };
/** The answer, as far as autocannon can compare it (it does not decode the body as UTF-8): the ASCII parts and no error. */
const isAnswer = (body: string) => body.startsWith('{"data":{"quote":{"amountDue":"40.00","benefitStart":"2025-01-01","subsidies":[{"amount":"360.00","fundSource":"') && !body.includes('"errors"');

export type StartServer = (env: Record<string, string>) => Promise<{ proc: ChildProcess; port: number }>;

/** Stop a server child (the cluster's primary stops its workers) and wait until it is gone. */
async function stop(server: { proc: ChildProcess }) {
  if (server.proc.exitCode !== null) return;
  const gone = once(server.proc, 'exit');
  server.proc.kill('SIGTERM');
  await gone;
}

const k = (x: number) => Math.round(x).toLocaleString('en');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Load {
  rps: number;
  total: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

/** Quotes from `connections` connections for `seconds`; an answer other than the expected one counts as an error. */
async function quoteLoad(port: number, seconds: number, connections = LOAD_CONNECTIONS): Promise<Load> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { input: INPUT } }),
    connections,
    duration: seconds,
    ...(process.env.BENCH_NO_VERIFY ? {} : { verifyBody: isAnswer }),
  });
  return {
    rps: r.requests.average,
    total: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx + (r.mismatches ?? 0),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
  };
}

const loadLine = (l: Load) => `${k(l.rps)} quotes/s, latency p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms; ${k(l.total)} requests, ${l.errors} errors`;

async function gql(port: number, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(body.errors[0].message);
  return body.data;
}

/** A drafter of 五河县, a draft cloned from its 2024 rules and a cohort of SIZE generated persons, imported. */
async function previewSetup(orm: Orm, databaseUrl: string, port: number) {
  const r = validatePolicyDocument(readSeed('wuhe-2024.json'));
  if (!r.ok) throw new Error('seed');
  const file = join(tmpdir(), `yibao-bench-security-${process.pid}.csv`);
  const out = createWriteStream(file);
  for (const chunk of generateCohort(r.document, { size: SIZE, seed: 2024 })) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  const em = orm.em.fork();
  const j = ((await em.execute(`select id from jurisdiction where name = '五河县'`)) as { id: number }[])[0]!.id;
  const vocabulary = (await new CohortService(em).vocabulary(j, '五河县'))!;
  const { createReadStream } = await import('node:fs');
  const cohort = await importCohort({ databaseUrl, vocabulary, name: `bench-security ${Date.now()}`, createdBy: null, input: createReadStream(file, { highWaterMark: 1 << 20 }) });
  rmSync(file, { force: true });

  await new UserService(orm.em.fork()).ensureAdmin('bench-admin-password');
  const admin = (await gql(port, `mutation { login(username: "admin", password: "bench-admin-password") { token } }`)).login.token;
  await gql(port, `mutation { createUser(input: { username: "bench-wuhe", password: "bench-wuhe-password", roles: ["drafter"], jurisdictions: ["五河县"] }) { id } }`, {}, admin).catch(() => {});
  const token = (await gql(port, `mutation { login(username: "bench-wuhe", password: "bench-wuhe-password") { token } }`)).login.token as string;
  const from = (await gql(port, `{ policy(jurisdiction: "五河县", year: 2024) { id } }`)).policy.id;
  // next year's clone, as an officer previews it (its payment dates a year on); the engine's work is the same whatever changed
  const d = (await gql(port, `mutation($f: ID!) { createDraft(from: $f, year: 2025) { id } }`, { f: from }, token)).createDraft;
  return { token, draft: d.id as string, cohort: cohort.id, baseline: from as string };
}

type Setup = Awaited<ReturnType<typeof previewSetup>>;

/** One preview, as the console runs it (startPreview, then previewJob every 200 ms): its time in ms. */
async function runPreview(port: number, s: Setup): Promise<number> {
  const t = Date.now();
  const { startPreview } = await gql(port, `mutation($d: ID!, $c: ID!, $b: ID) { startPreview(draft: $d, cohort: $c, baseline: $b) { id } }`, { d: s.draft, c: s.cohort, b: s.baseline }, s.token);
  for (;;) {
    const { previewJob } = await gql(port, `query($id: ID!) { previewJob(id: $id) { status error } }`, { id: startPreview.id }, s.token);
    if (previewJob.status === 'done') return Date.now() - t;
    if (previewJob.status !== 'running' && previewJob.status !== 'queued') throw new Error(`preview ${previewJob.status}: ${previewJob.error}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Previews back to back until `stop()`, which resolves with each one's time. */
function previewsBackToBack(port: number, s: Setup) {
  let stopping = false;
  const times: number[] = [];
  const done = (async () => {
    while (!stopping) times.push(await runPreview(port, s));
    return times;
  })();
  return {
    stop: () => {
      stopping = true;
      return done;
    },
  };
}

/** Resident memory of the API processes (the cluster's workers, children of the primary `pid`), in MB. */
function workerMemory(pid: number): { pid: number; rssMb: number }[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    children = execFileSync('ps', ['--ppid', String(pid), '-o', 'pid=']).toString().trim().split(/\s+/).filter(Boolean).map(Number);
  }
  return children.map((p) => {
    const status = readFileSync(`/proc/${p}/status`, 'utf8');
    return { pid: p, rssMb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 };
  });
}

export async function loadBench(orm: Orm, databaseUrl: string, start: StartServer, startBare: StartServer) {
  // the floor of this machine: the same HTTP stack, Apollo options and processes answering a constant
  const bare = await startBare({});
  try {
    await quoteLoad(bare.port, 5);
    console.log(`bare Apollo constant, for comparison (${LOAD_CONNECTIONS} connections, 20 s): ${loadLine(await quoteLoad(bare.port, 20))}`);
  } finally {
    await stop(bare);
  }
  const server = await start({ DATABASE_URL: databaseUrl });
  try {
    const setup = await previewSetup(orm, databaseUrl, server.port);
    await quoteLoad(server.port, 5); // warm up
    // the first previews read the cohort's columns from PostgreSQL (once in each API process); the load runs with warm ones
    const cold = [await runPreview(server.port, setup), await runPreview(server.port, setup)];
    console.log(`quotes alone (${LOAD_CONNECTIONS} connections, 20 s): ${loadLine(await quoteLoad(server.port, 20))}`);
    const previews = previewsBackToBack(server.port, setup);
    const during = await quoteLoad(server.port, LOAD_SECONDS);
    const times = await previews.stop();
    console.log(`quotes while ${k(SIZE)}-person previews run back to back (${LOAD_CONNECTIONS} connections, ${LOAD_SECONDS} s): ${loadLine(during)}`);
    console.log(`  previews meanwhile: ${times.length}, each ${median(times)} ms (median; ${Math.min(...times)}–${Math.max(...times)} ms; the first two, before the load: ${cold.join(' and ')} ms)`);
    console.log(`  target 0 errors and p99 ≤ 50 ms: ${during.errors === 0 && during.p99 <= 50 ? 'met' : 'NOT met'}`);
  } finally {
    await stop(server);
  }
}

const rep = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');
const inputs = (n: number) => Array.from({ length: n }, () => INPUT);
const FULL_TRACE = rep(15, (i) => `t${i}: trace { rule clause detail }`);

/** The attack requests of issue 11, and what refuses each. */
const ATTACKS: { name: string; body: () => unknown }[] = [
  { name: '50 aliased quotes of 5,000 inputs', body: () => ({ query: `query($i: [QuoteInput!]!) { ${rep(50, (i) => `q${i}: quotes(inputs: $i) { amountDue }`)} }`, variables: { i: inputs(5000) } }) },
  {
    name: 'nested fragments (1 KB, 4^12 spreads)',
    body: () => ({
      query: `query { ...F0 }\n${Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { ${rep(4, () => `...F${i + 1}`)} }`).join('\n')}\nfragment F12 on Query { jurisdictions { code } }`,
    }),
  },
  {
    name: 'cost by variables: 2 aliases × 3,000 inputs',
    body: () => ({ query: `query($a: [QuoteInput!]!, $b: [QuoteInput!]!) { a: quotes(inputs: $a) { amountDue } b: quotes(inputs: $b) { amountDue } }`, variables: { a: inputs(3000), b: inputs(3000) } }),
  },
  { name: 'cost by selection: 15 traces × 5,000 inputs', body: () => ({ query: `query($i: [QuoteInput!]!) { quotes(inputs: $i) { ${FULL_TRACE} } }`, variables: { i: inputs(5000) } }) },
  { name: '15 aliased lists of every jurisdiction, 3 levels down', body: () => ({ query: `{ ${rep(15, (i) => `a${i}: jurisdictions { name children { name children { name } } }`)} }` }) },
  { name: 'deep query (100 levels)', body: () => ({ query: `{ jurisdictions { ${'children { '.repeat(98)}name${' }'.repeat(98)} } }` }) },
  { name: 'huge number of tokens (9,990 in 20,000 characters)', body: () => ({ query: `{ jurisdictions(x: [${'1 '.repeat(9980)}]) }` }) },
];

export async function attackBench(databaseUrl: string, start: StartServer) {
  const server = await start({ DATABASE_URL: databaseUrl });
  try {
    console.log(`attack requests (each sent 20 times, one at a time, after 3 of each to warm up; target: refused within 100 ms):`);
    const post = (body: string) => fetch(`http://127.0.0.1:${server.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (let i = 0; i < 3; i++) for (const attack of ATTACKS) await (await post(JSON.stringify(attack.body()))).text();
    for (const attack of ATTACKS) {
      const body = JSON.stringify(attack.body());
      const times: number[] = [];
      let answer = '';
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        const res = await post(body);
        const json = (await res.json()) as any;
        times.push(performance.now() - t);
        const e = json.errors?.[0]?.extensions;
        answer = `${res.status} ${e?.code}${e?.limit ? ` (${e.limit}, max ${e.max})` : ''}`;
      }
      const worst = Math.max(...times);
      console.log(`  ${attack.name.padEnd(52)} ${answer.padEnd(38)} median ${median(times).toFixed(1)} ms, max ${worst.toFixed(1)} ms${worst > 100 ? '  OVER 100 ms' : ''}`);
    }
  } finally {
    await stop(server);
  }
}

/** Quote throughput with the rate limits off and on (limits never reached: the cost of counting), three alternating rounds. */
export async function rateLimitBench(databaseUrl: string, start: StartServer, connections: number, seconds: number) {
  const off = await start({ DATABASE_URL: databaseUrl });
  const on = await start({ DATABASE_URL: databaseUrl, QUOTE_RATE_PER_ADDRESS: '1000000000', QUOTE_RATE_PER_KEY: '1000000000' });
  try {
    await quoteLoad(off.port, 5, connections);
    await quoteLoad(on.port, 5, connections);
    const offs: Load[] = [];
    const ons: Load[] = [];
    for (let round = 0; round < 3; round++) {
      offs.push(await quoteLoad(off.port, seconds, connections));
      ons.push(await quoteLoad(on.port, seconds, connections));
    }
    const line = (ls: Load[]) => `median ${k(median(ls.map((l) => l.rps)))} quotes/s, p99 ${median(ls.map((l) => l.p99))} ms (rounds: ${ls.map((l) => `${k(l.rps)}/s p99 ${l.p99} ms`).join('; ')}), errors ${ls.reduce((n, l) => n + l.errors, 0)}`;
    console.log(`quote rate limits off: ${line(offs)}`);
    console.log(`quote rate limits on:  ${line(ons)}`);
    console.log(`ratio on / off:        ${(median(ons.map((l) => l.rps)) / median(offs.map((l) => l.rps))).toFixed(2)} (per-address counting in the cluster's primary, over IPC; ${connections} connections, rounds of ${seconds} s)`);
  } finally {
    await stop(off);
    await stop(on);
  }
}

/** BENCH_SOAK=1: the load with previews for BENCH_SOAK_MINUTES (30), and each minute the API processes' memory. */
export async function soakBench(orm: Orm, databaseUrl: string, start: StartServer) {
  const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
  const server = await start({ DATABASE_URL: databaseUrl });
  try {
    const setup = await previewSetup(orm, databaseUrl, server.port);
    const previews = previewsBackToBack(server.port, setup);
    const mem = () => workerMemory(server.proc.pid!).map((w) => `${w.pid} ${w.rssMb.toFixed(0)} MB`).join(', ');
    console.log(`soak: ${minutes} min of quotes (${LOAD_CONNECTIONS} connections) with previews back to back; API processes' resident memory each minute`);
    console.log(`  start: ${mem()}`);
    for (let m = 1; m <= minutes; m++) {
      const l = await quoteLoad(server.port, 60);
      console.log(`  minute ${String(m).padStart(2)}: ${mem()}; ${loadLine(l)}`);
    }
    const times = await previews.stop();
    console.log(`  previews: ${times.length}, each ${median(times)} ms (median; ${Math.min(...times)}–${Math.max(...times)} ms)`);
  } finally {
    await stop(server);
  }
}
