import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, type Reason } from '../../api/i18n/catalog.js';
import { UserService } from '../../api/modules/user/user.service.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

/*
 * Issue 15, item 1 (the API half), over HTTP against PostgreSQL: the same bad requests answered in
 * Chinese by default and for `Accept-Language: zh-CN`, in English for `en` and `en-US,en;q=0.9`, each with
 * the same stable `extensions.reason` (and its `code` as before). If the negotiation were switched off,
 * every English expectation here fails; if the default were English, every Chinese one does.
 */
let api: TestApi;
let token: string;
const PASSWORD = 'correct horse battery';
const ZH = [undefined, 'zh-CN', 'zh;q=0.9, en;q=0.5'] as const;
const EN = ['en', 'en-US,en;q=0.9'] as const;
const HAN = /[\u4e00-\u9fff]/;

async function gql(query: string, variables: Record<string, unknown> | undefined, lang: string | undefined, auth = token) {
  const res = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}), ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, any>; locations?: { line: number; column: number }[] }[] } };
}

beforeAll(async () => {
  api = await startTestApi({ app: { limits: { maxAliases: 3 }, loginThrottle: { perUsername: 100, perAddress: 100, windowSeconds: 900 } } });
  const ids = (await api.orm.em.fork().execute(`select id from jurisdiction where name = '五河县'`)) as { id: number }[];
  await new UserService(api.orm.em.fork()).create({ username: 'reader', password: PASSWORD, roles: ['auditor'], jurisdictionIds: [] });
  await new UserService(api.orm.em.fork()).create({ username: 'officer', password: PASSWORD, roles: ['drafter'], jurisdictionIds: ids.map((j) => j.id) });
  token = (await gql(`mutation { login(username: "officer", password: "${PASSWORD}") { token } }`, undefined, undefined, '')).body.data.login.token;
});
afterAll(() => api?.close());

/** One bad request: its GraphQL, who asks, and what each language says. */
interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  auth?: () => string;
  reason: Reason;
  code: string;
  zh: RegExp;
  en: RegExp;
  /** Where the refusal points in the query, where it points at a literal. */
  locations?: { line: number; column: number }[];
  /** The place it names (`extensions.field`). */
  field?: string;
}

const cases: Case[] = [
  {
    name: 'a bad quote input (unknown jurisdiction)',
    query: `query($i: QuoteInput!) { quote(input: $i) { amountDue } }`,
    variables: { i: { jurisdiction: '不存在县', year: 2025, paymentDate: '2024-10-01', birthDate: '1990-01-01', categories: [] } },
    reason: 'NO_SUCH_JURISDICTION',
    code: 'BAD_USER_INPUT',
    zh: /^`input\.jurisdiction`：没有代码或名称为 "不存在县" 的辖区$/,
    en: /^input\.jurisdiction: no jurisdiction has the code or name "不存在县"$/,
  },
  {
    name: 'a payment date that is no calendar day',
    query: `query($i: QuoteInput!) { quote(input: $i) { amountDue } }`,
    variables: { i: { jurisdiction: '五河县', year: 2025, paymentDate: '2024-02-30', birthDate: '1990-01-01', categories: [] } },
    reason: 'DATE_OUT_OF_RANGE',
    code: 'BAD_USER_INPUT',
    // the place in the variable is named in both languages
    zh: /^`i\.paymentDate`：2024-02-30 不是真实的日历日期$/,
    en: /^Variable "\$i" got invalid value "2024-02-30" at "i\.paymentDate"; 2024-02-30 is not a real calendar date$/,
  },
  {
    name: 'a payment date that is no calendar day, written in the query (placed at the literal)',
    query: `{ quote(input: { jurisdiction: "五河县", year: 2025, paymentDate: "2024-02-30", categories: [] }) { amountDue } }`,
    reason: 'DATE_OUT_OF_RANGE',
    code: 'GRAPHQL_VALIDATION_FAILED',
    // named by its place in the query, as a variable's place is
    zh: /^`input\.paymentDate`：2024-02-30 不是真实的日历日期$/,
    en: /^input\.paymentDate: 2024-02-30 is not a real calendar date$/,
    locations: [{ line: 1, column: 64 }],
    field: 'input.paymentDate',
  },
  {
    name: 'a birth date that is no calendar day, in the third input of a batch written in the query',
    query: `{ quotes(inputs: [{ jurisdiction: "五河县", year: 2025, paymentDate: "2024-10-01" }, { jurisdiction: "五河县", year: 2025, paymentDate: "2024-10-01" }, { jurisdiction: "五河县", year: 2025, paymentDate: "2024-10-01", birthDate: "1990-13-01" }]) { amountDue } }`,
    reason: 'DATE_OUT_OF_RANGE',
    code: 'GRAPHQL_VALIDATION_FAILED',
    zh: /^`inputs\[2\]\.birthDate`：1990-13-01 不是真实的日历日期$/,
    en: /^inputs\[2\]\.birthDate: 1990-13-01 is not a real calendar date$/,
    field: 'inputs[2].birthDate',
  },
  {
    name: 'a bad draft edit (a draft that does not exist)',
    query: `mutation { updateDraft(id: "00000000-0000-0000-0000-000000000000", revision: 1, document: {}) { id } }`,
    reason: 'NO_SUCH_POLICY_VERSION',
    code: 'BAD_USER_INPUT',
    zh: /^`id`：没有编号为 "0{8}-0{4}-0{4}-0{4}-0{12}" 的政策版本$/,
    en: /^id: no policy version has the id "0{8}-0{4}-0{4}-0{4}-0{12}"$/,
  },
  {
    name: 'a draft for a year out of range',
    query: `mutation { createDraft(from: "00000000-0000-0000-0000-000000000000", year: 1900) { id } }`,
    reason: 'YEAR_OUT_OF_RANGE',
    code: 'BAD_USER_INPUT',
    zh: /^`year`：1900 不是 2000 至 2100 年之间的参保年度$/,
    en: /^year: 1900 is not a coverage year between 2000 and 2100$/,
  },
  {
    name: 'a forbidden call (an auditor listing users)',
    query: `{ users { id } }`,
    auth: () => readerToken,
    reason: 'ROLE_REQUIRED',
    code: 'FORBIDDEN',
    zh: /^`users`：需要管理员角色；reader 的角色是审计人$/,
    en: /^users: needs the role admin; reader has auditor$/,
  },
  {
    name: 'a call that needs a login',
    query: `{ cohorts { id } }`,
    auth: () => '',
    reason: 'LOGIN_REQUIRED',
    code: 'UNAUTHENTICATED',
    zh: /^`cohorts`：请先登录/,
    en: /^cohorts: log in first/,
  },
  {
    name: 'a limit exceeded (aliases)',
    query: `{ a: me { id } b: me { id } c: me { id } d: me { id } }`,
    reason: 'TOO_MANY_ALIASES',
    code: 'LIMIT_EXCEEDED',
    zh: /^查询有 4 个别名；最多允许 3 个。$/,
    en: /^The query has 4 aliases; at most 3 are allowed\.$/,
  },
  {
    name: 'a login failure',
    query: `mutation { login(username: "officer", password: "wrong password!") { token } }`,
    auth: () => '',
    reason: 'LOGIN_FAILED',
    code: 'UNAUTHENTICATED',
    zh: /^用户名或密码错误$/,
    en: /^invalid username or password$/,
  },
  {
    name: 'a bad token (refused while making the context)',
    query: `{ __typename }`,
    auth: () => 'not-a-token',
    reason: 'TOKEN_INVALID',
    code: 'UNAUTHENTICATED',
    zh: /^`Authorization`：令牌或接口密钥无效/,
    en: /^Authorization: the token or API key is invalid, expired or revoked; log in again$/,
  },
  {
    name: 'a query that does not validate (graphql-js)',
    query: `{ noSuchField }`,
    reason: 'QUERY_INVALID',
    code: 'GRAPHQL_VALIDATION_FAILED',
    zh: /^查询未通过校验：类型 `Query` 没有字段 `noSuchField`。$/,
    en: /^Cannot query field "noSuchField" on type "Query"\.$/,
  },
  {
    name: 'a field misspelt, with graphql-js’s suggestion (graphql-js)',
    query: `query($i: QuoteInput!) { quote(input: $i) { amountDu } }`,
    variables: { i: { jurisdiction: '五河县', year: 2025, paymentDate: '2024-10-01', categories: [] } },
    reason: 'QUERY_INVALID',
    code: 'GRAPHQL_VALIDATION_FAILED',
    zh: /^查询未通过校验：类型 `Quote` 没有字段 `amountDu`，是否想用 `amountDue`？$/,
    en: /^Cannot query field "amountDu" on type "Quote"\. Did you mean "amountDue"\?$/,
  },
  {
    name: 'a syntax error (graphql-js)',
    query: `{ quote(input: {}) { amountDue }`,
    reason: 'QUERY_SYNTAX',
    code: 'GRAPHQL_PARSE_FAILED',
    zh: /^查询语法有误：此处应为 Name，实际为 <EOF>。$/,
    en: /^Syntax Error: Expected Name, found <EOF>\.$/,
  },
];
let readerToken = '';

describe('errors in the caller’s language, with a stable reason', () => {
  beforeAll(async () => {
    readerToken = (await gql(`mutation { login(username: "reader", password: "${PASSWORD}") { token } }`, undefined, 'en', '')).body.data.login.token;
  });

  for (const c of cases)
    it(c.name, async () => {
      for (const lang of [...ZH, ...EN]) {
        const { body } = await gql(c.query, c.variables, lang, c.auth ? c.auth() : token);
        const e = body.errors?.[0];
        expect(e, `${c.name} (${lang ?? 'no Accept-Language'}): ${JSON.stringify(body)}`).toBeDefined();
        expect(e!.extensions).toMatchObject({ code: c.code, reason: c.reason });
        if (c.locations) expect(e!.locations).toEqual(c.locations);
        if (c.field) expect(e!.extensions.field).toBe(c.field);
        if ((EN as readonly (string | undefined)[]).includes(lang)) {
          expect(e!.message).toMatch(c.en);
          expect(e!.message).not.toMatch(HAN.test(c.en.source) ? /^$/ : HAN);
        } else expect(e!.message).toMatch(c.zh);
      }
    });

  it('a cohort CSV with bad lines: each line refused with its number, column, reason and words', async () => {
    const csv = ['person_id,unit,birth_date,categories,groups,payment_date', 'p1,nowhere,1990-01-01,,,2024-10-01', 'p2,,1990-13-01,,,2024-10-01', 'p1,,1990-01-01,,,2024-10-01'].join('\n');
    const send = async (lang?: string) => {
      const res = await fetch(`${api.base}/cohorts?jurisdiction=${encodeURIComponent('五河县')}&name=bad-${Math.random()}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) },
        body: csv,
      });
      expect(res.status).toBe(400);
      return (await res.json()) as { error: string; reason: string; errors: { line: number; field: string; message: string; reason: string }[] };
    };
    const zh = await send();
    const en = await send('en-US,en;q=0.9');
    expect(zh.reason).toBe('COHORT_REFUSED');
    expect(en.reason).toBe('COHORT_REFUSED');
    expect(zh.error).toMatch(/^文件被拒，未导入任何数据：共 \d+ 处错误；第 \d+ 行/);
    expect(en.error).toMatch(/^the file was refused, nothing was imported: \d+ errors?; line \d+/);
    expect(zh.errors.map((e) => [e.line, e.field, e.reason])).toEqual(en.errors.map((e) => [e.line, e.field, e.reason]));
    const unit = zh.errors.find((e) => e.field === 'unit')!;
    expect(unit).toMatchObject({ line: 2, reason: 'NOT_A_UNIT' });
    expect(unit.message).toMatch(/^"nowhere" 不是五河县的单位/);
    expect(en.errors.find((e) => e.field === 'unit')!.message).toMatch(/^"nowhere" is not a unit of 五河县/);
    expect(zh.errors.find((e) => e.field === 'birth_date')).toMatchObject({ line: 3, reason: 'DATE_MALFORMED' });
    expect(zh.errors.find((e) => e.field === 'person_id')).toMatchObject({ line: 4, reason: 'PERSON_TWICE' });
    // every refusal the importer made was read back into a reason of its own
    for (const e of [...zh.errors, ...en.errors]) expect(e.reason).not.toBe('LINE_REFUSED');
    for (const e of zh.errors) expect(e.message).toMatch(HAN);
  });

  it('not found on a REST route: GET /cohorts/imports/<id>', async () => {
    for (const [lang, text] of [
      [undefined, '没有此导入任务'],
      ['zh-CN', '没有此导入任务'],
      ['en', 'no such import'],
      ['en-US,en;q=0.9', 'no such import'],
    ] as const) {
      const res = await fetch(`${api.base}/cohorts/imports/nope`, { headers: { authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: text, reason: 'NO_SUCH_IMPORT' });
    }
  });

  it('a body over the limit (413, refused before GraphQL) in the caller’s language', async () => {
    const big = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    for (const [lang, re] of [
      [undefined, /^请求体超过 [\d,]+ 字节。$/],
      ['en', /^The request body is larger than [\d,]+ bytes\.$/],
    ] as const) {
      const res = await fetch(`${api.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) }, body: big });
      expect(res.status).toBe(413);
      const e = ((await res.json()) as any).errors[0];
      expect(e.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'BODY_TOO_LARGE' });
      expect(e.message).toMatch(re);
    }
  });
});

describe('words of answers in the caller’s language', () => {
  it('AutoChange.reason: why clone-forward moved a value', async () => {
    const list = await gql(`{ policyVersions(jurisdiction: "五河县", status: PUBLISHED) { id year } }`, undefined, 'en');
    const from = list.body.data.policyVersions[0];
    const draft = await gql(`mutation($f: ID!, $y: Int!) { createDraft(from: $f, year: $y) { id autoChanges { path reason } } }`, { f: from.id, y: from.year + 1 }, undefined);
    expect(draft.body.errors).toBeUndefined();
    const id = draft.body.data.createDraft.id as string;
    const read = async (lang?: string) =>
      (await gql(`query($id: ID!) { policyVersion(id: $id) { autoChanges { path reason } } }`, { id }, lang)).body.data.policyVersion.autoChanges as { path: string; reason: string }[];
    const zh = await read();
    const en = await read('en');
    expect(zh.find((c) => c.path === 'coverageYear')!.reason).toBe('草案的参保年度');
    expect(en.find((c) => c.path === 'coverageYear')!.reason).toBe('the coverage year of the draft');
    expect(draft.body.data.createDraft.autoChanges.find((c: any) => c.path === 'coverageYear').reason).toBe('草案的参保年度');
    expect(zh.filter((c) => /date moved/.test(c.reason))).toEqual([]);
    expect(zh.some((c) => /^日期顺延 1 年$/.test(c.reason))).toBe(true);
  });
});

describe('the catalog of reasons', () => {
  // Latin words allowed in Chinese text outside backticks: codes (SCREAMING_SNAKE or all capitals), the
  // file formats, and the date pattern YYYY-MM-DD; placeholders are filled by the caller's values
  const ALLOWED = /^(?:[A-Z][A-Z0-9_]*|DOCX|PDF|CSV|JSON|UTF|NUL|identity|gzip|deflate|br)$/;

  it('has a Chinese and an English message for every reason, with the same parameters', () => {
    for (const [reason, m] of Object.entries(CATALOG)) {
      expect(reason).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(m.zh.trim(), reason).not.toBe('');
      expect(m.en.trim(), reason).not.toBe('');
      expect(m.zh, reason).toMatch(HAN);
    }
  });

  it('writes no English words in Chinese outside backticks, placeholders and allowed codes', () => {
    const offending: string[] = [];
    for (const [reason, m] of Object.entries(CATALOG)) {
      const text = m.zh.replace(/`[^`]*`/g, '').replace(/\{\w+(?::\w+)?\}/g, '');
      for (const word of text.match(/[A-Za-z]{2,}/g) ?? []) if (!ALLOWED.test(word)) offending.push(`${reason}: ${word}`);
    }
    expect(offending).toEqual([]);
  });

  it('is listed in the README, every reason and nothing more', () => {
    const readme = readFileSync('README.md', 'utf8');
    const part = readme.slice(readme.indexOf('## Languages and error codes'));
    const listed = [...part.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(CATALOG).sort());
  });
});
