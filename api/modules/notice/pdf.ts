import PDFDocument from 'pdfkit';
import type { Block, NoticeModel, Para, Run, TableBlock } from '../../../policy-schemas/notice/index.js';
import { fontBytes, type FontKey } from './fonts.js';

/*
 * The notice as a PDF, drawn by pdfkit from the notice model (the same model as the console's view and
 * the DOCX), laid out as GB/T 9704-2012 sets an official document:
 * - A4; 版心 156 mm × 225 mm, 37 mm from the top and 28 mm from the left edge;
 * - body in 三号 (16 pt) on a grid of 22 lines × 28 characters (a line every 225/22 mm, a character
 *   every 156/28 mm), each paragraph indented two characters, lines justified to the grid;
 * - 版头: the issuers' names and 文件 in red, 35 mm below the top of the 版心; 发文字号 two lines below,
 *   a red rule 4 mm under it; the title (二号) two lines below the rule; 主送 one line below the title;
 * - section headings (一、) in 黑体, run-in headings of items in bold; tables with their printed 合计;
 * - signature and date right-aligned (date two characters right of the issuer, two characters from the
 *   edge), 附注 under the date; annexes each from a new page, 附件N in 黑体 on the first line and its
 *   title on the third;
 * - 版记 (抄送, 印发机关 and date between rules) at the foot of the last page; page numbers "— n —" in
 *   四号 7 mm below the 版心, right on odd pages and left on even ones, one character from the edge.
 * pdfkit's own line breaking knows no CJK grid, so lines are set here: characters on the grid, no line
 * starting with closing punctuation or ending with opening punctuation, digits and Latin words kept
 * whole, every line but a paragraph's last justified.
 */

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const AREA = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM };
const RIGHT = AREA.left + AREA.width;
const BOTTOM = AREA.top + AREA.height;
const BODY = 16;
/** A line of the grid (22 a page) and a character of it (28 a line). */
const PITCH = AREA.height / 22;
const CELL = AREA.width / 28;
const RED = '#E00000';

interface Style {
  font: FontKey;
  size: number;
  color: string;
  /** Set on the body's character grid. */
  grid?: boolean;
}

const S = {
  body: { font: 'body', size: BODY, color: '#000000', grid: true },
  heading: { font: 'heading', size: BODY, color: '#000000', grid: true },
  runHeading: { font: 'title', size: BODY, color: '#000000', grid: true },
  clause: { font: 'body', size: 9, color: '#808080' },
  note: { font: 'body', size: 12, color: '#555555' },
  convention: { font: 'body', size: 11, color: '#9A5B00' },
  title: { font: 'title', size: 22, color: '#000000' },
  plan: { font: 'title', size: 18, color: '#000000' },
  colophon: { font: 'body', size: 14, color: '#000000' },
  table: { font: 'body', size: 12, color: '#000000' },
  tableHead: { font: 'heading', size: 12, color: '#000000' },
  caption: { font: 'heading', size: 14, color: '#000000' },
  pageNo: { font: 'body', size: 14, color: '#000000' },
} satisfies Record<string, Style>;

interface Piece {
  text: string;
  style: Style;
}

interface Unit {
  text: string;
  style: Style;
  width: number;
  chars: number;
  space: boolean;
}

interface Line {
  units: Unit[];
  indent: number;
  width: number;
  /** Extra space after each character (justification), in points. */
  extra: number;
}

/** Closing punctuation never starts a line; opening punctuation never ends one (禁则). */
const NO_START = /^[，。、；：？！）》」』〕】”’%…—·,.;:?!)\]]/;
const NO_END = /[（《「『〔【“‘(\[]$/;
const TOKEN = /[A-Za-z0-9][A-Za-z0-9.,%+\-/:@_~#&=]*|\s+|./gsu;

/** The running head of every page of the annotated view. */
export const ANNOTATED_HEAD = '注释版：含条款出处、备注与约定，供起草、审核与审计使用，非正式印发文本';

export interface NoticePdfOptions {
  /** Stamped across every page (草案) for versions that are not published. */
  watermark?: string | null;
}

class Typesetter {
  readonly doc: PDFKit.PDFDocument;
  y = AREA.top;
  private widths = new Map<string, number>();
  private ascent = new Map<string, number>();

  constructor(
    private readonly model: NoticeModel,
    private readonly options: NoticePdfOptions,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: model.title,
        Author: model.masthead.issuers.join('、'),
        Subject: model.documentNumber,
        Creator: 'yibao-policy',
        Keywords: model.annotated ? '注释版' : '',
      },
    });
    for (const key of ['body', 'title', 'heading'] as const) this.doc.registerFont(key, fontBytes(key));
    this.newPage();
  }

  // ------------------------------------------------------------ measuring

  private use(style: Style) {
    this.doc.font(style.font).fontSize(style.size).fillColor(style.color);
  }

  private charWidth(ch: string, style: Style): number {
    const key = `${style.font}/${style.size}/${ch}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.use(style);
      this.widths.set(key, (w = this.doc.widthOfString(ch)));
    }
    // On the grid a full-width character takes one cell (CELL is a little under 16 pt).
    return style.grid ? w + (CELL - BODY) : w;
  }

  private units(pieces: readonly Piece[]): Unit[] {
    const out: Unit[] = [];
    for (const p of pieces)
      for (const m of p.text.matchAll(TOKEN)) {
        const text = m[0];
        const chars = [...text];
        out.push({ text, style: p.style, width: chars.reduce((a, c) => a + this.charWidth(c, p.style), 0), chars: chars.length, space: /^\s+$/.test(text) });
      }
    return out;
  }

  /** Break pieces into lines of `width`, the first indented by `first` and the others by `rest`. */
  lines(pieces: readonly Piece[], width: number, first = 0, rest = 0, justify = true): Line[] {
    const lines: Line[] = [];
    let cur: Unit[] = [];
    let curW = 0;
    const avail = () => width - (lines.length === 0 ? first : rest);
    const push = (units: Unit[], last: boolean) => {
      while (units.length && units[units.length - 1]!.space) units.pop();
      const natural = units.reduce((a, u) => a + u.width, 0);
      const chars = units.reduce((a, u) => a + u.chars, 0);
      const room = width - (lines.length === 0 ? first : rest) - natural;
      const extra = justify && !last && chars > 1 && room > 0 ? room / (chars - 1) : 0;
      lines.push({ units, indent: lines.length === 0 ? first : rest, width: natural + extra * (chars - 1), extra });
    };
    for (const u of this.units(pieces)) {
      if (!cur.length && u.space) continue;
      if (curW + u.width > avail() + 0.01 && cur.length) {
        const carry: Unit[] = [];
        if (NO_START.test(u.text) && cur.length > 1) carry.unshift(cur.pop()!);
        while (cur.length > 1 && NO_END.test(cur[cur.length - 1]!.text)) carry.unshift(cur.pop()!);
        push(cur, false);
        cur = carry;
        curW = carry.reduce((a, x) => a + x.width, 0);
        if (u.space) continue;
      }
      cur.push(u);
      curW += u.width;
    }
    if (cur.length) push(cur, true);
    return lines;
  }

  // ------------------------------------------------------------ drawing

  private ascentOf(style: Style): number {
    const key = `${style.font}/${style.size}`;
    let a = this.ascent.get(key);
    if (a === undefined) {
      this.use(style);
      const font = (this.doc as unknown as { _font: { ascender: number } })._font;
      this.ascent.set(key, (a = (font.ascender / 1000) * style.size));
    }
    return a;
  }

  /** Draw a line with its characters' em boxes centred in a band from `top`, `height` high. */
  drawLine(line: Line, x: number, top: number, height: number) {
    let at = x + line.indent;
    for (const u of line.units) {
      const s = u.style;
      this.use(s);
      // the ideographic em box spans -0.12 em … 0.88 em around the baseline: centre it in the band
      const baseline = top + height / 2 + 0.38 * s.size;
      const spacing = (s.grid ? CELL - BODY : 0) + line.extra;
      this.doc.text(u.text, at, baseline - this.ascentOf(s), { lineBreak: false, characterSpacing: spacing });
      at += u.width + line.extra * u.chars;
    }
  }

  newPage() {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = AREA.top;
  }

  /** Room for `h` points on this page, else a new page. */
  ensure(h: number) {
    if (this.y + h > BOTTOM + 0.5) this.newPage();
  }

  /** Lines of text on the grid (or at `pitch`), each kept on a page. */
  flow(lines: readonly Line[], opts: { x?: number; pitch?: number; align?: 'left' | 'center' | 'right'; rightSpace?: number } = {}) {
    const pitch = opts.pitch ?? PITCH;
    for (const l of lines) {
      this.ensure(pitch);
      const x =
        opts.align === 'center'
          ? AREA.left + (AREA.width - l.width) / 2
          : opts.align === 'right'
            ? RIGHT - (opts.rightSpace ?? 0) - l.width
            : (opts.x ?? AREA.left);
      this.drawLine({ ...l, indent: opts.align && opts.align !== 'left' ? 0 : l.indent }, x, this.y, pitch);
      this.y += pitch;
    }
  }

  blank(n = 1) {
    this.y += PITCH * n;
  }

  // ------------------------------------------------------------ parts of the notice

  piecesOf(runs: readonly Run[], base: Style, heading: Style): Piece[] {
    return runs.map((r) => ({ text: r.text, style: r.tone ? S[r.tone] : r.heading ? heading : base }));
  }

  para(p: Para, base: Style = S.body) {
    const heading = p.heading ? S.runHeading : S.runHeading;
    const pieces: Piece[] = [...(p.label ? [{ text: p.label, style: p.level >= 1 ? heading : base }] : []), ...this.piecesOf(p.runs, base, heading)];
    this.flow(this.lines(pieces, AREA.width, 2 * CELL, 0, !p.heading));
  }

  blocks(bs: readonly Block[]) {
    for (const b of bs) {
      if (b.kind === 'para') this.para(b);
      else this.table(b);
    }
  }

  masthead() {
    const m = this.model.masthead;
    this.y = AREA.top + 35 * MM;
    const word = m.word;
    if (m.issuers.length === 1) {
      const text = m.issuers[0]! + word;
      // as large as fits the width, at most 22 mm a character high
      const size = Math.min(54, (AREA.width / [...text].length) * 0.98);
      const style: Style = { font: 'title', size, color: RED };
      const [line] = this.lines([{ text, style }], AREA.width, 0, 0, false);
      this.drawLine(line!, AREA.left + (AREA.width - line!.width) / 2, this.y, size * 1.2);
      this.y += size * 1.2;
    } else {
      // joint issuers: their names stacked and justified to one width, 文件 beside them, centred
      const size = Math.min(26, AREA.width / (Math.max(...m.issuers.map((n) => [...n].length)) + 3));
      const style: Style = { font: 'title', size, color: RED };
      const names = m.issuers.map((n) => this.lines([{ text: n, style }], AREA.width, 0, 0, false)[0]!);
      const nameW = Math.max(...names.map((l) => l.width));
      const wordStyle: Style = { ...style, size: size * 1.4 };
      const wordLine = this.lines([{ text: word, style: wordStyle }], AREA.width, 0, 0, false)[0]!;
      const gap = size * 0.6;
      const x = AREA.left + (AREA.width - (nameW + gap + wordLine.width)) / 2;
      const lh = size * 1.2;
      names.forEach((l, i) => {
        const chars = l.units.reduce((a, u) => a + u.chars, 0);
        const extra = chars > 1 ? (nameW - l.width) / (chars - 1) : 0;
        this.drawLine({ ...l, extra, width: nameW }, x, this.y + i * lh, lh);
      });
      this.drawLine(wordLine, x + nameW + gap, this.y + ((names.length - 1) * lh) / 2 - lh * 0.2, lh * 1.4);
      this.y += names.length * lh;
    }
    // 发文字号: two lines below the masthead, centred; the red rule 4 mm under it
    this.blank(1);
    this.flow(this.lines([{ text: this.model.documentNumber, style: S.body }], AREA.width, 0, 0, false), { align: 'center' });
    const ruleY = this.y + 4 * MM - PITCH * 0.2;
    this.doc.save().moveTo(AREA.left, ruleY).lineTo(RIGHT, ruleY).lineWidth(1.2).strokeColor(RED).stroke().restore();
    this.y = ruleY;
  }

  /** A title centred in balanced lines (GB/T 9704 7.3.1: 排列对称, 长短适宜 — no last line of one character). */
  title(text: string, style: Style) {
    const full = AREA.width - 2 * CELL;
    let lines = this.lines([{ text, style }], full, 0, 0, false);
    // the narrowest width that still takes as many lines: every line about as long as the others
    for (let w = full - style.size; lines.length > 1 && w > full / 2; w -= style.size) {
      const narrower = this.lines([{ text, style }], w, 0, 0, false);
      if (narrower.length > lines.length) break;
      lines = narrower;
    }
    this.flow(lines, { align: 'center', pitch: style.size * 1.6 });
  }

  signature() {
    const m = this.model;
    const issuers = m.signature.issuers.map((n) => this.lines([{ text: n, style: S.body }], AREA.width, 0, 0, false)[0]!);
    const date = this.lines([{ text: m.signature.date, style: S.body }], AREA.width, 0, 0, false)[0]!;
    const nameW = Math.max(...issuers.map((l) => l.width));
    // 右空二字; the date starts two characters right of the issuer's first character, and where it is
    // the longer, it keeps two characters from the edge and the issuer moves left.
    let nameX = RIGHT - 2 * CELL - nameW;
    let dateX = nameX + 2 * CELL;
    if (dateX + date.width > RIGHT - 2 * CELL) {
      dateX = RIGHT - 2 * CELL - date.width;
      nameX = dateX - 2 * CELL;
    }
    // one line below the text where it fits, else directly below it, else with the lines drawn closer
    // (GB/T 9704 7.3.5.4: adjust the spacing rather than leave the signature alone on a page), and only
    // else on the next page
    const lines = issuers.length + 1 + (m.signature.disclosure ? 1 : 0);
    const room = BOTTOM + 0.5 - this.y;
    let pitch = PITCH;
    if (room >= PITCH * (lines + 1)) this.blank(1);
    else if (room >= PITCH * lines) {
      /* directly below */
    } else if (room >= PITCH * 0.7 * lines) pitch = room / lines;
    else this.newPage();
    for (const l of issuers) {
      this.drawLine(l, nameX + (nameW - l.width), this.y, pitch);
      this.y += pitch;
    }
    this.drawLine(date, dateX, this.y, pitch);
    this.y += pitch;
    if (m.signature.disclosure) this.flow(this.lines([{ text: m.signature.disclosure, style: S.body }], AREA.width, 2 * CELL, 0, false), { pitch });
  }

  attachments() {
    const list = this.model.attachmentList;
    if (!list.length) return;
    this.blank(1);
    const label = '附件：';
    const labelW = this.lines([{ text: label, style: S.body }], AREA.width)[0]!.width;
    list.forEach((item, i) => {
      const lines = this.lines([{ text: item, style: S.body }], AREA.width - 2 * CELL - labelW, 0, 0, false);
      if (i === 0) {
        this.ensure(PITCH);
        this.drawLine(this.lines([{ text: label, style: S.body }], AREA.width)[0]!, AREA.left + 2 * CELL, this.y, PITCH);
      }
      this.flow(lines, { x: AREA.left + 2 * CELL + labelW });
    });
  }

  table(t: TableBlock) {
    const pad = 3;
    const lh = 17;
    if (t.caption) {
      this.ensure(PITCH + lh * 3);
      this.flow(this.lines([{ text: t.caption, style: S.caption }], AREA.width, 0, 0, false), { align: 'center' });
    }
    const all = [t.columns, ...t.rows, ...(t.total ? [t.total] : [])];
    const n = t.columns.length;
    const natural = (text: string, st: Style) => this.units([{ text, style: st }]).reduce((a, u) => a + u.width, 0);
    const want = Array.from({ length: n }, (_, i) => Math.max(24, ...all.map((r, k) => natural(r[i] ?? '', k === 0 ? S.tableHead : S.table) + 2 * pad + 2)));
    const total = want.reduce((a, b) => a + b, 0);
    const widths = total <= AREA.width ? want.map((w) => w + ((AREA.width - total) * w) / total) : want.map((w) => (AREA.width * w) / total);
    const rowLines = (row: string[], style: Style) =>
      row.map((cell, i) => this.lines([{ text: cell, style }], widths[i]! - 2 * pad, 0, 0, false));
    const drawRow = (row: string[], style: Style, header: boolean) => {
      const cells = rowLines(row, style);
      const h = Math.max(1, ...cells.map((c) => c.length)) * lh + 2 * pad;
      let x = AREA.left;
      cells.forEach((lines, i) => {
        const w = widths[i]!;
        this.doc.save().rect(x, this.y, w, h).lineWidth(0.6).strokeColor('#000000').stroke().restore();
        lines.forEach((l, j) => {
          const align = header ? 'center' : t.numeric[i] ? 'right' : 'left';
          const lx = align === 'center' ? x + (w - l.width) / 2 : align === 'right' ? x + w - pad - l.width : x + pad;
          this.drawLine({ ...l, indent: 0 }, lx, this.y + pad + j * lh + (h - 2 * pad - lines.length * lh) / 2, lh);
        });
        x += w;
      });
      this.y += h;
      return h;
    };
    const heightOf = (row: string[], style: Style) => Math.max(1, ...rowLines(row, style).map((c) => c.length)) * lh + 2 * pad;
    const headH = heightOf(t.columns, S.tableHead);
    this.ensure(headH + heightOf(t.rows[0] ?? t.columns, S.table));
    drawRow(t.columns, S.tableHead, true);
    const rows: [string[], Style][] = [...t.rows.map((r): [string[], Style] => [r, S.table]), ...(t.total ? [[t.total, S.tableHead] as [string[], Style]] : [])];
    for (const [r, st] of rows) {
      const h = heightOf(r, st);
      if (this.y + h > BOTTOM + 0.5) {
        // the header row repeats on each page the table runs onto
        this.newPage();
        drawRow(t.columns, S.tableHead, true);
      }
      drawRow(r, st, false);
    }
    this.y += PITCH * 0.5;
  }

  /** 版记: 抄送 and 印发 between rules, at the foot of the last page (a new page where it does not fit). */
  colophon() {
    const c = this.model.colophon;
    if (!c.copiedTo && !c.printed) return;
    const copied = c.copiedTo ? this.lines([{ text: c.copiedTo, style: S.colophon }], AREA.width - 2 * CELL, 0, 3 * S.colophon.size, false) : [];
    const rows = copied.length + (c.printed ? 1 : 0);
    const h = rows * PITCH;
    if (this.y + h + PITCH > BOTTOM) this.newPage();
    let y = BOTTOM - h;
    const rule = (at: number, width: number) => this.doc.save().moveTo(AREA.left, at).lineTo(RIGHT, at).lineWidth(width).strokeColor('#000000').stroke().restore();
    rule(y, 1);
    for (const l of copied) {
      this.drawLine(l, AREA.left + CELL, y, PITCH);
      y += PITCH;
    }
    if (c.printed) {
      if (copied.length) rule(y, 0.7);
      const [by, on] = c.printed.split(/\s*　+\s*/);
      const left = this.lines([{ text: by ?? c.printed, style: S.colophon }], AREA.width, 0, 0, false)[0]!;
      this.drawLine(left, AREA.left + CELL, y, PITCH);
      if (on) {
        const right = this.lines([{ text: on, style: S.colophon }], AREA.width, 0, 0, false)[0]!;
        this.drawLine(right, RIGHT - CELL - right.width, y, PITCH);
      }
      y += PITCH;
    }
    rule(y, 1);
    this.y = y;
  }

  /**
   * The watermark across a page, drawn as the glyphs' outlines rather than text: it is seen, but not
   * copied with the text nor read into it by a screen reader or a text extractor.
   */
  watermark(text: string) {
    this.doc.font('heading');
    const font = (this.doc as unknown as { _font: { font: { layout(t: string): { glyphs: { path: { toSVG(): string } }[]; positions: { xAdvance: number }[] }; unitsPerEm: number } } })._font.font;
    const run = font.layout(text);
    const size = 110;
    const scale = size / font.unitsPerEm;
    const width = run.positions.reduce((a, p) => a + p.xAdvance, 0) * scale;
    this.doc.save();
    this.doc.rotate(-30, { origin: [PAGE.width / 2, PAGE.height / 2] });
    this.doc.fillOpacity(0.1).fillColor(RED);
    let x = PAGE.width / 2 - width / 2;
    run.glyphs.forEach((g, i) => {
      this.doc.save();
      this.doc.translate(x, PAGE.height / 2 + size * 0.35);
      this.doc.scale(scale, -scale);
      this.doc.path(g.path.toSVG()).fill();
      this.doc.restore();
      x += run.positions[i]!.xAdvance * scale;
    });
    this.doc.restore();
  }

  /** Page numbers, the annotated view's running head and the draft watermark, on every page. */
  finish() {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const n = i - range.start + 1;
      const text = `— ${n} —`;
      const line = this.lines([{ text, style: S.pageNo }], AREA.width, 0, 0, false)[0]!;
      const x = n % 2 === 1 ? RIGHT - S.pageNo.size - line.width : AREA.left + S.pageNo.size;
      this.drawLine(line, x, BOTTOM + 7 * MM - 3, S.pageNo.size + 6);
      if (this.model.annotated) {
        const head = this.lines([{ text: ANNOTATED_HEAD, style: S.note }], AREA.width, 0, 0, false)[0]!;
        this.drawLine(head, AREA.left, AREA.top - 14 * MM, 14);
      }
      if (this.options.watermark) this.watermark(this.options.watermark);
    }
  }
}

/** The notice model as PDF bytes. */
export function noticePdf(model: NoticeModel, options: NoticePdfOptions = {}): Promise<Buffer> {
  const t = new Typesetter(model, options);
  const doc = t.doc;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  t.masthead();
  t.blank(2);
  t.title(model.title, S.title);
  t.blank(1);
  if (model.addressees) t.flow(t.lines([{ text: model.addressees, style: S.body }], AREA.width));
  if (model.correction) t.para(model.correction);
  t.blocks(model.forwarding);
  if (model.signatureAfter === 'forwarding') {
    t.signature();
    if (model.planTitle) {
      t.newPage();
      t.title(model.planTitle, S.title);
      t.blank(1);
    }
  } else if (model.planTitle) {
    t.blank(1);
    t.title(model.planTitle, S.plan);
  }
  t.blocks(model.preamble);
  for (const s of model.sections) {
    t.flow(t.lines([{ text: `${s.number}、${s.title}`, style: S.heading }], AREA.width, 2 * CELL, 0, false));
    t.blocks(s.blocks);
  }
  t.attachments();
  if (model.signatureAfter === 'body') t.signature();
  for (const a of model.annexes) {
    t.newPage();
    t.flow(t.lines([{ text: a.label, style: S.heading }], AREA.width, 0, 0, false));
    t.blank(1);
    t.title(a.title, S.plan);
    t.blank(0.5);
    t.blocks(a.blocks);
  }
  if (model.editorialNotes.length) {
    t.blank(1);
    t.flow(t.lines([{ text: '编注（录入时的说明与约定，不属于原文）：', style: S.note }], AREA.width, 0, 0, false), { pitch: 18 });
    for (const p of model.editorialNotes) t.flow(t.lines(t.piecesOf(p.runs, S.note, S.note), AREA.width, 0, 0, false), { pitch: 18 });
  }
  t.colophon();
  t.finish();
  doc.end();
  return done;
}
