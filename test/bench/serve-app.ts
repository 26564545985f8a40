/**
 * Bench child: the real API over DATABASE_URL on a loopback port, as `npm start` serves it (one process
 * per core, or WORKERS; the runner sets NODE_ENV=production as `npm start` does); prints `ready <port>`.
 */
import 'reflect-metadata';
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { forkWorkers, reportReady } from '../../api/cluster.js';
import { loadConfig } from '../../api/config.js';

if (cluster.isPrimary) {
  const workers = forkWorkers(loadConfig().workers, {});
  process.on('SIGTERM', () => void workers.stop().then(() => process.exit(0)));
  console.log(`ready ${await workers.ready}`);
} else {
  const { openOrm } = await import('../../api/db/orm.js');
  const { createApp } = await import('../../api/server.js');
  const orm = await openOrm(process.env.DATABASE_URL!);
  // the settings as npm start passes them (the rate limits' cost is measured with QUOTE_RATE_* set)
  const config = loadConfig();
  const app = await createApp(orm, { limits: config.limits, quoteRateLimits: config.quoteRateLimits, trustProxy: config.trustProxy });
  const server = await app.listen(0, '127.0.0.1');
  reportReady((server.address() as AddressInfo).port);
  if (process.env.BENCH_LOOP_DELAY) {
    // diagnostics: each API process's event-loop delay every 10 s (where a latency tail comes from)
    const { monitorEventLoopDelay } = await import('node:perf_hooks');
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    setInterval(() => {
      const ms = (n: number) => (n / 1e6).toFixed(1);
      console.error(`[${process.pid}] event-loop delay p50 ${ms(h.percentile(50))} ms, p99 ${ms(h.percentile(99))} ms, max ${ms(h.max)} ms`);
      h.reset();
    }, 10_000).unref();
  }
}
