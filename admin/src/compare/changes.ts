/*
 * Pure helpers of the compare page: grouping the API's changes (compareVersions) by section, filtering
 * them by text, and laying out a change's before/after values as lines with the differing ones marked.
 * No React and no browser API here, so that the logic is testable with vitest. Names come from the
 * registry of policy-schemas, values are written by its formats.
 */

import { date, money, type Lang } from '../../../policy-schemas/format';
import { entryOf, nearestLabel, pathValueLabel, patternOfPath, REGISTRY, SECTIONS } from '../../../policy-schemas/registry';

/** One change as `compareVersions` returns it. */
export interface Change {
  path: string;
  kind: string;
  before: unknown;
  after: unknown;
  label: string;
  summary: string;
}

/** The document's top-level keys in the order of a notice (the editor's tabs): the order sections are shown in. */
const SECTION_ORDER = SECTIONS.flatMap((s) => s.keys);

/** A top-level part of the document by its name in the registry: [Chinese, English]; the key itself when unknown. */
export function sectionName(key: string): [string, string] {
  const e = REGISTRY[key];
  return e ? [e.zh, e.en] : [key, key];
}

/** The top-level part of a path: `categories[te-kun].name` → `categories`, `fees.individual.amountFen` → `fees`. */
export function sectionOf(path: string): string {
  const m = /^[^.[]*/.exec(path);
  return m && m[0] ? m[0] : path;
}

export interface Section {
  key: string;
  zh: string;
  en: string;
  changes: Change[];
}

/** Changes grouped by section, sections in document order, changes in the API's order within each. */
export function groupBySection(changes: readonly Change[]): Section[] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = sectionOf(c.path);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(c);
  }
  const rank = (k: string) => {
    const i = SECTION_ORDER.indexOf(k);
    return i < 0 ? SECTION_ORDER.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, list]) => {
      const [zh, en] = sectionName(key);
      return { key, zh, en, changes: list };
    });
}

/** Changes whose label, summary, path, section name or values contain every word of `text` (case-insensitive). */
export function filterChanges(changes: readonly Change[], text: string): Change[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...changes];
  return changes.filter((c) => {
    const [zh, en] = sectionName(sectionOf(c.path));
    const hay = [c.label, c.summary, c.path, c.kind, KIND_NAMES[c.kind]?.[0] ?? '', zh, en, stringify(c.before), stringify(c.after)].join('\n').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

function stringify(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Kind → [Chinese, English, colour]: added green, removed red, changed amber, renamed blue. */
export const KIND_NAMES: Record<string, [string, string, string]> = {
  added: ['新增', 'Added', '#2e7d32'],
  removed: ['删除', 'Removed', '#c62828'],
  changed: ['修改', 'Changed', '#b26a00'],
  renamed: ['更名', 'Renamed', '#1565c0'],
};

/** Counts per kind, for the header. */
export function countKinds(changes: readonly Change[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of changes) out[c.kind] = (out[c.kind] ?? 0) + 1;
  return out;
}

/**
 * A leaf value for people, read by its schema path: money in 元, dates as 2025年1月1日, options by
 * their labels, booleans as 是/否, none as —.
 */
export function leafText(pattern: string, v: unknown, lang: Lang = 'zh'): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'number' && /Fen$/.test(pattern) && Number.isSafeInteger(v)) return money(v, { decimals: 'needed' });
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return date(v, lang === 'zh' ? 'zh' : 'iso');
    return entryOf(pattern)?.values ? (pathValueLabel(pattern, v, lang) ?? v) : v;
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * The label of a line inside a change's value, from the registry: `rules[0].when.paidFrom` inside
 * `specialGroups[newborn]` → 待遇规则 1·适用条件·缴费起始日. Keys the registry does not know stay as they are.
 */
export function lineLabel(changePath: string, key: string, lang: Lang = 'zh'): string {
  if (!key) return '';
  let pattern = patternOfPath(changePath);
  const out: string[] = [];
  for (const m of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) {
      const n = String(Number(m[2]) + 1);
      if (out.length) out[out.length - 1] += ` ${n}`;
      else out.push(n);
      continue;
    }
    pattern = pattern ? `${pattern}.${m[1]}` : m[1]!;
    out.push(nearestLabel(pattern, lang) ?? m[1]!);
  }
  return out.join('·');
}

export interface Line {
  /** Dotted key inside the value (`benefit.percent`, `[0]`); empty for a plain value. */
  key: string;
  /** The key's label (待遇规则 1·适用条件); empty for a plain value. */
  label: string;
  text: string;
  /** Differs from the other side (or is absent there). */
  changed: boolean;
}

/**
 * A JSON value flattened to `key: value` leaves (arrays of primitives kept on one line), each leaf
 * read by its schema path: `pattern` is the value's own (`fees.individual.amountFen`).
 */
export function flatten(v: unknown, pattern = '', lang: Lang = 'zh', prefix = '', at = pattern): { key: string; text: string }[] {
  if (v === null || v === undefined || typeof v !== 'object') return [{ key: prefix, text: leafText(at, v, lang) }];
  if (Array.isArray(v)) {
    if (v.length === 0) return [{ key: prefix, text: lang === 'zh' ? '（无）' : '(none)' }];
    if (v.every((x) => x === null || typeof x !== 'object')) return [{ key: prefix, text: v.map((x) => leafText(at, x, lang)).join('、') }];
    return v.flatMap((x, i) => flatten(x, pattern, lang, `${prefix}[${i}]`, at));
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return [{ key: prefix, text: lang === 'zh' ? '（无）' : '(none)' }];
  return entries.flatMap(([k, x]) => flatten(x, pattern, lang, prefix ? `${prefix}.${k}` : k, at ? `${at}.${k}` : k));
}

/** Both sides of a change as lines; a line is marked changed when the other side lacks it or differs. `path` is the change's. */
export function sideBySide(before: unknown, after: unknown, path = '', lang: Lang = 'zh'): { before: Line[]; after: Line[] } {
  const pattern = patternOfPath(path);
  // the API sends an absent side (added, removed) as null
  const a = before === undefined || before === null ? [] : flatten(before, pattern, lang);
  const b = after === undefined || after === null ? [] : flatten(after, pattern, lang);
  const ma = new Map(a.map((l) => [l.key, l.text]));
  const mb = new Map(b.map((l) => [l.key, l.text]));
  const label = (key: string) => lineLabel(path, key, lang);
  return {
    before: a.map((l) => ({ ...l, label: label(l.key), changed: mb.get(l.key) !== l.text })),
    after: b.map((l) => ({ ...l, label: label(l.key), changed: ma.get(l.key) !== l.text })),
  };
}
