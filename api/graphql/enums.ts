import { registerEnumType } from 'type-graphql';

/**
 * Expose a list of kebab-case values (as stored in documents) as a GraphQL enum: `fixed-subsidy`
 * becomes FIXED_SUBSIDY on the wire while resolvers keep working with the stored value.
 */
export function graphqlEnum<const T extends readonly string[]>(values: T, name: string, description: string) {
  const e = Object.fromEntries(values.map((v) => [v.replace(/-/g, '_').toUpperCase(), v])) as Record<string, T[number]>;
  registerEnumType(e, { name, description });
  return e;
}
