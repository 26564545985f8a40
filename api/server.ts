import express, { type Express, type Request } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLError } from 'graphql';
import type { Orm } from './db/orm.js';
import { createContext, type AppServices, type Context } from './graphql/context.js';
import { depthLimit, MAX_BODY, MAX_DEPTH, MAX_QUERY_LENGTH } from './graphql/limits.js';
import { graphqlSchema } from './graphql/schema.js';
import { has, inScope, type Actor } from './modules/auth/actor.js';
import { CohortImportError, importCohort } from './modules/cohort/cohort-import.js';
import { CohortService } from './modules/cohort/cohort.service.js';
import { ImportJobs } from './modules/cohort/import-jobs.js';
import { PreviewService } from './modules/cohort/preview.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { PolicyCache } from './modules/policy/policy-cache.js';
import { UserService } from './modules/user/user.service.js';
import { serveConsole } from './console.js';

/**
 * Wiring only: HTTP app with `/graphql`, `/health`, the cohort upload and (when asked) the console at `/`. Every Apollo security option
 * is set here explicitly, so none depends on NODE_ENV.
 */
export async function createApp(orm: Orm, opts: { console?: string | false } = {}): Promise<{ app: Express; apollo: ApolloServer<Context>; services: AppServices }> {
  const databaseUrl = orm.config.get('clientUrl') as string;
  const services: AppServices = { cache: new PolicyCache(), previews: new PreviewService(databaseUrl), imports: new ImportJobs() };
  const apollo = new ApolloServer<Context>({
    schema: await graphqlSchema(),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // Public rules are public: integrators explore the schema with introspection.
    introspection: true,
    validationRules: [depthLimit(MAX_DEPTH)],
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
    const job = services.imports.start(typeof req.query.job === 'string' ? req.query.job : undefined);
    try {
      const r = await importCohort({
        databaseUrl,
        vocabulary,
        name: String(req.query.name ?? ''),
        createdBy: actor.id,
        input: req,
        onProgress: (rows, bytes) => Object.assign(job, { rows, bytes }),
      });
      Object.assign(job, { status: 'done', cohortId: r.id, rows: r.persons });
      await new AuditService(em).record(actor, { action: 'import-cohort', jurisdictionId: j.id, details: { cohortId: r.id, name: req.query.name, persons: r.persons } });
      res.status(201).json({ id: r.id, persons: r.persons, job: job.id });
    } catch (e) {
      Object.assign(job, { status: 'failed', error: (e as Error).message });
      if (e instanceof CohortImportError) return void res.status(400).json({ error: e.message, errors: e.errors, totalErrors: e.totalErrors, job: job.id });
      console.error(e);
      res.status(500).json({ error: 'the import failed; nothing was imported', job: job.id });
    }
  });
  app.get('/cohorts/imports/:job', async (req, res) => {
    const actor = await actorOf(req, orm).catch(() => null);
    if (!actor || actor.kind !== 'user') return void res.status(401).json({ error: 'log in first' });
    const job = services.imports.get(req.params.job);
    if (!job) return void res.status(404).json({ error: 'no such import' });
    res.json(job);
  });

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    (req, res, next) => {
      const body = req.body as { query?: unknown } | undefined;
      const query = typeof body?.query === 'string' ? body.query : typeof req.query.query === 'string' ? req.query.query : '';
      if (query.length > MAX_QUERY_LENGTH) {
        res.status(413).json({
          errors: [{ message: `The query is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are accepted.`, extensions: { code: 'QUERY_TOO_LARGE' } }],
        });
        return;
      }
      next();
    },
    expressMiddleware(apollo, { context: async ({ req }) => contextFor(req, orm, services) }),
  );
  if (opts.console) serveConsole(app, opts.console);
  return { app, apollo, services };
}

async function actorOf(req: Request, orm: Orm): Promise<Actor> {
  const header = req.headers.authorization;
  if (!header) return { kind: 'anonymous' };
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new GraphQLError('Authorization: expected "Bearer <token>"', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  const actor = await new UserService(orm.em.fork()).actorFor(m[1]!);
  if (!actor) throw new GraphQLError('Authorization: the token or API key is invalid, expired or revoked; log in again', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  return actor;
}

/** The caller: anonymous without an Authorization header; a user for a valid session token or API key. */
async function contextFor(req: Request, orm: Orm, services: AppServices): Promise<Context> {
  if (!req.headers.authorization) return createContext(orm.em, services);
  const actor = await actorOf(req, orm);
  return createContext(orm.em, services, actor, /^Bearer\s+(\S+)$/i.exec(req.headers.authorization)![1]!);
}
