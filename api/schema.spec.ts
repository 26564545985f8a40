import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlSchema } from './graphql/schema.js';

describe('api/schema.graphql', () => {
  it('is the schema the server builds (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
    expect(printSchema(await graphqlSchema()) + '\n').toBe(committed);
  });

  it('keeps the operations and fields promised to integrators', async () => {
    const sdl = printSchema(await graphqlSchema());
    expect(sdl).toMatch(/jurisdictions\(.*\): \[Jurisdiction!\]!/);
    expect(sdl).toMatch(/\n  policy\(\n[^]*?jurisdiction: String!\n[^]*?year: Int!\n[^]*?\n  \): PolicyVersion\n/);
    expect(sdl).toMatch(/policyVersions\([^)]*jurisdiction: String[^)]*year: Int[^)]*status: PolicyStatus[^)]*\): \[PolicyVersion!\]!/);
    for (const op of ['quote(input: QuoteInput!): Quote!', 'quotes(inputs: [QuoteInput!]!): [Quote!]!', 'refund(input: RefundInput!): RefundDecision!', 'compareVersions(', 'createDraft(', 'updateDraft(', 'submitForReview(', 'approve(', 'reject(', 'publish(', 'login('])
      expect(sdl).toContain(op);
    for (const f of ['id: ID!', 'documentNumber: String!', 'issuedOn: Date!', 'contentHash: String!', 'document: JSON!', 'roster: [RosterMember!]!', 'quotas: [QuotaRow!]!'])
      expect(sdl).toContain(f);
  });
});
