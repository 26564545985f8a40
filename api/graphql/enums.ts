import { registerEnumType } from 'type-graphql';

/** A stored value's name on the wire: `fixed-subsidy` → FIXED_SUBSIDY, `in_review` → IN_REVIEW. */
export const wireName = (value: string) => value.replace(/-/g, '_').toUpperCase();

type ValueDescriptions<T extends readonly string[]> = Readonly<Record<string, string>> | ((value: T[number]) => string);

const registered = new Map<string, { values: string; e: Record<string, string> }>();

function register<const T extends readonly string[]>(values: T, name: string, description: string, valueDescriptions: ValueDescriptions<T>, nameOf: (v: string) => string, deprecated: Readonly<Record<string, string>> = {}) {
  const key = values.join('|');
  const known = registered.get(name);
  if (known) {
    // one enum per name: a quote's window kind is the document's window kind
    if (known.values !== key) throw new Error(`GraphQL enum ${name} is registered with other values (${known.values}), not ${key}`);
    return known.e as Record<string, T[number]>;
  }
  const e = Object.fromEntries(values.map((v) => [nameOf(v), v])) as Record<string, T[number]>;
  const describe = typeof valueDescriptions === 'function' ? valueDescriptions : (v: string) => valueDescriptions[v];
  const valuesConfig = Object.fromEntries(
    values.flatMap((v) => (describe(v) || deprecated[v] ? [[nameOf(v), { description: describe(v), ...(deprecated[v] ? { deprecationReason: deprecated[v] } : {}) }]] : [])),
  );
  registerEnumType(e, { name, description, valuesConfig });
  registered.set(name, { values: key, e });
  return e;
}

/**
 * Expose a list of kebab-case values (as stored in documents) as a GraphQL enum: `fixed-subsidy`
 * becomes FIXED_SUBSIDY on the wire while resolvers keep working with the stored value. Each value's
 * description comes from `valueDescriptions` (by stored value, or a function of it); one left without
 * is refused by the schema's description test (api/schema-descriptions.spec.ts). One enum per name:
 * asking again for a name already registered gives the same enum (different values are refused).
 */
export function graphqlEnum<const T extends readonly string[]>(
  values: T,
  name: string,
  description: string,
  valueDescriptions: ValueDescriptions<T> = {},
  /** Values kept on the wire though no longer given, with the reason (by stored value). */
  deprecated: Readonly<Record<string, string>> = {},
) {
  return register(values, name, description, valueDescriptions, wireName, deprecated);
}

/**
 * A GraphQL enum whose names are the stored values themselves (`added`, `running`, `drafter`): for a
 * value set that went out as strings before it became an enum, so that the wire values stay exactly
 * as they were.
 */
export function wireEnum<const T extends readonly string[]>(values: T, name: string, description: string, valueDescriptions: ValueDescriptions<T> = {}) {
  return register(values, name, description, valueDescriptions, (v) => v);
}
