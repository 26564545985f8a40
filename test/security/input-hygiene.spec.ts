import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../seeds/index.js';
import { postJson, startTestApi, type TestApi } from '../helpers/api.js';

/**
 * Bad input gets a clean refusal naming where, never an internal error: NUL characters (PostgreSQL's
 * text and jsonb cannot hold them) and lone surrogates (not Unicode) in any string of a request, JSON
 * nested too deep; and error messages repeat at most a short excerpt of what was sent.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

/** The body as text, so that it can carry what JSON.stringify would never write (lone surrogates escaped by hand). */
const postText = (body: string) => postJson(api.url, body);
const post = (body: unknown) => postText(JSON.stringify(body));
const LOGIN = `mutation($u: String!) { login(username: $u, password: "not the password") { token } }`;

describe('NUL characters', () => {
  it('in a variable: refused naming the variable, before it reaches PostgreSQL (where it was an internal error)', async () => {
    const r = await post({ query: LOGIN, variables: { u: 'admin\u0000' } });
    expect(r.status).toBe(400);
    expect(r.body.errors![0]).toMatchObject({
      message: 'variables.u: contains U+0000 (NUL), which text may not contain',
      extensions: { code: 'INVALID_CHARACTER', reason: 'INVALID_CHARACTER' },
    });
  });

  it('in an escape of a string of the query: refused naming its line and column', async () => {
    const r = await post({ query: `mutation {\n  login(username: "ad\\u0000min", password: "x") { token }\n}` });
    expect(r.status).toBe(400);
    expect(r.body.errors![0]).toMatchObject({
      message: 'query text, line 2, column 19: a string contains U+0000 (NUL), which text may not contain',
      extensions: { code: 'INVALID_CHARACTER' },
    });
  });

  it('raw in the query text', async () => {
    const r = await post({ query: `{ jurisdictions { name\u0000 } }` });
    expect(r.body.errors![0]).toMatchObject({ message: 'query text, line 1, column 23: contains U+0000 (NUL), which text may not contain', extensions: { code: 'INVALID_CHARACTER' } });
  });

  it('deep in a JSON document argument, as a variable or written in the query', async () => {
    const document = readSeed('shishi-2025.json') as any;
    document.categories[1].name = '最低生活保障对象\u0000';
    const r = await post({ query: `query($d: JSON!) { validatePolicyDocument(document: $d) { valid } }`, variables: { d: document } });
    expect(r.body.errors![0]).toMatchObject({ message: 'variables.d.categories[1].name: contains U+0000 (NUL), which text may not contain', extensions: { code: 'INVALID_CHARACTER' } });
    const inline = await post({ query: `{ validatePolicyDocument(document: { title: "x\\u0000" }) { valid } }` });
    expect(inline.body.errors![0]!.extensions!.code).toBe('INVALID_CHARACTER');
  });

  it('in a key of a variable', async () => {
    const r = await post({ query: `query($d: JSON!) { validatePolicyDocument(document: $d) { valid } }`, variables: { d: { 'ti\u0000tle': 1 } } });
    expect(r.body.errors![0]).toMatchObject({ message: 'a key of variables.d: contains U+0000 (NUL), which text may not contain' });
  });
});

describe('lone surrogates (not Unicode)', () => {
  it('in a variable', async () => {
    const r = await postText(`{"query": ${JSON.stringify(LOGIN)}, "variables": {"u": "admin\\ud800"}}`);
    expect(r.status).toBe(400);
    expect(r.body.errors![0]).toMatchObject({ message: 'variables.u: contains a lone surrogate U+D800, which is not valid Unicode', extensions: { code: 'INVALID_CHARACTER' } });
  });

  it('in the query text', async () => {
    const r = await postText(`{"query": "mutation { login(username: \\"a\\udc00\\", password: \\"x\\") { token } }"}`);
    expect(r.body.errors![0]).toMatchObject({ message: 'query text, line 1, column 30: contains a lone surrogate U+DC00, which is not valid Unicode', extensions: { code: 'INVALID_CHARACTER' } });
  });

  it('while a pair of surrogates (a character outside the BMP) is text like any other', async () => {
    const r = await post({ query: `{ policy(jurisdiction: "𠀀县", year: 2025) { id } }` });
    expect(r.body.errors![0]).toMatchObject({ message: 'jurisdiction: no jurisdiction has the code or name "𠀀县"', extensions: { code: 'BAD_USER_INPUT', reason: 'NO_SUCH_JURISDICTION' } });
  });
});

describe('JSON nesting', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

  it('refuses variables nested more than 32 levels deep, naming where', async () => {
    const ok = await post({ query: `query($d: JSON!) { validatePolicyDocument(document: $d) { valid } }`, variables: { d: nested(30) } });
    expect(ok.body.data.validatePolicyDocument.valid).toBe(false);
    const r = await post({ query: `query($d: JSON!) { validatePolicyDocument(document: $d) { valid } }`, variables: { d: nested(40) } });
    expect(r.status).toBe(400);
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'jsonDepth', max: 32 });
    expect(r.body.errors![0]!.message).toMatch(/^variables\.d(\.a){31}: nested more than 32 levels deep/);
  });

  it('refuses an object literal of the query nested more than 32 levels deep', async () => {
    const literal = `${'{ a: '.repeat(40)}1${' }'.repeat(40)}`;
    const r = await post({ query: `{ validatePolicyDocument(document: ${literal}) { valid } }` });
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'jsonDepth', max: 32 });
    expect(r.body.errors![0]!.message).toMatch(/^query text, line 1, column 26: the value of document is nested more than 32 levels deep/);
  });
});

describe('error messages repeat at most an excerpt of the input', () => {
  const long = 'x'.repeat(100_000);

  it('in a scalar of ours (Date)', async () => {
    const r = await post({ query: `query($d: Date!) { quote(input: { jurisdiction: "石狮市", year: 2025, paymentDate: $d }) { amountDue } }`, variables: { d: long } });
    const message = r.body.errors![0]!.message;
    expect(message.length).toBeLessThan(300);
    expect(message).toContain('(100000 characters)');
  });

  it("in graphql-js's own coercion errors", async () => {
    const r = await post({ query: `query($y: Int!) { policy(jurisdiction: "石狮市", year: $y) { id } }`, variables: { y: long } });
    expect(r.body.errors![0]!.message.length).toBeLessThan(300);
    expect(JSON.stringify(r.body).length).toBeLessThan(1000);
  });

  it('in a message quoting a value (no jurisdiction has the code or name …)', async () => {
    const r = await post({ query: `query($j: String!) { policy(jurisdiction: $j, year: 2025) { id } }`, variables: { j: long } });
    expect(r.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0]!.message.length).toBeLessThan(300);
    const q = await post({ query: `query($j: String!) { quote(input: { jurisdiction: $j, year: 2025, paymentDate: "2024-11-15" }) { amountDue } }`, variables: { j: long } });
    expect(q.body.errors![0]!.message).toBe(`input.jurisdiction: no jurisdiction has the code or name "${'x'.repeat(40)}"… (100000 characters)`);
  });
});
