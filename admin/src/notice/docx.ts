import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { PolicyDocument } from '../../../policy-schemas/index';
import { buildNotice, type Block, type Para, type Run, type TableBlock } from './model';

/*
 * The notice as a Word document, drawn from the same model as NoticeView: same words, same order,
 * same tables. Layout follows the usual official-document settings (A4; margins 37/35/28/26 mm;
 * 仿宋 三号 body on a 28 pt grid; 黑体 section headings; 宋体 二号 title; page number "— n —").
 */

const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '宋体' };
const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '仿宋' };
const HEITI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '黑体' };

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, plan: 36, body: 32, colophon: 28, table: 24, note: 24, clause: 18 };
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt
const INDENT_2_CHARS = 640; // twips: two characters of 16 pt
/** Millimetres to twips (plain numbers: older Word versions do not read "37mm" in page margins). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);

export interface NoticeDocxOptions {
  /** Printed in the page header of every page (草案 DRAFT) for versions that are not published. */
  watermark?: string | null;
  /** Include each rule's clause reference (〔三（二）〕) in small grey type. Default: yes. */
  showClauses?: boolean;
}

function runOf(r: Run, showClauses: boolean): TextRun | null {
  switch (r.tone) {
    case undefined:
      return new TextRun({ text: r.text });
    case 'clause':
      return showClauses ? new TextRun({ text: r.text, size: SIZE.clause, color: '8A8A8A' }) : null;
    case 'note':
      return new TextRun({ text: r.text, size: SIZE.note, color: '555555' });
    case 'convention':
      return new TextRun({ text: r.text, size: SIZE.clause, color: '9A5B00' });
  }
}

function para(p: Para, showClauses: boolean): Paragraph {
  const runs = p.runs.map((r) => runOf(r, showClauses)).filter((r): r is TextRun => r !== null);
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_2_CHARS },
    children: [...(p.label ? [new TextRun({ text: p.label })] : []), ...runs],
  });
}

function cell(text: string, opts: { numeric?: boolean; header?: boolean; bold?: boolean } = {}): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: opts.header ? AlignmentType.CENTER : opts.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { line: 360, lineRule: LineRuleType.AT_LEAST },
        children: [new TextRun({ text, size: SIZE.table, ...(opts.header || opts.bold ? { font: HEITI } : {}) })],
      }),
    ],
  });
}

function table(tb: TableBlock): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (tb.caption)
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: tb.caption, font: HEITI, size: SIZE.colophon })] }));
  const rows = [
    new TableRow({ tableHeader: true, children: tb.columns.map((c) => cell(c, { header: true })) }),
    ...tb.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, { numeric: tb.numeric[i] ?? false })) })),
    ...(tb.total ? [new TableRow({ cantSplit: true, children: tb.total.map((c, i) => cell(c, { numeric: tb.numeric[i] ?? false, bold: true })) })] : []),
  ];
  out.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));
  // Word needs a paragraph between a table and what follows; it also gives the table air.
  out.push(new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [] }));
  return out;
}

function blocks(bs: Block[], showClauses: boolean): (Paragraph | Table)[] {
  return bs.flatMap((b) => (b.kind === 'table' ? table(b) : [para(b, showClauses)]));
}

const centered = (text: string, size: number, font = SONG, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, ...extra, children: [new TextRun({ text, size, font })] });

/** The Word document (a `docx` Document object); noticeDocx packs it for download. */
export function noticeDocument(doc: PolicyDocument, options: NoticeDocxOptions = {}): Document {
  const showClauses = options.showClauses ?? true;
  const m = buildNotice(doc);
  const children: (Paragraph | Table)[] = [];

  children.push(centered(m.documentNumber, SIZE.body, FANGSONG, { spacing: { after: 280 } }));
  children.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 560, line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: m.title, size: SIZE.title, font: SONG, bold: true, color: '000000' })],
    }),
  );
  if (m.addressees) children.push(new Paragraph({ children: [new TextRun({ text: m.addressees })] }));
  children.push(...blocks(m.forwarding, showClauses));
  if (m.planTitle)
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        alignment: AlignmentType.CENTER,
        spacing: { before: 560, after: 280, line: 600, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: m.planTitle, size: SIZE.plan, font: SONG, bold: true, color: '000000' })],
      }),
    );
  children.push(...blocks(m.preamble, showClauses));

  for (const s of m.sections) {
    children.push(
      new Paragraph({
        heading: m.planTitle ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
        indent: { firstLine: INDENT_2_CHARS },
        children: [new TextRun({ text: `${s.number}、${s.title}`, font: HEITI, size: SIZE.body, color: '000000' })],
      }),
    );
    children.push(...blocks(s.blocks, showClauses));
  }

  m.attachmentList.forEach((line, i) =>
    children.push(
      new Paragraph({
        spacing: i === 0 ? { before: 560 } : {},
        indent: { left: INDENT_2_CHARS * 2.5, hanging: i === 0 ? INDENT_2_CHARS * 1.5 : 0 },
        children: [new TextRun({ text: i === 0 ? `附件：${line}` : line })],
      }),
    ),
  );

  const right = (text: string, before = 0) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT_2_CHARS }, spacing: { before }, children: [new TextRun({ text })] });
  m.signature.issuers.forEach((s, i) => children.push(right(s, i === 0 ? 840 : 0)));
  children.push(right(m.signature.date));
  if (m.signature.disclosure) children.push(new Paragraph({ indent: { firstLine: INDENT_2_CHARS }, children: [new TextRun({ text: m.signature.disclosure })] }));

  for (const a of m.annexes) {
    children.push(new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: a.label, font: HEITI })] }));
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        alignment: AlignmentType.CENTER,
        spacing: { before: 280, after: 280, line: 600, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: a.title, size: SIZE.plan, font: SONG, bold: true, color: '000000' })],
      }),
    );
    children.push(...blocks(a.blocks, showClauses));
  }

  const rule = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  if (m.colophon.copiedTo)
    children.push(
      new Paragraph({
        spacing: { before: 840 },
        border: { top: rule, bottom: rule },
        indent: { left: 320, right: 320 },
        children: [new TextRun({ text: m.colophon.copiedTo, size: SIZE.colophon })],
      }),
    );
  if (m.colophon.printed)
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: m.colophon.copiedTo ? {} : { before: 840 },
        border: { ...(m.colophon.copiedTo ? {} : { top: rule }), bottom: rule },
        indent: { left: 320, right: 320 },
        children: [new TextRun({ text: m.colophon.printed, size: SIZE.colophon })],
      }),
    );

  if (m.editorialNotes.length) {
    children.push(
      new Paragraph({ spacing: { before: 560 }, children: [new TextRun({ text: '编注（录入时的说明，不属于原文）：', size: SIZE.note, color: '666666' })] }),
    );
    for (const n of m.editorialNotes)
      children.push(
        new Paragraph({
          children: n.runs
            .map((r) => (r.tone === 'clause' && !showClauses ? null : new TextRun({ text: r.text, size: r.tone === 'clause' ? SIZE.clause : SIZE.note, color: '666666' })))
            .filter((r): r is TextRun => r !== null),
        }),
      );
  }

  const watermark = options.watermark
    ? new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: options.watermark, font: HEITI, size: SIZE.colophon, color: 'C00000' })],
          }),
        ],
      })
    : null;

  return new Document({
    creator: doc.metadata.issuers.join('、'),
    title: m.title,
    description: m.documentNumber,
    styles: {
      default: {
        document: { run: { font: FANGSONG, size: SIZE.body }, paragraph: { spacing: BODY_LINE } },
        title: { run: { font: SONG, size: SIZE.title, color: '000000' } },
        heading1: { run: { font: SONG, size: SIZE.plan, color: '000000' } },
        heading2: { run: { font: HEITI, size: SIZE.body, color: '000000' } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twips
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(20) },
          },
        },
        ...(watermark ? { headers: { default: watermark } } : {}),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: SIZE.colophon })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** A real .docx of the notice, for the 下载 DOCX button (Packer.toBlob works in the browser). */
export function noticeDocx(document: PolicyDocument, options: NoticeDocxOptions = {}): Promise<Blob> {
  return Packer.toBlob(noticeDocument(document, options));
}

/** 石狮市-2025-通知.docx */
export function noticeFileName(doc: PolicyDocument, ext = 'docx'): string {
  const safe = doc.jurisdiction.name.replace(/[\\/:*?"<>|\s]+/g, '');
  return `${safe}-${doc.coverageYear}-通知.${ext}`;
}
