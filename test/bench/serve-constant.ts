/**
 * Bench child: a bare Apollo Server with the same HTTP stack and security options as the real one,
 * answering `quote` with a constant — the ceiling the real server is compared against.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';

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
});
await apollo.start();
const app = express();
app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
const server = app.listen(0, '127.0.0.1', () => console.log(`ready ${(server.address() as AddressInfo).port}`));
