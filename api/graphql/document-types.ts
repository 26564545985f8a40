import { Field, Float, Int, ObjectType } from 'type-graphql';
import { documentShape, type FieldSpec, type TypeRef } from '../../policy-schemas/presentation.js';
import { graphqlEnum } from './enums.js';
import { DateScalar, MoneyScalar } from './scalars.js';

/*
 * The GraphQL types of the policy document, made at start-up from the shape that policy-schemas derives
 * from the zod schema and the registry: one type-graphql class per object type, decorated by calling
 * the decorators as functions (they are functions: `ObjectType(name, options)(cls)`), before
 * `buildSchema` reads them. Nothing here is written per field: a key added to document.ts (with its
 * registry entry) becomes a field of the API.
 */

const shape = documentShape();

const enums = new Map<string, object>();
for (const e of shape.enums.values())
  enums.set(
    e.name,
    graphqlEnum(
      e.values.map((v) => v.value),
      e.name,
      e.description,
      Object.fromEntries(e.values.map((v) => [v.value, v.description])),
      Object.fromEntries(e.values.flatMap((v) => (v.deprecationReason ? [[v.value, v.deprecationReason]] : []))),
    ),
  );

/** A GraphQL enum of the document (WindowKind, WaitingKind, FundSourceKind …), for the API's other types that carry the same values. */
export function documentEnum(name: string): object {
  const e = enums.get(name);
  if (!e) throw new Error(`the document has no GraphQL enum ${name}`);
  return e;
}

const SCALARS = { String, Int, Float, Boolean, Date: DateScalar, Money: MoneyScalar } as const;

const classes = new Map<string, Function>();
for (const o of shape.objects.values()) classes.set(o.name, { [o.name]: class {} }[o.name]!);

/** What a type function of `@Field` returns: a class, a scalar or an enum object. */
type TypeValue = object;

function typeFn(t: TypeRef): () => TypeValue {
  if ('scalar' in t) return () => SCALARS[t.scalar];
  if ('enum' in t) return () => enums.get(t.enum)!;
  return () => {
    const c = classes.get(t.object);
    if (!c) throw new Error(`no GraphQL type ${t.object} in the document's shape`);
    return c;
  };
}

/** Declare the fields on a class (its prototype), as `@Field(() => T, { nullable, description })` would. */
function declare(target: Function, fields: readonly FieldSpec[]) {
  for (const f of fields) {
    const type = typeFn(f.type);
    Field(f.list ? () => [type()] : type, { nullable: f.nullable, description: f.description, ...(f.deprecationReason ? { deprecationReason: f.deprecationReason } : {}) })(target.prototype, f.name);
  }
}

for (const o of shape.objects.values()) {
  const cls = classes.get(o.name)!;
  declare(cls, o.fields);
  ObjectType(o.name, { description: o.description })(cls);
}

/** Add the document's fields to PolicyVersion (the class keeps its own fields: id, status, workflow …). */
export function declareDocumentFields(target: Function) {
  declare(target, shape.root);
}
