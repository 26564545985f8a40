import { registerEnumType } from 'type-graphql';

/** A stored value's name on the wire: `fixed-subsidy` → FIXED_SUBSIDY, `in_review` → IN_REVIEW. */
export const wireName = (value: string) => value.replace(/-/g, '_').toUpperCase();

/**
 * Expose a list of kebab-case values (as stored in documents) as a GraphQL enum: `fixed-subsidy`
 * becomes FIXED_SUBSIDY on the wire while resolvers keep working with the stored value. Each value's
 * description comes from `valueDescriptions` (by stored value, or a function of it); one left without
 * is refused by the schema's description test (api/schema-descriptions.spec.ts).
 */
export function graphqlEnum<const T extends readonly string[]>(
  values: T,
  name: string,
  description: string,
  valueDescriptions: Readonly<Record<string, string>> | ((value: T[number]) => string) = {},
) {
  const e = Object.fromEntries(values.map((v) => [wireName(v), v])) as Record<string, T[number]>;
  const describe = typeof valueDescriptions === 'function' ? valueDescriptions : (v: string) => valueDescriptions[v];
  const valuesConfig = Object.fromEntries(values.flatMap((v) => (describe(v) ? [[wireName(v), { description: describe(v) }]] : [])));
  registerEnumType(e, { name, description, valuesConfig });
  return e;
}
