import { percentOf, subsidyFenOf } from '../../../policy-schemas/index';
import type { Benefit, PolicyDocument, WaitingRule } from '../../../policy-schemas/index';
import { cnDate, cnNumeral, cnRange, listJoin, pct, sentence, yuan } from './format';

/*
 * The notice as plain data: what the annual notice says, in the order it says it, independent of how
 * it is drawn. NoticeView (React) and noticeDocx (Word) both render this model, so the screen, the
 * printout and the download can never disagree. Facts and numbers come from the document; the
 * connecting phrases are ours (the notices' own sentences are not reproduced).
 */

/** `clause`: the source clause (〔三（二）〕); `note`: a remark stored with the rule; `convention`: a reading adopted where the notice is silent. */
export type Tone = 'clause' | 'note' | 'convention';

export interface Run {
  text: string;
  tone?: Tone;
}

/** A paragraph. level 0: plain body text; 1: （一）; 2: 1．; 3: （1）. */
export interface Para {
  kind: 'para';
  level: 0 | 1 | 2 | 3;
  label?: string;
  runs: Run[];
}

export interface TableBlock {
  kind: 'table';
  caption?: string;
  columns: string[];
  rows: string[][];
  /** The 合计 row exactly as printed in the notice (never recomputed). */
  total?: string[];
  /** Right-align the column (figures). */
  numeric: boolean[];
}

export type Block = Para | TableBlock;

export interface NoticeSection {
  /** Stable key for tests and anchors (eligibility, windows, fees, …). */
  key: string;
  /** 一, 二, … */
  number: string;
  title: string;
  blocks: Block[];
}

export interface NoticeAnnex {
  number: number;
  /** 附件1 */
  label: string;
  title: string;
  blocks: Block[];
}

export interface NoticeModel {
  documentNumber: string;
  title: string;
  /** 主送: "各镇人民政府、…：" */
  addressees: string | null;
  /** For a notice that issues a work plan: the forwarding sentence. */
  forwarding: Para[];
  /** Title of the work plan, printed above its body. */
  planTitle: string | null;
  preamble: Para[];
  sections: NoticeSection[];
  /** "附件：1．…" lines after the body. */
  attachmentList: string[];
  signature: { issuers: string[]; date: string; disclosure: string | null };
  annexes: NoticeAnnex[];
  colophon: { copiedTo: string | null; printed: string | null };
  /** Remarks stored with the document as a whole (not printed by the issuer; shown small at the end). */
  editorialNotes: Para[];
}

// ---------------------------------------------------------------- building blocks

interface Item {
  runs: Run[];
  children?: Item[];
  /** Blocks printed right after the paragraph (a table and its notes). */
  after?: Block[];
  /** Printed without a number (an introductory or closing sentence). */
  plain?: boolean;
}

const t = (text: string): Run => ({ text });
const clauseRun = (c: string | null | undefined): Run[] => (c ? [{ text: `〔${c}〕`, tone: 'clause' }] : []);
const noteRuns = (notes: readonly string[] | undefined): Run[] =>
  (notes ?? []).map((n) => ({ text: `（注：${n}）`, tone: 'note' as const }));
const conventionRun = (text: string): Run => ({ text: `〔约定：${text}〕`, tone: 'convention' });

function labelFor(level: 1 | 2 | 3, n: number): string {
  if (level === 1) return `（${cnNumeral(n)}）`;
  if (level === 2) return `${n}．`;
  return `（${n}）`;
}

/** Number a tree of items: （一） at the first level, 1． below it, （1） below that; plain items keep no number. */
function flatten(items: Item[], level: 1 | 2 | 3 = 1): Block[] {
  const out: Block[] = [];
  let n = 0;
  for (const it of items) {
    const label = it.plain ? undefined : labelFor(level, ++n);
    out.push({ kind: 'para', level: it.plain && level === 1 ? 0 : level, ...(label ? { label } : {}), runs: it.runs });
    out.push(...(it.after ?? []));
    if (it.children?.length) out.push(...flatten(it.children, level === 1 ? 2 : 3));
  }
  return out;
}

/** Which annex a clause points to ("附件2" → 2; "附件" → the only annex), or null. */
function annexOf(clause: string | null | undefined, attachments: readonly { number: number }[]): number | null {
  const m = /^附件\s*(\d*)/.exec(clause ?? '');
  if (!m) return null;
  if (m[1]) return Number(m[1]);
  return attachments.length === 1 ? attachments[0]!.number : 1;
}

// ---------------------------------------------------------------- wording of rules

const ROLE: Record<string, string> = { leader: '组长', 'first-deputy': '第一副组长', deputy: '副组长', member: '成员' };

const DISABILITY: Record<string, string> = {
  any: '残疾人',
  severe: '重度残疾人',
  'grade-3-4': '三、四级残疾人',
  'card-holder-not-severe': '持第二代《残疾人证》的非重度残疾人',
  'multi-disabled-household': '一户多残家庭中的残疾人',
};

const RESIDENCE: Record<string, string> = {
  rural: '农村居民',
  urban: '城镇居民',
  'revolutionary-base-village': '革命老区（基点）村居民',
};

const MEMBERS: Record<string, string> = {
  self: '限本人',
  'spouses-and-children-under-18': '含夫妻双方及未满18周岁子女',
  'spouses-and-daughters-under-18': '含夫妻双方及未满18周岁女儿',
  'spouses-and-sons-under-18': '含夫妻双方及未满18周岁儿子',
};

const REFUND_REASON: Record<string, string> = {
  death: '死亡',
  'duplicate-payment': '重复缴费',
  'joined-employee-insurance': '参加职工基本医保',
  'joined-other-city': '在外地参加居民医保',
};

const DISCLOSURE: Record<string, string> = { public: '（此件主动公开）', 'on-request': '（此件依申请公开）' };

/** How a waiting period reads: 设3个月待遇等待期 …, 自缴费之日起60日（含）后享受待遇 … */
function waitingWords(w: WaitingRule): string {
  switch (w.kind) {
    case 'none':
      return '不设等待期';
    case 'days':
      return w.convention === 'payment-day-is-day-1'
        ? `设${w.days}日待遇等待期，自缴费之日起${w.days}日（含）后享受待遇（缴费当日计为第1日）`
        : `设${w.days}天待遇等待期，缴费后${w.days}天期满方可享受待遇（缴费当日不计入）`;
    case 'months':
      return `设${w.months}个月待遇等待期，自缴费之日起满${w.months}个月的对应日起享受待遇（无对应日的，以该月末日为准）`;
    case 'nth-month':
      return `设待遇等待期，自缴费当月起算第${w.n}个月起享受待遇（缴费当月计为第1个月）`;
  }
}

export function coverageText(doc: PolicyDocument): string {
  return cnRange(`${doc.coverageYear}-01-01`, `${doc.coverageYear}-12-31`);
}

/** When benefits start, in words. */
function startWords(
  start: PolicyDocument['windows'][number]['benefitStart'],
  doc: PolicyDocument,
  opts: { waiting?: WaitingRule | undefined; date?: string | undefined; end?: string | undefined } = {},
): string {
  const end = opts.end ? `至${cnDate(opts.end)}` : '';
  switch (start) {
    case 'coverage-start':
      return opts.end ? `自${cnDate(`${doc.coverageYear}-01-01`)}起享受待遇${end}` : `待遇享受期为${coverageText(doc)}`;
    case 'payment-day':
      return `自缴费之日起享受待遇${end}`;
    case 'day-after-payment':
      return `自缴费次日起享受待遇${end}`;
    case 'birth-date':
      return `自出生之日起享受待遇${end}`;
    case 'fixed-date':
      return opts.date ? `待遇享受期为${cnDate(opts.date)}${end || `至${cnDate(`${doc.coverageYear}-12-31`)}`}` : `按规定日期享受待遇${end}`;
    case 'after-waiting':
      return opts.waiting ? waitingWords(opts.waiting) + (end ? `，待遇享受${end}` : '') : `等待期满后享受待遇${end}`;
  }
}

/** A category's benefit: 全额资助 / 按个人缴费标准的90%给予定额资助（每人资助360元，个人缴纳40元）/ 定额资助320元 … */
function benefitWords(
  c: PolicyDocument['categories'][number],
  doc: PolicyDocument,
  byCode: ReadonlyMap<string, PolicyDocument['categories'][number]>,
): string {
  const fee = doc.fees.individual.amountFen;
  const b: Benefit = c.benefit;
  const computed = subsidyFenOf(b, fee, byCode);
  const subsidy = c.printed?.subsidyFen ?? computed;
  const payment = c.printed?.paymentFen ?? (computed === null ? null : fee - computed);
  const amounts =
    subsidy !== null && payment !== null ? `（每人资助${yuan(subsidy)}，个人缴纳${yuan(payment)}）` : '';
  switch (b.kind) {
    case 'full':
      return `个人缴费部分给予全额资助${c.printed ? amounts : ''}`;
    case 'percent':
      return `按个人缴费标准的${pct(b.percent)}给予定额资助${amounts}`;
    case 'fixed-subsidy':
      return `给予定额资助${yuan(b.amountFen)}${payment !== null ? `（个人缴纳${yuan(payment)}）` : ''}`;
    case 'fixed-payment':
      return `个人缴纳${yuan(b.amountFen)}，其余部分给予资助${subsidy !== null ? `（每人资助${yuan(subsidy)}）` : ''}`;
    case 'person-pays-percent': {
      const pays = percentOf(fee, b.percent);
      return `个人按个人缴费标准的${pct(b.percent)}缴纳（每人缴纳${yuan(c.printed?.paymentFen ?? pays)}），其余${yuan(c.printed?.subsidyFen ?? fee - pays)}给予资助`;
    }
    case 'reduction':
      return `个人缴费减免${yuan(b.amountFen)}${payment !== null ? `（个人缴纳${yuan(payment)}）` : ''}`;
    case 'same-as': {
      const other = byCode.get(b.category);
      return `参照${other?.name ?? b.category}的标准给予资助${amounts}`;
    }
  }
}

/** One set of conditions (all must hold); the stored note replaces the parts it already states. */
function conditionWords(set: PolicyDocument['categories'][number]['conditions'][number]): string {
  const parts: string[] = [];
  if (set.age?.min !== undefined) parts.push(`年满${set.age.min}周岁`);
  if (set.age?.below !== undefined) parts.push(`未满${set.age.below}周岁`);
  if (set.disability) parts.push(DISABILITY[set.disability] ?? set.disability);
  if (set.residence) parts.push(RESIDENCE[set.residence] ?? set.residence);
  if (set.members) parts.push(MEMBERS[set.members] ?? set.members);
  if (!set.note) return listJoin(parts);
  const key = (p: string) => /\d+/.exec(p)?.[0] ?? p;
  if (parts.every((p) => set.note!.includes(key(p)))) return set.note;
  return parts.length ? `${listJoin(parts)}（${set.note}）` : set.note;
}

function rateWords(r: { min?: number | undefined; below?: number | undefined } | undefined, what: string): string {
  if (!r) return '';
  if (r.min !== undefined && r.below !== undefined) return `${what}达到${pct(r.min)}（含）但低于${pct(r.below)}`;
  if (r.min !== undefined) return `${what}达到${pct(r.min)}（含）以上`;
  if (r.below !== undefined) return `${what}低于${pct(r.below)}`;
  return '';
}

/** 《title》 for document titles; plain words for a description such as "国、省有关部门…要求". */
function cite(title: string, number?: string): string {
  const quoted = /(通知|规定|办法|意见|方案|决定|细则|条例)$/.test(title) ? `《${title}》` : title;
  return number ? `${quoted}（${number}）` : quoted;
}

// ---------------------------------------------------------------- the notice

export function buildNotice(doc: PolicyDocument): NoticeModel {
  const md = doc.metadata;
  const year = doc.coverageYear;
  const attachments = md.attachments;
  const byCode = new Map(doc.categories.map((c) => [c.code, c]));
  const groupName = (code: string) => doc.specialGroups.find((g) => g.code === code)?.name ?? code;
  const windowName = (code: string) => doc.windows.find((w) => w.code === code)?.name ?? code;
  const self = md.kind === 'notice' ? '本通知' : '本方案';

  /** Content routed to an annex by its clause (附件1 …), kept in order of appearance. */
  const annexBlocks = new Map<number, Block[]>();
  /** Annexes the metadata does not list but a table's clause names. */
  const extraAnnexes: { number: number; title: string }[] = [];
  /** Tables whose clause names no annex: printed in the body under 工作要求. */
  const tablesInBody: Block[] = [];
  const toAnnex = (n: number, blocks: Block[]) => annexBlocks.set(n, [...(annexBlocks.get(n) ?? []), ...blocks]);
  const inListedAnnex = (clause: string | null | undefined) => {
    const n = annexOf(clause, attachments);
    return n !== null && attachments.some((a) => a.number === n) ? n : null;
  };

  // ---------------------------------------------------------------- head and preamble
  const forwarding: Para[] = [];
  if (md.planTitle)
    forwarding.push({ kind: 'para', level: 0, runs: [t(`现将《${md.planTitle}》印发给你们，请结合实际认真组织实施。`)] });

  const preamble: Para[] = [];
  {
    const basis = md.basis.map((b) => cite(b.title, b.number));
    const clauses = [...new Set(md.basis.map((b) => b.clause))];
    const work = `${doc.jurisdiction.name}${year}年度城乡居民基本医疗保险参保登记和基金征缴工作`;
    const runs: Run[] = basis.length
      ? [t(`根据${listJoin(basis)}，结合本地实际，为做好${work}，`), t(md.planTitle ? '特制定本方案。' : '现就有关事项通知如下：')]
      : [t(`为做好${work}，`), t(md.planTitle ? '特制定本方案。' : '现就有关事项通知如下：')];
    preamble.push({ kind: 'para', level: 0, runs: [...runs, ...clauses.flatMap(clauseRun)] });
  }

  // ---------------------------------------------------------------- annex tables
  for (const q of doc.quotaTables) {
    const hasSeq = q.rows.some((r) => r.seq !== undefined);
    const hasPermits = q.rows.some((r) => r.residencePermits !== null) || q.printedTotal.residencePermits !== null;
    const columns = [...(hasSeq ? ['序号'] : []), q.unitKind, q.populationLabel, ...(hasPermits ? ['有效居住证数（人）'] : []), q.targetLabel];
    const numeric = [...(hasSeq ? [false] : []), false, true, ...(hasPermits ? [true] : []), true];
    const rows = q.rows.map((r) => [
      ...(hasSeq ? [r.seq !== undefined ? String(r.seq) : ''] : []),
      r.unit,
      String(r.population),
      ...(hasPermits ? [r.residencePermits !== null ? String(r.residencePermits) : ''] : []),
      String(r.target),
    ]);
    const total = [
      '合计',
      ...(hasSeq ? [''] : []),
      String(q.printedTotal.population),
      ...(hasPermits ? [q.printedTotal.residencePermits !== null ? String(q.printedTotal.residencePermits) : ''] : []),
      String(q.printedTotal.target),
    ];
    const table: TableBlock = { kind: 'table', caption: q.title, columns, rows, total, numeric };
    placeTable(q.clause, q.title, [table]);
  }
  for (const a of doc.activationTables) {
    const hasSeq = a.rows.some((r) => r.seq !== undefined);
    const columns = [...(hasSeq ? ['序号'] : []), '单位', '参保人数', '已激活人数', '未激活人数', '激活率', `${pct(a.targetPercent)}激活率人数`, '差距人数'];
    const numeric = [...(hasSeq ? [false] : []), false, true, true, true, true, true, true];
    const rows = a.rows.map((r) => [
      ...(hasSeq ? [r.seq !== undefined ? String(r.seq) : ''] : []),
      r.unit,
      String(r.insured),
      String(r.activated),
      String(r.notActivated),
      r.ratePrinted,
      String(r.targetActivated),
      String(r.gap),
    ]);
    const p = a.printedTotal;
    const total = ['合计', ...(hasSeq ? [''] : []), String(p.insured), String(p.activated), String(p.notActivated), p.ratePrinted, String(p.targetActivated), String(p.gap)];
    const blocks: Block[] = [
      { kind: 'table', caption: a.title, columns, rows, total, numeric },
      ...a.notes.map((n): Para => ({ kind: 'para', level: 0, runs: [t(`注：${n}。`)] })),
    ];
    placeTable(a.clause, a.title, blocks);
  }
  // responsibilities and definitions that the notice prints as an annex (Meishan 附件1/附件2)
  for (const r of doc.responsibilities) {
    const n = inListedAnnex(r.clause);
    if (n !== null) toAnnex(n, [{ kind: 'para', level: 0, runs: [t(`${r.department}：${r.duties.join('；')}。`), ...clauseRun(r.clause)] }]);
  }
  for (const d of doc.definitions) {
    const n = inListedAnnex(d.clause);
    if (n !== null) toAnnex(n, [{ kind: 'para', level: 0, runs: [t(definitionText(d)), ...clauseRun(d.clause)] }]);
  }

  /** Content goes to the annex its clause names (an annex the metadata does not list is added with `title`); false when the clause names none. */
  function placeInAnnex(clause: string, title: string, blocks: Block[]): boolean {
    const n = annexOf(clause, attachments);
    if (n === null) return false;
    if (!attachments.some((x) => x.number === n) && !extraAnnexes.some((x) => x.number === n)) extraAnnexes.push({ number: n, title });
    toAnnex(n, blocks);
    return true;
  }
  function placeTable(clause: string, title: string, blocks: Block[]) {
    if (!placeInAnnex(clause, title, blocks)) tablesInBody.push(...blocks);
  }

  const sections: { key: string; title: string; items: Item[] }[] = [];
  const section = (key: string, title: string, items: Item[]) => {
    if (items.length) sections.push({ key, title, items });
  };

  // ---------------------------------------------------------------- 参保范围
  {
    const e = doc.eligibility;
    const items: Item[] = [];
    const ex = e.excludes.length ? `（${listJoin(e.excludes)}除外）` : '';
    items.push({ plain: true, runs: [t(`下列人员可参加${doc.jurisdiction.name}城乡居民基本医疗保险${ex}：`), ...clauseRun(e.clause)] });
    for (const g of e.groups) items.push({ runs: [t(sentence(g.label)), ...clauseRun(g.clause)] });
    if (e.wholeHousehold)
      items.push({ plain: true, runs: [t('符合参保条件的居民以家庭为单位全户参保，不得只为部分家庭成员参保。'), ...clauseRun(e.wholeHousehold.clause)] });
    if (e.noDoubleEnrollment)
      items.push({
        plain: true,
        runs: [t(`不得重复参保：${e.noDoubleEnrollment.rules.join('；')}。`), ...clauseRun(e.noDoubleEnrollment.clause)],
      });
    section('eligibility', '参保范围', items);
  }

  // ---------------------------------------------------------------- 参保缴费时间
  {
    const items: Item[] = doc.windows.map((w) => {
      const parts: string[] = [];
      if (w.who === 'listed-groups' && w.groups.length) parts.push(`本期限于${listJoin(w.groups.map(groupName))}办理`);
      if (w.who === 'ordinary-residents') parts.push('本期适用于普通城乡居民');
      if (w.condition) parts.push(`适用条件：${w.condition}`);
      if (!w.acceptsPayment) parts.push('本期只办理参保登记，不收缴保费');
      else {
        const start = startWords(w.benefitStart, doc, { waiting: w.waiting });
        parts.push(`在此期间缴费的，${start}`);
        if (w.benefitStart !== 'after-waiting' && w.waiting.kind === 'none') parts.push('不设等待期');
        else if (w.benefitStart !== 'after-waiting') parts.push(waitingWords(w.waiting));
      }
      return { runs: [t(`${w.name}：${cnRange(w.from, w.to)}。`), t(sentence(parts.join('；'))), ...clauseRun(w.clause)] };
    });
    if (doc.milestones.length)
      items.push({
        runs: [t('工作时间节点：')],
        children: doc.milestones.map((m) => {
          const when =
            m.kind === 'deadline'
              ? `${m.from ? `${cnDate(m.from)}起，` : ''}截止日期为${cnDate(m.on)}`
              : m.kind === 'target-date'
                ? m.from
                  ? `${cnRange(m.from, m.on)}（目标日期）`
                  : `目标日期为${cnDate(m.on)}`
                : m.from
                  ? cnRange(m.from, m.on)
                  : `自${cnDate(m.on)}起`;
          return { runs: [t(`${m.label}：${when}。`), ...clauseRun(m.clause)] };
        }),
      });
    section('windows', '参保缴费时间', items);
  }

  // ---------------------------------------------------------------- 筹资标准
  {
    const f = doc.fees;
    const items: Item[] = [];
    items.push({
      runs: [t(`个人缴费标准：${year}年度城乡居民医保个人缴费标准为每人每年${yuan(f.individual.amountFen)}。`), ...clauseRun(f.individual.clause)],
    });
    {
      const g = f.government;
      const split = g.split.length ? `，其中${listJoin(g.split.map((s) => `${s.label}${yuan(s.amountFen)}`))}` : '';
      const borne = g.borneBy.length ? `，由${listJoin(g.borneBy)}承担` : '';
      items.push({
        runs: [
          t(`财政补助标准：${year}年度各级财政补助标准${g.basis === 'floor' ? '不低于' : '为'}每人每年${yuan(g.amountFen)}${split}${borne}。`),
          ...clauseRun(g.clause),
        ],
      });
    }
    if (f.totalFinancing)
      items.push({
        runs: [t(`筹资标准：个人缴费与财政补助合计，每人每年筹资${yuan(f.totalFinancing.amountFen)}。`), ...clauseRun(f.totalFinancing.clause)],
      });
    if (f.criticalIllness) {
      const c = f.criticalIllness;
      items.push({
        runs: [
          t(`大病保险：大病保险所需资金由${c.fundedBy}，个人${c.individualFen === 0 ? `不另缴费（个人缴费${yuan(0)}）` : `每人缴纳${yuan(c.individualFen)}`}。`),
          ...clauseRun(c.clause),
        ],
      });
    }
    if (f.lateSurcharge) {
      const s = f.lateSurcharge;
      const sum = f.individual.amountFen + f.government.amountFen;
      const exempt = s.exemptGroups.map(groupName);
      const needyGroupListed = s.exemptGroups.some((c) => doc.specialGroups.find((g) => g.code === c)?.impliedByNeedyCategories);
      if (s.exemptNeedy && !needyGroupListed) exempt.push('困难人口');
      items.push({
        runs: [
          t(
            `补缴加收：自${cnDate(s.from)}起补缴的，须按个人缴费标准与财政补助标准之和缴费（${yuan(f.individual.amountFen)}+${yuan(f.government.amountFen)}=${yuan(sum)}）` +
              (exempt.length ? `；${listJoin(exempt)}不在此列。` : '。'),
          ),
          ...noteRuns(s.notes),
          ...clauseRun(s.clause),
        ],
      });
    }
    for (const sc of f.specialCases)
      items.push({
        runs: [
          t(
            `${sc.label}：${sc.bornInYear !== null && !sc.label.includes(`${sc.bornInYear}年`) ? `${sc.bornInYear}年出生的，` : ''}${sc.charges.map((ch) => `${ch.coverageYear}年度缴纳${yuan(ch.amountFen)}`).join('，')}，分别享受相应年度待遇。`,
          ),
          ...clauseRun(sc.clause),
        ],
      });
    section('fees', '筹资标准', items);
  }

  // ---------------------------------------------------------------- 资助参保对象
  {
    const items: Item[] = [];
    const categoryItem = (c: PolicyDocument['categories'][number]): Item => {
      const cond = c.conditions.length ? `适用条件：${c.conditions.map(conditionWords).join('；或')}。` : '';
      const codes = c.officialCodes.length ? `身份代码：${c.officialCodes.join('、')}。` : '';
      const ends = c.endsWhen.length ? `有下列情形的不再享受：${c.endsWhen.join('；')}。` : '';
      return {
        runs: [
          t(`${c.name}：由${c.agency}认定，${benefitWords(c, doc, byCode)}；资金来源：${c.fundSource.label}。`),
          ...(cond ? [t(cond)] : []),
          ...(ends ? [t(ends)] : []),
          ...(codes ? [t(codes)] : []),
          ...noteRuns(c.notes),
          ...clauseRun(c.clause),
        ],
      };
    };
    if (doc.categoryLists.length) {
      for (const l of doc.categoryLists) {
        const members = doc.categories.filter((c) => c.list === l.code);
        items.push({
          runs: [
            t(`${l.label}${l.declaredCount !== null ? `（共${l.declaredCount}种）` : ''}：`),
            ...noteRuns(l.countingNote ? [l.countingNote] : []),
            ...clauseRun(l.clause),
          ],
          children: members.map(categoryItem),
        });
      }
      const unlisted = doc.categories.filter((c) => !c.list || !doc.categoryLists.some((l) => l.code === c.list));
      if (unlisted.length) items.push({ runs: [t('其他资助参保对象：')], children: unlisted.map(categoryItem) });
    } else items.push(...doc.categories.map(categoryItem));

    if (doc.categories.length) {
      const s = doc.stacking;
      const words =
        s.rule === 'single-most-favourable'
          ? '同时符合多类资助条件的，只享受其中一种资助，按对本人最有利的一种执行。'
          : s.rule === 'highest'
            ? '同时具有多重资助身份的，按就高原则享受一种资助，不得重复享受。'
            : `特殊身份按以下顺序依次导入系统，后导入的身份覆盖先导入的身份，以最后匹配的身份确定资助标准和资金来源：${s.order.map((c) => byCode.get(c)?.name ?? c).join('→')}。`;
      items.push({
        plain: true,
        runs: [
          t(words),
          ...(s.convention ? [conventionRun('通知未规定，采用本处理')] : []),
          ...noteRuns(s.note ? [s.note] : []),
          ...clauseRun(s.clause),
        ],
      });

      // Printed even where no category has an age condition: the reference date is a setting of the policy.
      {
        const hasAge = doc.categories.some((c) => c.conditions.some((k) => k.age));
        const a = doc.ageRule;
        const on = a.referenceDate.kind === 'date' ? a.referenceDate.date : `${year - 1}-12-31`;
        items.push({
          plain: true,
          runs: [
            t(
              `${hasAge ? '上述年龄条件' : '资助政策涉及年龄的'}以${cnDate(on)}为准计算${a.referenceDate.kind === 'end-of-previous-year' ? '（待遇年度的上一年末）' : ''}。`,
            ),
            ...(a.convention ? [conventionRun('通知未明确规定年龄判定日期')] : []),
            ...noteRuns(a.note ? [a.note] : []),
            ...clauseRun(a.clause),
          ],
        });
      }
    }

    const c = doc.certification;
    {
      const runs: Run[] = [];
      if (c.agencies.length) runs.push(t(`资助对象由${listJoin(c.agencies)}等部门按职责审核认定，汇总造册后报送医保部门`));
      if (c.cutoff) runs.push(t(`${runs.length ? '，' : ''}认定时间截至${cnDate(c.cutoff)}`));
      if (c.reportBy) runs.push(t(`${runs.length ? '，' : ''}认定名单于${cnDate(c.reportBy)}前报送`));
      if (c.dynamicReporting)
        runs.push(t(`${runs.length ? '；' : ''}${cnRange(c.dynamicReporting.from, c.dynamicReporting.to)}期间新增认定的，及时动态补充报送`));
      if (runs.length) runs.push(t('。'));
      const children: Item[] = c.newlyCertified.map((nc) => {
        const span =
          nc.certifiedFrom && nc.certifiedTo
            ? `${cnRange(nc.certifiedFrom, nc.certifiedTo)}期间`
            : nc.certifiedFrom
              ? `自${cnDate(nc.certifiedFrom)}起`
              : nc.certifiedTo
                ? `${cnDate(nc.certifiedTo)}前`
                : '';
        const parts = [
          nc.subsidyFrom === 'month-after-certification' ? '自认定次月起享受资助' : nc.subsidyFrom === 'on-certification' ? '自认定之日起享受资助' : '',
          nc.ifAlreadyPaid === 'no-subsidy' ? '认定前当年已缴费的，不再给予资助' : nc.ifAlreadyPaid === 'refund' ? '认定前已缴费的，予以退还个人已缴保费' : '',
        ].filter(Boolean);
        return {
          runs: [t(`${span}新认定的资助对象，${parts.length ? parts.join('；') : '应及时认定并按规定资助参保'}。`), ...clauseRun(nc.clause)],
        };
      });
      if (c.refusal)
        children.push({
          runs: [t(`享受定额资助的人员经多次动员仍不按规定缴费参保的，${c.refusal.consequence}。`), ...clauseRun(c.refusal.clause)],
        });
      if (runs.length || children.length) {
        if (!runs.length) runs.push(t('资助对象的认定按以下规定办理：'));
        else runs[runs.length - 1] = t(children.length ? '；具体要求如下：' : '。');
        items.push({ plain: true, runs: [...runs, ...clauseRun(c.clause)], children });
      }
    }
    section('categories', '资助参保对象及标准', items);
  }

  // ---------------------------------------------------------------- 特殊群体
  {
    const needyNames = doc.categories.filter((c) => c.needy).map((c) => c.name);
    const items: Item[] = doc.specialGroups.map((g) => {
      const flags: string[] = [];
      if (g.impliedByNeedyCategories && needyNames.length) flags.push(`包括${listJoin(needyNames)}等资助对象`);
      if (g.enrollAnytime) flags.push('可随时参保缴费');
      if (g.waitingExempt) flags.push('不设待遇等待期');
      if (g.externalRules) flags.push(`具体按${g.externalRules.reference}执行${g.externalRules.clause !== g.clause ? `〔${g.externalRules.clause}〕` : ''}`);
      if (g.registrationVenue) flags.push(`到${g.registrationVenue.place}办理参保登记`);
      const children: Item[] = g.rules.map((r) => {
        const w = r.when;
        const cond: string[] = [];
        if (w.bornInYear !== undefined) cond.push(`${w.bornInYear}年出生`);
        if (w.paidBeforeAgeYears !== undefined) cond.push(`未满${w.paidBeforeAgeYears}周岁`);
        if (w.withinDaysOfBirth) cond.push(`在出生${w.withinDaysOfBirth.days}日${w.withinDaysOfBirth.inclusive ? '（含）' : ''}内`);
        if (w.afterDaysOfBirth) cond.push(`在出生${w.afterDaysOfBirth.days}日${w.afterDaysOfBirth.inclusive ? '（含）' : '（不含）'}后`);
        if (w.withinMonthsOfEvent)
          cond.push(`在${w.withinMonthsOfEvent.event}后${w.withinMonthsOfEvent.months}个月${w.withinMonthsOfEvent.inclusive ? '（含）' : ''}内`);
        if (w.paidFrom && w.paidBy) cond.push(`于${cnRange(w.paidFrom, w.paidBy)}期间`);
        else if (w.paidFrom) cond.push(`自${cnDate(w.paidFrom)}起`);
        else if (w.paidBy) cond.push(`于${cnDate(w.paidBy)}前`);
        const who = `${cond.length ? listJoin(cond) : ''}参保缴费的${w.note ? `（${w.note}）` : ''}`;
        const parts = [startWords(r.benefitStart, doc, { waiting: r.waiting, date: r.benefitStartDate, end: r.benefitEnd })];
        if (r.waiting && r.benefitStart !== 'after-waiting') parts.push(waitingWords(r.waiting));
        if (r.retroactive) parts.push('中断期间的待遇可追溯享受');
        if (r.fee === 'none-for-current-year') parts.push('缴费当年的待遇不另缴费');
        if (r.fee === 'next-year-only') parts.push('只缴纳次年度保费');
        if (r.fee === 'special') parts.push('按筹资标准中规定的特殊标准缴费');
        return { runs: [t(`${who}，${parts.join('；')}。`), ...noteRuns(r.note ? [r.note] : []), ...clauseRun(r.clause)] };
      });
      return {
        runs: [t(`${g.name}${flags.length ? `：${flags.join('；')}。` : '：'}`), ...noteRuns(g.notes), ...clauseRun(g.clause)],
        children,
      };
    });
    section('specialGroups', '特殊群体参保', items);
  }

  // ---------------------------------------------------------------- 退费
  if (doc.refund) {
    const items: Item[] = doc.refund.rules.map((r) => ({
      plain: doc.refund!.rules.length === 1,
      runs: [
        t(
          `已缴费人员因${r.reasons.map((x) => REFUND_REASON[x] ?? x).join('、')}等原因申请退费的，须在待遇享受期开始前提出；待遇享受期开始后，不予退费。` +
            (r.procedure ? `退费手续按${cite(r.procedure.title, r.procedure.number)}办理。` : ''),
        ),
        ...clauseRun(r.clause),
      ],
    }));
    section('refund', '退费', items);
  }

  // ---------------------------------------------------------------- 参保登记
  {
    const r = doc.registration;
    const items: Item[] = [];
    if (r.autoRenewal)
      items.push({ runs: [t('已参保且参保状态正常的人员，由医保信息系统默认续保，无需重新办理参保登记。'), ...clauseRun(r.autoRenewal.clause)] });
    if (r.online.length || r.offline.length) {
      const parts = [
        r.online.length ? `可通过${listJoin(r.online)}等线上渠道办理` : '',
        r.offline.length ? `可到${listJoin(r.offline)}等地点线下办理` : '',
      ].filter(Boolean);
      items.push({ runs: [t(`新参保或登记信息有变更的，${parts.join('；也')}。`), ...clauseRun(r.clause)] });
    }
    if (r.materials.length)
      items.push({
        runs: [t('办理参保登记须提供以下材料：')],
        children: r.materials.map((m) => ({ runs: [t(m.for ? `${m.for}：${m.item}。` : `${m.item}。`), ...clauseRun(m.clause)] })),
      });
    if (r.steps.length)
      items.push({
        runs: [t('办理程序及分工：')],
        children: r.steps.map((s) => {
          const when = [s.withinWorkingDays !== undefined ? `${s.withinWorkingDays}个工作日内完成` : '', s.by ? `于${cnDate(s.by)}前完成` : '']
            .filter(Boolean)
            .join('，');
          return { runs: [t(`${s.actor}：${s.action}${when ? `（${when}）` : ''}。`), ...clauseRun(s.clause)] };
        }),
      });
    section('registration', '参保登记', items);
  }

  // ---------------------------------------------------------------- 缴费渠道
  {
    const items: Item[] = doc.paymentChannels.map((p) => {
      const extra = [
        p.windows.length ? `限${listJoin(p.windows.map(windowName))}期间办理` : '',
        p.excludes.length ? `不适用于${listJoin(p.excludes)}` : '',
      ].filter(Boolean);
      return { runs: [t(`${p.label}：${listJoin(p.channels)}${extra.length ? `（${extra.join('；')}）` : ''}。`), ...clauseRun(p.clause)] };
    });
    if (items.length) items.unshift({ plain: true, runs: [t('完成参保登记后，可通过下列任一渠道缴费：')] });
    section('paymentChannels', '缴费渠道', items);
  }

  // ---------------------------------------------------------------- 工作要求
  {
    const items: Item[] = [];
    if (doc.targets.length)
      items.push({
        runs: [t('工作目标：')],
        children: doc.targets.map((g) => ({
          runs: [t(`${g.label}${g.percent !== null && !g.label.includes(pct(g.percent)) ? `（目标${pct(g.percent)}）` : ''}。`), ...clauseRun(g.clause)],
        })),
      });
    for (const w of doc.workFunding) {
      const assessed = w.assessedOn ? `，以截至${cnDate(w.assessedOn)}的完成情况为准核定` : '';
      const head = `工作经费：${w.payer}按参保人数向${listJoin(w.recipients)}拨付工作经费${w.purpose ? `（${w.purpose}）` : ''}${assessed}`;
      const tierText = (tier: (typeof w.tiers)[number]) => {
        const cond = [rateWords(tier.enrollmentRate, '参保缴费率'), rateWords(tier.activationRate, '医保电子凭证激活率')].filter(Boolean);
        return `${cond.length ? `${cond.join('且')}的，` : ''}按每人${yuan(tier.ratePerPersonFen)}的标准拨付`;
      };
      if (w.tiers.length === 1) items.push({ runs: [t(`${head}，${tierText(w.tiers[0]!)}。`), ...clauseRun(w.clause)] });
      else
        items.push({
          runs: [t(`${head}，标准如下：`), ...clauseRun(w.clause)],
          children: w.tiers.map((tier) => ({ runs: [t(`${tierText(tier)}。`)] })),
        });
    }
    const respInBody = doc.responsibilities.filter((r) => inListedAnnex(r.clause) === null);
    if (respInBody.length)
      items.push({
        runs: [t('职责分工：')],
        children: respInBody.map((r) => ({ runs: [t(`${r.department}：${r.duties.join('；')}。`), ...clauseRun(r.clause)] })),
      });
    if (doc.schedule.length)
      items.push({
        runs: [t('工作安排：')],
        children: doc.schedule.map((p) => {
          const when = p.from && p.to ? cnRange(p.from, p.to) : p.to ? `${cnDate(p.to)}前` : p.from ? `${cnDate(p.from)}起` : '';
          return { runs: [t(`${p.phase}${when ? `（${when}）` : ''}：${p.tasks.length ? p.tasks.join('；') : '按计划推进'}。`), ...clauseRun(p.clause)] };
        }),
      });
    if (doc.fundTransfers.length)
      items.push({
        runs: [t('资金划转：')],
        children: doc.fundTransfers.map((f) => ({
          runs: [t(`${f.fund}：${f.description}${f.by ? `，于${cnDate(f.by)}前完成` : ''}。`), ...clauseRun(f.clause)],
        })),
      });
    const defsInBody = doc.definitions.filter((d) => inListedAnnex(d.clause) === null);
    if (defsInBody.length)
      items.push({
        runs: [t('名词解释：')],
        children: defsInBody.map((d) => ({ runs: [t(definitionText(d)), ...clauseRun(d.clause)] })),
      });
    for (const w of doc.workRequirements)
      items.push({ runs: [t(`${w.topic}${w.points.length ? `：${w.points.join('；')}。` : '。'}`), ...clauseRun(w.clause)] });
    if (doc.supplementaryInsurance)
      items.push({
        runs: [
          t(
            doc.supplementaryInsurance.voluntary
              ? '补充保险：在参加基本医保的基础上，参保人可自愿参加商业补充医疗保险。'
              : '补充保险：参保人按规定同步参加补充医疗保险。',
          ),
          ...clauseRun(doc.supplementaryInsurance.clause),
        ],
      });
    if (tablesInBody.length) items.push({ runs: [t('任务分解：')], after: tablesInBody });
    section('work', '工作要求', items);
  }

  // ---------------------------------------------------------------- 领导小组
  const lg = doc.leadGroup;
  if (lg) {
    const blocks = leadGroupBlocks(lg);
    if (!placeInAnnex(lg.clause, `${lg.name}成员名单`, blocks))
      section('leadGroup', '组织领导', [{ plain: true, runs: [t(`成立${lg.name}，组成人员如下：`), ...clauseRun(lg.clause)], after: blocks }]);
  }

  // ---------------------------------------------------------------- 其他
  {
    const items: Item[] = [];
    if (md.higherRulesPrevail) {
      const lv = listJoin(md.higherRulesPrevail.levels);
      items.push({ plain: true, runs: [t(`${lv}有关政策如有调整，按${lv}的最新规定执行。`), ...clauseRun(md.higherRulesPrevail.clause)] });
    }
    if (md.interpretedBy) items.push({ plain: true, runs: [t(`${self}由${md.interpretedBy.body}负责解释。`), ...clauseRun(md.interpretedBy.clause)] });
    if (md.validity) {
      const from = md.validity.from === 'on-issue' ? '自印发之日起施行' : `自${cnDate(md.validity.from)}起施行`;
      const until = md.validity.until ? `，有效期至${cnDate(md.validity.until)}` : '';
      items.push({ plain: true, runs: [t(`${self}${from}${until}。`), ...clauseRun(md.validity.clause)] });
    }
    section('other', '其他', items);
  }

  // ---------------------------------------------------------------- numbering and assembly
  const numbered: NoticeSection[] = sections.map((s, i) => {
    return { key: s.key, number: cnNumeral(i + 1), title: s.title, blocks: flatten(s.items) };
  });

  const allAnnexes = [...attachments.map((a) => ({ number: a.number, title: a.title })), ...extraAnnexes].sort((a, b) => a.number - b.number);
  const annexes: NoticeAnnex[] = allAnnexes.map((a) => ({
    number: a.number,
    label: `附件${a.number}`,
    title: a.title,
    // a table whose title is the annex's own title needs no caption of its own
    blocks: (annexBlocks.get(a.number) ?? []).map((b) => (b.kind === 'table' && b.caption === a.title ? withoutCaption(b) : b)),
  }));

  return {
    documentNumber: md.documentNumber,
    title: md.title,
    addressees: md.addressees.length ? `${listJoin(md.addressees)}：` : null,
    forwarding,
    planTitle: md.planTitle ?? null,
    preamble,
    sections: numbered,
    attachmentList: allAnnexes.map((a) => `${a.number}．${a.title}`),
    signature: { issuers: md.issuers, date: cnDate(md.issuedOn), disclosure: md.disclosure ? DISCLOSURE[md.disclosure]! : null },
    annexes,
    colophon: {
      copiedTo: md.copiedTo.length ? `抄送：${md.copiedTo.join('，')}。` : null,
      printed: md.printed ? `${md.printed.by}　　${cnDate(md.printed.on)}印发` : null,
    },
    editorialNotes: doc.notes.map((n) => ({ kind: 'para', level: 0, runs: [t(n.text), ...clauseRun(n.clause)] })),
  };
}

function withoutCaption(b: TableBlock): TableBlock {
  const { caption: _omit, ...rest } = b;
  return rest;
}

function definitionText(d: PolicyDocument['definitions'][number]): string {
  return `${d.term}：指${d.includes.join('、')}${d.declaredCount !== null ? `，共${d.declaredCount}类` : ''}。`;
}

/** The roster as a table (role printed once per run of the same role, as the notices do), then its office. */
function leadGroupBlocks(lg: NonNullable<PolicyDocument['leadGroup']>): Block[] {
  const blocks: Block[] = [];
  if (!lg.office) blocks.push({ kind: 'para', level: 0, runs: [t(`${lg.name}组成人员：`)] });
  blocks.push({
    kind: 'table',
    columns: ['职务', '姓名', '单位及职务'],
    rows: lg.members.map((m, i) => [i > 0 && lg.members[i - 1]!.role === m.role ? '' : ROLE[m.role] ?? m.role, m.name, m.post]),
    numeric: [false, false, false],
  });
  const o = lg.office;
  if (o) {
    let s = `${lg.name}下设办公室，设在${o.hostedBy}`;
    if (o.director) s += `，${o.director}兼任办公室主任`;
    if (o.deputyDirectors.length) s += `，${listJoin(o.deputyDirectors)}兼任办公室副主任`;
    if (o.composition.length) s += `，办公室成员由${listJoin(o.composition)}组成`;
    if (o.duties.length) s += `，${o.duties.join('，')}`;
    s += '。';
    if (o.phones.length) s += `联系电话：${o.phones.join('，')}。`;
    blocks.push({ kind: 'para', level: 0, runs: [t(s), ...clauseRun(lg.clause)] });
  }
  if (lg.successorRule)
    blocks.push({ kind: 'para', level: 0, runs: [t(`${lg.name}及其办公室成员职务如有变动，由继任者自然接任，不再另行发文。`)] });
  return blocks;
}
