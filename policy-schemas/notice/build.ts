import type { PolicyDocument } from '../document.js';
import { date } from '../format.js';
import type { Block, NoticeAnnex, NoticeModel, NoticeOptions, Para, Run } from './model.js';
import { place } from './outline.js';
import { categories } from './sections/categories.js';
import { certification } from './sections/certification.js';
import { paymentChannels } from './sections/channels.js';
import { closing } from './sections/closing.js';
import { eligibility } from './sections/eligibility.js';
import { fees } from './sections/fees.js';
import { leadGroup } from './sections/lead-group.js';
import { preamble } from './sections/preamble.js';
import { refund } from './sections/refund.js';
import { registration } from './sections/registration.js';
import { specialGroups } from './sections/special-groups.js';
import { tables } from './sections/tables.js';
import { milestones, windows } from './sections/windows.js';
import { work } from './sections/work.js';
import { contextOf, type SectionBuilder } from './statement.js';
import { disclosureLine, listJoin } from './words.js';

/**
 * The builders, one per part of the document, in the order their statements are said when they share
 * an item of the notice (a window before the special groups its clause also names; a work
 * requirement's topic always opens its item).
 */
export const BUILDERS: readonly SectionBuilder[] = [
  preamble,
  eligibility,
  windows,
  fees,
  categories,
  certification,
  specialGroups,
  refund,
  registration,
  paymentChannels,
  work,
  milestones,
  leadGroup,
  tables,
  closing,
];

/** The notice of a policy document: as issued (default) or annotated. */
export function buildNotice(doc: PolicyDocument, options: NoticeOptions = {}): NoticeModel {
  const annotated = options.annotated ?? false;
  const md = doc.metadata;
  const ctx = contextOf(doc);
  const statements = BUILDERS.flatMap((b) => b(ctx));
  const placed = place(doc, statements, annotated);

  const forwarding: Para[] = md.planTitle
    ? [{ kind: 'para', level: 0, runs: [{ text: `现将《${md.planTitle}》印发给你们，请结合实际认真组织实施。` }] }]
    : [];

  const formula = md.planTitle ? '特制定本方案。' : '现就有关事项通知如下：';
  const preRuns: Run[] = placed.preamble.flatMap((s) => [
    { text: s.text },
    ...(annotated ? (s.notes ?? []).map((n) => ({ text: `（注：${n}）`, tone: 'note' as const })) : []),
  ]);
  const preClauses = [...new Set(placed.preamble.map((s) => s.clause))];
  const preambleParas: Para[] = [
    { kind: 'para', level: 0, runs: [...preRuns, { text: formula }, ...(annotated ? preClauses.map((c) => ({ text: `〔${c}〕`, tone: 'clause' as const })) : [])] },
  ];

  // Annexes: those the metadata lists, in order, and any a clause names beside them.
  const listed = md.attachments;
  const single = listed.length <= 1 && placed.annexes.has(null) && ![...placed.annexes.keys()].some((k) => k !== null);
  const numbers = new Set<number | null>([...listed.map((a) => (single ? null : a.number)), ...placed.annexes.keys()]);
  const annexes: NoticeAnnex[] = [...numbers]
    .sort((a, b) => (a ?? 0) - (b ?? 0))
    .map((n) => {
      const meta = listed.find((a) => a.number === (n ?? listed[0]?.number));
      const title = meta?.title ?? placed.annexTitles.get(n) ?? '附件';
      // a table whose title is the annex's own title needs no caption of its own
      const blocks = (placed.annexes.get(n) ?? []).map((b): Block => (b.kind === 'table' && b.caption === title ? withoutCaption(b) : b));
      return { number: n ?? 1, label: n === null ? '附件' : `附件${n}`, title, blocks };
    });
  const attachmentList = annexes.length === 1 && single ? [annexes[0]!.title] : annexes.map((a) => `${a.number}．${a.title}`);

  const correction: Para | null = options.correctionOf
    ? {
        kind: 'para',
        level: 0,
        runs: [
          {
            text:
              options.correctionOf.kind === 'errata'
                ? `现对《${options.correctionOf.title}》（${options.correctionOf.documentNumber}，${date(options.correctionOf.issuedOn)}印发）更正如下，以本文件为准：`
                : `《${options.correctionOf.title}》（${options.correctionOf.documentNumber}，${date(options.correctionOf.issuedOn)}印发）经修订，现重新印发如下，原文件同时废止：`,
          },
        ],
      }
    : null;

  const editorialNotes: Para[] = annotated
    ? [
        ...doc.notes.map((n): Para => ({ kind: 'para', level: 0, runs: [{ text: n.text }, ...(n.clause ? [{ text: `〔${n.clause}〕`, tone: 'clause' as const }] : [])] })),
        ...doc.conventions.map((c): Para => ({ kind: 'para', level: 0, runs: [{ text: `约定（${c.topic}）：${c.choice}（${c.reason}）`, tone: 'convention' }] })),
      ]
    : [];

  return {
    annotated,
    masthead: { issuers: md.issuers, word: '文件' },
    documentNumber: md.documentNumber,
    title: md.title,
    addressees: md.addressees.length ? `${listJoin(md.addressees)}：` : null,
    correction,
    forwarding,
    planTitle: md.planTitle ?? null,
    preamble: preambleParas,
    sections: placed.sections,
    attachmentList,
    signature: { issuers: md.issuers, date: date(md.issuedOn), disclosure: md.disclosure ? disclosureLine(md.disclosure) : null },
    signatureAfter: md.planTitle ? 'forwarding' : 'body',
    annexes,
    colophon: {
      copiedTo: md.copiedTo.length ? `抄送：${md.copiedTo.join('，')}。` : null,
      printed: md.printed ? `${md.printed.by}　　${date(md.printed.on)}印发` : null,
    },
    editorialNotes,
  };
}

function withoutCaption(b: Block): Block {
  if (b.kind !== 'table') return b;
  const { caption: _omit, ...rest } = b;
  return rest;
}
