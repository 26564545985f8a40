import { Kind, visit, type ASTNode, type DocumentNode } from 'graphql';

const VALUE_KINDS: ReadonlySet<string> = new Set([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.NULL, Kind.LIST, Kind.OBJECT]);

/**
 * The place of a literal value in the query, named as graphql-js names a place in a variable:
 * the argument, then its input fields and list positions (`input.paymentDate`, `inputs[2].year`).
 * Undefined for a node that is no literal of an argument (a field, a variable's default …).
 */
export function literalPath(document: DocumentNode | undefined, node: ASTNode | undefined): string | undefined {
  if (!document || !node || !VALUE_KINDS.has(node.kind) || !node.loc) return undefined;
  const start = node.loc.start;
  const end = node.loc.end;
  const names: (string | number)[] = [];
  let found: string | undefined;
  let inArgument = 0;
  visit(document, {
    enter(n, key) {
      if (found !== undefined) return false;
      // a subtree that does not hold the literal is not walked
      if (n.loc && (n.loc.end < start || n.loc.start > end)) return false;
      if (n.kind === Kind.ARGUMENT) inArgument++;
      if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) names.push(n.name.value);
      else if (typeof key === 'number' && VALUE_KINDS.has(n.kind)) names.push(key);
      if (VALUE_KINDS.has(n.kind) && n.loc?.start === start && n.loc.end === end && inArgument) {
        found = names.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');
        return false;
      }
      return undefined;
    },
    leave(n, key) {
      if (n.kind === Kind.ARGUMENT) inArgument--;
      if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD || (typeof key === 'number' && VALUE_KINDS.has(n.kind))) names.pop();
    },
  });
  return found;
}
