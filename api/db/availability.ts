import { GraphQLError } from 'graphql';

/** SQLSTATE classes and codes that mean "PostgreSQL is not there", not "the query is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Connection ended unexpectedly|server closed the connection unexpectedly|Client was closed and is not queryable/i;

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const UNAVAILABLE_MESSAGE = 'The database is unavailable at the moment; try again shortly (published rules are still quoted from the cache).';

/** Whether an error (or what it wraps: `cause`, `originalError`, `previous`) says that PostgreSQL cannot be reached. */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const x = e as { code?: unknown; sqlState?: unknown; errno?: unknown; message?: unknown; cause?: unknown; originalError?: unknown; previous?: unknown; extensions?: { code?: unknown } };
  if (x.extensions?.code === SERVICE_UNAVAILABLE) return true;
  for (const c of [x.code, x.sqlState, x.errno]) {
    if (typeof c !== 'string') continue;
    if (UNAVAILABLE_ERRNOS.has(c) || UNAVAILABLE_SQLSTATES.has(c) || /^08/.test(c)) return true;
  }
  if (typeof x.message === 'string' && UNAVAILABLE_MESSAGES.test(x.message)) return true;
  if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(x.cause, depth + 1) || isDatabaseUnavailable(x.originalError, depth + 1) || isDatabaseUnavailable(x.previous, depth + 1);
}

/** The refusal of a call that needs the database while it is away: HTTP 503, a stable code, no internals. */
export function unavailableError(): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, { extensions: { code: SERVICE_UNAVAILABLE, http: { status: 503 } } });
}

/**
 * Whether this process can reach PostgreSQL, as last seen: the first failure of an outage is logged
 * once (not a stack trace per request), and so is the return. Errors report `down`; the connections
 * that reconnect by themselves (notifications, job presence) and successful health checks report `up`.
 */
export class DatabaseAvailability {
  private downSince: number | null = null;

  constructor(private readonly log: (line: string) => void = (l) => console.error(l)) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** Note an error; true when it means the database is unavailable (so the caller answers 503). */
  down(e: unknown): boolean {
    if (!isDatabaseUnavailable(e)) return false;
    if (this.downSince === null) {
      this.downSince = Date.now();
      const why = (e as { code?: string }).code ?? (e as Error).message;
      this.log(`PostgreSQL is unavailable (${String(why).slice(0, 120)}): calls that need it answer ${SERVICE_UNAVAILABLE} until it is back; quotes are answered from the cache`);
    }
    return true;
  }

  up(): void {
    if (this.downSince === null) return;
    const seconds = Math.round((Date.now() - this.downSince) / 1000);
    this.downSince = null;
    this.log(`PostgreSQL is available again (after about ${seconds} s)`);
  }
}

/** This process's view (one per process: every part of it shares the same database). */
export const database = new DatabaseAvailability();

/**
 * Apollo Server plugin: a response with an error that says PostgreSQL is away gets HTTP 503 (the
 * message and code are set by the server's formatError). The outage is noted (logged once).
 */
export const unavailablePlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors(rc: { errors: readonly Error[]; response: { http: { status?: number } } }) {
        if (rc.errors.some((e) => database.down(e))) rc.response.http.status = 503;
      },
    };
  },
};
