import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import type { Orm } from './db/orm.js';
import { createContext, type AppServices, type Context } from './graphql/context.js';
import { graphqlHttpHandler } from './graphql/http.js';
import { depthLimit, MAX_DEPTH } from './graphql/limits.js';
import { graphqlSchema } from './graphql/schema.js';
import { has, inScope, type Actor } from './modules/auth/actor.js';
import { CohortImportError, importCohort } from './modules/cohort/cohort-import.js';
import { CohortService } from './modules/cohort/cohort.service.js';
import { ImportJobs } from './modules/cohort/import-jobs.js';
import { PreviewService } from './modules/cohort/preview.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { PolicyCache } from './modules/policy/policy-cache.js';
import { UserService } from './modules/user/user.service.js';
import { CANCEL_CHANNEL, JobStore } from './modules/jobs/job-store.js';
import { Notifications } from './db/notifications.js';
import { POLICY_CHANNEL } from './modules/policy/policy-cache.js';
import { serveConsole } from './console.js';

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

export async function createApp(orm: Orm, opts: { console?: string | false } = {}): Promise<App> {
  const databaseUrl = orm.config.get('clientUrl') as string;
  const jobs = new JobStore(databaseUrl);
  const services: AppServices = { cache: new PolicyCache(), previews: new PreviewService(databaseUrl, jobs), imports: new ImportJobs(jobs) };
  // Other API processes (and anyone with SQL) change versions and jurisdictions and cancel jobs: PostgreSQL tells this one at commit.
  const notifications = new Notifications(databaseUrl, () => services.cache.invalidate())
    .on(POLICY_CHANNEL, () => services.cache.invalidate())
    .on(CANCEL_CHANNEL, (id) => services.previews.cancelledElsewhere(id));
  await notifications.start();
  const apollo = new ApolloServer<Context>({
    schema: await graphqlSchema(),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // Public rules are public: integrators explore the schema with introspection.
    introspection: true,
    validationRules: [depthLimit(MAX_DEPTH)],
    // No cache hints are set anywhere (answers depend on the caller and on publications); the cache-control
    // plugin would still wrap every field's resolver to compute a policy of "no cache".
    plugins: [ApolloServerPluginCacheControlDisabled()],
    formatError: (formatted, error) => {
      // Unexpected errors are logged here and reach the caller without internals.
      const code = formatted.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR') {
        console.error(error);
        return { message: 'Internal server error', extensions: { code } };
      }
      return formatted;
    },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.status(200).json({ status: 'ok' });
    } catch (e) {
      res.status(503).json({ status: 'unavailable', error: (e as Error).message });
    }
  });

  // Cohort upload: the CSV streams from the request into PostgreSQL (COPY), checked row by row.
  app.post('/cohorts', async (req, res) => {
    const actor = await actorOf(req, orm).catch(() => null);
    if (!actor || actor.kind !== 'user') return void res.status(401).json({ error: 'log in first (Authorization: Bearer <token>)' });
    const em = orm.em.fork();
    const index = await services.cache.jurisdictions(() => em);
    const j = typeof req.query.jurisdiction === 'string' ? index.find(req.query.jurisdiction) : undefined;
    if (!j) return void res.status(400).json({ errors: [{ line: 0, field: 'jurisdiction', message: `no jurisdiction has the code or name "${String(req.query.jurisdiction ?? '')}"` }] });
    if (!(has(actor, 'admin') || ((has(actor, 'drafter') || has(actor, 'approver')) && inScope(actor, j.id, index))))
      return void res.status(403).json({ error: `importing a cohort of ${j.name} needs a drafter or approver of ${j.name}` });
    const vocabulary = await new CohortService(em).vocabulary(j.id, j.name);
    if (!vocabulary) return void res.status(400).json({ errors: [{ line: 0, field: 'jurisdiction', message: `${j.name} has no published policy to check the codes against` }] });
    const job = await services.imports.start(typeof req.query.job === 'string' ? req.query.job : undefined, actor.id);
    try {
      const r = await importCohort({
        databaseUrl,
        vocabulary,
        name: String(req.query.name ?? ''),
        createdBy: actor.id,
        input: req,
        onProgress: (rows, bytes) => job.progress(rows, bytes),
      });
      await job.done(r.id, r.persons);
      await new AuditService(em).record(actor, { action: 'import-cohort', jurisdictionId: j.id, details: { cohortId: r.id, name: req.query.name, persons: r.persons } });
      res.status(201).json({ id: r.id, persons: r.persons, job: job.id });
    } catch (e) {
      await job.failed((e as Error).message).catch(() => {});
      if (e instanceof CohortImportError) return void res.status(400).json({ error: e.message, errors: e.errors, totalErrors: e.totalErrors, job: job.id });
      console.error(e);
      res.status(500).json({ error: 'the import failed; nothing was imported', job: job.id });
    }
  });
  app.get('/cohorts/imports/:job', async (req, res) => {
    const actor = await actorOf(req, orm).catch(() => null);
    if (!actor || actor.kind !== 'user') return void res.status(401).json({ error: 'log in first' });
    const job = await services.imports.get(req.params.job);
    if (!job) return void res.status(404).json({ error: 'no such import' });
    res.json(job);
  });

  if (opts.console) serveConsole(app, opts.console);

  // `/graphql` (and below it) is served without express; everything else goes through it.
  const graphql = graphqlHttpHandler(apollo, (req) => contextFor(req, orm, services));
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
    await apollo.stop();
    await notifications.close();
    await services.previews.close();
    await jobs.close();
  };
  return { app, handler, listen, close, apollo, services };
}

async function actorOf(req: IncomingMessage, orm: Orm): Promise<Actor> {
  const header = req.headers.authorization;
  if (!header) return { kind: 'anonymous' };
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new GraphQLError('Authorization: expected "Bearer <token>"', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  const actor = await new UserService(orm.em.fork()).actorFor(m[1]!);
  if (!actor) throw new GraphQLError('Authorization: the token or API key is invalid, expired or revoked; log in again', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  return actor;
}

/** The caller: anonymous without an Authorization header; a user for a valid session token or API key. */
async function contextFor(req: IncomingMessage, orm: Orm, services: AppServices): Promise<Context> {
  if (!req.headers.authorization) return createContext(orm.em, services);
  const actor = await actorOf(req, orm);
  return createContext(orm.em, services, actor, /^Bearer\s+(\S+)$/i.exec(req.headers.authorization)![1]!);
}
