import { labelOf, type PolicyDocument } from '../../../policy-schemas/index.js';
import type { REVIEW_SETTLEMENTS, ReviewItemOf, ReviewKind } from '../../../policy-schemas/review-item.js';
import { canonicalJson, contentHash } from './content-hash.js';

/*
 * Review items: what an officer must look at by hand in a draft before it goes for review, computed
 * from the draft, the version it was cloned from and the published versions — the things a clone
 * copies that belong to another year or another jurisdiction (the document number, the issue date,
 * the basis documents, texts that name a year or a date, the roster, the quota tables, the names of
 * the source jurisdiction and its agencies), figures far from the source's, and quota-table units the
 * division reference does not know.
 *
 * An item is settled in one of two ways:
 * - `changed`: the draft no longer has what the item is about (the number differs from every
 *   published one; the text no longer names 石狮; the roster differs from the source's);
 * - `acknowledged`: an officer said, with `acknowledgeReviewItems`, that the value is right as it is.
 *   The acknowledgement holds for the value it was given on (its hash): if the value changes later
 *   and the item still applies, it opens again. The document number cannot be acknowledged: it must change.
 * A draft cannot be submitted while a blocking item is open.
 */

/** A figure (fee, subsidy) that moved by more than this share of the source's value is to be checked. */
export const FIGURE_CHANGE_SHARE = 0.2;

export type { ReviewKind } from '../../../policy-schemas/review-item.js';

export interface ReviewItem extends ReviewItemOf<ReviewKind, (typeof REVIEW_SETTLEMENTS)[number], Date> {
  /** The source's value, where the item compares with it. */
  before: unknown;
  /** The draft's value now. */
  current: unknown;
}

export interface Acknowledgement {
  valueHash: string;
  by: string;
  at: Date;
  comment: string | null;
}

export interface ReviewInput {
  draft: { document: PolicyDocument; year: number; jurisdictionName: string };
  /** The version the draft was cloned from, if any. */
  source: { document: PolicyDocument; year: number; jurisdictionName: string; sameJurisdiction: boolean } | null;
  /** The value clone-forward gave the issue date (from the draft's automatic changes). */
  clonedIssuedOn: string | null;
  /** Names that belong to the source but not to the draft's jurisdiction (石狮市, 石狮): only across jurisdictions. */
  sourceNames: string[];
  /** Published (and superseded) versions other than the draft. */
  published: { documentNumber: string; jurisdictionName: string; year: number }[];
  /** The townships of the draft's jurisdiction in the division reference; null where it has none (a township itself). */
  townships: string[] | null;
  acknowledgements: Map<string, Acknowledgement>;
}

interface Candidate {
  key: string;
  kind: ReviewKind;
  path: string;
  blocking: boolean;
  acknowledgeable: boolean;
  before: unknown;
  /** Whether the item still applies to this value (false: settled by the change). */
  applies: (current: unknown) => boolean;
  check: (current: unknown, applies: boolean) => string;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;
const DATE_WITHOUT_YEAR = /(?<![\d年])\d{1,2}月\d{1,2}日/;
const CJK = /[\u4e00-\u9fff]/;
/** Parts covered by items of their own (the roster, the tables) or no free text (the number). */
const TEXT_SKIP = /^(leadGroup|quotaTables|activationTables|metadata\.documentNumber|metadata\.issuedOn|jurisdiction)(\.|\[|$)/;
const NOT_TEXT_KEYS = new Set(['code', 'clause', 'kind', 'level', 'role', 'list', 'group', 'category', 'ratePrinted', 'schemaVersion']);

export function computeReviewItems(input: ReviewInput): ReviewItem[] {
  const { draft, source } = input;
  const doc = draft.document;
  const candidates: Candidate[] = [];
  const cross = source !== null && !source.sameJurisdiction;
  const shift = source ? draft.year - source.year : 0;

  // 文号: never the source's or a published version's
  const clash = (n: unknown) => input.published.find((p) => p.documentNumber === n);
  candidates.push({
    key: 'document-number',
    kind: 'document-number',
    path: 'metadata.documentNumber',
    blocking: true,
    acknowledgeable: false,
    before: source?.document.metadata.documentNumber ?? null,
    applies: (n) => (source !== null && n === source.document.metadata.documentNumber) || clash(n) !== undefined,
    check: (n, open) => {
      if (!open) return `文号为“${String(n)}”，与来源版本和已发布版本均不同`;
      const p = clash(n);
      if (source && n === source.document.metadata.documentNumber)
        return `文号“${String(n)}”沿用了来源版本（${source.jurisdictionName}${source.year}年度），新通知须编自己的文号`;
      return `文号“${String(n)}”已被已发布的${p!.jurisdictionName}${p!.year}年度版本使用，须编新的文号`;
    },
  });

  if (source) {
    const s = source.document;
    const moved = new Set(shift !== 0 ? [source.year - 1, source.year].map(String) : []);
    const names = input.sourceNames;
    const namesIn = (v: unknown) => (typeof v === 'string' ? names.filter((n) => v.includes(n)) : []);

    // 发文日期: clone-forward only guessed it
    const guessed = input.clonedIssuedOn ?? s.metadata.issuedOn;
    candidates.push({
      key: 'issue-date',
      kind: 'issue-date',
      path: 'metadata.issuedOn',
      blocking: false,
      acknowledgeable: true,
      before: s.metadata.issuedOn,
      applies: (d) => d === guessed,
      check: (d, open) => (open ? `发文日期“${String(d)}”是克隆时按来源版本推算的，请填写实际的发文日期` : `发文日期已填为${String(d)}`),
    });

    // 依据文件
    s.metadata.basis.forEach((b, i) => {
      const years = [...`${b.title}${b.number ?? ''}`.matchAll(YEAR)].map((m) => m[1]!);
      candidates.push({
        key: `basis:${i}`,
        kind: 'basis',
        path: `metadata.basis[${i}]`,
        blocking: years.some((y) => moved.has(y)),
        acknowledgeable: true,
        before: b,
        applies: (cur) => canonicalJson(cur) === canonicalJson(b),
        check: (_c, open) =>
          open
            ? `依据文件沿用来源版本：《${b.title}》${b.number ? `（${b.number}）` : ''}${years.length ? `，写有${years.join('、')}年` : ''}，请核对是否已有新的依据`
            : '依据文件已改动',
      });
    });

    // free texts that name a year or a date, or the source jurisdiction
    for (const [path, text] of texts(s)) {
      const years = [...text.matchAll(YEAR)].map((m) => m[1]!);
      const stale = years.filter((y) => moved.has(y));
      if (years.length || DATE_WITHOUT_YEAR.test(text))
        candidates.push({
          key: `dated-text:${path}`,
          kind: 'dated-text',
          path,
          // the modellers' readings (conventions) are checked too, but do not hold up a submission
          blocking: stale.length > 0 && !path.startsWith('conventions'),
          acknowledgeable: true,
          before: text,
          applies: (cur) => cur === text,
          check: (_c, open) =>
            !open
              ? '文字已改动'
              : stale.length
                ? `克隆时未改动的文字写有${[...new Set(stale)].join('、')}年：“${excerpt(text, stale[0]!)}”。本版本为${draft.year}年度，请核对年份是否应顺延`
                : `文字写有${years.length ? `${[...new Set(years)].join('、')}年` : '日期'}：“${excerpt(text, years[0] ?? (DATE_WITHOUT_YEAR.exec(text)?.[0] ?? ''))}”，请核对是否适用于${draft.year}年度`,
        });
      const named = namesIn(text);
      if (named.length)
        candidates.push({
          key: `source-jurisdiction:${path}`,
          kind: 'source-jurisdiction',
          path,
          blocking: true,
          acknowledgeable: true,
          before: text,
          applies: (cur) => namesIn(cur).length > 0,
          check: (cur, open) =>
            open
              ? `写有来源统筹地区的名称“${namesIn(cur)[0]}”：“${excerpt(String(cur), namesIn(cur)[0]!)}”。本版本属于${draft.jurisdictionName}，请改为本地的名称或机构`
              : `已不再写有${source.jurisdictionName}的名称`,
        });
    }

    if (cross) {
      for (const [field, label] of [
        ['issuers', '发文机关'],
        ['addressees', '主送单位'],
      ] as const) {
        const before = s.metadata[field];
        if (!before.length) continue;
        candidates.push({
          key: field,
          kind: 'source-jurisdiction',
          path: `metadata.${field}`,
          blocking: true,
          acknowledgeable: true,
          before,
          applies: (cur) => canonicalJson(cur) === canonicalJson(before),
          check: (_c, open) =>
            open ? `${label}沿用来源统筹地区（${source.jurisdictionName}）的：${before.join('、')}，请改为${draft.jurisdictionName}的${label}` : `${label}已改动`,
        });
      }
    }

    // 认定部门: the source's agencies (市民政局 is 石狮市's; in a 县 it would be the 县's)
    const agencies = (d: PolicyDocument) => [...new Set([...d.categories.map((c) => c.agency), ...d.certification.agencies])];
    if (cross && agencies(s).length) {
      const before = agencies(s);
      candidates.push({
        key: 'agencies',
        kind: 'source-jurisdiction',
        path: 'certification.agencies',
        blocking: true,
        acknowledgeable: true,
        before,
        applies: () => canonicalJson([...agencies(doc)].sort()) === canonicalJson([...before].sort()),
        check: (_c, open) =>
          open
            ? `减免对象的认定部门沿用来源统筹地区（${source.jurisdictionName}）的：${before.join('、')}，请核对为${draft.jurisdictionName}的部门`
            : '认定部门已改动',
      });
    }

    // 领导小组: people change; across jurisdictions it is another place's roster
    if (s.leadGroup) {
      const before = s.leadGroup;
      candidates.push({
        key: 'roster',
        kind: 'roster',
        path: 'leadGroup',
        blocking: cross,
        acknowledgeable: true,
        before,
        applies: (cur) => canonicalJson(cur) === canonicalJson(before),
        check: (_c, open) =>
          !open
            ? '领导小组名单已改动'
            : cross
              ? `领导小组名单是${source.jurisdictionName}的（${before.members.length}人），请换为${draft.jurisdictionName}的名单`
              : `领导小组名单与来源版本相同（${before.members.length}人），请逐一核对成员和职务`,
      });
    }

    // 任务分解表 / 激活任务表: figures of a year, units of a place
    for (const [list, label] of [
      ['quotaTables', '任务分解表'],
      ['activationTables', '激活任务表'],
    ] as const)
      s[list].forEach((t, i) => {
        candidates.push({
          key: `quota-table:${list}:${t.code}`,
          kind: 'quota-table',
          path: `${list}[${i}]`,
          blocking: cross,
          acknowledgeable: true,
          before: t,
          applies: (cur) => canonicalJson(cur) === canonicalJson(t),
          check: (_c, open) =>
            !open
              ? `${label}「${t.title}」已改动`
              : cross
                ? `${label}「${t.title}」是${source.jurisdictionName}的单位和数字，请换为${draft.jurisdictionName}的`
                : `${label}「${t.title}」与来源版本相同，请按本年度的人口和任务更新`,
        });
      });

    // figures: far from the source's, or unchanged into another year
    const drafted = new Map(figures(doc).map((f) => [f.id, f]));
    for (const f of figures(s)) {
      const d = drafted.get(f.id);
      if (!d) continue;
      const now = d.value;
      const ratio = f.value === 0 ? (now === 0 ? 0 : Infinity) : Math.abs(now - f.value) / f.value;
      const item = { key: `figure:${f.id}`, kind: 'figure', path: d.path, blocking: false, acknowledgeable: true, before: f.value } as const;
      if (ratio > FIGURE_CHANGE_SHARE)
        candidates.push({
          ...item,
          applies: (cur) => typeof cur === 'number' && (f.value === 0 ? cur !== 0 : Math.abs(cur - f.value) / f.value > FIGURE_CHANGE_SHARE),
          check: (cur, open) =>
            open
              ? `${f.label} ${f.show(f.value)} → ${f.show(Number(cur))}（${pct(f.value, Number(cur))}），变动超过来源版本的${FIGURE_CHANGE_SHARE * 100}%，请核对`
              : `${f.label}的变动已在来源版本的${FIGURE_CHANGE_SHARE * 100}%以内`,
        });
      else if (shift !== 0 && f.yearly)
        candidates.push({
          ...item,
          applies: (cur) => cur === f.value,
          check: (_c, open) => (open ? `${f.label}与来源版本相同（${f.show(f.value)}），请核对${draft.year}年度的标准是否调整` : `${f.label}已调整`),
        });
    }
  }

  // quota-table units against the division reference
  doc.quotaTables.forEach((t, i) => {
    if (input.townships === null) return;
    const known = new Set(input.townships);
    t.rows.forEach((r, j) => {
      if (known.has(r.unit)) return;
      const near = nearest(r.unit, input.townships!);
      candidates.push({
        key: `unit:${t.code}:${r.unit}`,
        kind: 'unit',
        path: `quotaTables[${i}].rows[${j}].unit`,
        blocking: false,
        acknowledgeable: true,
        before: null,
        applies: (cur) => typeof cur === 'string' && !known.has(cur),
        check: (cur, open) =>
          open
            ? `“${String(cur)}”不是参考区划中${draft.jurisdictionName}的乡镇${near ? `（是否为“${near}”？）` : ''}，请核对单位名称`
            : `“${String(cur)}”是参考区划中的乡镇`,
      });
    });
  });
  if (input.townships === null && doc.quotaTables.length)
    candidates.push({
      key: 'unit:below-reference',
      kind: 'unit',
      path: 'quotaTables',
      blocking: false,
      acknowledgeable: true,
      before: null,
      applies: () => true,
      check: () =>
        `${draft.jurisdictionName}是乡级区划，任务分解表的单位是其下的社区、村（村级）；参考区划只载到乡级，无法核对这些单位，请人工核对`,
    });

  return candidates.map((c) => settle(c, valueAt(doc, c.path), input.acknowledgements, doc));
}

/** Review items that hold whether or not the version is a draft: quota-table units the reference lacks. */
export function unitWarnings(doc: PolicyDocument, jurisdictionName: string, townships: string[] | null): ReviewItem[] {
  return computeReviewItems({
    draft: { document: doc, year: doc.coverageYear, jurisdictionName },
    source: null,
    clonedIssuedOn: null,
    sourceNames: [],
    published: [],
    townships,
    acknowledgements: new Map(),
  }).filter((i) => i.kind === 'unit');
}

function settle(c: Candidate, current: unknown, acks: Map<string, Acknowledgement>, doc: PolicyDocument): ReviewItem {
  const path = c.path;
  const applies = current !== undefined && c.applies(current);
  const ack = c.acknowledgeable ? acks.get(c.key) : undefined;
  const acknowledged = applies && ack !== undefined && ack.valueHash === valueHash(current);
  return {
    key: c.key,
    kind: c.kind,
    path,
    label: labelForPath(doc, path),
    check: current === undefined ? '来源版本中的这一项在草案中已删除' : c.check(current, applies),
    blocking: c.blocking,
    acknowledgeable: c.acknowledgeable,
    settled: !applies || acknowledged,
    settledHow: !applies ? 'changed' : acknowledged ? 'acknowledged' : null,
    settledBy: acknowledged ? ack!.by : null,
    settledAt: acknowledged ? ack!.at : null,
    comment: acknowledged ? ack!.comment : null,
    before: c.before ?? null,
    current: current ?? null,
  };
}

/** What an acknowledgement is bound to: the value it was given on. */
export function valueHash(value: unknown): string {
  return contentHash(value ?? null);
}

/** The value at a path such as `categories[2].agency` (undefined where there is none). */
export function valueAt(doc: unknown, path: string): unknown {
  let v: any = doc;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (v === null || v === undefined) return undefined;
    v = /^\d+$/.test(part) ? (Array.isArray(v) ? v[Number(part)] : undefined) : v[part];
  }
  return v;
}

const LEAF_LABELS: Record<string, string> = {
  amountFen: '金额',
  percent: '比例',
  note: '说明',
  notes: '说明',
  text: '文字',
  label: '名称',
  points: '要点',
  duties: '职责',
  rules: '规则',
  when: '条件',
  condition: '条件',
  agency: '认定部门',
  channels: '渠道',
  tasks: '任务',
  items: '事项',
  includes: '包括',
  endsWhen: '终止情形',
  excludes: '不含',
};

/** The Chinese label of a path, list items named by their name (减免对象「特困人员」认定部门). */
export function labelForPath(doc: unknown, path: string): string {
  const pattern = path.replace(/\[\d+\]/g, '');
  const names: string[] = [];
  let v: any = doc;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    v = v == null ? undefined : /^\d+$/.test(part) ? v[Number(part)] : v[part];
    if (/^\d+$/.test(part) && v && typeof v === 'object' && names.length === 0) {
      const n = v.name ?? v.label ?? v.title ?? v.unit ?? v.department ?? v.topic ?? v.term ?? v.phase;
      if (typeof n === 'string') names.push(n);
    }
  }
  // the part labelOf leaves in latin (`特殊人群「高校入学新生」rules.note`) in words where we have them
  return labelOf(pattern, names).replace(/·?([A-Za-z][A-Za-z.]*)$/, (m, rest: string) => {
    const parts = rest.split('.');
    return parts.every((x) => LEAF_LABELS[x]) ? `${m.startsWith('·') ? '·' : ''}${parts.map((x) => LEAF_LABELS[x]).join('·')}` : m;
  });
}

/** Every free text of a document (a string with Chinese in it), with its path. */
function texts(doc: PolicyDocument): [string, string][] {
  const out: [string, string][] = [];
  const walk = (v: unknown, path: string, key: string) => {
    if (path && TEXT_SKIP.test(path)) return;
    if (typeof v === 'string') {
      if (!NOT_TEXT_KEYS.has(key) && CJK.test(v)) out.push([path, v]);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, k);
  };
  walk(doc, '', '');
  return out;
}

interface Figure {
  /** The same figure in two documents: by field, and by code for categories and special cases. */
  id: string;
  path: string;
  label: string;
  value: number;
  /** A yearly standard that usually changes from one coverage year to the next. */
  yearly: boolean;
  show: (v: number) => string;
}

const fenText = (v: number) => `${(v / 100).toFixed(2)}元`;

/** The figures whose plausibility is checked against the source: fees and subsidies. */
function figures(doc: PolicyDocument): Figure[] {
  const out: Figure[] = [
    { id: 'fees.individual', path: 'fees.individual.amountFen', label: '个人缴费标准', value: doc.fees.individual.amountFen, yearly: true, show: fenText },
    { id: 'fees.government', path: 'fees.government.amountFen', label: '财政补助标准', value: doc.fees.government.amountFen, yearly: true, show: fenText },
  ];
  if (doc.fees.totalFinancing) out.push({ id: 'fees.totalFinancing', path: 'fees.totalFinancing.amountFen', label: '筹资标准', value: doc.fees.totalFinancing.amountFen, yearly: false, show: fenText });
  doc.fees.government.split.forEach((s, i) =>
    out.push({ id: `fees.government.split:${s.level}`, path: `fees.government.split[${i}].amountFen`, label: `财政补助分担「${s.label}」`, value: s.amountFen, yearly: false, show: fenText }),
  );
  doc.fees.specialCases.forEach((c, i) =>
    c.charges.forEach((ch, k) =>
      out.push({ id: `fees.specialCases:${c.code}:${ch.coverageYear - doc.coverageYear}`, path: `fees.specialCases[${i}].charges[${k}].amountFen`, label: `特殊缴费标准「${c.label}」`, value: ch.amountFen, yearly: false, show: fenText }),
    ),
  );
  doc.categories.forEach((c, i) => {
    const b = c.benefit;
    if (b.kind === 'percent' || b.kind === 'person-pays-percent')
      out.push({ id: `categories:${c.code}:percent`, path: `categories[${i}].benefit.percent`, label: `减免对象「${c.name}」比例`, value: b.percent, yearly: false, show: (v) => `${v}%` });
    if (b.kind === 'fixed-subsidy' || b.kind === 'reduction')
      out.push({ id: `categories:${c.code}:amount`, path: `categories[${i}].benefit.amountFen`, label: `减免对象「${c.name}」金额`, value: b.amountFen, yearly: false, show: fenText });
  });
  return out;
}

function pct(before: number, after: number): string {
  if (before === 0) return '原为0';
  const p = ((after - before) / before) * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;
}

/** A few characters around the first place `needle` occurs. */
function excerpt(text: string, needle: string): string {
  const at = Math.max(0, text.indexOf(needle));
  const from = Math.max(0, at - 12);
  const to = Math.min(text.length, at + needle.length + 12);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** The reference name most like `unit` (same length, all but one character alike), if any. */
function nearest(unit: string, names: string[]): string | null {
  for (const n of names) {
    if (n.length !== unit.length) continue;
    let diff = 0;
    for (let i = 0; i < n.length; i++) if (n[i] !== unit[i]) diff++;
    if (diff === 1) return n;
  }
  return null;
}

/** Short forms of a jurisdiction's name that texts use (石狮市 → 石狮, 五河县 → 五河, 灵源街道 → 灵源). */
export function nameForms(name: string): string[] {
  const m = /^(.{2,}?)(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|街道办事处|街道|地区|省|市|县|区|镇|乡|旗|盟)$/.exec(name);
  return m ? [name, m[1]!] : [name];
}

