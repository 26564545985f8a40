import type { GraphQLError } from 'graphql';
import { refusal } from '../../graphql/errors.js';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { sha256 } from '../user/password.js';

export interface LoginThrottleSettings {
  /** Failed logins allowed per username in a window (LOGIN_MAX_FAILURES). */
  perUsername: number;
  /** Failed logins allowed per client address in a window (LOGIN_MAX_FAILURES_PER_ADDRESS). */
  perAddress: number;
  /** The window, in seconds (LOGIN_WINDOW_MINUTES × 60). */
  windowSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = { perUsername: 10, perAddress: 100, windowSeconds: 15 * 60 };

export const TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS';

export interface Throttled {
  scope: 'username' | 'address';
  retryAfter: Date;
}

/**
 * Failed logins counted per username and per client address with rate-limiter-flexible's PostgreSQL
 * store (table `login_throttle`, made by a migration), so every API process counts the same attempts.
 * An attempt is counted before the password is checked (the store's upsert is atomic, so parallel
 * guesses cannot slip past the limit) and given back when it succeeds: only failures stay counted. Once
 * a counter is over its limit, every attempt is refused until its window ends, the right password too.
 * The window is fixed from the first failure (a refused attempt does not extend it).
 */
export class LoginThrottle {
  private readonly byUsername: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(
    pool: pg.Pool,
    readonly settings: LoginThrottleSettings = DEFAULT_LOGIN_THROTTLE,
  ) {
    const common = { storeClient: pool, storeType: 'pool', tableName: 'login_throttle', tableCreated: true, duration: settings.windowSeconds };
    this.byUsername = new RateLimiterPostgres({ ...common, keyPrefix: 'username', points: settings.perUsername });
    this.byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'address', points: settings.perAddress });
  }

  /** Count an attempt; the refusal when a counter is over its limit. */
  async attempt(username: string, address: string | null): Promise<Throttled | null> {
    if (address) {
      const refused = await consume(this.byAddress, address);
      if (refused) return { scope: 'address', retryAfter: refused };
    }
    const refused = await consume(this.byUsername, usernameKey(username));
    return refused ? { scope: 'username', retryAfter: refused } : null;
  }

  /** The attempt succeeded: the username's failures are forgotten, and the address's attempt given back. */
  async succeeded(username: string, address: string | null): Promise<void> {
    await this.byUsername.delete(usernameKey(username));
    if (address) await this.byAddress.reward(address, 1);
  }
}

/** Usernames are hashed into the key: any string may be tried, none is stored as typed. */
function usernameKey(username: string): string {
  return sha256(username.normalize('NFC').toLowerCase());
}

async function consume(limiter: RateLimiterPostgres, key: string): Promise<Date | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return new Date(Date.now() + Math.max(1000, e.msBeforeNext));
    throw e;
  }
}

export function tooManyAttempts(t: Throttled): GraphQLError {
  const seconds = Math.max(1, Math.ceil((t.retryAfter.getTime() - Date.now()) / 1000));
  return refusal(t.scope === 'username' ? 'LOGIN_THROTTLED_USERNAME' : 'LOGIN_THROTTLED_ADDRESS', { retryAfter: t.retryAfter, retryAfterIso: t.retryAfter.toISOString(), seconds }, {
      code: TOO_MANY_ATTEMPTS,
      scope: t.scope,
      retryAfter: t.retryAfter.toISOString(),
      retryAfterSeconds: seconds,
      http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
  });
}
