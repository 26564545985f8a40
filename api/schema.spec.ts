import { readFileSync } from 'node:fs';
import { Kind, parse, print, printSchema, visit, type GraphQLField, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlSchema } from './graphql/schema.js';

describe('api/schema.graphql', () => {
  it('is the schema the server builds (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
    expect(printSchema(await graphqlSchema()) + '\n').toBe(committed);
  });

  it('keeps the operations and fields promised to integrators', async () => {
    // signatures read without descriptions, so that each argument list is on one line
    const sdl = withoutDescriptions(await graphqlSchema());
    expect(sdl).toMatch(/jurisdictions\(.*\): \[Jurisdiction!\]!/);
    expect(sdl).toMatch(/\n  policy\([^)]*jurisdiction: String![^)]*year: Int![^)]*\): PolicyVersion\n/);
    expect(sdl).toMatch(/policyVersions\([^)]*jurisdiction: String[^)]*year: Int[^)]*status: PolicyStatus[^)]*\): \[PolicyVersion!\]!/);
    const schema = await graphqlSchema();
    // an operation as `name(arg: Type, …): Type`, arguments in the order the schema gives them (descriptions aside)
    const signature = (f: GraphQLField<unknown, unknown> | undefined) => f && `${f.name}(${f.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')}): ${String(f.type)}`;
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    expect(signature(query.quote)).toBe('quote(input: QuoteInput!): Quote!');
    expect(signature(query.quotes)).toBe('quotes(inputs: [QuoteInput!]!): [Quote!]!');
    expect(signature(query.quoteBatch)).toBe('quoteBatch(inputs: [QuoteInput!]!): [QuoteOutcome!]!');
    expect(signature(query.refund)).toBe('refund(input: RefundInput!): RefundDecision!');
    // arguments in reading order (type-graphql collects parameter decorators in reverse)
    expect(signature(query.compareVersions)).toBe('compareVersions(a: ID!, b: ID!): [Change!]!');
    for (const op of ['createDraft', 'updateDraft', 'submitForReview', 'approve', 'reject', 'publish', 'login']) expect(mutation[op], op).toBeDefined();
    expect(mutation.updateDraft!.args.map((a) => a.name)).toEqual(['id', 'revision', 'document', 'comment']);
    for (const f of ['id: ID!', 'documentNumber: String!', 'issuedOn: Date!', 'contentHash: String!', 'document: JSON!', 'roster: [RosterMember!]!', 'quotas: [QuotaRow!]!'])
      expect(sdl).toContain(f);
  });
});

/** The schema's SDL with every description removed. */
function withoutDescriptions(schema: GraphQLSchema): string {
  const strip = (node: { description?: unknown }) => ({ ...node, description: undefined });
  const kinds = [
    Kind.OBJECT_TYPE_DEFINITION,
    Kind.FIELD_DEFINITION,
    Kind.INPUT_VALUE_DEFINITION,
    Kind.ENUM_TYPE_DEFINITION,
    Kind.ENUM_VALUE_DEFINITION,
    Kind.INPUT_OBJECT_TYPE_DEFINITION,
    Kind.SCALAR_TYPE_DEFINITION,
  ] as const;
  return print(visit(parse(printSchema(schema)), Object.fromEntries(kinds.map((k) => [k, { leave: strip }]))));
}
