/**
 * `npm run bench`: quote throughput over HTTP (autocannon, 50 connections, 10 s) next to a bare Apollo
 * Server answering a constant, on this machine in the same run; and the engine alone, in process; the
 * cohort figures (cohort.ts); the security figures (security.ts: load with previews, attacks, rate
 * limits, soak). Servers run in child processes so that the load generator does not share their event loop.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../api/db/embedded.js';
import { migrate, openOrm } from '../../api/db/orm.js';
import { loadSeedsIfEmpty } from '../../api/db/seed.js';
import { quote } from '../../api/engine/index.js';
import { SEEDED } from '../engine/seeded.js';
import { batchBench } from './batch.js';
import { cohortBench } from './cohort.js';
import { attackBench, loadBench, rateLimitBench, soakBench } from './security.js';
import { loadConfig } from '../../api/config.js';
import { BUILD_DIR, buildServer } from '../../api/build.js';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (opts: object) => Promise<any>;

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = 3;
const QUERY = `query($input: QuoteInput!) { quote(input: $input) { amountDue benefitStart subsidies { amount fundSource } } }`;
const INPUT = { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', categories: ['di-bao'] };

/** A server child, from the build as `npm start` runs the API (plain Node, NODE_ENV=production). */
function child(script: string, env: Record<string, string>): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), join(BUILD_DIR, 'test', 'bench', script)], {
    // as `npm start` runs the API (api/start.ts)
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    proc.stdout!.on('data', (b: Buffer) => {
      const m = /ready (\d+)/.exec(b.toString());
      if (m) resolve({ proc, port: Number(m[1]) });
    });
  });
}

async function load(port: number, seconds: number) {
  const body = JSON.stringify({ query: QUERY, variables: { input: INPUT } });
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  return { rps: r.requests.average as number, p99: r.latency.p99 as number, errors: (r.errors as number) + (r.non2xx as number), total: r.requests.total as number };
}

async function check(port: number, expectAmount: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { input: INPUT } }),
  });
  const json = (await res.json()) as any;
  if (json.data?.quote?.amountDue !== expectAmount) throw new Error(`unexpected answer: ${JSON.stringify(json)}`);
}

/** Quotes per second in this process: five rounds of one second after a warm-up; the median and the range. */
function engineRate(): { median: number; rounds: number[] } {
  const requests = [
    { p: SEEDED[1]!, r: { paymentDate: '2024-11-15', categories: ['di-bao'] } },
    { p: SEEDED[1]!, r: { paymentDate: '2025-03-10' } },
    { p: SEEDED[0]!, r: { paymentDate: '2024-07-15' } },
    { p: SEEDED[3]!, r: { paymentDate: '2024-05-15', categories: ['2303', '2361'] } },
    { p: SEEDED[4]!, r: { paymentDate: '2024-03-10', groups: ['newborn'], birthDate: '2023-12-20' } },
    { p: SEEDED[2]!, r: { paymentDate: '2021-11-01', categories: ['di-shou-ru', 'du-zi-hu'], birthDate: '1950-01-01' } },
  ];
  for (let i = 0; i < 50_000; i++) quote(requests[i % requests.length]!.p, requests[i % requests.length]!.r); // warm up
  const rounds: number[] = [];
  let n = 0;
  for (let round = 0; round < 5; round++) {
    let done = 0;
    const start = process.hrtime.bigint();
    const until = start + 1_000_000_000n;
    while (process.hrtime.bigint() < until) {
      for (let i = 0; i < 1000; i++, n++, done++) quote(requests[n % requests.length]!.p, requests[n % requests.length]!.r);
    }
    rounds.push(done / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  return { median: [...rounds].sort((a, b) => a - b)[2]!, rounds };
}

const k = (x: number) => Math.round(x).toLocaleString('en');

/**
 * The parts, in order: quote (engine, quote over HTTP against a bare server), batch (quoteBatch over
 * HTTP), cohort (import, preview),
 * load (quotes while previews run), attacks (refusal latencies), ratelimits (their cost); soak only with
 * BENCH_SOAK=1. `BENCH_ONLY=load,attacks` runs some of them.
 */
const PARTS = ['quote', 'batch', 'cohort', 'load', 'attacks', 'ratelimits'] as const;

async function main() {
  const only = process.env.BENCH_ONLY?.split(',').map((p) => p.trim());
  const parts = new Set<string>(only ?? PARTS);
  if (process.env.BENCH_SOAK === '1') parts.add('soak');
  for (const p of parts) if (!(PARTS as readonly string[]).includes(p) && p !== 'soak') throw new Error(`BENCH_ONLY: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
  if (parts.has('quote')) {
    // first, while nothing else runs (PostgreSQL's start and seeding would share the machine)
    const engine = engineRate();
    console.log(`engine, in process: median ${k(engine.median)} quotes/s (five 1-s rounds: ${engine.rounds.map(k).join(', ')})`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'yibao-bench-pg-'));
  const pg = await startEmbeddedPostgres(dir, 5400 + Math.floor(Math.random() * 500), () => {});
  const children: ChildProcess[] = [];
  const start = async (env: Record<string, string>) => {
    const c = await child('serve-app.js', env);
    children.push(c.proc);
    return c;
  };
  try {
    const orm = await openOrm(pg.url);
    await migrate(orm);
    await loadSeedsIfEmpty(orm.em);
    if ([...parts].some((p) => p !== 'cohort')) await buildServer(['test/bench/serve-constant.ts', 'test/bench/serve-app.ts']);

    if (parts.has('quote')) {
      const bare = await child('serve-constant.js', {});
      const real = await child('serve-app.js', { DATABASE_URL: pg.url });
      children.push(bare.proc, real.proc);
      await check(bare.port, '40.00');
      await check(real.port, '40.00');
      await load(bare.port, 5); // warm up both (every process compiles its hot paths)
      await load(real.port, 5);
      // three alternating rounds, so that a busy moment of the machine does not fall on one side only
      const bs: Awaited<ReturnType<typeof load>>[] = [];
      const qs: Awaited<ReturnType<typeof load>>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        bs.push(await load(bare.port, DURATION_S));
        qs.push(await load(real.port, DURATION_S));
      }
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
      const line = (rs: typeof bs) =>
        `median ${k(median(rs.map((r) => r.rps)))} req/s, p99 ${median(rs.map((r) => r.p99))} ms (rounds: ${rs.map((r) => `${k(r.rps)} req/s p99 ${r.p99} ms`).join('; ')}), errors ${rs.reduce((n, r) => n + r.errors, 0)}`;
      console.log(`bare Apollo constant: ${line(bs)}`);
      console.log(`quote over HTTP:      ${line(qs)}`);
      console.log(
        `ratio quote / bare:   ${(median(qs.map((r) => r.rps)) / median(bs.map((r) => r.rps))).toFixed(2)} (medians; ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_S} s; ${loadConfig().workers} API processes each, as npm start)`,
      );
      await stopAll(children);
    }
    if (parts.has('batch')) {
      console.log('');
      const real = await child('serve-app.js', { DATABASE_URL: pg.url });
      children.push(real.proc);
      await batchBench(real.port);
      await stopAll(children);
    }
    if (parts.has('cohort')) {
      console.log('');
      await cohortBench(orm, pg.url);
    }
    if (parts.has('load')) {
      console.log('');
      await loadBench(orm, pg.url, start, (env) => child('serve-constant.js', env));
    }
    if (parts.has('attacks')) {
      console.log('');
      await attackBench(pg.url, start);
    }
    if (parts.has('ratelimits')) {
      console.log('');
      await rateLimitBench(pg.url, start, CONNECTIONS, DURATION_S);
    }
    if (parts.has('soak')) {
      console.log('');
      await soakBench(orm, pg.url, start);
    }
    await orm.close();
  } finally {
    await stopAll(children);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stop the server children still running and wait for them. */
async function stopAll(children: ChildProcess[]) {
  await Promise.all(
    children.splice(0).map((c) => {
      if (c.exitCode !== null || c.signalCode !== null) return;
      const gone = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      return gone;
    }),
  );
}

await main();
