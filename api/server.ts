import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import helmet from 'helmet';
import pg from 'pg';
import type { Orm } from './db/orm.js';
import { database, isDatabaseUnavailable, SERVICE_UNAVAILABLE, unavailableError, unavailablePlugin } from './db/availability.js';
import { createContext, type AppServices, type Context, type RequestInfo } from './graphql/context.js';
import { capEchoes, languageOfError, messageIn, refusal, withReason } from './graphql/errors.js';
import { languageOf, type Language } from './i18n/language.js';
import { languagePlugin } from './i18n/plugin.js';
import { message, type Params } from './i18n/render.js';
import { cohortLine, cohortRefusal } from './i18n/cohort-lines.js';
import type { Reason } from './i18n/catalog.js';
import { clientAddress, graphqlHttpHandler } from './graphql/http.js';
import { DEFAULT_LIMITS, requestLimitsPlugin, tokensLimitError, type ListSizes, type RequestLimits } from './graphql/limits.js';
import { quoteRateGate, type QuoteRateLimits } from './graphql/rate-limits.js';
import { graphqlSchema } from './graphql/schema.js';
import { API_HEADERS, headerList } from './security-headers.js';
import type { Actor } from './modules/auth/actor.js';
import { ActorCache } from './modules/auth/actor-cache.js';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle, type LoginThrottleSettings } from './modules/auth/login-throttle.js';
import { canRunJobs, mayReadJob } from './modules/jobs/job-access.js';
import { CohortImportError, importCohort, UploadTooLargeError } from './modules/cohort/cohort-import.js';
import { CohortService } from './modules/cohort/cohort.service.js';
import { ImportJobs, NotYourJobError } from './modules/cohort/import-jobs.js';
import { PreviewService } from './modules/cohort/preview.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { PolicyCache } from './modules/policy/policy-cache.js';
import { UserService } from './modules/user/user.service.js';
import { CANCEL_CHANNEL, JobStore } from './modules/jobs/job-store.js';
import { Notifications } from './db/notifications.js';
import { POLICY_CHANNEL } from './modules/policy/policy-cache.js';
import { serveConsole } from './console.js';
import { registerNoticeRoutes } from './modules/notice/notice.routes.js';

/**
 * Wiring only: HTTP app with `/graphql`, `/health`, the cohort upload and (when asked) the console at `/`. Every Apollo security option
 * is set here explicitly, so none depends on NODE_ENV.
 */
export interface App {
  /** Express, for every route but `/graphql`. */
  app: Express;
  /** The whole HTTP surface: `/graphql` straight to Apollo, the rest to express. */
  handler: RequestListener;
  listen(port: number, host: string): Promise<Server>;
  /** Stop Apollo, the notifications, the preview worker and the job store's connections (not the ORM's). */
  close(): Promise<void>;
  apollo: ApolloServer<Context>;
  services: AppServices;
}

export interface AppOptions {
  /** The console's build to serve at `/`, if any. */
  console?: string | false;
  /** Limits on failed logins (LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_WINDOW_MINUTES). */
  loginThrottle?: LoginThrottleSettings;
  /** The largest cohort file `POST /cohorts` accepts, in bytes (COHORT_MAX_BYTES). */
  cohortMaxBytes?: number;
  /** Limits of one GraphQL request over DEFAULT_LIMITS (the GRAPHQL_* settings). */
  limits?: Partial<RequestLimits>;
  /** Quote rate limits (QUOTE_RATE_*); off when unset. */
  quoteRateLimits?: QuoteRateLimits;
  /** Reverse proxies in front that append to X-Forwarded-For (TRUST_PROXY); 0 when unset. */
  trustProxy?: number;
}

/** The default of COHORT_MAX_BYTES: 1 GiB, about 20 million persons. */
export const DEFAULT_COHORT_MAX_BYTES = 1024 * 1024 * 1024;

export async function createApp(orm: Orm, opts: AppOptions = {}): Promise<App> {
  const databaseUrl = orm.config.get('clientUrl') as string;
  const cohortMaxBytes = opts.cohortMaxBytes ?? DEFAULT_COHORT_MAX_BYTES;
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const trustProxy = opts.trustProxy ?? 0;
  const jobs = new JobStore(databaseUrl);
  await jobs.start();
  const throttlePool = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 5_000 });
  throttlePool.on('error', (e) => database.down(e));
  const services: AppServices = {
    cache: new PolicyCache(),
    previews: new PreviewService(databaseUrl, jobs),
    imports: new ImportJobs(jobs),
    jobs,
    loginThrottle: new LoginThrottle(throttlePool, opts.loginThrottle ?? DEFAULT_LOGIN_THROTTLE),
  };
  const actors = new ActorCache();
  // Other API processes (and anyone with SQL) change versions and jurisdictions and cancel jobs: PostgreSQL tells this one at commit.
  const notifications = new Notifications(databaseUrl, () => services.cache.invalidate())
    .on(POLICY_CHANNEL, () => services.cache.invalidate())
    .on(CANCEL_CHANNEL, (id) => services.previews.cancelledElsewhere(id));
  await notifications.start();
  const schema = await graphqlSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // Public rules are public: integrators explore the schema with introspection.
    introspection: true,
    // graphql-js's parser stops past this many tokens, before building a document of them
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [
      // every error in the request's language (Accept-Language), with a stable extensions.reason; first, so
      // that it sees the limits plugin's refusals too
      languagePlugin,
      // aliases, directives, depth, fragment fan-out, quotes and cost, NUL and nesting: see graphql/limits.ts
      requestLimitsPlugin(limits, schema, { gate: quoteRateGate(opts.quoteRateLimits ?? { windowSeconds: 60 }), listSizes: () => listSizes(services, orm) }),
      // No cache hints are set anywhere (answers depend on the caller and on publications); the cache-control
      // plugin would still wrap every field's resolver to compute a policy of "no cache".
      ApolloServerPluginCacheControlDisabled(),
      // a call that needed PostgreSQL while it is away answers HTTP 503
      unavailablePlugin,
      // GET /graphql from a browser would serve a page that loads Apollo's explorer from a CDN (and which
      // page depends on NODE_ENV): integrators use their own tools, and the schema is in api/schema.graphql
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: (formatted, error) => {
      // PostgreSQL away: a clear refusal with a stable code (the outage is logged once, not per request)
      const lang = languageOfError(error);
      if (isDatabaseUnavailable(error)) return { message: message('DATABASE_UNAVAILABLE', {}, lang), extensions: { code: SERVICE_UNAVAILABLE, reason: 'DATABASE_UNAVAILABLE' } };
      // Unexpected errors are logged here and reach the caller without internals.
      const code = formatted.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR') {
        console.error(error);
        return { message: message('INTERNAL', {}, lang), extensions: { code, reason: 'INTERNAL' } };
      }
      if (code === 'GRAPHQL_PARSE_FAILED') {
        const tokens = tokensLimitError(formatted, limits);
        if (tokens) return { message: tokens.message, extensions: { ...tokens.extensions, http: undefined } };
      }
      // messages that repeat a value of the request repeat at most an excerpt of it
      return { ...formatted, message: capEchoes(formatted.message) };
    },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // the API's security headers on every route; the console's own policy replaces them on its pages (console.ts)
  app.use(helmet(API_HEADERS));
  // up or down, nothing else (no error text: it would tell an attacker about the set-up)
  app.get('/health', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      database.up();
      res.status(200).json({ status: 'up' });
    } catch (e) {
      database.down(e);
      res.status(503).json({ status: 'down' });
    }
  });

  /** The caller of a REST route; a refusal (401, 503) already answered when null. */
  const restActor = async (req: express.Request, res: express.Response): Promise<Extract<Actor, { kind: 'user' }> | null> => {
    let actor: Actor;
    try {
      actor = await actorOf(req, orm, actors);
    } catch (e) {
      if (isDatabaseUnavailable(e)) return void res.status(503).json(said(req, 'DATABASE_UNAVAILABLE', {}, { code: SERVICE_UNAVAILABLE })), null;
      return void res.status(401).json({ error: messageIn(e as Error, langOf(req)), code: 'UNAUTHENTICATED', reason: (e as GraphQLError).extensions?.reason ?? 'TOKEN_INVALID' }), null;
    }
    if (actor.kind !== 'user') return void res.status(401).json(said(req, 'LOGIN_REQUIRED', {}, { code: 'UNAUTHENTICATED' })), null;
    return actor;
  };

  // Cohort upload: the CSV streams from the request into PostgreSQL (COPY), checked row by row.
  app.post('/cohorts', async (req, res) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > cohortMaxBytes) return void tooLarge(res, cohortMaxBytes);
    const lang = langOf(req);
    const actor = await restActor(req, res);
    if (!actor) return;
    let job: Awaited<ReturnType<ImportJobs['start']>> | undefined;
    try {
      const em = orm.em.fork();
      const index = await services.cache.jurisdictions(() => em);
      const j = typeof req.query.jurisdiction === 'string' ? index.find(req.query.jurisdiction) : undefined;
      if (!j)
        return void res.status(400).json({ errors: [lineRefusal(lang, 'jurisdiction', 'NO_SUCH_JURISDICTION', { value: String(req.query.jurisdiction ?? '').slice(0, 64) })] });
      if (!canRunJobs(actor, j.id, index)) return void res.status(403).json(said(req, 'IMPORT_FORBIDDEN', { jurisdiction: j.name }, { code: 'FORBIDDEN' }));
      const vocabulary = await new CohortService(em).vocabulary(j.id, j.name);
      if (!vocabulary) return void res.status(400).json({ errors: [lineRefusal(lang, 'jurisdiction', 'NO_POLICY_FOR_CODES', { jurisdiction: j.name })] });
      const named = req.query.job;
      if (named !== undefined && typeof named !== 'string') return void res.status(400).json({ errors: [lineRefusal(lang, 'job', 'NAME_ONE_JOB')] });
      job = await services.imports.start(named, { createdBy: actor.id, jurisdictionId: j.id });
      const r = await importCohort({
        databaseUrl,
        vocabulary,
        name: String(req.query.name ?? ''),
        createdBy: actor.id,
        input: capped(req, cohortMaxBytes),
        onProgress: (rows, bytes) => job!.progress(rows, bytes),
      });
      await job.done(r.id, r.persons);
      await new AuditService(em).record(actor, { action: 'import-cohort', jurisdictionId: j.id, details: { cohortId: r.id, name: req.query.name, persons: r.persons } });
      res.status(201).json({ id: r.id, persons: r.persons, job: job.id });
    } catch (e) {
      await job?.failed(e instanceof UploadTooLargeError ? e.message : (e as Error).message).catch(() => {});
      if (e instanceof NotYourJobError) return void res.status(400).json({ errors: [{ line: 0, field: 'job', message: lang === 'en' ? e.message : message('JOB_NOT_PENDING', { job: e.jobId.slice(0, 64) }, lang), reason: 'JOB_NOT_PENDING' }] });
      if (e instanceof UploadTooLargeError) return void tooLarge(res, cohortMaxBytes, job?.id);
      if (e instanceof CohortImportError)
        return void res.status(400).json({ error: cohortRefusal(e.errors, e.totalErrors, lang), reason: 'COHORT_REFUSED', errors: e.errors.map((x) => cohortLine(x, lang)), totalErrors: e.totalErrors, job: job?.id });
      if (database.down(e)) return void res.status(503).json({ ...said(req, 'DATABASE_UNAVAILABLE_NOTHING_IMPORTED', {}, { code: SERVICE_UNAVAILABLE }), job: job?.id });
      console.error(e);
      res.status(500).json({ ...said(req, 'COHORT_IMPORT_FAILED', {}, { code: 'INTERNAL_SERVER_ERROR' }), job: job?.id });
    }
  });
  app.get('/cohorts/imports/:job', async (req, res) => {
    const actor = await restActor(req, res);
    if (!actor) return;
    try {
      const found = await services.imports.get(req.params.job);
      const index = await services.cache.jurisdictions(() => orm.em.fork());
      // someone else's job does not exist for the caller: the same answer as an unknown id
      if (!found || !mayReadJob(actor, found.owner, index)) return void res.status(404).json(said(req, 'NO_SUCH_IMPORT', {}, { code: 'NOT_FOUND' }));
      res.json(found.job);
    } catch (e) {
      if (database.down(e)) return void res.status(503).json(said(req, 'DATABASE_UNAVAILABLE', {}, { code: SERVICE_UNAVAILABLE }));
      throw e;
    }
  });

  // The notice of a version as PDF and DOCX, for whoever may read the version.
  registerNoticeRoutes(app, (req) => contextFor(req, { clientAddress: clientAddress(req, trustProxy), deadline: Infinity, timeoutMs: Infinity }, orm, services, actors));

  if (opts.console) serveConsole(app, opts.console);
  // An unexpected error on a route: logged here, answered without its text or stack (express's own
  // handler would print the stack whenever NODE_ENV is not production)
  app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    console.error(error);
    if (res.headersSent) return next(error);
    res.status(500).json(said(req, 'INTERNAL', {}, { code: 'INTERNAL_SERVER_ERROR' }));
  });

  // `/graphql` (and below it) is served without express; everything else goes through it.
  const graphql = graphqlHttpHandler(apollo, (req, info) => contextFor(req, info, orm, services, actors), { limits, headers: headerList(API_HEADERS), trustProxy });
  const handler: RequestListener = (req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/graphql') && (url.length === 8 || url[8] === '?' || url[8] === '/')) void graphql(req, res);
    else app(req, res);
  };
  const listen = (port: number, host: string): Promise<Server> =>
    new Promise((resolve, reject) => {
      const server = createServer(handler);
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  const close = async () => {
    // requests answered by their time limit may still be at work
    await graphql.idle();
    await apollo.stop();
    await notifications.close();
    await services.previews.close();
    await jobs.close();
    await throttlePool.end();
  };
  return { app, handler, listen, close, apollo, services };
}

/** How many jurisdictions there are (of each level and kind) and the most children of one, for the cost of a query (once per index). */
const sizesOf = new WeakMap<object, ListSizes>();
async function listSizes(services: AppServices, orm: Orm): Promise<ListSizes> {
  const index = await services.cache.jurisdictions(() => orm.em.fork());
  let sizes = sizesOf.get(index);
  if (!sizes) {
    let maxChildren = 0;
    const byLevel: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    for (const j of index.all) {
      maxChildren = Math.max(maxChildren, index.children(j.id).length);
      byLevel[j.level] = (byLevel[j.level] ?? 0) + 1;
      if (j.kind) byKind[j.kind] = (byKind[j.kind] ?? 0) + 1;
    }
    sizesOf.set(index, (sizes = { jurisdictions: index.all.length, byLevel, byKind, maxChildren }));
  }
  return sizes;
}

async function actorOf(req: IncomingMessage, orm: Orm, actors: ActorCache): Promise<Actor> {
  const header = req.headers.authorization;
  if (!header) return { kind: 'anonymous' };
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw refusal('AUTH_HEADER_MALFORMED', { op: 'Authorization' }, { code: 'UNAUTHENTICATED', http: { status: 401 } });
  const actor = await actors.resolve(m[1]!, () => new UserService(orm.em.fork()).actorFor(m[1]!));
  if (!actor) throw refusal('TOKEN_INVALID', { op: 'Authorization' }, { code: 'UNAUTHENTICATED', http: { status: 401 } });
  return actor;
}

/** The caller: anonymous without an Authorization header; a user for a valid session token or API key. */
async function contextFor(req: IncomingMessage, info: RequestInfo, orm: Orm, services: AppServices, actors: ActorCache): Promise<Context> {
  const lang = langOf(req);
  if (!req.headers.authorization) return createContext(orm.em, services, undefined, null, info, lang);
  let actor: Actor;
  try {
    actor = await actorOf(req, orm, actors);
  } catch (e) {
    // Apollo answers a failed context without the plugins: the refusal is put in the request's language here
    const refused = database.down(e) ? withReason(unavailableError(), 'DATABASE_UNAVAILABLE') : e;
    if (refused instanceof GraphQLError) {
      refused.message = messageIn(refused, lang);
      refused.extensions.reason ??= refused === e ? 'TOKEN_INVALID' : 'DATABASE_UNAVAILABLE';
    }
    throw refused;
  }
  return createContext(orm.em, services, actor, /^Bearer\s+(\S+)$/i.exec(req.headers.authorization)![1]!, info, lang);
}

/** The request body, refused (UploadTooLargeError) once it passes `max` bytes. */
async function* capped(req: IncomingMessage, max: number): AsyncGenerator<Buffer> {
  let seen = 0;
  // leaving the loop must not destroy the request: its socket still carries the 413
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > max) throw new UploadTooLargeError(max);
    yield chunk;
  }
}

function tooLarge(res: express.Response, max: number, job?: string): void {
  // the rest of the body is read and dropped, so that the client, still sending, gets the answer; then the connection closes
  res.req.resume();
  res.setHeader('connection', 'close');
  const lang = langOf(res.req);
  res.status(413).json({ error: lang === 'en' ? new UploadTooLargeError(max).message : message('UPLOAD_TOO_LARGE', { max }, lang), code: 'PAYLOAD_TOO_LARGE', reason: 'UPLOAD_TOO_LARGE', ...(job ? { job } : {}) });
}

/** The language of a REST request (Accept-Language; zh-CN by default). */
function langOf(req: IncomingMessage): Language {
  return languageOf(req.headers['accept-language']);
}

/** A REST route's refusal: `{ error, code, reason }`, the message in the request's language. */
function said(req: IncomingMessage, reason: Reason, params: Params = {}, extra: Record<string, unknown> = {}) {
  return { error: message(reason, params, langOf(req)), ...extra, reason };
}

/** A refused line of a cohort upload (line 0: the request itself): its line, field, message and reason. */
function lineRefusal(lang: Language, field: string, reason: Reason, params: Params = {}) {
  return { line: 0, field, message: message(reason, params, lang), reason };
}
