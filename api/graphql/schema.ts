import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { JurisdictionResolver } from '../modules/jurisdiction/jurisdiction.resolver.js';
import { ReviewItemsResolver } from '../modules/policy/review-items.resolver.js';
import { PolicyResolver } from '../modules/policy/policy.resolver.js';
import { QuoteResolver } from '../modules/quote/quote.resolver.js';
import { WorkflowResolver } from '../modules/policy/workflow.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';
import { CohortResolver } from '../modules/cohort/cohort.resolver.js';
import { ApprovalResolver } from '../modules/review/approval.resolver.js';

let built: Promise<GraphQLSchema> | undefined;

/** type-graphql has no option for the root types' descriptions; every type of the schema has one. */
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  schema.getQueryType()!.description = 'Reading: jurisdictions, policy versions (published ones for anyone), quotes and refunds, comparisons, the history, users, cohorts and previews.';
  schema.getMutationType()!.description = 'Changing: drafts and their lifecycle (four eyes, publication), import, sessions, users and API keys, previews.';
  return schema;
}

/** The GraphQL schema, built once per process from the resolvers (validation is zod's, not class-validator's). */
export function graphqlSchema(): Promise<GraphQLSchema> {
  return (built ??= buildSchema({
    resolvers: [JurisdictionResolver, PolicyResolver, QuoteResolver, WorkflowResolver, UserResolver, CohortResolver, ReviewItemsResolver, ApprovalResolver],
    validate: false,
    emitSchemaFile: false,
  }).then(describeRoots));
}
