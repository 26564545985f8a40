import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { JurisdictionResolver } from '../modules/jurisdiction/jurisdiction.resolver.js';
import { PolicyResolver } from '../modules/policy/policy.resolver.js';
import { QuoteResolver } from '../modules/quote/quote.resolver.js';
import { WorkflowResolver } from '../modules/policy/workflow.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';
import { CohortResolver } from '../modules/cohort/cohort.resolver.js';
import { DateScalar, MoneyScalar } from './scalars.js';

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once per process from the resolvers. */
export function graphqlSchema(): Promise<GraphQLSchema> {
  return (built ??= buildSchema({
    resolvers: [JurisdictionResolver, PolicyResolver, QuoteResolver, WorkflowResolver, UserResolver, CohortResolver],
    scalarsMap: [],
    orphanedTypes: [],
    validate: false,
    emitSchemaFile: false,
  }).then((s) => {
    // keep the custom scalars referenced so tree-shaking tools never drop them
    void DateScalar;
    void MoneyScalar;
    return s;
  }));
}
