import 'reflect-metadata';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { JurisdictionResolver } from '../modules/jurisdiction/jurisdiction.resolver.js';
import { ReviewItemsResolver } from '../modules/policy/review-items.resolver.js';
import { PolicyResolver } from '../modules/policy/policy.resolver.js';
import { QuoteResolver } from '../modules/quote/quote.resolver.js';
import { WorkflowResolver } from '../modules/policy/workflow.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';
import { CohortResolver, RefusalResolver } from '../modules/cohort/cohort.resolver.js';
import { ApprovalResolver } from '../modules/review/approval.resolver.js';

let built: Promise<GraphQLSchema> | undefined;

/** type-graphql has no option for the root types' descriptions; every type of the schema has one. */
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  schema.getQueryType()!.description = 'Reading: jurisdictions, policy versions (published ones for anyone), quotes and refunds, comparisons, the history, users, cohorts and previews.';
  schema.getMutationType()!.description = 'Changing: drafts and their lifecycle (four eyes, publication), import, sessions, users and API keys, previews.';
  return schema;
}

/**
 * Arguments in reading order. TypeScript applies parameter decorators last first, so type-graphql
 * collects a method's `@Arg`s in reverse and the schema would print `compareVersions(b, a)`; the
 * parameters of each method are put back in the order they are written (their index) before the
 * schema is built. Callers name arguments, so the order changes nothing for them; it is what the
 * schema shows an integrator. (Invocation is unaffected: type-graphql passes arguments by index.)
 */
export function argumentsInReadingOrder(): void {
  const storage = getMetadataStorage();
  const groups = new Map<Function, Map<string, typeof storage.params>>();
  for (const p of storage.params) {
    let byMethod = groups.get(p.target);
    if (!byMethod) groups.set(p.target, (byMethod = new Map()));
    let list = byMethod.get(p.methodName);
    if (!list) byMethod.set(p.methodName, (list = []));
    list.push(p);
  }
  storage.params = [...groups.values()].flatMap((byMethod) => [...byMethod.values()].flatMap((list) => list.sort((a, b) => a.index - b.index)));
}

/** The GraphQL schema, built once per process from the resolvers (validation is zod's, not class-validator's). */
export function graphqlSchema(): Promise<GraphQLSchema> {
  if (!built) argumentsInReadingOrder();
  return (built ??= buildSchema({
    resolvers: [JurisdictionResolver, PolicyResolver, QuoteResolver, WorkflowResolver, UserResolver, CohortResolver, RefusalResolver, ReviewItemsResolver, ApprovalResolver],
    validate: false,
    emitSchemaFile: false,
  }).then(describeRoots));
}
