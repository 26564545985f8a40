import cluster, { type Worker } from 'node:cluster';
import { startRateLimitPrimary } from './graphql/rate-limits.js';

/**
 * One API process per core: the primary forks `count` workers that all listen on the same port
 * (node:cluster hands each new connection to the next worker in turn). Whatever the processes must
 * agree on lives in PostgreSQL (jobs in `app_job`, cache invalidation by LISTEN/NOTIFY), so any worker
 * may answer any request. A worker that dies is replaced.
 */
export interface Workers {
  /** Resolves when every worker listens, with the port they share. */
  ready: Promise<number>;
  /** Ask every worker to finish (SIGTERM) and wait for them, killing those still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export function forkWorkers(count: number, env: Record<string, string>, log: (line: string) => void = console.log): Workers {
  let stopping = false;
  let ready = 0;
  let resolveReady!: (port: number) => void;
  let rejectReady!: (e: Error) => void;
  const readyPromise = new Promise<number>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
  const live = new Set<Worker>();
  // the quote rate limits of every worker count here (api/graphql/rate-limits.ts)
  startRateLimitPrimary();

  const fork = (first: boolean) => {
    const w = cluster.fork(env);
    live.add(w);
    w.on('message', (m: { ready?: number }) => {
      if (first && typeof m?.ready === 'number' && ++ready === count) resolveReady(m.ready);
    });
    w.on('exit', (code, signal) => {
      live.delete(w);
      if (stopping) return;
      if (first && ready < count) return rejectReady(new Error(`an API worker failed to start (exit ${code ?? signal})`));
      log(`API worker ${w.process.pid} stopped (${code ?? signal}); starting another`);
      setTimeout(() => !stopping && fork(false), 500).unref();
    });
  };
  for (let i = 0; i < count; i++) fork(true);

  return {
    ready: readyPromise,
    async stop(graceMs = 10_000) {
      stopping = true;
      const gone = [...live].map((w) => new Promise<void>((r) => (w.isDead() ? r() : w.once('exit', () => r()))));
      for (const w of live) w.process.kill('SIGTERM');
      const timer = setTimeout(() => {
        for (const w of live) w.process.kill('SIGKILL');
      }, graceMs);
      await Promise.all(gone);
      clearTimeout(timer);
    },
  };
}

/** In a worker: tell the primary that this worker listens on `port`. */
export function reportReady(port: number): void {
  process.send?.({ ready: port });
}
