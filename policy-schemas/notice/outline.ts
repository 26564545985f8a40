import type { PolicyDocument } from '../document.js';
import { SECTIONS } from '../registry.js';
import { cnNumeral, keyOf, labelOf, parseClause, type Step } from './clause.js';
import type { Block, NoticeSection, Para, Run } from './model.js';
import type { Statement } from './statement.js';

/*
 * The assembler: statements placed by their clauses into the notice's own outline. A clause is a
 * place (四（三） is item （三） of section 四), so statements of one clause make one item, in the order
 * the builders said them, and items are numbered as the notice numbers them. The outline of the
 * document gives the sections' titles and the headings of items that are titles; a section the outline
 * lacks is titled by the registry's name of what it holds.
 */

interface Node {
  step: Step;
  statements: Statement[];
  /** Said near this item in the annotated view only (a convention where the notice is silent). */
  annotations: Statement[];
  children: Map<string, Node>;
  heading?: { title: string; runIn: boolean };
}

const newNode = (step: Step): Node => ({ step, statements: [], annotations: [], children: new Map() });

function nodeAt(sections: Map<number, Node>, steps: readonly Step[]): Node {
  let node: Node | undefined = sections.get(steps[0]!.n);
  if (!node) sections.set(steps[0]!.n, (node = newNode(steps[0]!)));
  for (const s of steps.slice(1)) {
    const k = keyOf([s]);
    let child: Node | undefined = node.children.get(k);
    if (!child) node.children.set(k, (child = newNode(s)));
    node = child;
  }
  return node;
}

/** The runs of one statement: its words, then (annotated) its notes and convention. */
function runsOf(s: Statement, annotated: boolean): Run[] {
  const runs: Run[] = s.text ? [{ text: s.text }] : [];
  if (!annotated) return runs;
  for (const n of s.notes ?? []) runs.push({ text: `（注：${n}）`, tone: 'note' });
  if (s.convention) runs.push({ text: `〔约定：${s.convention}〕`, tone: 'convention' });
  return runs;
}

const clauseRun = (clause: string | null, annotated: boolean): Run[] => (annotated && clause ? [{ text: `〔${clause}〕`, tone: 'clause' }] : []);

const paraLevel = (step: Step): Para['level'] => (step.level === 1 ? 0 : ((step.level - 1) as 1 | 2 | 3));

export interface Placed {
  preamble: Statement[];
  sections: NoticeSection[];
  /** Blocks by annex number (null: the only annex, printed 附件 without a number). */
  annexes: Map<number | null, Block[]>;
  /** Titles an annex takes where the metadata does not list it (from what it holds). */
  annexTitles: Map<number | null, string>;
}

/** Top-level document key of a statement's path (`categories[3]` → categories). */
const topKey = (path: string) => /^[A-Za-z]+/.exec(path)?.[0] ?? path;
const sectionLabel = (path: string) => SECTIONS.find((s) => s.keys.includes(topKey(path)))?.zh ?? '其他';

export function place(doc: PolicyDocument, statements: readonly Statement[], annotated: boolean): Placed {
  const sections = new Map<number, Node>();
  const preamble: Statement[] = [];
  const annexes = new Map<number | null, Block[]>();
  const annexTitles = new Map<number | null, string>();
  const firstPath = new Map<number, string>();
  const attachments = doc.metadata.attachments;

  for (const o of doc.outline?.sections ?? []) {
    const p = parseClause(o.number);
    if (p.kind === 'body') nodeAt(sections, p.steps);
  }
  for (const h of doc.outline?.headings ?? []) {
    const p = parseClause(h.at);
    if (p.kind === 'body') nodeAt(sections, p.steps).heading = { title: h.title, runIn: h.runIn };
  }

  let lastSection: number | null = null;
  for (const s of statements) {
    const annotationOnly = s.clause === null;
    if (annotationOnly && !annotated) continue;
    const p = parseClause(annotationOnly ? s.near : s.clause);
    if (p.kind === 'preamble') {
      if (!annotationOnly) preamble.push(s);
    } else if (p.kind === 'annex') {
      // 附件 alone: the notice's only annex (or its first)
      const n = p.number ?? (attachments.length === 1 ? attachments[0]!.number : 1);
      const key = attachments.length <= 1 && p.number === null ? null : n;
      const blocks = annexes.get(key) ?? [];
      const runs = [...runsOf(s, annotated), ...clauseRun(s.clause, annotated)];
      if (s.text || (annotated && runs.length)) blocks.push({ kind: 'para', level: 0, runs: annotationOnly ? tone(runs) : runs });
      blocks.push(...(s.after ?? []));
      annexes.set(key, blocks);
      if (!annexTitles.has(key)) annexTitles.set(key, annexTitleOf(doc, s));
    } else {
      const steps: Step[] = p.kind === 'body' ? p.steps : lastSection !== null ? [{ level: 1 as const, n: lastSection }] : [{ level: 1 as const, n: 1 }];
      const node = nodeAt(sections, steps);
      if (annotationOnly) node.annotations.push(s);
      else node.statements.push(s);
      if (!firstPath.has(steps[0]!.n)) firstPath.set(steps[0]!.n, s.path);
      lastSection = steps[0]!.n;
    }
  }

  const titles = new Map((doc.outline?.sections ?? []).map((o) => [parseClause(o.number), o.title] as const).flatMap(([p, t]) => (p.kind === 'body' ? [[p.steps[0]!.n, t] as const] : [])));
  const out: NoticeSection[] = [...sections.values()]
    .sort((a, b) => a.step.n - b.step.n)
    .map((node) => ({
      number: cnNumeral(node.step.n),
      title: titles.get(node.step.n) ?? sectionLabel(firstPath.get(node.step.n) ?? ''),
      blocks: render(node, annotated),
    }));
  return { preamble, sections: out, annexes, annexTitles };
}

function annexTitleOf(doc: PolicyDocument, s: Statement): string {
  if (s.path === 'leadGroup' && doc.leadGroup) return `${doc.leadGroup.name}成员名单`;
  const table = s.after?.find((b) => b.kind === 'table');
  return (table?.kind === 'table' && table.caption) || '附件';
}

const tone = (runs: Run[]): Run[] => runs.map((r) => (r.tone ? r : { ...r, tone: 'convention' as const }));

/** An item: its own paragraph (label, title, what is said there), its tables, its sub-items, its closing remarks. */
function render(node: Node, annotated: boolean): Block[] {
  const out: Block[] = [];
  const level = paraLevel(node.step);
  const label = node.step.level === 1 ? undefined : labelOf(node.step);
  // Closing remarks follow the sub-items; an item without sub-items says them in its own paragraph.
  const leaf = node.children.size === 0;
  const intro = node.statements.filter((s) => leaf || s.place !== 'closing');
  const closing = leaf ? [] : node.statements.filter((s) => s.place === 'closing');
  const clause = node.statements[0]?.clause ?? null;

  const titled = intro.find((s) => s.title);
  const title = node.heading?.title ?? titled?.title;
  const runIn = node.heading ? node.heading.runIn : Boolean(titled);
  const body: Run[] = intro.flatMap((s) => [...(s !== titled && s.title ? [{ text: `${s.title}。` }] : []), ...runsOf(s, annotated)]);
  if (title !== undefined && node.heading && titled && titled.title) body.unshift({ text: `${titled.title}。` });

  if (title !== undefined && !runIn) {
    out.push({ kind: 'para', level, heading: true, ...(label ? { label } : {}), runs: [{ text: title, heading: true }] });
    if (body.length) out.push({ kind: 'para', level: 0, runs: [...body, ...clauseRun(clause, annotated)] });
  } else if (title !== undefined || body.length || (label && (node.children.size || intro.some((s) => s.after?.length)))) {
    const head: Run[] = title !== undefined ? [{ text: /[。：；]$/.test(title) ? title : `${title}。`, heading: true }] : [];
    out.push({ kind: 'para', level, ...(label ? { label } : {}), runs: [...head, ...body, ...(body.length ? clauseRun(clause, annotated) : [])] });
  }
  for (const s of intro) out.push(...(s.after ?? []));

  const children = [...node.children.values()].sort((a, b) => a.step.level - b.step.level || a.step.n - b.step.n);
  for (const c of children) out.push(...render(c, annotated));

  if (closing.length) {
    const runs = closing.flatMap((s) => runsOf(s, annotated));
    if (runs.length) out.push({ kind: 'para', level: 0, runs: [...runs, ...clauseRun(closing[0]!.clause, annotated)] });
    for (const s of closing) out.push(...(s.after ?? []));
  }
  for (const s of node.annotations) out.push({ kind: 'para', level: 0, runs: tone(runsOf(s, true)) });
  return out;
}
