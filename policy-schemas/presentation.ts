import { PolicyDocument, type PolicyDocument as Doc } from './document.js';
import { leadRole } from './format.js';
import { REGISTRY, type RegistryEntry } from './registry.js';
import { subsidyFenOf } from './validate.js';
import { allNodes, itemOf, schemaNode, type Schema, type SchemaNode } from './walk.js';

/*
 * The document as the GraphQL API serves it, derived from the zod schema (walk.ts) and the registry
 * (registry.ts): one object type per object path that names a type, one field per key (money keys
 * without `Fen`, as Money), discriminated unions as one type with `kind` and every variant's fields
 * nullable, and the registry's presentation rules (flattened sub-objects, presence booleans, renames,
 * enums kept as String). Computed fields are defined once, below. Nothing here imports GraphQL: the
 * API turns this description into type-graphql classes (api/graphql/document-types.ts), and
 * `presentDocument` turns a stored document into values of those types.
 */

export type ScalarName = 'String' | 'Int' | 'Float' | 'Boolean' | 'Date' | 'Money';
export type TypeRef = { scalar: ScalarName } | { enum: string } | { object: string };

export interface PresentContext {
  doc: Doc;
  /** Per-document lookups computed once (categories by code …). */
  memo: Map<string, unknown>;
}

export interface FieldSpec {
  name: string;
  description: string;
  type: TypeRef;
  list: boolean;
  nullable: boolean;
  /** The schema path the field serves; undefined for a computed field. */
  source?: string;
  /** A field kept for callers of an earlier shape: why, and what replaces it. */
  deprecationReason?: string;
  /** The field's value, read from the document value of the object it belongs to. */
  get(parent: any, ctx: PresentContext): unknown;
}

export interface ObjectSpec {
  name: string;
  description: string;
  fields: FieldSpec[];
  /** The schema paths whose values have this type. */
  paths: string[];
}

export interface EnumSpec {
  name: string;
  description: string;
  /** Stored values (kebab-case) with their descriptions; a retired one (no document has it any more) with why. */
  values: { value: string; description: string; deprecationReason?: string }[];
}

export interface DocumentShape {
  /** The document's fields of PolicyVersion. */
  root: FieldSpec[];
  objects: Map<string, ObjectSpec>;
  enums: Map<string, EnumSpec>;
  /** How each schema path is served: see `servedAt`. */
  places: Map<string, Place>;
}

type Place =
  /** a field of its own: its name */
  | { field: string }
  /** inlined into its parent: the fields made from it */
  | { flattened: string[] }
  /** served by a field of the version itself */
  | { version: string };

// ---------------------------------------------------------------- computed fields

interface Computed {
  /** The object path it belongs to ('' for the version). */
  on: string;
  name: string;
  /** Placed after this field ('' first; by default last). */
  after?: string;
  type: TypeRef;
  list?: boolean;
  nullable?: boolean;
  description: string;
  /** Schema paths whose values this field serves (a leaf left out of its own object). */
  serves?: string[];
  /** Kept for callers of an earlier shape of the document: why, and what replaces it. */
  deprecationReason?: string;
  value(self: any, ctx: PresentContext): unknown;
}

const money: TypeRef = { scalar: 'Money' };
const memo = <T>(ctx: PresentContext, key: string, make: () => T): T => {
  if (!ctx.memo.has(key)) ctx.memo.set(key, make());
  return ctx.memo.get(key) as T;
};
const categoriesByCode = (ctx: PresentContext) => memo(ctx, 'categories', () => new Map(ctx.doc.categories.map((c) => [c.code, c])));
const subsidyOf = (benefit: Doc['categories'][number]['benefit'], ctx: PresentContext) =>
  subsidyFenOf(benefit, ctx.doc.fees.individual.amountFen, categoriesByCode(ctx));

/** The date ages are judged at: by default the last day of the year before the coverage year. */
export function ageReferenceDate(doc: Doc): string {
  const r = doc.ageRule.referenceDate;
  return r.kind === 'date' ? r.date : `${doc.coverageYear - 1}-12-31`;
}

type ConditionSet = Doc['categories'][number]['conditions'][number];

/** A structured disability condition as the code of schema version 1, where it is one of them. */
function legacyDisability(d: ConditionSet['disability']): string | null {
  if (!d) return null;
  const g = (d.grades ?? []).join(',');
  if (d.multiDisabledHousehold === true && !g) return 'multi-disabled-household';
  if (d.multiDisabledHousehold === false && g === '3,4') return 'card-holder-not-severe';
  if (d.multiDisabledHousehold !== undefined) return null;
  return g === '' ? 'any' : g === '1,2' ? 'severe' : g === '3,4' ? 'grade-3-4' : null;
}

/** Structured household members as the code of schema version 1, where they are one of them. */
function legacyMembers(m: ConditionSet['members']): string | null {
  const c = m?.children;
  if (!m || !m.spouses || !c || c.belowAge !== 18 || c.untilMarried) return null;
  return c.sex === 'female' ? 'spouses-and-daughters-under-18' : c.sex === 'male' ? 'spouses-and-sons-under-18' : 'spouses-and-children-under-18';
}

export const COMPUTED: readonly Computed[] = [
  { on: '', name: 'title', after: '', type: { scalar: 'String' }, description: 'The title of the notice (metadata.title).', value: (d: Doc) => d.metadata.title },
  {
    on: '',
    name: 'roster',
    after: 'leadGroup',
    type: { object: 'RosterMember' },
    list: true,
    description: 'The lead group’s members (empty when the notice has no roster).',
    value: (d: Doc) => d.leadGroup?.members ?? [],
  },
  {
    on: '',
    name: 'quotas',
    after: 'roster',
    type: { object: 'QuotaRow' },
    list: true,
    description: 'Rows of every quota table.',
    value: (d: Doc) => d.quotaTables.flatMap((t) => t.rows),
  },
  {
    on: 'fees.lateSurcharge',
    name: 'amountDue',
    after: 'from',
    type: money,
    description: 'What a non-exempt person pays from `from`: individual + government.',
    value: (_s, { doc }) => doc.fees.individual.amountFen + doc.fees.government.amountFen,
  },
  {
    on: 'categoryLists',
    name: 'count',
    after: 'declaredCount',
    type: { scalar: 'Int' },
    description: 'The categories of the document in this list.',
    value: (l: { code: string }, { doc }) => doc.categories.filter((c) => c.list === l.code).length,
  },
  {
    on: 'categories.benefit',
    name: 'subsidy',
    type: money,
    nullable: true,
    description: 'The subsidy this benefit gives on the individual fee.',
    value: (b, ctx) => subsidyOf(b, ctx),
  },
  {
    on: 'categories.benefit',
    name: 'personPays',
    type: money,
    nullable: true,
    description: 'What the person pays of the individual fee.',
    value: (b, ctx) => {
      const s = subsidyOf(b, ctx);
      return s === null ? null : ctx.doc.fees.individual.amountFen - s;
    },
  },
  {
    on: 'ageRule',
    name: 'referenceDate',
    after: 'referenceKind',
    type: { scalar: 'Date' },
    description: 'The date ages are judged at for this coverage year (the date set, or 31 December of the year before).',
    serves: ['ageRule.referenceDate.date'],
    value: (_r, { doc }) => ageReferenceDate(doc),
  },
  {
    on: 'specialGroups',
    name: 'surchargeExempt',
    after: 'waitingExempt',
    type: { scalar: 'Boolean' },
    description: 'Exempt from the late surcharge (listed in fees.lateSurcharge.exemptGroups).',
    value: (g: { code: string }, { doc }) => doc.fees.lateSurcharge?.exemptGroups.includes(g.code) ?? false,
  },
  {
    on: 'specialGroups.rules',
    name: 'daysInclusive',
    after: 'afterDaysOfBirthInclusive',
    type: { scalar: 'Boolean' },
    nullable: true,
    description: 'Whether day N of withinDaysOfBirth (or else afterDaysOfBirth) counts.',
    value: (r: Doc['specialGroups'][number]['rules'][number]) => r.when.withinDaysOfBirth?.inclusive ?? r.when.afterDaysOfBirth?.inclusive ?? null,
  },
  {
    on: 'refund.rules',
    name: 'procedure',
    after: 'afterStart',
    type: { scalar: 'String' },
    nullable: true,
    description: 'The procedure to follow, title and number: 办事指南（编号）.',
    value: (r: { procedure?: { title: string; number: string } }) => (r.procedure ? `${r.procedure.title}（${r.procedure.number}）` : null),
  },
  {
    on: 'leadGroup.members',
    name: 'roleLabel',
    after: 'role',
    type: { scalar: 'String' },
    description: '组长 / 第一副组长 / 副组长 / 成员.',
    value: (m: { role: string }) => leadRole(m.role),
  },
  {
    on: 'quotaTables.rows',
    name: 'table',
    after: '',
    type: { scalar: 'String' },
    description: 'Code of the quota table the row belongs to.',
    value: (row, { doc }) => doc.quotaTables.find((t) => t.rows.includes(row))?.code,
  },
  // fields of the shape before readings became data (schema version 1), kept for the callers of that shape
  {
    on: 'categories.conditions',
    name: 'disability',
    type: { scalar: 'String' },
    nullable: true,
    description: 'The disability condition as a code (any, severe, grade-3-4, card-holder-not-severe, multi-disabled-household), where one names it.',
    deprecationReason: 'Use disabilityCondition (grades, multiDisabledHousehold, text): the condition as the quote reads it',
    value: (set: ConditionSet) => legacyDisability(set.disability),
  },
  {
    on: 'categories.conditions',
    name: 'members',
    type: { scalar: 'String' },
    nullable: true,
    description: 'The household members covered as a code (spouses-and-children-under-18, spouses-and-daughters-under-18, spouses-and-sons-under-18), where one names them.',
    deprecationReason: 'Use membersCondition (spouses, children with sex, belowAge and untilMarried, text): the members as the quote reads them',
    value: (set: ConditionSet) => legacyMembers(set.members),
  },
  {
    on: 'specialGroups',
    name: 'enrollAnytime',
    after: 'surchargeExempt',
    type: { scalar: 'Boolean' },
    description: 'May enroll at any time of the year (随时办理): a window of kind anytime is open to the group.',
    value: (g: { code: string }, { doc }) => doc.windows.some((w) => w.kind === 'anytime' && w.groups.includes(g.code)),
  },
  {
    on: 'specialGroups.rules',
    name: 'bornInYear',
    type: { scalar: 'Int' },
    nullable: true,
    description: 'Always null: no notice conditions a group rule on the year of birth.',
    deprecationReason: 'A fee by year of birth is fees.specialCases.bornInYear; no group rule conditions on it',
    value: () => null,
  },
  {
    on: 'quotaTables',
    name: 'rowSum',
    after: 'printedTotal',
    type: { object: 'QuotaTotal' },
    description: 'The sum of the rows.',
    value: (t: Doc['quotaTables'][number]) => ({
      population: t.rows.reduce((a, r) => a + r.population, 0),
      residencePermits: t.rows.some((r) => r.residencePermits !== null) ? t.rows.reduce((a, r) => a + (r.residencePermits ?? 0), 0) : null,
      target: t.rows.reduce((a, r) => a + r.target, 0),
    }),
  },
];

// ---------------------------------------------------------------- building the shape

/**
 * The registry's description of a field as the API gives it: its Chinese label first (what an
 * integrator looks up), unless the line already starts with a Chinese term of its own.
 */
export function fieldDescription(e: RegistryEntry): string {
  return /^[\u4e00-\u9fff]/.test(e.description) ? e.description : `${e.zh}: ${lowerFirst(e.description)}`;
}

/** "The clause…" → "the clause…" after a label; "FIXED_DATE: …", "PERCENT…" stay. */
const lowerFirst = (s: string) => (/^[A-Z](?:[a-z]|\s)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** An option value's description: 全额资助 (Full subsidy): the whole individual fee. */
function valueDescription([zh, en, description]: readonly [string, string, string?]): string {
  const rest = description?.startsWith(`${zh}: `) ? description.slice(zh.length + 2) : description;
  return `${zh} (${en})${rest ? `: ${lowerFirst(rest)}` : ''}`;
}

/** The description of a schema path as the API gives it (for hand-written fields that mirror the document). */
export function pathDescription(path: string): string {
  return fieldDescription(entry(path));
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function entry(path: string): RegistryEntry {
  const e = REGISTRY[path];
  if (!e) throw new Error(`the registry has no entry for ${path} (policy-schemas/registry.ts)`);
  return e;
}

/** The API name of a key: its rename, else the key (money keys without `Fen`). */
function apiKey(n: SchemaNode): string {
  const e = entry(n.path);
  if (e.graphql?.name) return e.graphql.name;
  return itemOf(n).kind === 'money' && /Fen$/.test(n.key) ? n.key.slice(0, -3) : n.key;
}

class ShapeBuilder {
  readonly objects = new Map<string, ObjectSpec>();
  readonly enums = new Map<string, EnumSpec>();
  readonly places = new Map<string, Place>();

  /** The fields of an object (or union) node at its path. */
  fieldsOf(node: SchemaNode): FieldSpec[] {
    const out: FieldSpec[] = [];
    for (const child of node.children ?? []) this.emit(out, child, apiKey(child), (p) => p?.[child.key], false);
    for (const c of COMPUTED.filter((c) => c.on === node.path)) {
      const f: FieldSpec = { name: c.name, description: c.description, type: c.type, list: c.list ?? false, nullable: c.nullable ?? false, get: c.value, ...(c.deprecationReason ? { deprecationReason: c.deprecationReason } : {}) };
      const at = c.after === '' ? 0 : c.after === undefined ? out.length : out.findIndex((x) => x.name === c.after) + 1;
      if (at === 0 && c.after) throw new Error(`computed ${c.name} of ${node.path || 'the version'}: no field ${c.after} to follow`);
      out.splice(at, 0, f);
      for (const s of c.serves ?? []) this.places.set(s, { field: c.name });
    }
    const names = out.map((f) => f.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new Error(`${node.path || 'the version'} would have two fields named ${dup}`);
    return out;
  }

  /**
   * One key of an object: a field, or (flattened) the fields of its own keys. `absent`: an ancestor
   * that was flattened may be missing, so every field made below is nullable, lists served empty.
   */
  emit(out: FieldSpec[], n: SchemaNode, name: string, get: (p: any) => any, absent: boolean): string[] {
    const e = entry(n.path);
    const rule = e.graphql ?? {};
    if (rule.servedByVersion) {
      this.places.set(n.path, { version: rule.name ?? n.key });
      return [];
    }
    if (rule.flatten) {
      if (n.kind !== 'object' && n.kind !== 'union') throw new Error(`${n.path}: only an object can be flattened`);
      const f = rule.flatten;
      const mayBeAbsent = absent || n.optional || n.nullable;
      const made: string[] = [];
      if (f.presence) {
        out.push({ name, description: fieldDescription(e), type: { scalar: 'Boolean' }, list: false, nullable: false, source: n.path, get: (p) => get(p) != null });
        made.push(name);
      }
      for (const g of n.children ?? []) {
        if (f.omit?.includes(g.key)) continue;
        const prefix = f.prefix ?? name;
        const gName = f.names?.[g.key] ?? (g.key === f.main ? name : prefix ? prefix + cap(apiKey(g)) : apiKey(g));
        made.push(...this.emit(out, g, gName, (p) => get(p)?.[g.key], mayBeAbsent));
      }
      this.places.set(n.path, { flattened: made });
      return made;
    }
    const list = n.kind === 'list';
    const item = itemOf(n);
    const type = this.typeOf(item, e);
    const sibling = rule.asString ? rule.enumField : undefined;
    const nullable = !list && (absent || n.optional || n.nullable);
    const read = list && (absent || n.optional || n.nullable) ? (p: any) => get(p) ?? [] : get;
    out.push({
      name,
      description: fieldDescription(e),
      type,
      list,
      // a list inside an absent part is served empty
      nullable,
      source: n.path,
      get: read,
      ...(sibling ? { deprecationReason: `Use ${sibling.name} (enum ${sibling.enum.name}): the same values, as enum names` } : {}),
    });
    this.places.set(n.path, { field: name });
    // an enum kept as the String of its stored values has its enum beside it, for typed clients
    if (sibling) out.push({ name: sibling.name, description: fieldDescription(e), type: { enum: this.enumType(item, { ...e, enum: sibling.enum }) }, list, nullable, get: read });
    return sibling ? [name, sibling.name] : [name];
  }

  typeOf(item: SchemaNode, e: RegistryEntry): TypeRef {
    switch (item.kind) {
      case 'object':
      case 'union':
        return { object: this.objectType(item, e) };
      case 'enum':
        if (e.graphql?.asString) return { scalar: 'String' };
        return { enum: this.enumType(item, e) };
      case 'literal':
        return { scalar: typeof item.values?.[0] === 'number' ? 'Int' : typeof item.values?.[0] === 'boolean' ? 'Boolean' : 'String' };
      case 'choice':
      case 'string':
        return { scalar: 'String' };
      case 'date':
        return { scalar: 'Date' };
      case 'money':
        return { scalar: 'Money' };
      case 'percent':
      case 'number':
        return { scalar: 'Float' };
      case 'integer':
        return { scalar: 'Int' };
      case 'boolean':
        return { scalar: 'Boolean' };
      case 'list':
        throw new Error(`${item.path}: lists of lists are not served`);
    }
  }

  /** The object type of a path; a type named at several paths gets the fields of all, nullable where some lack them. */
  objectType(node: SchemaNode, e: RegistryEntry): string {
    if (!e.type) throw new Error(`${node.path}: an object needs a GraphQL type name (or a flatten rule) in the registry`);
    const { name, description } = e.type;
    const fields = this.fieldsOf(node);
    const known = this.objects.get(name);
    if (!known) {
      this.objects.set(name, { name, description, fields, paths: [node.path] });
      return name;
    }
    for (const f of fields) {
      const k = known.fields.find((x) => x.name === f.name);
      if (!k) known.fields.push({ ...f, nullable: true });
      else if (JSON.stringify(k.type) !== JSON.stringify(f.type) || k.list !== f.list)
        throw new Error(`type ${name}: field ${f.name} differs between ${known.paths[0]} and ${node.path}`);
      else k.nullable ||= f.nullable;
    }
    for (const k of known.fields) if (!fields.some((f) => f.name === k.name)) k.nullable = true;
    known.paths.push(node.path);
    return name;
  }

  enumType(node: SchemaNode, e: RegistryEntry): string {
    if (!e.enum) throw new Error(`${node.path}: an enum needs a GraphQL enum name (or asString) in the registry`);
    const values: EnumSpec['values'] = (node.values ?? []).map((v) => {
      const label = e.values?.[String(v)];
      if (!label) throw new Error(`${node.path}: no label for the value ${String(v)}`);
      return { value: String(v), description: valueDescription(label) };
    });
    for (const [value, r] of Object.entries(e.enum.retired ?? {})) values.push({ value, description: r.description, deprecationReason: r.deprecationReason });
    const known = this.enums.get(e.enum.name);
    if (known && known.values.map((v) => v.value).join() !== values.map((v) => v.value).join())
      throw new Error(`enum ${e.enum.name} has different values at ${node.path}`);
    if (!known) this.enums.set(e.enum.name, { name: e.enum.name, description: e.enum.description, values });
    return e.enum.name;
  }
}

let shape: DocumentShape | undefined;

/** The GraphQL shape of the document (built once). */
export function documentShape(): DocumentShape {
  if (shape) return shape;
  const b = new ShapeBuilder();
  const root = b.fieldsOf(schemaNode(PolicyDocument as unknown as Schema));
  return (shape = { root, objects: b.objects, enums: b.enums, places: b.places });
}

/** Every schema path of the document (as the registry is keyed). */
export function schemaPaths(): string[] {
  return allNodes(schemaNode(PolicyDocument as unknown as Schema)).map((n) => n.path);
}

// ---------------------------------------------------------------- values

/** A stored (validated) document as the values of the version's document fields. */
export function presentDocument(doc: Doc): Record<string, unknown> {
  const s = documentShape();
  return presentObject(s, s.root, doc, { doc, memo: new Map() });
}

function presentObject(s: DocumentShape, fields: FieldSpec[], value: unknown, ctx: PresentContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = f.get(value, ctx);
    if (!('object' in f.type) || raw === null || raw === undefined) {
      out[f.name] = raw === undefined ? null : raw;
      continue;
    }
    const spec = s.objects.get(f.type.object)!;
    out[f.name] = f.list ? (raw as unknown[]).map((x) => presentObject(s, spec.fields, x, ctx)) : presentObject(s, spec.fields, raw, ctx);
  }
  return out;
}

/**
 * Where a value of the document is served, from PolicyVersion: `['fees', 'individual', 'amountFen']`
 * → `['fees', 'individual']`; `['refund', 'rules', 0, 'reasons']` → `['refund', 0, 'reasons']`. For a
 * flattened part (`fees.totalFinancing`), the path of its object and the fields made from it.
 * Undefined when the API does not serve it.
 */
export function servedAt(docPath: readonly (string | number)[]): { path: (string | number)[]; fields?: string[] } | undefined {
  const { places } = documentShape();
  const out: (string | number)[] = [];
  let pattern = '';
  for (let i = 0; i < docPath.length; i++) {
    const seg = docPath[i]!;
    if (typeof seg === 'number') {
      out.push(seg);
      continue;
    }
    pattern = pattern ? `${pattern}.${seg}` : seg;
    const place = places.get(pattern);
    if (!place) {
      // inside a part the version serves (jurisdiction.name): the same keys
      const parent = places.get(pattern.slice(0, pattern.lastIndexOf('.')));
      if (parent && 'version' in parent) {
        out.push(seg);
        continue;
      }
      return undefined;
    }
    if ('field' in place) out.push(place.field);
    else if ('version' in place) out.push(place.version);
    else if (i === docPath.length - 1) return { path: out, fields: place.flattened };
  }
  return { path: out };
}
