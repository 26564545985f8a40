import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';
import { z } from 'zod';
import { pathDescription } from '../../policy-schemas/index.js';
import { defOf, unwrap, type Schema } from '../../policy-schemas/walk.js';
import { DateScalar, MoneyScalar } from './scalars.js';
import file from './descriptions.json' with { type: 'json' };

/*
 * The API's own types (quotes, cohorts, previews, users, the history …) and argument lists, each
 * declared once: `@objectType class Quote extends fields({ … })`, its fields and their types as a
 * zod shape. From that one declaration come the TypeScript type the resolvers and services use (the
 * class), the runtime shape (`Quote.schema`) and the GraphQL type (the class, its fields declared by
 * calling type-graphql's decorators as functions, as document-types.ts does for the document). What
 * each type, field and argument means is data, in descriptions.json beside this module, checked when
 * a type is declared (a field without a description fails the start-up, naming it) and by
 * object-types.spec.ts (no entry without a field).
 *
 * A field's type reads like SDL: `T.Int`, `T.Money`, `nullable(T.String)`, `list(Count)`,
 * `enumOf(JobStatusEnum)`, or another type declared so.
 */

/** What a type function of `@Field` returns: a class, a scalar or an enum object. */
type TypeValue = object;

const leaves = new Map<Schema, TypeValue>();
const leaf = <S extends z.ZodType>(schema: S, type: TypeValue): S => {
  leaves.set(schema, type);
  return schema;
};

/** The scalars, with the TypeScript type each holds (Money: integer fen; Date: YYYY-MM-DD; DateTime: a Date). */
export const T = {
  ID: leaf(z.string(), ID),
  /** An ID held as a number inside (users, API keys). */
  NumericID: leaf(z.number().int(), ID),
  String: leaf(z.string(), String),
  Int: leaf(z.number().int(), Int),
  Float: leaf(z.number(), Float),
  Boolean: leaf(z.boolean(), Boolean),
  Money: leaf(z.number().int(), MoneyScalar),
  Date: leaf(z.string(), DateScalar),
  DateTime: leaf(z.date(), DateTimeResolver),
  JSON: leaf(z.unknown(), GraphQLJSON),
};

const enumLeaves = new Map<object, z.ZodType>();

/** A field of a GraphQL enum (graphqlEnum, wireEnum, documentEnum): it holds the stored value (a string, unless `V` says which). */
export function enumOf<V extends string = string>(e: object): z.ZodType<V> {
  let s = enumLeaves.get(e);
  if (!s) enumLeaves.set(e, (s = leaf(z.custom<V>((v) => typeof v === 'string' && Object.values(e).includes(v)), e)));
  return s as z.ZodType<V>;
}

/** A class whose fields are a zod shape (`class X extends fields({ … })`), its static `schema`. */
export interface ShapedClass<Z extends z.ZodObject = z.ZodObject> extends Function {
  readonly schema: Z;
}

/** What a field may be declared as: a zod schema made of the parts here, or a class of this module. */
type Part = z.ZodType | ShapedClass;
type SchemaOf<P extends Part> = P extends z.ZodType ? P : P extends ShapedClass<infer Z> ? Z : never;
type Shape = Record<string, Part>;
type ZodShape<S extends Shape> = { -readonly [K in keyof S]: SchemaOf<S[K]> };

const schemaOf = <P extends Part>(p: P): SchemaOf<P> => (typeof p === 'function' ? (p as ShapedClass).schema : p) as SchemaOf<P>;

/** A list of values of a type (never holding null). */
export const list = <P extends Part>(p: P): z.ZodArray<SchemaOf<P>> => z.array(schemaOf(p)) as z.ZodArray<SchemaOf<P>>;
/** A field that may be null. */
export const nullable = <P extends Part>(p: P): z.ZodNullable<SchemaOf<P>> => schemaOf(p).nullable() as z.ZodNullable<SchemaOf<P>>;
/** An argument that may be left out (GraphQL: nullable). */
export const optional = <P extends Part>(p: P): z.ZodOptional<SchemaOf<P>> => schemaOf(p).optional() as z.ZodOptional<SchemaOf<P>>;
/** An argument with its default. */
export const withDefault = <P extends Part>(p: P, value: z.output<SchemaOf<P>>): z.ZodDefault<SchemaOf<P>> => schemaOf(p).default(value as never) as z.ZodDefault<SchemaOf<P>>;

// ---------------------------------------------------------------- descriptions

const Text = z.union([
  z.string(),
  z.strictObject({
    description: z.string().optional(),
    /** The description is a document path's, from the registry of policy-schemas (for fields that mirror the document). */
    path: z.string().optional(),
    /** A field kept for callers of an earlier shape: why, and what replaces it. */
    deprecationReason: z.string().optional(),
  }),
]);
const DescriptionsFile = z.strictObject({
  $comment: z.array(z.string()),
  types: z.record(z.string(), z.strictObject({ description: z.string(), fields: z.record(z.string(), Text) })),
  args: z.record(z.string(), z.record(z.string(), Text)),
});
const checked = DescriptionsFile.safeParse(file);
if (!checked.success) throw new Error(`api/graphql/descriptions.json: ${z.prettifyError(checked.error)}`);
const DESCRIPTIONS = checked.data;

/** Which entries of descriptions.json were read, by `types.<Name>` and `args.<Name>`: what none read is stale. */
const used = new Map<string, Set<string>>();

function textOf(at: string, texts: Record<string, z.infer<typeof Text>> | undefined, key: string): { description: string; deprecationReason?: string } {
  const t = texts?.[key];
  if (t === undefined) throw new Error(`api/graphql/descriptions.json has no description for ${at}.${key}`);
  used.get(at)!.add(key);
  if (typeof t === 'string') return { description: t };
  const description = t.path ? pathDescription(t.path) : t.description;
  if (description === undefined) throw new Error(`api/graphql/descriptions.json ${at}.${key}: a description or a path`);
  return { description, ...(t.deprecationReason ? { deprecationReason: t.deprecationReason } : {}) };
}

/** Entries of descriptions.json no declared type or argument list reads (after every module is loaded: a test). */
export function unusedDescriptions(): string[] {
  const entries: [string, Record<string, unknown>][] = [
    ...Object.entries(DESCRIPTIONS.types).map(([name, e]) => [`types.${name}`, e.fields] as [string, Record<string, unknown>]),
    ...Object.entries(DESCRIPTIONS.args).map(([name, e]) => [`args.${name}`, e] as [string, Record<string, unknown>]),
  ];
  return entries.flatMap(([at, texts]) => Object.keys(texts).filter((k) => !used.get(at)?.has(k)).map((k) => `${at}.${k}`));
}

// ---------------------------------------------------------------- classes

/** The base of a declared type or argument list: its fields, in the order given, as a zod object (the class's static `schema`). */
export function fields<S extends Shape>(shape: S): ShapedClass<z.ZodObject<ZodShape<S>>> & (new () => z.output<z.ZodObject<ZodShape<S>>>) {
  const schema = z.object(Object.fromEntries(Object.entries(shape).map(([k, p]) => [k, schemaOf(p)])) as ZodShape<S>);
  return class {
    static readonly schema = schema;
  } as never;
}

const classes = new Map<Schema, ShapedClass>();

/** The GraphQL type of a field's schema, and whether it is a list, nullable, or has a default. */
function graphqlOf(schema: Schema, at: string) {
  const u = unwrap(schema);
  let base = u.base;
  const list = defOf(base).type === 'array';
  if (list) {
    const item = unwrap(defOf(base).element!);
    if (item.nullable || item.optional) throw new Error(`${at}: a list's items are never null`);
    base = item.base;
  }
  const type = leaves.get(base) ?? classes.get(base);
  if (!type) throw new Error(`${at}: not a type of the API (T.…, enumOf(…) or a declared type)`);
  return { type, list, nullable: u.nullable || u.optional, hasDefault: u.hasDefault, defaultValue: u.defaultValue };
}

/** Declare a class's fields as `@Field(() => T, { nullable, defaultValue, description })` would, from its shape. */
function declare(kind: 'types' | 'args', cls: ShapedClass, texts: Record<string, z.infer<typeof Text>> | undefined) {
  const at = `${kind}.${cls.name}`;
  if (used.has(at)) throw new Error(`${at} is declared twice`);
  if (classes.has(cls.schema)) throw new Error(`${cls.name}: its fields are another class's`);
  used.set(at, new Set());
  classes.set(cls.schema, cls);
  for (const [key, s] of Object.entries(cls.schema.shape) as [string, Schema][]) {
    const g = graphqlOf(s, `${cls.name}.${key}`);
    Field(g.list ? () => [g.type] : () => g.type, {
      ...(g.nullable ? { nullable: true } : {}),
      ...(g.hasDefault ? { defaultValue: g.defaultValue } : {}),
      ...textOf(at, texts, key),
    })(cls.prototype, key);
  }
}

/** `@objectType class X extends fields({ … })`: an object type of the API, named as the class, described by descriptions.json (`types.<X>`). */
export function objectType(cls: ShapedClass): void {
  const entry = DESCRIPTIONS.types[cls.name];
  if (!entry) throw new Error(`api/graphql/descriptions.json has no type ${cls.name}`);
  declare('types', cls, entry.fields);
  ObjectType(cls.name, { description: entry.description })(cls);
}

/** `@argsType class X extends fields({ … })`: the arguments of one or more operations (`@Args(() => X) args: X`), described by `args.<X>`. */
export function argsType(cls: ShapedClass): void {
  declare('args', cls, DESCRIPTIONS.args[cls.name]);
  ArgsType()(cls);
}
