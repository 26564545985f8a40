import { z } from 'zod';
import file from './registry.json' with { type: 'json' };

/*
 * The registry: what every part of a policy document is called and what it means, keyed by schema
 * path (list items without indices: `categories.benefit.kind`). One entry per path of document.ts,
 * no entry without a path (registry.spec.ts). Everything that names a part of a document reads it:
 * the editor's labels (admin/src/editor/labels.ts), the comparison's labels (compare.ts), and the
 * GraphQL types of the document with their descriptions (presentation.ts), whose shape rules live
 * there too, beside the field they shape.
 *
 * The entries are data, in registry.json, so that the officers and translators who word them edit a
 * table rather than code; this module checks the file against the schemas below when it is loaded
 * (a mistake fails every test and the start-up, naming the entry) and resolves its three shorthands:
 * `like` (a shared entry, its keys replaced by the entry's own), `values` naming a value set, and a
 * key `<path>.*` naming a group of entries that stand under <path> (the clause and convention of a
 * reading, the fields of a waiting period, the columns of a table in its rows and in its total).
 * Chinese first, as the officers read it.
 */

/** [Chinese, English, one line of description] of an option value. */
const ValueLabelSchema = z.union([z.tuple([z.string(), z.string()]), z.tuple([z.string(), z.string(), z.string()])]).readonly();
export type ValueLabel = z.infer<typeof ValueLabelSchema>;

const NamedType = z.strictObject({ name: z.string(), description: z.string() });
/**
 * A GraphQL enum's name and description, and the values it no longer has in documents but keeps on the
 * wire, deprecated with the reason (a client generated against an earlier schema still validates).
 */
const EnumType = NamedType.extend({ retired: z.record(z.string(), z.strictObject({ description: z.string(), deprecationReason: z.string() })).optional() });

/**
 * How a part of the document appears in the GraphQL API, where it differs from the default (one field
 * per key, named as the key, money keys without their `Fen` suffix, an object as its own type).
 */
const GraphqlRuleSchema = z.strictObject({
  /** The field's name in the API. */
  name: z.string().optional(),
  /**
   * An object served as fields of its parent, each named `<this field><Key>` (`fees.government.basis` →
   * `governmentBasis`), except `main`, which takes this field's own name (`fees.individual.amountFen` →
   * `individual`), and those renamed in `names`. `prefix: ''` keeps the keys as they are. `presence`:
   * this field's own name is a Boolean saying whether the object is there (`wholeHousehold`). `omit`:
   * keys served by a computed field instead. A list inside an absent object is served as empty.
   */
  flatten: z
    .strictObject({
      main: z.string().optional(),
      presence: z.literal(true).optional(),
      prefix: z.string().optional(),
      names: z.record(z.string(), z.string()).optional(),
      omit: z.array(z.string()).readonly().optional(),
    })
    .optional(),
  /** An enum served as a String of its stored values (where the API served it so before enums were derived). */
  asString: z.literal(true).optional(),
  /** With `asString`: the enum-typed field served beside it (the String field is then deprecated in its favour). */
  enumField: z.strictObject({ name: z.string(), enum: NamedType }).optional(),
  /** Served by a field of the version itself (`year`; `jurisdiction`, whose name and code are the document's). */
  servedByVersion: z.literal(true).optional(),
});
export type GraphqlRule = z.infer<typeof GraphqlRuleSchema>;

const entryFields = {
  zh: z.string().min(1),
  en: z.string().min(1),
  /** One line: what the field holds (the GraphQL description of its field). */
  description: z.string().min(1),
  /** The Chinese label names the field without its section (the comparison shows it alone: 个人缴费标准). */
  full: z.literal(true).optional(),
  /** Option values of an enum, a literal or a plain union's literals. */
  values: z.record(z.string(), ValueLabelSchema).readonly().optional(),
  /** GraphQL: the object type of this path (of its items, for a list). */
  type: NamedType.optional(),
  /** GraphQL: the enum type of this path's values. */
  enum: EnumType.optional(),
  graphql: GraphqlRuleSchema.optional(),
};
const RegistryEntrySchema = z.strictObject(entryFields).readonly();
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

/** An entry as written in registry.json: any key may come from the shared entry it is `like`; `values` may name a value set. */
const WrittenEntry = z.strictObject({
  ...z.strictObject(entryFields).partial().shape,
  like: z.string().optional(),
  values: z.union([z.string(), entryFields.values]).optional(),
});
type WrittenEntry = z.infer<typeof WrittenEntry>;

const RegistryFile = z.strictObject({
  $comment: z.array(z.string()).optional(),
  shared: z.record(z.string(), WrittenEntry),
  values: z.record(z.string(), z.record(z.string(), ValueLabelSchema)),
  groups: z.record(z.string(), z.record(z.string(), WrittenEntry)),
  /** An entry by path, or at `<path>.*` the name of a group. */
  entries: z.record(z.string(), z.union([WrittenEntry, z.string()])),
  /**
   * The editor's tabs (and the sections of the compare page): the document's top-level keys grouped in
   * the order of a notice. Every top-level key is in exactly one.
   */
  sections: z.array(z.strictObject({ id: z.string(), zh: z.string(), en: z.string(), keys: z.array(z.string()).readonly() }).readonly()).readonly(),
});

/** The registry file checked and its shorthands resolved; an error names the entry at fault. */
export function loadRegistry(raw: unknown): { registry: Record<string, RegistryEntry>; sections: z.infer<typeof RegistryFile>['sections'] } {
  const f = RegistryFile.parse(raw);
  const named = <T>(kind: string, table: Record<string, T>, name: string, at: string): T => {
    const found = table[name];
    if (found === undefined) throw new Error(`registry.json ${at}: no ${kind} "${name}"`);
    return found;
  };
  const resolve = (e: WrittenEntry, at: string, seen: readonly string[] = []): RegistryEntry => {
    const { like, ...own } = e;
    if (like && seen.includes(like)) throw new Error(`registry.json ${at}: "like" goes round in a circle (${[...seen, like].join(' → ')})`);
    const base = like ? resolve(named('shared entry', f.shared, like, at), at, [...seen, like]) : {};
    const values = typeof own.values === 'string' ? named('value set', f.values, own.values, at) : own.values;
    const merged = { ...base, ...own, ...(values ? { values } : {}) };
    const checked = RegistryEntrySchema.safeParse(merged);
    if (!checked.success) throw new Error(`registry.json ${at}: ${z.prettifyError(checked.error)}`);
    return checked.data;
  };
  const registry: Record<string, RegistryEntry> = {};
  for (const [key, e] of Object.entries(f.entries)) {
    if (typeof e !== 'string') {
      registry[key] = resolve(e, key);
      continue;
    }
    if (!key.endsWith('.*')) throw new Error(`registry.json ${key}: a group ("${e}") stands at a key <path>.*`);
    const at = key.slice(0, -2);
    for (const [k, g] of Object.entries(named('group', f.groups, e, key))) registry[`${at}.${k}`] = resolve(g, `${at}.${k}`);
  }
  return { registry, sections: f.sections };
}

const loaded = loadRegistry(file);

export const REGISTRY: Readonly<Record<string, RegistryEntry>> = loaded.registry;

/**
 * The editor's tabs (and the sections of the compare page): the document's top-level keys grouped in
 * the order of a notice. Every top-level key is in exactly one.
 */
export const SECTIONS: readonly { id: string; zh: string; en: string; keys: readonly string[] }[] = loaded.sections;

// ---------------------------------------------------------------- reading it

/** The entry of a schema path (`categories.benefit.kind`; indices are dropped: `categories[2].name` works too). */
export function entryOf(path: string): RegistryEntry | undefined {
  return REGISTRY[patternOfPath(path)];
}

/** `categories[2].benefit.kind` → `categories.benefit.kind`. */
export function patternOfPath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '');
}

export type Lang = 'zh' | 'en';

/** The label of a field in a language; undefined for a path the document does not have. */
export function pathLabel(path: string, lang: Lang = 'zh'): string | undefined {
  return entryOf(path)?.[lang];
}

const valueIndex = new Map<string, ValueLabel>();
for (const e of Object.values(REGISTRY))
  for (const [v, label] of Object.entries(e.values ?? {})) if (!valueIndex.has(v)) valueIndex.set(v, label);

/**
 * The label of an option value: the path's own, else the same value's label elsewhere in the document
 * (a value means the same wherever it occurs, unless a path says otherwise); undefined when unknown.
 */
export function pathValueLabel(path: string, value: unknown, lang: Lang = 'zh'): string | undefined {
  const v = String(value);
  const label = entryOf(path)?.values?.[v] ?? valueIndex.get(v);
  return label ? (lang === 'zh' ? label[0] : label[1]) : undefined;
}

/** Labels by last key: the first path with that key (for keys found where the document has none: an unknown key, an old document). */
const keyIndex = new Map<string, RegistryEntry>();
for (const [path, e] of Object.entries(REGISTRY)) {
  const key = path.split('.').pop()!;
  if (!keyIndex.has(key)) keyIndex.set(key, e);
}

/** The label of a path, else the label its last key has elsewhere in the document; undefined when neither is known. */
export function nearestLabel(path: string, lang: Lang = 'zh'): string | undefined {
  return pathLabel(path, lang) ?? keyIndex.get(patternOfPath(path).split('.').pop() ?? '')?.[lang];
}
