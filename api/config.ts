import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { RequestLimits } from './graphql/limits.js';
import type { QuoteRateLimits } from './graphql/rate-limits.js';

const count = (min = 1) => z.coerce.number().int().min(min).optional();

/** The GraphQL request limits (api/graphql/limits.ts has their defaults and what each counts). */
const LIMIT_SETTINGS = {
  GRAPHQL_MAX_QUERY_LENGTH: 'maxQueryLength',
  GRAPHQL_MAX_BODY_BYTES: 'maxBodyBytes',
  GRAPHQL_MAX_TOKENS: 'maxTokens',
  GRAPHQL_MAX_DEPTH: 'maxDepth',
  GRAPHQL_MAX_ALIASES: 'maxAliases',
  GRAPHQL_MAX_DIRECTIVES: 'maxDirectives',
  GRAPHQL_MAX_SELECTIONS: 'maxSelections',
  GRAPHQL_MAX_QUOTES: 'maxQuotes',
  GRAPHQL_MAX_COST: 'maxCost',
  GRAPHQL_TIMEOUT_MS: 'timeoutMs',
  GRAPHQL_MAX_JSON_DEPTH: 'maxJsonDepth',
} as const satisfies Record<string, keyof RequestLimits>;

/** The environment, parsed once. Nothing else in the code base reads process.env. */
const Env = z.object({
  /** An existing PostgreSQL; when unset, an embedded one is started with its data under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Where the API listens: this machine only unless told (0.0.0.0 for every interface, behind a TLS proxy). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded PostgreSQL keeps its data (git ignores .data/). */
  DATA_DIR: z.string().default('.data/postgres'),
  /** Port of the embedded PostgreSQL. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5439),
  LOG_SQL: z.enum(['0', '1']).default('0'),
  /** The role the API serves with; by default `yibao_app` on the same database when it exists. */
  APP_DATABASE_URL: z.string().url().optional(),
  /** With DATABASE_URL: the password `yibao_app` gets at each start; a random one for each start when unset. */
  APP_DATABASE_PASSWORD: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  /** Password of the `admin` user created at the first start; generated and printed once when unset. */
  ADMIN_PASSWORD: z.string().min(10, { message: 'must be at least 10 characters' }).optional(),
  /** API processes sharing the port; one per core when unset. */
  WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Failed logins per username before further attempts are refused until the window ends. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  /** Failed logins per client address (any usernames) before its attempts are refused. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  /** The window in which failed logins are counted, from the first one. */
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** The largest cohort file POST /cohorts accepts (bytes). */
  COHORT_MAX_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024 * 1024),
  ...(Object.fromEntries(Object.keys(LIMIT_SETTINGS).map((k) => [k, count()])) as Record<keyof typeof LIMIT_SETTINGS, ReturnType<typeof count>>),
  /** Quotes per window for one API key; off when unset. */
  QUOTE_RATE_PER_KEY: count(),
  /** Quotes per window for one client address (requests without an API key); off when unset. */
  QUOTE_RATE_PER_ADDRESS: count(),
  QUOTE_RATE_WINDOW_S: z.coerce.number().int().min(1).default(60),
  /** Reverse proxies in front of the API that append to X-Forwarded-For; 0: the socket's peer is the client. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type Config = {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  embeddedPgPort: number;
  logSql: boolean;
  adminPassword: string | undefined;
  appDatabaseUrl: string | undefined;
  appDatabasePassword: string | undefined;
  workers: number;
  loginThrottle: { perUsername: number; perAddress: number; windowSeconds: number };
  cohortMaxBytes: number;
  /** The GRAPHQL_* limits that are set (the others keep their defaults). */
  limits: Partial<RequestLimits>;
  quoteRateLimits: QuoteRateLimits;
  trustProxy: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    logSql: e.LOG_SQL === '1',
    adminPassword: e.ADMIN_PASSWORD,
    appDatabaseUrl: e.APP_DATABASE_URL,
    appDatabasePassword: e.APP_DATABASE_PASSWORD,
    workers: e.WORKERS ?? availableParallelism(),
    loginThrottle: { perUsername: e.LOGIN_MAX_FAILURES, perAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS, windowSeconds: e.LOGIN_WINDOW_MINUTES * 60 },
    cohortMaxBytes: e.COHORT_MAX_BYTES,
    limits: Object.fromEntries(
      Object.entries(LIMIT_SETTINGS).flatMap(([setting, key]) => (e[setting as keyof typeof LIMIT_SETTINGS] === undefined ? [] : [[key, e[setting as keyof typeof LIMIT_SETTINGS]]])),
    ),
    quoteRateLimits: { perKey: e.QUOTE_RATE_PER_KEY, perAddress: e.QUOTE_RATE_PER_ADDRESS, windowSeconds: e.QUOTE_RATE_WINDOW_S },
    trustProxy: e.TRUST_PROXY,
  };
}
