import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestApi, type GraphQLResponse, type TestApi } from '../helpers/api.js';

/**
 * OWASP GraphQL Cheat Sheet, "Query limiting": depth, aliases, directives, tokens, length, fragment
 * fan-out, cost (engine runs, counted from literals and from variables, which validation rules never
 * see), time. Every refusal says which limit and its value: `LIMIT_EXCEEDED`, `limit`, `max`.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const post = (body: unknown, target = api) => postJson(target.url, body);
const limitOf = (r: { body: GraphQLResponse }) => r.body.errors?.[0]?.extensions;
const INPUT = { jurisdiction: '石狮市', year: 2025, paymentDate: '2024-11-15', categories: ['di-bao'] };
const inputs = (n: number) => Array.from({ length: n }, () => INPUT);
const rep = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

describe('depth', () => {
  // parent of parent of …: one object at each level, whatever the depth
  const nested = (levels: number) => `{ jurisdiction(codeOrName: "灵源街道") { ${'parent { '.repeat(levels - 2)}name${' }'.repeat(levels - 2)} } }`;
  it('answers 12 levels and refuses 13, through fragments too', async () => {
    expect((await post({ query: nested(12) })).body.errors).toBeUndefined();
    const deep = await post({ query: nested(13) });
    expect(deep.status).toBe(400);
    expect(limitOf(deep)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'depth', max: 12, found: 13 });
    const viaFragment = await post({ query: `{ jurisdiction(codeOrName: "灵源街道") { parent { ...F } } } fragment F on Jurisdiction { ${'parent { '.repeat(10)}name${' }'.repeat(10)} }` });
    expect(limitOf(viaFragment)).toMatchObject({ limit: 'depth', max: 12, found: 13 });
  });
});

describe('aliases', () => {
  it('answers 15 aliased fields and refuses 16, counting those a fragment brings each time it is spread', async () => {
    const J = 'jurisdiction(codeOrName: "石狮市") { name }';
    expect((await post({ query: `{ ${rep(15, (i) => `a${i}: ${J}`)} }` })).body.errors).toBeUndefined();
    const r = await post({ query: `{ ${rep(16, (i) => `a${i}: ${J}`)} }` });
    expect(r.status).toBe(400);
    expect(limitOf(r)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'aliases', max: 15, found: 16 });
    expect(r.body.errors![0]!.message).toBe('The query has 16 aliases; at most 15 are allowed.');
    const spread = await post({ query: `{ ...A ...B } fragment A on Query { ${rep(8, (i) => `a${i}: ${J}`)} } fragment B on Query { ...A }` });
    expect(limitOf(spread)).toMatchObject({ limit: 'aliases', found: 16 });
  });

  it('refuses 50 aliased quotes calls (the attack of the issue) before running any', async () => {
    const r = await post({ query: `query($i: [QuoteInput!]!) { ${rep(50, (i) => `q${i}: quotes(inputs: $i) { amountDue }`)} }`, variables: { i: inputs(5000) } });
    expect(r.status).toBe(400);
    expect(limitOf(r)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'aliases', max: 15, found: 50 });
  });
});

describe('directives and tokens', () => {
  it('refuses more than 20 directives', async () => {
    expect((await post({ query: `{ jurisdiction(codeOrName: "石狮市") { ${rep(20, () => 'name @include(if: true)')} } }` })).body.errors).toBeUndefined();
    const r = await post({ query: `{ jurisdiction(codeOrName: "石狮市") { ${rep(21, () => 'name @include(if: true)')} } }` });
    expect(limitOf(r)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'directives', max: 20, found: 21 });
  });

  it('refuses a query of more than 2,000 tokens while parsing it', async () => {
    // nine tokens and 1,992 list items: 2,001 tokens in 4,000 characters, under the length limit; one less is parsed (and then found invalid)
    const r = await post({ query: `{ jurisdictions(x: [${'1 '.repeat(1992)}]) }` });
    expect(r.status).toBe(400);
    expect(limitOf(r)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'tokens', max: 2000 });
    expect(r.body.errors![0]!.message).toBe('The query has more than 2,000 tokens; at most 2,000 are accepted.');
    expect(limitOf(await post({ query: `{ jurisdictions(x: [${'1 '.repeat(1991)}]) }` }))).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('refuses a query text over 20,000 characters with 413 before parsing it', async () => {
    const query = `{ jurisdictions { name ${' '.repeat(20_000)} } }`;
    const r = await post({ query });
    expect(r.status).toBe(413);
    expect(limitOf(r)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'queryLength', max: 20_000, found: query.length });
  });
});

describe('fragment fan-out', () => {
  /** 1 KB: each fragment spreads the next four times, twelve deep: 4^12 spreads of the last one. */
  const bomb = (levels: number, k: number) =>
    `query { ...F0 }\n${Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ${rep(k, () => `...F${i + 1}`)} }`).join('\n')}\nfragment F${levels} on Query { jurisdiction(codeOrName: "石狮市") { code } }`;

  it('refuses a 1 KB document of nested fragments by the selections it expands to, before validating it', async () => {
    const query = bomb(12, 4);
    expect(query.length).toBeLessThan(1024);
    const r = await post({ query });
    expect(r.status).toBe(400);
    expect(limitOf(r)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'selections', max: 1000, found: 2 * 4 ** 12 });
    expect(r.body.errors![0]!.message).toBe('The query selects 33,554,432 fields once its fragments are expanded; at most 1,000 are allowed.');
  });

  it('answers the same shape while it stays within the limit', async () => {
    // 2 × 4^4 = 512 selections
    const r = await post({ query: bomb(4, 4) });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.jurisdiction.code).toBe('350581');
  });

  it('refuses repeated fields, which graphql-js compares pairwise, by their number', async () => {
    const r = await post({ query: `{ ${rep(250, () => 'jurisdictions { name code level note }')} }` });
    expect(limitOf(r)).toMatchObject({ limit: 'selections', found: 1250 });
  });
});

describe('cost: quotes are engine runs, over every alias, fragment and variable', () => {
  const Q = `query($a: [QuoteInput!]!, $b: [QuoteInput!]!) { a: quotes(inputs: $a) { amountDue } b: quotes(inputs: $b) { amountDue } }`;

  it('answers one batch of 5,000 inputs', async () => {
    const r = await post({ query: `query($i: [QuoteInput!]!) { quotes(inputs: $i) { amountDue } }`, variables: { i: inputs(5000) } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.quotes).toHaveLength(5000);
  });

  it('counts the inputs given by variables for each request, though the document was validated and cached before', async () => {
    // the same text first with small variables (Apollo validates and caches the document), then large ones
    const small = await post({ query: Q, variables: { a: inputs(2), b: inputs(3) } });
    expect(small.body.data.a).toHaveLength(2);
    const large = await post({ query: Q, variables: { a: inputs(3000), b: inputs(3000) } });
    expect(large.status).toBe(400);
    expect(limitOf(large)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'quotes', max: 5000, found: 6000 });
    expect((await post({ query: Q, variables: { a: inputs(2500), b: inputs(2500) } })).body.data.b).toHaveLength(2500);
  });

  it('counts quotes in fragments each time they are spread, and quote and refund as one run each', async () => {
    const r = await post({
      query: `query($i: [QuoteInput!]!) { ...A ...B } fragment A on Query { x: quotes(inputs: $i) { amountDue } } fragment B on Query { ...A y: quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: "2024-11-15" }) { amountDue } }`,
      variables: { i: inputs(2500) },
    });
    expect(limitOf(r)).toMatchObject({ limit: 'quotes', found: 5001 });
    const literal = await post({ query: `{ ${rep(3, (i) => `q${i}: quotes(inputs: [${rep(2, () => '{ jurisdiction: "石狮市", year: 2025, paymentDate: "2024-11-15" }')}]) { amountDue }`)} }` });
    expect(literal.body.data.q2).toHaveLength(2);
  });

  it('counts what each input selects: 15 copies of the trace per quote over 5,000 inputs cost too much', async () => {
    const selection = rep(15, (i) => `t${i}: trace { rule clause detail }`);
    const r = await post({ query: `query($i: [QuoteInput!]!) { quotes(inputs: $i) { ${selection} } }`, variables: { i: inputs(5000) } });
    expect(r.status).toBe(400);
    expect(limitOf(r)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost', max: 250_000, found: 1 + 5000 * 60 });
    // the same selection for 100 inputs is answered
    expect((await post({ query: `query($i: [QuoteInput!]!) { quotes(inputs: $i) { ${selection} } }`, variables: { i: inputs(100) } })).body.data.quotes).toHaveLength(100);
  });

  it('answers 5,000 inputs selecting every field of Quote', async () => {
    const full = `jurisdiction coverageYear paymentDate individualFee feeLines { coverageYear amount label clause } surcharge surchargeReason
      subsidies { category { code name officialCodes } amount agency fundSource fundSourceKind clause } subsidyTotal amountDue
      window { code name kind from to clause } benefitStart benefitEnd coversCoverageYear noCoverageReason retroactive waitingRule waitingKind
      convention appliedGroups ignoredCategories { code reason } trace { rule clause detail } policyVersionId contentHash`;
    const r = await post({ query: `query($i: [QuoteInput!]!) { quotes(inputs: $i) { ${full} } }`, variables: { i: inputs(5000) } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.quotes[4999].amountDue).toBe('40.00');
  });
});

describe('cost: lists as long as the data makes them', () => {
  // every jurisdiction of China is in the store (about 45,000): each field below `jurisdictions` is resolved that often
  const all = async () => (await post({ query: `{ jurisdictions { id } }` })).body.data.jurisdictions.length as number;

  it('answers every jurisdiction with its parent, or with its children', async () => {
    const parents = await post({ query: `{ jurisdictions { code name parent { code } } }` });
    expect(parents.body.errors).toBeUndefined();
    expect(parents.body.data.jurisdictions.length).toBeGreaterThan(40_000);
    expect((await post({ query: `{ jurisdictions { code children { code } } }` })).body.errors).toBeUndefined();
  });

  it('refuses the whole hierarchy three levels down, and fifteen aliased copies of the list', async () => {
    const n = await all();
    const deep = await post({ query: `{ jurisdictions { name children { name children { name children { name } } } } }` });
    expect(deep.status).toBe(400);
    // 1 + n names + 3 × (n children fields + at most n jurisdictions below, all told)
    expect(limitOf(deep)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost', max: 250_000, found: 1 + 7 * n });
    const aliased = await post({ query: `{ ${rep(15, (i) => `a${i}: jurisdictions { name }`)} }` });
    expect(limitOf(aliased)).toMatchObject({ limit: 'cost', found: 15 * (1 + n) });
  });

  it("counts one level's list by that level: the console's pickers (every province, prefecture and county) are answered", async () => {
    const F = 'id code name level parent { id }';
    const r = await post({
      query: `{ p: jurisdictions(level: PROVINCE) { ${F} } c: jurisdictions(level: PREFECTURE) { ${F} } k: jurisdictions(level: COUNTY) { ${F} }
        t: searchJurisdictions(level: TOWNSHIP, hasPolicies: true, first: 200) { items { ${F} } } }`,
    });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.k.length).toBeGreaterThan(2000);
    // the townships, 40,000 of them, six fields each, fifteen times over: refused
    const townships = await post({ query: `{ ${rep(15, (i) => `t${i}: jurisdictions(level: TOWNSHIP) { ${F} }`)} }` });
    expect(limitOf(townships)).toMatchObject({ limit: 'cost' });
  });

  it('counts a page by its size', async () => {
    const r = await post({ query: `{ searchJurisdictions(query: "街道", first: 20) { total items { name } } }` });
    expect(r.body.errors).toBeUndefined();
  });
});

describe('time limit', () => {
  let slow: TestApi;
  beforeAll(async () => {
    // the same app with a 20 ms limit: a batch of 5,000 quotes takes longer than that on any machine
    slow = await startTestApi({ app: { limits: { timeoutMs: 20 } } });
  });
  afterAll(async () => slow?.close());

  it('stops a request at its deadline and says which limit', async () => {
    const r = await post({ query: `query($i: [QuoteInput!]!) { quotes(inputs: $i) { amountDue trace { rule } } }`, variables: { i: inputs(5000) } }, slow);
    expect(r.status).toBe(503);
    expect(limitOf(r)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'timeMs', max: 20 });
    expect(r.body.errors![0]!.message).toBe('The request took longer than 20 ms and was stopped.');
  });
});
