import { describe, expect, it } from 'vitest';
import { parse, visit, type ASTNode } from 'graphql';
import { literalPath } from './literal-path.js';

/** The first string literal in a query whose value is `value`. */
function literalOf(query: string, value: string) {
  const doc = parse(query);
  let node: ASTNode | undefined;
  visit(doc, { StringValue: (n) => void (n.value === value && !node && (node = n)) });
  return { doc, node };
}

describe('literalPath: where a literal stands, named as graphql-js names a place in a variable', () => {
  it('an input field of an argument', () => {
    const { doc, node } = literalOf(`{ quote(input: { jurisdiction: "a", paymentDate: "x" }) { amountDue } }`, 'x');
    expect(literalPath(doc, node)).toBe('input.paymentDate');
  });
  it('a list position, and a field of a later selection', () => {
    const { doc, node } = literalOf(`{ a: quote(input: { paymentDate: "x" }) { amountDue } quotes(inputs: [{ paymentDate: "y" }, { categories: ["p", "x2"] }]) { amountDue } }`, 'x2');
    expect(literalPath(doc, node)).toBe('inputs[1].categories[1]');
  });
  it('an argument itself', () => {
    const { doc, node } = literalOf(`{ policy(jurisdiction: "x", year: 2025) { id } }`, 'x');
    expect(literalPath(doc, node)).toBe('jurisdiction');
  });
  it('nothing for a variable’s default value, a field node or no node', () => {
    const { doc, node } = literalOf(`query($i: QuoteInput = { paymentDate: "x" }) { quote(input: $i) { amountDue } }`, 'x');
    expect(literalPath(doc, node)).toBeUndefined();
    const field = (doc.definitions[0] as any).selectionSet.selections[0];
    expect(literalPath(doc, field)).toBeUndefined();
    expect(literalPath(doc, undefined)).toBeUndefined();
  });
});
