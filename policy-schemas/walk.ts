import type { z } from 'zod';
import { fen, isoDate, percent } from './primitives.js';

/*
 * A walk over the zod schema of the policy document: every node with its schema path (list items
 * without indices: `categories.benefit.kind`), what kind of value it holds, and whether it may be
 * absent. The registry of labels (registry.ts), the GraphQL types (presentation.ts) and their tests
 * all read the document's shape from here, so that a field added to document.ts reaches each of them.
 * zod 4 keeps a schema's definition in `schema._zod.def`; only what the document uses is read.
 */

export type Schema = z.core.$ZodType;

export type NodeKind =
  | 'object'
  | 'list'
  /** a discriminated union: its variants' fields merged, the discriminator first */
  | 'union'
  /** a plain union of primitives (a literal or a date) */
  | 'choice'
  | 'string'
  | 'date'
  | 'money'
  | 'percent'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'literal';

export interface SchemaNode {
  /** The schema path: keys joined by dots, list items without indices; '' for the document. */
  path: string;
  /** The last key ('' for the document and for a list's item). */
  key: string;
  kind: NodeKind;
  /** The schema stripped of optional / nullable / default. */
  schema: Schema;
  /** The key may be missing (optional without a default). */
  optional: boolean;
  nullable: boolean;
  hasDefault: boolean;
  /** object and union: the fields, in the schema's order (a union's: the discriminator, then each variant's new keys). */
  children?: SchemaNode[];
  /** list: the item, at the same path. */
  element?: SchemaNode;
  /** enum: its values; literal: its one value; union: the discriminator's values; choice: the literals among its options. */
  values?: readonly (string | number)[];
  /** union: the discriminator key. */
  discriminator?: string;
  /** union: which fields each variant has (by discriminator value). */
  variants?: { value: string; keys: string[] }[];
  /** union: fields not in every variant (absent in some). */
  partial?: boolean;
  /** choice: one of its options is a date. */
  dated?: boolean;
}

/** What zod 4 keeps in `_zod.def`, as far as the walks (this one, the editor's) read it. */
export interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  defaultValue?: unknown;
  options?: Schema[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: Schema;
  getter?: () => Schema;
  checks?: { _zod: { def: CheckDef } }[];
}

export interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
}

export const defOf = (s: Schema) => s._zod.def as unknown as Def;

/** A schema stripped of its wrappers, with what the wrappers said. */
export interface Unwrapped {
  base: Schema;
  def: Def;
  /** The key may be absent (`.optional()` without a default). */
  optional: boolean;
  nullable: boolean;
  hasDefault: boolean;
  /** The outermost default, where there is one. */
  defaultValue?: unknown;
}

const unwrapped = new WeakMap<Schema, Unwrapped>();

/** A schema without its wrappers (optional, nullable, default, readonly, pipe, lazy …), and what they said. */
export function unwrap(schema: Schema): Unwrapped {
  const hit = unwrapped.get(schema);
  if (hit) return hit;
  let cur = schema;
  let optional = false;
  let nullable = false;
  let hasDefault = false;
  let defaultValue: unknown;
  for (let guard = 0; guard < 20; guard++) {
    const d = defOf(cur);
    if (d.type === 'optional') optional = true;
    else if (d.type === 'nullable') nullable = true;
    else if (d.type === 'default' || d.type === 'prefault') {
      if (!hasDefault) defaultValue = d.defaultValue;
      hasDefault = true;
    } else if (d.type === 'nonoptional') optional = false;
    else if (d.type !== 'readonly' && d.type !== 'catch' && d.type !== 'pipe' && d.type !== 'lazy') break;
    cur = d.type === 'pipe' ? d.in! : d.type === 'lazy' ? d.getter!() : d.innerType!;
  }
  const out: Unwrapped = { base: cur, def: defOf(cur), optional: optional && !hasDefault, nullable, hasDefault, defaultValue };
  unwrapped.set(schema, out);
  return out;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/.source;

const checksOf = (base: Schema) => (defOf(base).checks ?? []).map((c) => c._zod.def);

/** A calendar date `YYYY-MM-DD`: the `isoDate` primitive, or a string checked by its pattern. */
export function isDateSchema(base: Schema): boolean {
  return base === isoDate || checksOf(base).some((c) => c.pattern?.source === DATE_PATTERN);
}

export function isIntegerSchema(base: Schema): boolean {
  return checksOf(base).some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
}

/** Money is integer fen: the `fen` primitive, and every number whose key ends in Fen (README, conventions). */
export function isMoneySchema(base: Schema, key: string | undefined): boolean {
  return defOf(base).type === 'number' && (base === fen || (key !== undefined && /Fen$/.test(key)));
}

export function isPercentSchema(base: Schema): boolean {
  return base === percent;
}

/** The smallest value a number schema accepts, where it says (`.min(2)`, `.positive()` …). */
export function numberMinimum(base: Schema): number | undefined {
  let min: number | undefined;
  for (const c of checksOf(base))
    if (c.check === 'greater_than' && c.value !== undefined) {
      const v = c.inclusive ? c.value : isIntegerSchema(base) ? c.value + 1 : c.value;
      min = min === undefined ? v : Math.max(min, v);
    }
  return min;
}

function leafKind(base: Schema, key: string): NodeKind {
  const d = defOf(base);
  switch (d.type) {
    case 'string':
      return isDateSchema(base) ? 'date' : 'string';
    case 'number':
      if (isMoneySchema(base, key)) return 'money';
      if (isPercentSchema(base)) return 'percent';
      return isIntegerSchema(base) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return 'enum';
    case 'literal':
      return 'literal';
    default:
      throw new Error(`the schema walk does not know a ${d.type} (at ${key || 'the document'})`);
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** The node of a schema at a path, with everything below it. */
export function schemaNode(schema: Schema, path = '', key = ''): SchemaNode {
  const u = unwrap(schema);
  const d = defOf(u.base);
  const common = { path, key, schema: u.base, optional: u.optional, nullable: u.nullable, hasDefault: u.hasDefault };
  switch (d.type) {
    case 'object':
      return {
        ...common,
        kind: 'object',
        children: Object.entries(d.shape ?? {}).map(([k, child]) => schemaNode(child, join(path, k), k)),
      };
    case 'array':
      return { ...common, kind: 'list', element: schemaNode(d.element!, path, '') };
    case 'union': {
      const options = d.options ?? [];
      if (!d.discriminator) {
        const kinds = options.map((o) => defOf(unwrap(o).base));
        if (!kinds.every((k) => k.type === 'literal' || k.type === 'string'))
          throw new Error(`the schema walk reads plain unions of literals and strings only (at ${path})`);
        const values = kinds.flatMap((k) => (k.type === 'literal' ? (k.values as (string | number)[]) : []));
        const other = options.find((o) => defOf(unwrap(o).base).type === 'string');
        return { ...common, kind: 'choice', values, ...(other && leafKind(unwrap(other).base, key) === 'date' ? { dated: true } : {}) };
      }
      return unionNode(common, d.discriminator, options);
    }
    default: {
      const kind = leafKind(u.base, key);
      const values = kind === 'enum' ? Object.values(d.entries ?? {}) : kind === 'literal' ? (d.values as (string | number)[]) : undefined;
      return { ...common, kind, ...(values ? { values } : {}) };
    }
  }
}

/** A discriminated union as one node: the discriminator, then each variant's fields (merged by key). */
function unionNode(common: Omit<SchemaNode, 'kind'>, discriminator: string, options: Schema[]): SchemaNode {
  const byKey = new Map<string, SchemaNode[]>();
  const variants: { value: string; keys: string[] }[] = [];
  for (const o of options) {
    const shape = defOf(unwrap(o).base).shape ?? {};
    const value = String(defOf(unwrap(shape[discriminator]!).base).values![0]);
    variants.push({ value, keys: Object.keys(shape) });
    for (const [k, child] of Object.entries(shape)) {
      if (k === discriminator) continue;
      const list = byKey.get(k) ?? [];
      list.push(schemaNode(child, join(common.path, k), k));
      byKey.set(k, list);
    }
  }
  const disc: SchemaNode = {
    path: join(common.path, discriminator),
    key: discriminator,
    kind: 'enum',
    schema: options[0]!,
    optional: false,
    nullable: false,
    hasDefault: false,
    values: variants.map((v) => v.value),
  };
  const children = [disc, ...[...byKey.values()].map((same) => mergeVariantFields(same, same.length < options.length))];
  return { ...common, kind: 'union', children, discriminator, variants, values: disc.values };
}

/** One key found in several variants: the same kind, or enums and literals merged into an enum of all their values. */
function mergeVariantFields(same: SchemaNode[], partial: boolean): SchemaNode {
  const first = same[0]!;
  const done = (n: SchemaNode): SchemaNode => ({ ...n, optional: n.optional || partial, partial });
  const kinds = new Set(same.map((n) => n.kind));
  if (same.length === 1 || (kinds.size === 1 && first.kind !== 'enum' && first.kind !== 'literal')) return done(first);
  if (![...kinds].every((k) => k === 'enum' || k === 'literal'))
    throw new Error(`variants give ${first.path} different kinds (${[...kinds].join(', ')})`);
  return done({ ...first, kind: 'enum', values: [...new Set(same.flatMap((n) => n.values ?? []))] });
}

/** Every node, parents before children; a list's item is not listed apart (it shares the list's path). */
export function allNodes(root: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  const visit = (n: SchemaNode, listed: boolean) => {
    if (listed) out.push(n);
    if (n.element) visit(n.element, false);
    for (const c of n.children ?? []) visit(c, true);
  };
  visit(root, root.path !== '');
  return out;
}

/** A list's innermost item (a list of lists has none in the document, but the walk allows it). */
export function itemOf(n: SchemaNode): SchemaNode {
  let cur = n;
  while (cur.kind === 'list') cur = cur.element!;
  return cur;
}
