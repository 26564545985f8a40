/*
 * Pure helpers of the compare page: grouping the API's changes (compareVersions) by section, filtering
 * them by text, and laying out a change's before/after values as lines with the differing ones marked.
 * No React and no browser API here, so that the logic is testable with vitest.
 */

/** One change as `compareVersions` returns it. */
export interface Change {
  path: string;
  kind: string;
  before: unknown;
  after: unknown;
  label: string;
  summary: string;
}

/** Chinese and English names of the document's top-level parts (policy-schemas/document.ts). */
export const SECTION_NAMES: Record<string, [string, string]> = {
  schemaVersion: ['格式版本', 'Schema version'],
  jurisdiction: ['统筹地区', 'Jurisdiction'],
  coverageYear: ['待遇年度', 'Coverage year'],
  metadata: ['文件信息', 'Document'],
  eligibility: ['参保范围', 'Eligibility'],
  targets: ['工作目标', 'Targets'],
  fees: ['筹资标准', 'Fees'],
  categoryLists: ['减免对象分类', 'Category lists'],
  categories: ['减免对象', 'Subsidy categories'],
  stacking: ['多重身份规则', 'Stacking'],
  ageRule: ['年龄计算基准', 'Age rule'],
  certification: ['身份认定', 'Certification'],
  windows: ['参保缴费期', 'Payment windows'],
  milestones: ['时间节点', 'Milestones'],
  specialGroups: ['特殊人群', 'Special groups'],
  refund: ['退费规定', 'Refunds'],
  workFunding: ['工作经费', 'Work funding'],
  responsibilities: ['部门职责', 'Responsibilities'],
  schedule: ['进度安排', 'Schedule'],
  definitions: ['名词释义', 'Definitions'],
  paymentChannels: ['缴费渠道', 'Payment channels'],
  registration: ['参保登记', 'Registration'],
  fundTransfers: ['资金划转', 'Fund transfers'],
  supplementaryInsurance: ['商业补充保险', 'Supplementary insurance'],
  workRequirements: ['工作要求', 'Work requirements'],
  leadGroup: ['领导小组', 'Lead group'],
  quotaTables: ['任务分解表', 'Quota tables'],
  activationTables: ['电子凭证激活率任务表', 'Activation tables'],
  conventions: ['约定', 'Conventions'],
  notes: ['备注', 'Notes'],
};

/** The order sections are shown in: the document's own order, unknown ones last. */
const SECTION_ORDER = Object.keys(SECTION_NAMES);

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
      const [zh, en] = SECTION_NAMES[key] ?? [key, key];
      return { key, zh, en, changes: list };
    });
}

/** Changes whose label, summary, path, section name or values contain every word of `text` (case-insensitive). */
export function filterChanges(changes: readonly Change[], text: string): Change[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...changes];
  return changes.filter((c) => {
    const [zh, en] = SECTION_NAMES[sectionOf(c.path)] ?? ['', ''];
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

/** Integer fen as yuan the way notices print it: 40000 → "400", 39050 → "390.50". */
export function fenText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  const y = Math.floor(a / 100);
  const f = a % 100;
  return `${sign}${y}${f ? `.${String(f).padStart(2, '0')}` : ''}`;
}

/** A leaf value for people: money (`…Fen` keys) in yuan, booleans as 是/否, null as —. */
export function leafText(key: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number' && /fen$/i.test(key) && Number.isInteger(v)) return `${fenText(v)} 元`;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

export interface Line {
  /** Dotted key inside the value (`benefit.percent`, `[0]`); empty for a plain value. */
  key: string;
  text: string;
  /** Differs from the other side (or is absent there). */
  changed: boolean;
}

/** The last field name of a path, list identities removed: `fees.individual.amountFen` → `amountFen`. */
export function lastKey(path: string): string {
  return (path.split('.').pop() ?? '').replace(/\[[^\]]*\]/g, '');
}

/**
 * A JSON value flattened to `key: value` leaves (arrays of primitives kept on one line). `field` names
 * the value itself when it is a leaf (so that `amountFen` 40000 reads 400 元).
 */
export function flatten(v: unknown, prefix = '', field = ''): { key: string; text: string }[] {
  const last = prefix ? lastKey(prefix) : field;
  if (v === null || v === undefined || typeof v !== 'object') return [{ key: prefix, text: leafText(last, v) }];
  if (Array.isArray(v)) {
    if (v.length === 0) return [{ key: prefix, text: '[]' }];
    if (v.every((x) => x === null || typeof x !== 'object')) return [{ key: prefix, text: v.map((x) => leafText(last, x)).join('、') }];
    return v.flatMap((x, i) => flatten(x, `${prefix}[${i}]`));
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return [{ key: prefix, text: '{}' }];
  return entries.flatMap(([k, x]) => flatten(x, prefix ? `${prefix}.${k}` : k));
}

/** Both sides of a change as lines; a line is marked changed when the other side lacks it or differs. `path` is the change's. */
export function sideBySide(before: unknown, after: unknown, path = ''): { before: Line[]; after: Line[] } {
  const field = lastKey(path);
  // the API sends an absent side (added, removed) as null
  const a = before === undefined || before === null ? [] : flatten(before, '', field);
  const b = after === undefined || after === null ? [] : flatten(after, '', field);
  const ma = new Map(a.map((l) => [l.key, l.text]));
  const mb = new Map(b.map((l) => [l.key, l.text]));
  return {
    before: a.map((l) => ({ ...l, changed: mb.get(l.key) !== l.text })),
    after: b.map((l) => ({ ...l, changed: ma.get(l.key) !== l.text })),
  };
}
