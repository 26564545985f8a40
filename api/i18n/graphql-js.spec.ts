import { buildSchema, execute, GraphQLError, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { inChinese } from './graphql-js.js';

const schema = buildSchema(`
  enum Kind { FULL PERCENT }
  input In { date: String!, year: Int!, kind: Kind }
  type Quote { amountDue: String!, subsidies: [Sub!]! }
  type Sub { amount: String! }
  type Query { quote(input: In!): Quote! }
`);

/** What graphql-js says of a request: its syntax, validation or variables' error. */
function graphqlJs(query: string, variables?: Record<string, unknown>): string {
  let doc;
  try {
    doc = parse(query);
  } catch (e) {
    return (e as GraphQLError).message;
  }
  const invalid = validate(schema, doc);
  if (invalid.length) return invalid[0]!.message;
  const r = execute({ schema, document: doc, variableValues: variables, rootValue: { quote: () => ({ amountDue: '1', subsidies: [] }) } }) as { errors?: GraphQLError[] };
  return r.errors?.[0]?.message ?? '';
}

const cases: [string, string, Record<string, unknown> | undefined, string][] = [
  ['an unknown field, with a suggestion', '{ quote(input: { date: "x", year: 1 }) { amountDu } }', undefined, '类型 `Quote` 没有字段 `amountDu`，是否想用 `amountDue`？'],
  ['a missing argument', '{ quote { amountDue } }', undefined, '字段 `quote` 缺少必填参数 `input`（类型 `In!`）。'],
  ['an unknown argument', '{ quote(input: { date: "x", year: 1 }, asOf: "y") { amountDue } }', undefined, '字段 `Query.quote` 没有参数 `asOf`。'],
  ['a missing input field', '{ quote(input: { date: "x" }) { amountDue } }', undefined, '缺少必填字段 `In.year`（类型 `Int!`）。'],
  ['a selection missing', '{ quote(input: { date: "x", year: 1 }) }', undefined, '字段 `quote`（类型 `Quote!`）须选择子字段，例如 `quote { ... }`。'],
  ['a syntax error', '{ quote(input: { date: "x", year: 1 }) { amountDue }', undefined, '此处应为 Name，实际为 <EOF>。'],
  ['an unknown enum value', '{ quote(input: { date: "x", year: 1, kind: FUL }) { amountDue } }', undefined, '枚举 `Kind` 没有值 `FUL`，是否想用 `FULL`？'],
  ['a variable not given', 'query($i: In!) { quote(input: $i) { amountDue } }', {}, '缺少必填变量 `$i`（类型 `In!`）。'],
  ['a variable missing a field', 'query($i: In!) { quote(input: $i) { amountDue } }', { i: { date: 'x' } }, '变量 `$i` 的值 { date: "x" } 无效：缺少必填字段 `year`（类型 `Int!`）。'],
  ['a variable of the wrong type at a place', 'query($i: In!) { quote(input: $i) { amountDue } }', { i: { date: 'x', year: 1.5 } }, '变量 `$i` 的 `i.year` 的值 1.5 无效：整数（Int）不能表示非整数值 1.5'],
];

describe("graphql-js's messages in Chinese", () => {
  for (const [name, query, variables, zh] of cases)
    it(name, () => {
      const en = graphqlJs(query, variables);
      expect(en, 'graphql-js refused it').not.toBe('');
      expect(inChinese(en)).toBe(zh);
    });

  it('leaves a sentence it does not know as graphql-js wrote it', () => {
    expect(inChinese('Something graphql-js may say one day.')).toBe('Something graphql-js may say one day.');
  });
});
