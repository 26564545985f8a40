import cluster from 'node:cluster';
import { createHash } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { refusal } from './errors.js';
import type { Reason } from '../i18n/catalog.js';
import type { Params } from '../i18n/render.js';
import { RateLimiterCluster, RateLimiterClusterMaster, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Context } from './context.js';
import type { QuoteGate } from './limits.js';

/**
 * Quote rate limits (off unless configured): quotes per window of time, counted in engine runs (a
 * `quotes` call of 500 inputs is 500), per API key for requests that carry one, per client address for all
 * others (anonymous callers and console sessions). An integrator's key thus has its own allowance,
 * independent of the address it calls from.
 *
 * The counts live in the primary process of node:cluster (rate-limiter-flexible's cluster store: each
 * worker asks the primary over IPC), so every API process of one `npm start` shares them. Not the
 * PostgreSQL store: quotes are answered from each process's cache without any database query, and a
 * counter row updated per quote would add a database round trip and a write to every one of them, and
 * would refuse quotes whenever PostgreSQL is down. Several hosts behind one address each keep their own
 * counts (a limit then holds per host). A process that is not a cluster worker (WORKERS=1, tests) counts
 * in its own memory.
 */
export interface QuoteRateLimits {
  /** Quotes per window for one API key; unset: no limit. */
  perKey?: number;
  /** Quotes per window for one client address (requests without an API key); unset: no limit. */
  perAddress?: number;
  windowSeconds: number;
}

/** In the primary of node:cluster, before the workers start: it keeps the counts of every worker's limiters. */
export function startRateLimitPrimary(): void {
  new RateLimiterClusterMaster();
}

/** The gate the limits plugin calls with each request's quotes; undefined when no limit is configured. */
export function quoteRateGate(limits: QuoteRateLimits, log: (line: string) => void = console.error): QuoteGate | undefined {
  if (!limits.perKey && !limits.perAddress) return undefined;
  const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
    cluster.isWorker
      ? new RateLimiterCluster({ keyPrefix, points, duration: limits.windowSeconds, timeoutMs: 1000 })
      : new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds });
  const byKey = limits.perKey ? { limiter: make('quotes-per-key', limits.perKey), max: limits.perKey, name: 'quotesPerKey', who: 'this API key' } : undefined;
  const byAddress = limits.perAddress
    ? { limiter: make('quotes-per-address', limits.perAddress), max: limits.perAddress, name: 'quotesPerAddress', who: 'this client address' }
    : undefined;
  let warned = false;

  return async (quotes, contextValue) => {
    const ctx = contextValue as Context;
    const viaKey = ctx.actor.kind === 'user' && ctx.actor.via === 'api-key' && ctx.token;
    const rule = viaKey ? byKey : byAddress;
    if (!rule) return;
    // never the key itself: the primary holds its hash
    const key = viaKey ? createHash('sha256').update(ctx.token!).digest('base64url') : (ctx.clientAddress ?? 'unknown');
    const window = limits.windowSeconds;
    if (quotes > rule.max)
      throw rateLimited(rule, window, window, 'RATE_LIMITED_REQUEST', { quotes, max: rule.max, window, whoEn: rule.who, who: rule.name === 'quotesPerKey' ? '此接口密钥' : '此客户端地址' });
    try {
      await rule.limiter.consume(key, quotes);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        // quotes refused are not counted: the allowance is what was answered
        await rule.limiter.reward(key, quotes).catch(() => {});
        const retry = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw rateLimited(rule, window, retry, 'RATE_LIMITED', { max: rule.max, window, retry, whoEn: rule.who, who: rule.name === 'quotesPerKey' ? '此接口密钥' : '此客户端地址' });
      }
      // the primary did not answer in time: answer the quote rather than refuse everyone; the other limits still hold
      if (!warned) log(`quote rate limit not applied: ${(e as Error).message}`);
      warned = true;
    }
  };
}

function rateLimited(rule: { max: number; name: string }, windowSeconds: number, retryAfterSeconds: number, reason: Reason, params: Params): GraphQLError {
  return refusal(reason, params, {
    code: 'RATE_LIMITED',
    limit: rule.name,
    max: rule.max,
    windowSeconds,
    retryAfterSeconds,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}
