import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANNOTATED_HEAD } from '../../api/modules/notice/pdf.js';
import { decodeEntities } from './facts.js';

/*
 * Reading the server's notice files back as a person's tools would: the PDF with poppler's pdftotext
 * and pdffonts (Debian's poppler-utils, installed by .ci/run), the DOCX by unzipping word/document.xml.
 */

export const popplerMissing = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    execFileSync('pdffonts', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'poppler-utils (pdftotext, pdffonts) is not installed';
  }
})();

function withFile<T>(bytes: Uint8Array, ext: string, f: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'notice-'));
  const path = join(dir, `notice.${ext}`);
  writeFileSync(path, bytes);
  try {
    return f(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text exactly as pdftotext gives it (page numbers and running heads included). */
export function pdfRawText(pdf: Uint8Array): string {
  return withFile(pdf, 'pdf', (p) => execFileSync('pdftotext', ['-enc', 'UTF-8', p, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/** The PDF's text in reading order, page by page, without the page numbers (— 3 —) and the annotated view's running head. */
export function pdfText(pdf: Uint8Array): string {
  const raw = withFile(pdf, 'pdf', (p) => execFileSync('pdftotext', ['-enc', 'UTF-8', p, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  return raw
    .split('\n')
    .filter((l) => !/^\s*—\s*\d+\s*—\s*$/.test(l) && l.replace(/\s+/g, '') !== ANNOTATED_HEAD)
    .join('\n');
}

/** The PDF's lines with each line's inner spaces removed (justification puts gaps between characters). */
export function pdfLines(pdf: Uint8Array): string[] {
  return pdfText(pdf)
    .split(/\n|\f/)
    .map((l) => l.replace(/[ \u00a0]+/g, ''))
    .filter(Boolean);
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  const out = withFile(pdf, 'pdf', (p) => execFileSync('pdffonts', [p], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID
      const n = cols.length;
      return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes', unicode: cols[n - 3] === 'yes' };
    });
}

/** The PDF's number of pages (pdfinfo is not needed: pdftotext separates pages by form feeds). */
export function pdfPages(pdf: Uint8Array): number {
  return withFile(pdf, 'pdf', (p) => execFileSync('pdftotext', ['-enc', 'UTF-8', p, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })).split('\f').length - 1;
}

/** The first page as a PNG (pdftoppm), kept where a person can look at it. */
export function firstPagePng(pdf: Uint8Array, out: string, dpi = 80): void {
  mkdirSync(join(out, '..'), { recursive: true });
  withFile(pdf, 'pdf', (p) => execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', p, out.replace(/\.png$/, '')]));
}

// ---------------------------------------------------------------- DOCX

/** A minimal zip reader: the central directory names each entry; stored or deflated data. */
export async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip: no end-of-central-directory record');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const files = new Map<string, Uint8Array>();
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    if (method === 0) files.set(name, data);
    else if (method === 8) {
      const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      files.set(name, new Uint8Array(await new Response(stream).arrayBuffer()));
    } else throw new Error(`unsupported compression ${method} for ${name}`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

/** The DOCX's document.xml, and its visible text: one paragraph or table cell a line. */
export async function docxParts(bytes: Uint8Array) {
  const files = await unzip(bytes);
  const xml = new TextDecoder().decode(files.get('word/document.xml'));
  const text = decodeEntities(xml.replace(/<\/w:(p|tc)>/g, '\n').replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, ''));
  return { files, xml, text };
}
