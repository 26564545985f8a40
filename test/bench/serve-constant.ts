/**
 * Bench child: a bare Apollo Server with the same HTTP stack, Apollo options and processes as the real
 * one (`/graphql` on node:http through the same handler, one process per core or WORKERS), answering
 * `quote` with a constant: the ceiling the real server is compared against.
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { forkWorkers, reportReady } from '../../api/cluster.js';
import { loadConfig } from '../../api/config.js';
import { graphqlHttpHandler } from '../../api/graphql/http.js';

if (cluster.isPrimary) {
  const workers = forkWorkers(loadConfig().workers, {});
  process.on('SIGTERM', () => void workers.stop().then(() => process.exit(0)));
  console.log(`ready ${await workers.ready}`);
} else {
  const typeDefs = `#graphql
    input QuoteInput { jurisdiction: String!, year: Int!, paymentDate: String!, categories: [String!] }
    type Subsidy { amount: String!, fundSource: String! }
    type Quote { amountDue: String!, benefitStart: String, subsidies: [Subsidy!]! }
    type Query { quote(input: QuoteInput!): Quote! }
  `;
  const constant = { amountDue: '40.00', benefitStart: '2025-01-01', subsidies: [{ amount: '360.00', fundSource: '医疗救助资金' }] };
  const apollo = new ApolloServer({
    typeDefs,
    resolvers: { Query: { quote: () => constant } },
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  const graphql = graphqlHttpHandler(apollo, async () => ({}));
  const server = createServer((req, res) => void graphql(req, res));
  server.listen(0, '127.0.0.1', () => reportReady((server.address() as AddressInfo).port));
}
