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
import type { Block, NoticeModel, Para, Run, TableBlock } from '../../../policy-schemas/notice/index.js';

/*
 * The notice as a Word document, drawn from the same model as the PDF and the console's view: same
 * words, same order, same tables. Layout as GB/T 9704-2012 sets it: A4, margins 37/35/28/26 mm; the
 * 版头 in red 小标宋 with 文号 and a red rule; 仿宋 三号 body on a 28.95 pt grid (22 lines a page); 黑体
 * section headings, 楷体 second-level labels; 小标宋 二号 title; signature and date right-aligned; 版记
 * between rules; page numbers "— n —" in 宋体 四号. Fonts are named, not embedded: Word uses the
 * reader's 仿宋/黑体/宋体 (every Chinese Windows and WPS has them).
 */

const TNR = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const SONG = { ...TNR, eastAsia: '宋体' };
const XBS = { ...TNR, eastAsia: '方正小标宋简体' };
const FANGSONG = { ...TNR, eastAsia: '仿宋' };
const HEITI = { ...TNR, eastAsia: '黑体' };
const KAITI = { ...TNR, eastAsia: '楷体' };

/** Sizes in half-points: 初号 42 pt (版头), 二号 22 pt, 小二 18 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { masthead: 72, title: 44, plan: 36, body: 32, colophon: 28, table: 24, note: 24, clause: 18 };
/** 225 mm / 22 lines = 28.95 pt. */
const BODY_LINE = { line: 579, lineRule: LineRuleType.EXACT };
const INDENT_2_CHARS = 640; // twips: two characters of 16 pt
const RED = 'E00000';
/** Millimetres to twips (plain numbers: older Word versions do not read "37mm" in page margins). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);

export interface NoticeDocxOptions {
  /** Printed in the page header of every page (草案) for versions that are not published. */
  watermark?: string | null;
}

function runOf(r: Run, level: number): TextRun {
  switch (r.tone) {
    case 'clause':
      return new TextRun({ text: r.text, size: SIZE.clause, color: '808080' });
    case 'note':
      return new TextRun({ text: r.text, size: SIZE.note, color: '555555' });
    case 'convention':
      return new TextRun({ text: r.text, size: SIZE.note, color: '9A5B00' });
    default:
      return r.heading ? new TextRun({ text: r.text, ...(level === 1 ? { font: KAITI } : { bold: true }) }) : new TextRun({ text: r.text });
  }
}

function para(p: Para): Paragraph {
  const label = p.label ? [new TextRun({ text: p.label, ...(p.level === 1 ? { font: KAITI } : p.level >= 2 && p.heading ? { bold: true } : {}) })] : [];
  return new Paragraph({
    alignment: p.heading ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_2_CHARS },
    children: [...label, ...p.runs.map((r) => runOf(r, p.level))],
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

function blocks(bs: Block[]): (Paragraph | Table)[] {
  return bs.flatMap((b) => (b.kind === 'table' ? table(b) : [para(b)]));
}

const centered = (text: string, run: ConstructorParameters<typeof TextRun>[0] & object, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, ...extra, children: [new TextRun({ text, ...run })] });

const redRule = { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 };
const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 1 });

/** The Word document (a `docx` Document object) of a notice model. */
export function noticeDocument(m: NoticeModel, options: NoticeDocxOptions = {}): Document {
  const children: (Paragraph | Table)[] = [];

  // 版头: 35 mm below the top of the 版心, the issuers in red with 文件; 文号 two lines below; the red rule
  const mastheadText = m.masthead.issuers.length === 1 ? `${m.masthead.issuers[0]}${m.masthead.word}` : null;
  if (mastheadText) children.push(centered(mastheadText, { font: XBS, size: Math.min(SIZE.masthead, Math.floor((156 * 2.835 * 2) / [...mastheadText].length)), color: RED }, { spacing: { before: mm(35) * 1, after: 560, line: 900, lineRule: LineRuleType.AT_LEAST } }));
  else {
    m.masthead.issuers.forEach((n, i) =>
      children.push(centered(`${n}${i === Math.floor((m.masthead.issuers.length - 1) / 2) ? `　${m.masthead.word}` : '　　　'}`, { font: XBS, size: 52, color: RED }, { spacing: { ...(i === 0 ? { before: mm(35) } : {}), line: 700, lineRule: LineRuleType.AT_LEAST } })),
    );
    children.push(new Paragraph({ spacing: { after: 280 }, children: [] }));
  }
  children.push(centered(m.documentNumber, { font: FANGSONG, size: SIZE.body }, { border: { bottom: redRule }, spacing: { after: 1160 } }));
  children.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 579, line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: m.title, size: SIZE.title, font: XBS, color: '000000' })],
    }),
  );
  if (m.addressees) children.push(new Paragraph({ children: [new TextRun({ text: m.addressees })] }));
  if (m.correction) children.push(para(m.correction));
  children.push(...blocks(m.forwarding));

  const right = (text: string, indentRight: number, before = 0) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: indentRight }, spacing: { before }, children: [new TextRun({ text })] });
  const signature = () => {
    // 右空二字; the date two characters right of the issuer's first character (or two from the edge when longer)
    const longest = Math.max(...m.signature.issuers.map((s) => [...s].length));
    const dateLen = [...m.signature.date].length;
    const dateRight = dateLen + 2 <= longest ? INDENT_2_CHARS + (longest - 2 - dateLen) * 320 : INDENT_2_CHARS;
    const nameRight = dateLen + 2 <= longest ? INDENT_2_CHARS : INDENT_2_CHARS + (dateLen + 2 - longest) * 320;
    m.signature.issuers.forEach((s, i) => children.push(right(s, nameRight, i === 0 ? 579 : 0)));
    children.push(right(m.signature.date, dateRight));
    if (m.signature.disclosure) children.push(new Paragraph({ indent: { firstLine: INDENT_2_CHARS }, children: [new TextRun({ text: m.signature.disclosure })] }));
  };
  if (m.signatureAfter === 'forwarding') signature();
  if (m.planTitle)
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        alignment: AlignmentType.CENTER,
        pageBreakBefore: m.signatureAfter === 'forwarding',
        spacing: { before: 560, after: 579, line: 700, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: m.planTitle, size: SIZE.title, font: XBS, color: '000000' })],
      }),
    );
  children.push(...blocks(m.preamble));

  for (const s of m.sections) {
    children.push(
      new Paragraph({
        heading: m.planTitle ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
        indent: { firstLine: INDENT_2_CHARS },
        children: [new TextRun({ text: `${s.number}、${s.title}`, font: HEITI, size: SIZE.body, color: '000000' })],
      }),
    );
    children.push(...blocks(s.blocks));
  }

  m.attachmentList.forEach((line, i) =>
    children.push(
      new Paragraph({
        spacing: i === 0 ? { before: 579 } : {},
        indent: { left: INDENT_2_CHARS * 2.5, hanging: i === 0 ? INDENT_2_CHARS * 1.5 : 0 },
        children: [new TextRun({ text: i === 0 ? `附件：${line}` : line })],
      }),
    ),
  );
  if (m.signatureAfter === 'body') signature();

  for (const a of m.annexes) {
    children.push(new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: a.label, font: HEITI })] }));
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        alignment: AlignmentType.CENTER,
        spacing: { before: 579, after: 579, line: 700, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: a.title, size: SIZE.title, font: XBS, color: '000000' })],
      }),
    );
    children.push(...blocks(a.blocks));
  }

  if (m.editorialNotes.length) {
    children.push(new Paragraph({ spacing: { before: 560 }, children: [new TextRun({ text: '编注（录入时的说明与约定，不属于原文）：', size: SIZE.note, color: '666666' })] }));
    for (const n of m.editorialNotes)
      children.push(new Paragraph({ children: n.runs.map((r) => new TextRun({ text: r.text, size: r.tone === 'clause' ? SIZE.clause : SIZE.note, color: '666666' })) }));
  }

  // 版记: 抄送 and 印发 between a thick first and last rule, a thin one between them
  if (m.colophon.copiedTo)
    children.push(
      new Paragraph({
        spacing: { before: 840 },
        border: { top: rule(8), ...(m.colophon.printed ? {} : { bottom: rule(8) }) },
        indent: { left: 320, right: 320, hanging: 0 },
        children: [new TextRun({ text: m.colophon.copiedTo, size: SIZE.colophon })],
      }),
    );
  if (m.colophon.printed) {
    const [by, on] = m.colophon.printed.split(/\s*　+\s*/);
    children.push(
      new Paragraph({
        spacing: m.colophon.copiedTo ? {} : { before: 840 },
        border: { top: m.colophon.copiedTo ? rule(4) : rule(8), bottom: rule(8) },
        indent: { left: 320, right: 320 },
        tabStops: [{ type: 'right', position: mm(156) - 640 }],
        children: [new TextRun({ text: by ?? m.colophon.printed, size: SIZE.colophon }), ...(on ? [new TextRun({ text: `\t${on}`, size: SIZE.colophon })] : [])],
      }),
    );
  }

  const headerLines = [
    ...(options.watermark ? [options.watermark] : []),
    ...(m.annotated ? ['注释版：含条款出处、备注与约定，供起草、审核与审计使用，非正式印发文本'] : []),
  ];
  const header = headerLines.length
    ? new Header({
        children: headerLines.map(
          (t) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, font: HEITI, size: SIZE.table, color: 'C00000' })] }),
        ),
      })
    : null;
  const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent: { left: 280, right: 280 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: SIZE.colophon })],
        }),
      ],
    });

  return new Document({
    creator: m.masthead.issuers.join('、'),
    title: m.title,
    description: m.documentNumber,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: FANGSONG, size: SIZE.body }, paragraph: { spacing: BODY_LINE } },
        title: { run: { font: XBS, size: SIZE.title, color: '000000' } },
        heading1: { run: { font: XBS, size: SIZE.plan, color: '000000' } },
        heading2: { run: { font: HEITI, size: SIZE.body, color: '000000' } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twips
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(28 - 7) },
          },
        },
        ...(header ? { headers: { default: header, even: header } } : {}),
        // 单页码居右空一字，双页码居左空一字
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
}

/** The .docx bytes of a notice model. */
export async function noticeDocx(m: NoticeModel, options: NoticeDocxOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(noticeDocument(m, options));
}
