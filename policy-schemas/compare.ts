import type { PolicyDocument } from './document.js';
import { MONEY, date, money, percent, percentChange, waiting } from './format.js';
import { REGISTRY } from './registry.js';

/*
 * Differences between two policy documents, for auditors and for the history of a draft. Lists of
 * things with an identity (categories, windows, groups, roster members, table rows …) are matched by
 * that identity (code, or name where there is none), never by position, so a reordered list shows
 * nothing and a renamed category shows as renamed. Every change carries a Chinese label of its field.
 */

export type ChangeKind = 'added' | 'removed' | 'changed' | 'renamed';

export interface Change {
  /** Where, with list items named by identity: `categories[te-kun].name`, `windows[extended]`. */
  path: string;
  kind: ChangeKind;
  before: unknown;
  after: unknown;
  /** The field in Chinese: 个人缴费标准, 减免对象「特困人员」 … */
  label: string;
  /** One line for people: `个人缴费标准 390 → 400（+2.6%）`. */
  summary: string;
}

type Key = (item: any) => string | undefined;
const by =
  (...fields: string[]): Key =>
  (item) => {
    for (const f of fields) if (item && typeof item[f] === 'string' && item[f]) return item[f];
    return undefined;
  };

/** Lists whose items have an identity, by the path of the list (indices removed). */
const KEYED: Record<string, { key: Key; fallback?: Key; name?: string }> = {
  categories: { key: by('code'), fallback: by('name'), name: 'name' },
  categoryLists: { key: by('code'), fallback: by('label'), name: 'label' },
  windows: { key: by('code'), fallback: by('name'), name: 'name' },
  specialGroups: { key: by('code'), fallback: by('name'), name: 'name' },
  'eligibility.groups': { key: by('code'), fallback: by('label'), name: 'label' },
  'fees.specialCases': { key: by('code'), fallback: by('label'), name: 'label' },
  'fees.government.split': { key: by('level') },
  'leadGroup.members': { key: by('name') },
  quotaTables: { key: by('code'), fallback: by('title'), name: 'title' },
  'quotaTables.rows': { key: by('unit') },
  activationTables: { key: by('code'), fallback: by('title'), name: 'title' },
  'activationTables.rows': { key: by('unit') },
  responsibilities: { key: by('department') },
  definitions: { key: by('term') },
  paymentChannels: { key: by('label') },
  milestones: { key: by('label') },
  targets: { key: by('label') },
  workFunding: { key: by('payer') },
  schedule: { key: by('phase') },
  workRequirements: { key: by('topic') },
  conventions: { key: by('topic') },
  'metadata.basis': { key: by('title') },
  'registration.materials': { key: by('item') },
  fundTransfers: { key: by('fund') },
};

/** Values compared whole: a change inside them is one change of the whole. */
const ATOMIC = new Set(['waiting', 'benefit', 'fundSource', 'referenceDate', 'age', 'printed', 'when']);

export function compareDocuments(a: PolicyDocument, b: PolicyDocument): Change[] {
  const out: Change[] = [];
  walk(a, b, '', '', [], out);
  return out;
}

/** Compare any two JSON values of documents (used for partial documents too). */
export function compareValues(a: unknown, b: unknown): Change[] {
  const out: Change[] = [];
  walk(a, b, '', '', [], out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, pattern: string, names: string[], out: Change[]) {
  if (equal(a, b)) return;
  const lastKey = pattern.split('.').pop() ?? '';
  if (a === undefined || a === null) return push(out, 'added', path, pattern, names, undefined, b);
  if (b === undefined || b === null) return push(out, 'removed', path, pattern, names, a, undefined);
  if (ATOMIC.has(lastKey) || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b))
    return push(out, 'changed', path, pattern, names, a, b);
  if (Array.isArray(a) && Array.isArray(b)) return walkArray(a, b, path, pattern, names, out);
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys)
    walk((a as any)[k], (b as any)[k], path ? `${path}.${k}` : k, pattern ? `${pattern}.${k}` : k, names, out);
}

function walkArray(a: unknown[], b: unknown[], path: string, pattern: string, names: string[], out: Change[]) {
  const keyed = KEYED[pattern];
  if (!keyed) {
    if (a.every(isPrimitive) && b.every(isPrimitive)) return push(out, 'changed', path, pattern, names, a, b);
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(a[i], b[i], `${path}[${i}]`, pattern, names, out);
    return;
  }
  // Match by identity, then by the fallback identity (e.g. name) among the rest.
  const pairs: [unknown, unknown][] = [];
  const restA = new Set(a);
  const restB = new Set(b);
  for (const key of [keyed.key, keyed.fallback].filter(Boolean) as Key[]) {
    const index = new Map<string, unknown>();
    for (const y of restB) {
      const k = key(y);
      if (k !== undefined && !index.has(k)) index.set(k, y);
    }
    for (const x of [...restA]) {
      const k = key(x);
      const y = k === undefined ? undefined : index.get(k);
      if (y !== undefined && restB.has(y)) {
        pairs.push([x, y]);
        restA.delete(x);
        restB.delete(y);
      }
    }
  }
  const id = (x: unknown) => keyed.key(x) ?? keyed.fallback?.(x) ?? '?';
  const display = (x: any) => (keyed.name && typeof x?.[keyed.name] === 'string' ? x[keyed.name] : id(x));
  for (const x of restA) push(out, 'removed', `${path}[${id(x)}]`, pattern, [...names, display(x)], x, undefined);
  for (const [x, y] of pairs) {
    const itemPath = `${path}[${id(y)}]`;
    const itemNames = [...names, display(y)];
    if (keyed.name && (x as any)[keyed.name] !== (y as any)[keyed.name]) {
      push(out, 'renamed', itemPath, pattern, [...names, display(x)], (x as any)[keyed.name], (y as any)[keyed.name]);
      const rest = (o: any) => ({ ...o, [keyed.name!]: undefined });
      walk(rest(x), rest(y), itemPath, pattern, itemNames, out);
    } else walk(x, y, itemPath, pattern, itemNames, out);
  }
  for (const y of restB) push(out, 'added', `${path}[${id(y)}]`, pattern, [...names, display(y)], undefined, y);
}

function push(out: Change[], kind: ChangeKind, path: string, pattern: string, names: string[], before: unknown, after: unknown) {
  const label = labelOf(pattern, names);
  out.push({ path, kind, before, after, label, summary: summarize(kind, pattern, label, before, after) });
}

/**
 * The Chinese label of a field, from the registry: its list item by name where it is inside one
 * (减免对象「特困人员」名称), else the field's own label where it reads alone (个人缴费标准), else the
 * nearest one that does with the way down (身份认定·动态报送期·起始日).
 */
export function labelOf(pattern: string, names: string[] = []): string {
  if (pattern === '') return '整个文件';
  const parts = pattern.split('.');
  let list = '';
  for (let n = parts.length; n > 0 && !list; n--) if (KEYED[parts.slice(0, n).join('.')]) list = parts.slice(0, n).join('.');
  if (!list || names.length === 0) return fieldLabel(parts);
  const item = `${REGISTRY[list]?.zh ?? list}「${names.join('」「')}」`;
  if (pattern === list) return item;
  return item + wayDown(parts, list.split('.').length);
}

/**
 * The label of a path into one document, its list items named from the document itself:
 * `windows[0].from` → 参保缴费期「集中参保缴费期」起始日 (what an automatic change of a clone is called).
 */
export function labelOfPath(path: string, doc: unknown): string {
  const names: string[] = [];
  const parts: string[] = [];
  let cur: any = doc;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] === undefined) {
      parts.push(m[1]!);
      cur = cur?.[m[1]!];
      continue;
    }
    cur = Array.isArray(cur) ? cur[Number(m[2])] : undefined;
    const keyed = KEYED[parts.join('.')];
    if (keyed) {
      const display = keyed.name && typeof cur?.[keyed.name] === 'string' ? cur[keyed.name] : (keyed.key(cur) ?? keyed.fallback?.(cur));
      names.push(display ?? String(Number(m[2]) + 1));
    }
  }
  return labelOf(parts.join('.'), names);
}

/** The labels of `parts` from index `from` on, joined by ·; latin for a key the registry does not know. */
function wayDown(parts: string[], from: number): string {
  const out: string[] = [];
  for (let n = from + 1; n <= parts.length; n++) {
    const e = REGISTRY[parts.slice(0, n).join('.')];
    if (!e) return [...out, parts.slice(n - 1).join('.')].join('·');
    out.push(e.zh);
  }
  return out.join('·');
}

function fieldLabel(parts: string[]): string {
  for (let n = parts.length; n > 0; n--) {
    const e = REGISTRY[parts.slice(0, n).join('.')];
    if (e?.full) return n === parts.length ? e.zh : `${e.zh}·${wayDown(parts, n)}`;
  }
  return parts.join('.');
}

function summarize(kind: ChangeKind, pattern: string, label: string, before: unknown, after: unknown): string {
  if (kind === 'added') return `新增 ${label}`;
  if (kind === 'removed') return `删除 ${label}`;
  if (kind === 'renamed') return `${label}更名：${String(before)} → ${String(after)}`;
  if (typeof before === 'number' && typeof after === 'number' && pattern.endsWith('Fen')) {
    const pct = percentChange(before, after);
    return `${label} ${figure(before)} → ${figure(after)}${pct ? `（${pct}）` : ''}`;
  }
  return `${label} ${valueText(before, pattern)} → ${valueText(after, pattern)}`;
}

const figure = (fen: number) => money(fen, MONEY.figure);
const REGISTRY_ORDER = new Map(Object.keys(REGISTRY).map((k, i) => [k, i]));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A short Chinese rendering of a value at a schema path: waiting rules and benefits in words, dates
 * as 2025年1月1日, money in 元, options by their labels, objects as 标签：值 pairs; never JSON.
 */
export function valueText(v: unknown, pattern = ''): string {
  if (v === null || v === undefined) return '无';
  if (typeof v === 'string') return ISO_DATE.test(v) ? date(v) : (REGISTRY[pattern]?.values?.[v]?.[0] ?? v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return /Fen$/.test(pattern) && Number.isSafeInteger(v) ? `${figure(v)}元` : String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(x, pattern)).join('、') : '（无）';
  const o = v as Record<string, any>;
  switch (pattern.split('.').pop() === 'waiting' || pattern.endsWith('.benefit') || pattern === 'benefit' ? o.kind : undefined) {
    case 'none':
    case 'days':
    case 'months':
    case 'nth-month':
      return waiting(o as never);
    case 'full':
      return '全额资助';
    case 'percent':
      return `资助${percent(o.percent)}`;
    case 'fixed-subsidy':
      return `定额资助${figure(o.amountFen)}元`;
    case 'fixed-payment':
      return `个人缴纳${figure(o.amountFen)}元`;
    case 'person-pays-percent':
      return `个人缴纳${percent(o.percent)}`;
    case 'reduction':
      return `减免${figure(o.amountFen)}元`;
    case 'same-as':
      return `同${o.category}`;
  }
  const rank = (k: string) => REGISTRY_ORDER.get(pattern ? `${pattern}.${k}` : k) ?? Infinity;
  const parts = Object.entries(o)
    .filter(([, x]) => x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0))
    // the schema's order (the registry's), whatever the order the object was built in
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, x]) => {
      const at = pattern ? `${pattern}.${k}` : k;
      const text = valueText(x, at);
      return `${REGISTRY[at]?.zh ?? k}：${x && typeof x === 'object' && !Array.isArray(x) ? `（${text}）` : text}`;
    });
  return parts.length ? parts.join('；') : '（无）';
}

function isPrimitive(v: unknown) {
  return v === null || typeof v !== 'object';
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => equal(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as any)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as any)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => equal((a as any)[k], (b as any)[k]));
}
