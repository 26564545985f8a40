import type { z } from 'zod';
import { isDateSchema, isMoneySchema, isPercentSchema, numberMinimum, unwrap, type Schema } from '../../../policy-schemas/walk';
import { getIn, pathKey, patternOf, type Path } from './paths';

/*
 * The form is generated from the zod schema of the policy document, so that a field added to the
 * schema gets an editor without touching the console. The schema is read as policy-schemas/walk.ts
 * reads it (the same unwrapping and kinds of values the registry and the API's types are built from);
 * here it is decided, for every node, which control edits it. It has no React in it:
 * the same decisions drive the form (form/Field.tsx and controls/) and the tests that prove every part of a document
 * has an editor.
 */

export type { Schema, Unwrapped } from '../../../policy-schemas/walk';
export { defOf, isDateSchema, isIntegerSchema, numberMinimum, unwrap } from '../../../policy-schemas/walk';

// ---------------------------------------------------------------- references between parts

/**
 * Fields that hold the code of something defined elsewhere in the same document: edited by choosing
 * among the codes that exist (the cross-field rules of validate.ts refuse any other).
 */
export const REFS: Record<string, { list: string; name: string }> = {
  'categories.benefit.category': { list: 'categories', name: 'name' },
  'categories.list': { list: 'categoryLists', name: 'label' },
  'stacking.order': { list: 'categories', name: 'name' },
  'fees.lateSurcharge.exemptGroups': { list: 'specialGroups', name: 'name' },
  'fees.specialCases.group': { list: 'specialGroups', name: 'name' },
  'windows.groups': { list: 'specialGroups', name: 'name' },
  'paymentChannels.windows': { list: 'windows', name: 'name' },
};

export interface RefOption {
  code: string;
  name: string;
}

export function refOptions(doc: unknown, pattern: string): RefOption[] {
  const ref = REFS[pattern];
  if (!ref) return [];
  const list = getIn(doc, [ref.list]);
  if (!Array.isArray(list)) return [];
  return list
    .filter((x) => x && typeof x.code === 'string' && x.code)
    .map((x) => ({ code: x.code as string, name: typeof x[ref.name] === 'string' ? (x[ref.name] as string) : '' }));
}

// ---------------------------------------------------------------- controls

export type Control =
  | 'object' // a group of fields
  | 'object-list' // cards with add / remove / move
  | 'table' // a list of small flat objects (table rows, roster members): one row of inputs per item
  | 'list' // a list of single inputs (texts, codes, dates …) with add / remove / move
  | 'enum-set' // a set of options (checkboxes)
  | 'variant' // a discriminated union: a kind select and the fields of that kind
  | 'choice' // a plain union (a literal or a date): which one, then its input
  | 'text'
  | 'date'
  | 'ref' // the code of another part of the document
  | 'money' // fen stored, yuan shown
  | 'percent'
  | 'number'
  | 'switch'
  | 'select'
  | 'literal' // fixed by the schema: shown, not editable
  | 'unsupported';

export function controlFor(schema: Schema, path: Path): Control {
  const { base, def } = unwrap(schema);
  const pattern = patternOf(path);
  const key = [...path].reverse().find((s): s is string => typeof s === 'string');
  switch (def.type) {
    case 'object':
      return 'object';
    case 'array': {
      const el = unwrap(def.element!);
      if (el.def.type === 'object') return isFlatObject(def.element!, [...path, 0]) ? 'table' : 'object-list';
      if (el.def.type === 'union' && el.def.discriminator) return 'object-list';
      if (el.def.type === 'enum') return 'enum-set';
      if (controlFor(def.element!, [...path, 0]) === 'unsupported') return 'unsupported';
      return 'list';
    }
    case 'string':
      if (isDateSchema(base)) return 'date';
      if (REFS[pattern]) return 'ref';
      return 'text';
    case 'number':
      if (isMoneySchema(base, key)) return 'money';
      if (isPercentSchema(base)) return 'percent';
      return 'number';
    case 'boolean':
      return 'switch';
    case 'enum':
      return 'select';
    case 'literal':
      return 'literal';
    case 'union':
      return def.discriminator ? 'variant' : (def.options ?? []).every((o) => isPrimitiveSchema(o)) ? 'choice' : 'unsupported';
    default:
      return 'unsupported';
  }
}

/** Controls that edit one value in one input (the rest are groups and lists). */
export const INPUT_CONTROLS: ReadonlySet<Control> = new Set(['text', 'date', 'ref', 'money', 'percent', 'number', 'switch', 'select', 'literal', 'choice']);

/** At most eight fields, each a single input: fits on one row of a table. */
function isFlatObject(schema: Schema, path: Path): boolean {
  const entries = objectEntries(schema);
  return entries.length > 0 && entries.length <= 8 && entries.every(([k, child]) => INPUT_CONTROLS.has(controlFor(child, [...path, k])));
}

function isPrimitiveSchema(s: Schema): boolean {
  return ['string', 'number', 'boolean', 'enum', 'literal'].includes(unwrap(s).def.type);
}

export function objectEntries(schema: Schema): [string, Schema][] {
  const { def } = unwrap(schema);
  return def.type === 'object' ? Object.entries(def.shape ?? {}) : [];
}

export function elementOf(schema: Schema): Schema {
  return unwrap(schema).def.element!;
}

export function enumValues(schema: Schema): string[] {
  const { def } = unwrap(schema);
  if (def.type === 'enum') return Object.values(def.entries ?? {}).map(String);
  if (def.type === 'array') return enumValues(def.element!);
  return [];
}

export function literalValue(schema: Schema): unknown {
  return unwrap(schema).def.values?.[0];
}

/** The kinds of a discriminated union and the object schema of each. */
export function variantOptions(schema: Schema): { value: string; schema: Schema }[] {
  const { def } = unwrap(schema);
  const disc = def.discriminator!;
  return (def.options ?? []).map((o) => ({ value: String(literalValue(objectEntries(o).find(([k]) => k === disc)![1])), schema: o }));
}

export function discriminatorOf(schema: Schema): string {
  return unwrap(schema).def.discriminator!;
}

/** The option of a discriminated union that the value has chosen, if it names one. */
export function variantOf(schema: Schema, value: unknown): { value: string; schema: Schema } | undefined {
  const disc = discriminatorOf(schema);
  const kind = value && typeof value === 'object' ? (value as Record<string, unknown>)[disc] : undefined;
  return variantOptions(schema).find((o) => o.value === kind);
}

/** The alternatives of a plain union, and which one a value is (a literal by equality, else by type). */
export function choiceOptions(schema: Schema): Schema[] {
  return unwrap(schema).def.options ?? [];
}

export function choiceIndex(schema: Schema, value: unknown): number {
  const options = choiceOptions(schema);
  const byLiteral = options.findIndex((o) => unwrap(o).def.type === 'literal' && literalValue(o) === value);
  if (byLiteral >= 0) return byLiteral;
  const byType = options.findIndex((o) => {
    const t = unwrap(o).def.type;
    return t !== 'literal' && (t === 'enum' ? typeof value === 'string' : typeof value === t);
  });
  return byType >= 0 ? byType : 0;
}

// ---------------------------------------------------------------- new values

/** The value a new field starts with: its default, else null / absent where allowed, else empty. */
export function emptyValue(schema: Schema): unknown {
  const u = unwrap(schema);
  if (u.hasDefault) return structuredClone(u.defaultValue);
  if (u.nullable) return null;
  if (u.optional) return undefined;
  return emptyOf(u.base);
}

/** An empty value of the schema itself, ignoring null / absent (enabling a nullable part, adding an item). */
export function emptyOf(schema: Schema): unknown {
  const { base, def } = unwrap(schema);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, child] of objectEntries(base)) {
        const v = emptyValue(child);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'array':
      return [];
    case 'string':
      return '';
    case 'number':
      return numberMinimum(base) ?? 0;
    case 'boolean':
      return false;
    case 'enum':
      return enumValues(base)[0];
    case 'literal':
      return literalValue(base);
    case 'union':
      return def.discriminator ? emptyOf(def.options![0]!) : emptyValue(def.options![0]!);
    default:
      return null;
  }
}

/**
 * Switch a discriminated union to another kind: the new kind's empty value, keeping the fields both
 * kinds share where the old value still fits (a fixed subsidy becoming a reduction keeps its amount).
 */
export function switchVariant(schema: Schema, old: unknown, kind: string): unknown {
  const option = variantOptions(schema).find((o) => o.value === kind);
  if (!option) return old;
  const next = emptyOf(option.schema) as Record<string, unknown>;
  const disc = discriminatorOf(schema);
  if (old && typeof old === 'object')
    for (const [k, child] of objectEntries(option.schema)) {
      if (k === disc || !(k in old)) continue;
      const v = (old as Record<string, unknown>)[k];
      if ((child as z.ZodType).safeParse(v).success) next[k] = v;
    }
  return next;
}

// ---------------------------------------------------------------- what the form will show

/**
 * Every path the form has a control for, given a document: objects and lists (which show their own
 * issues), and each input. It follows exactly the decisions the form makes (form/Field.tsx), so a leaf of
 * the document that is missing here would have no editor.
 */
export function collectControls(schema: Schema, value: unknown, path: Path = []): Map<string, Control> {
  const out = new Map<string, Control>();
  visit(schema, value, path, out);
  return out;
}

function visit(schema: Schema, value: unknown, path: Path, out: Map<string, Control>) {
  const u = unwrap(schema);
  const control = controlFor(schema, path);
  out.set(pathKey(path), control);
  const v = value === undefined && u.hasDefault ? u.defaultValue : value;
  if (v === null || v === undefined) return;
  switch (control) {
    case 'object':
      for (const [k, child] of objectEntries(schema)) visit(child, (v as any)?.[k], [...path, k], out);
      return;
    case 'variant': {
      const disc = discriminatorOf(schema);
      out.set(pathKey([...path, disc]), 'select');
      const option = variantOf(schema, v);
      if (option)
        for (const [k, child] of objectEntries(option.schema)) if (k !== disc) visit(child, (v as any)?.[k], [...path, k], out);
      return;
    }
    case 'object-list':
    case 'table':
    case 'list':
      if (Array.isArray(v)) v.forEach((item, i) => visit(elementOf(schema), item, [...path, i], out));
      return;
    case 'enum-set':
      // one group of checkboxes edits the whole set, and shows the issues of its items
      if (Array.isArray(v)) v.forEach((_, i) => out.set(pathKey([...path, i]), 'enum-set'));
      return;
    default:
      return;
  }
}

/** Every node of the schema (all kinds of every union), with its control: for tests and labels. */
export function walkSchema(schema: Schema, visitNode: (path: Path, schema: Schema, control: Control) => void, path: Path = []) {
  const control = controlFor(schema, path);
  visitNode(path, schema, control);
  switch (control) {
    case 'object':
      for (const [k, child] of objectEntries(schema)) walkSchema(child, visitNode, [...path, k]);
      return;
    case 'variant': {
      const disc = discriminatorOf(schema);
      const seen = new Set<string>();
      for (const o of variantOptions(schema))
        for (const [k, child] of objectEntries(o.schema)) {
          if (seen.has(`${o.value}.${k}`)) continue;
          seen.add(`${o.value}.${k}`);
          if (k !== disc) walkSchema(child, visitNode, [...path, k]);
          else visitNode([...path, k], child, 'select');
        }
      return;
    }
    case 'object-list':
    case 'table':
    case 'list':
      walkSchema(elementOf(schema), visitNode, [...path, 0]);
      return;
    default:
      return;
  }
}
