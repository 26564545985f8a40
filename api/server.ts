import express, { type Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { Orm } from './db/orm.js';
import { createContext, type Context } from './graphql/context.js';
import { depthLimit, MAX_BODY, MAX_DEPTH, MAX_QUERY_LENGTH } from './graphql/limits.js';
import { graphqlSchema } from './graphql/schema.js';
import { PolicyCache } from './modules/policy/policy-cache.js';
import { UserService } from './modules/user/user.service.js';
import { GraphQLError } from 'graphql';
import type { Request } from 'express';

/**
 * Wiring only: HTTP app with `/graphql` and `/health`. Every Apollo security option is set here
 * explicitly, so none depends on NODE_ENV.
 */
export async function createApp(orm: Orm): Promise<{ app: Express; apollo: ApolloServer<Context>; cache: PolicyCache }> {
  const cache = new PolicyCache();
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
    expressMiddleware(apollo, { context: async ({ req }) => contextFor(req, orm, cache) }),
  );
  return { app, apollo, cache };
}

/** The caller: anonymous without an Authorization header; a user for a valid session token or API key. */
async function contextFor(req: Request, orm: Orm, cache: PolicyCache): Promise<Context> {
  const header = req.headers.authorization;
  if (!header) return createContext(orm.em, cache);
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new GraphQLError('Authorization: expected "Bearer <token>"', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  const actor = await new UserService(orm.em.fork()).actorFor(m[1]!);
  if (!actor) throw new GraphQLError('Authorization: the token or API key is invalid, expired or revoked; log in again', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  return createContext(orm.em, cache, actor, m[1]!);
}
