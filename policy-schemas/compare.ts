import type { PolicyDocument } from './document.js';

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

/** Chinese labels of fields by path (indices removed); the console's editor reuses them. */
export const LABELS: Record<string, string> = {
  coverageYear: '待遇年度',
  jurisdiction: '统筹地区',
  metadata: '文件信息',
  'metadata.title': '标题',
  'metadata.documentNumber': '文号',
  'metadata.issuers': '发文机关',
  'metadata.issuedOn': '发文日期',
  'metadata.printed': '印发',
  'metadata.addressees': '主送',
  'metadata.copiedTo': '抄送',
  'metadata.basis': '依据文件',
  'metadata.validity': '有效期',
  'metadata.validity.until': '有效期至',
  'metadata.validity.from': '施行日期',
  'metadata.disclosure': '公开方式',
  'metadata.interpretedBy': '解释机关',
  'metadata.attachments': '附件',
  eligibility: '参保范围',
  'eligibility.groups': '参保对象',
  targets: '工作目标',
  fees: '筹资标准',
  'fees.individual.amountFen': '个人缴费标准',
  'fees.government.amountFen': '财政补助标准',
  'fees.government.basis': '财政补助方式',
  'fees.government.split': '财政补助分担',
  'fees.totalFinancing.amountFen': '筹资总额',
  'fees.lateSurcharge': '补缴加收',
  'fees.lateSurcharge.from': '补缴加收起始日',
  'fees.lateSurcharge.exemptGroups': '补缴加收豁免人群',
  'fees.specialCases': '特殊缴费标准',
  categoryLists: '减免对象分类',
  categories: '减免对象',
  'categories.name': '名称',
  'categories.agency': '认定部门',
  'categories.fundSource': '资金来源',
  'categories.benefit': '补助方式',
  'categories.conditions': '条件',
  'categories.needy': '困难人口',
  stacking: '多重身份规则',
  ageRule: '年龄计算基准',
  certification: '身份认定',
  windows: '参保缴费期',
  'windows.from': '起始日',
  'windows.to': '截止日',
  'windows.waiting': '等待期',
  'windows.benefitStart': '待遇起始',
  'windows.name': '名称',
  milestones: '时间节点',
  specialGroups: '特殊人群',
  'specialGroups.rules': '待遇规则',
  refund: '退费规定',
  workFunding: '工作经费',
  responsibilities: '部门职责',
  schedule: '进度安排',
  definitions: '名词释义',
  paymentChannels: '缴费渠道',
  registration: '参保登记',
  fundTransfers: '资金划转',
  supplementaryInsurance: '商业补充保险',
  workRequirements: '工作要求',
  leadGroup: '领导小组',
  'leadGroup.members': '领导小组成员',
  'leadGroup.office': '领导小组办公室',
  quotaTables: '任务分解表',
  activationTables: '电子凭证激活率任务表',
  conventions: '约定',
  notes: '备注',
};

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

/** The Chinese label of a field: its list item by name where it is inside one, then the field's own label. */
export function labelOf(pattern: string, names: string[] = []): string {
  const parts = pattern.split('.');
  let list = '';
  for (let n = parts.length; n > 0 && !list; n--) if (KEYED[parts.slice(0, n).join('.')]) list = parts.slice(0, n).join('.');
  if (!list || names.length === 0) return fieldLabel(pattern);
  const item = `${LABELS[list] ?? list}「${names.join('」「')}」`;
  if (pattern === list) return item;
  return item + (LABELS[pattern] ?? pattern.slice(list.length + 1));
}

/** The label of the nearest labelled field, with the rest of the path in latin (`参保登记·online`). */
function fieldLabel(pattern: string): string {
  const parts = pattern.split('.');
  for (let n = parts.length; n > 0; n--) {
    const label = LABELS[parts.slice(0, n).join('.')];
    if (label) return n === parts.length ? label : `${label}·${parts.slice(n).join('.')}`;
  }
  return pattern;
}

function summarize(kind: ChangeKind, pattern: string, label: string, before: unknown, after: unknown): string {
  if (kind === 'added') return `新增 ${label}`;
  if (kind === 'removed') return `删除 ${label}`;
  if (kind === 'renamed') return `${label}更名：${String(before)} → ${String(after)}`;
  if (typeof before === 'number' && typeof after === 'number' && pattern.endsWith('Fen')) {
    const pct = before === 0 ? '' : `（${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(1)}%）`;
    return `${label} ${yuanText(before)} → ${yuanText(after)}${pct}`;
  }
  return `${label} ${show(before)} → ${show(after)}`;
}

function yuanText(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

/** A short Chinese rendering of a value: waiting rules and benefits in words, others as JSON. */
function show(v: unknown): string {
  if (v && typeof v === 'object' && 'kind' in (v as object)) {
    const w = v as any;
    switch (w.kind) {
      case 'none':
        return '无等待期';
      case 'days':
        return `${w.days}天`;
      case 'months':
        return `${w.months}个月`;
      case 'nth-month':
        return `缴费当月起第${w.n}个月`;
      case 'full':
        return '全额资助';
      case 'percent':
        return `资助${w.percent}%`;
      case 'fixed-subsidy':
        return `定额资助${yuanText(w.amountFen)}元`;
      case 'fixed-payment':
        return `个人缴纳${yuanText(w.amountFen)}元`;
      case 'person-pays-percent':
        return `个人缴纳${w.percent}%`;
      case 'reduction':
        return `减免${yuanText(w.amountFen)}元`;
      case 'same-as':
        return `同${w.category}`;
    }
  }
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
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
