import { writeFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNotice } from '../../policy-schemas/notice/index.js';
import { noticeDocx } from '../../api/modules/notice/docx.js';
import { noticePdf } from '../../api/modules/notice/pdf.js';
import { MARKERS, missingFacts } from './facts.js';
import { docxParts, firstPagePng, pdfFonts, pdfLines, pdfPages, pdfRawText, pdfText, popplerMissing } from './files.js';
import { haveSources, normalize, outlineOfLines, sourceOutline } from './source-outline.js';
import { loadSeed, SEED_NAMES } from './seeds.js';

/*
 * The server's files of each seed's notice, read back: the PDF with pdftotext and pdffonts, the DOCX
 * unzipped. As issued each has its source's section headings in order, every figure and date of the
 * document, no clause marker, note or convention, and (PDF) its CJK fonts embedded as subsets. The first
 * page of each issued PDF is kept as a PNG in test-output/notice/ to be looked at.
 */
const OUT = new URL('../../test-output/notice/', import.meta.url).pathname;
if (popplerMissing) console.warn(`test/notice/files.spec.ts: PDF checks skipped: ${popplerMissing}`);

const pdfs = new Map<string, { bytes: Buffer; ms: number }>();
async function issuedPdf(name: string) {
  let p = pdfs.get(name);
  if (!p) {
    const model = buildNotice(loadSeed(name));
    const t0 = performance.now();
    const bytes = await noticePdf(model);
    pdfs.set(name, (p = { bytes, ms: performance.now() - t0 }));
  }
  return p;
}

describe.skipIf(popplerMissing !== null)('the notice as a PDF', () => {
  it.each(SEED_NAMES)('%s: every figure and date, no marker, fonts embedded as subsets', async (name) => {
    const doc = loadSeed(name);
    const { bytes, ms } = await issuedPdf(name);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(missingFacts(doc, text)).toEqual([]);
    expect(text).not.toMatch(MARKERS);
    expect(text).toContain(doc.metadata.documentNumber);
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansSC-Regular', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
    // the first page, to be looked at; and how long the file took and how big it is
    mkdirSync(OUT, { recursive: true });
    firstPagePng(bytes, `${OUT}${name}-page1.png`);
    writeFileSync(`${OUT}${name}.pdf`, bytes);
    writeFileSync(`${OUT}${name}-pdf.txt`, `${name}: ${Math.round(ms)} ms, ${bytes.length} bytes, ${pdfPages(bytes)} pages\n`);
  });

  it.each(SEED_NAMES)('%s: the source’s section headings and item numbering, in order', async (name) => {
    if (!haveSources) return;
    const got = outlineOfLines(pdfLines((await issuedPdf(name)).bytes));
    const src = sourceOutline(name);
    expect(got.headings.map(normalize)).toEqual(src.headings.map(normalize));
    expect(got.items).toEqual(src.items);
  });

  it('the annotated view: clause markers, notes and conventions beside the text, and a running head saying what it is', async () => {
    const doc = loadSeed('lingyuan-2022');
    const bytes = await noticePdf(buildNotice(doc, { annotated: true }), { watermark: '草案' });
    const text = pdfText(bytes);
    expect(text).toMatch(MARKERS);
    expect(text.replace(/\s+/g, '')).toContain('〔约定：');
    expect(pdfRawText(bytes).replace(/\s+/g, '')).toContain('注释版：含条款出处、备注与约定');
    expect(missingFacts(doc, text, 'annotated')).toEqual([]);
  });

  it('A4, 22 lines of 28 characters: a page of plain body text holds 22 lines, each line at most 28 characters', async () => {
    const doc = loadSeed('shishi-2025');
    const lines = pdfText((await issuedPdf('shishi-2025')).bytes).split('\f')[1]!.split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(lines.length).toBeGreaterThanOrEqual(20);
    // a full line of Chinese is 28 characters (ASCII digits are half width, so a line may hold more characters)
    const cjkOnly = lines.filter((l) => !/[0-9A-Za-z]/.test(l));
    expect(Math.max(...cjkOnly.map((l) => [...l].length))).toBe(28);
    expect(doc.metadata.documentNumber).toBe('狮政办规〔2024〕5号');
  });
});

describe('the notice as a DOCX', () => {
  it.each(SEED_NAMES)('%s: every figure and date, no marker, the source’s section headings in order', async (name) => {
    const doc = loadSeed(name);
    const bytes = await noticeDocx(buildNotice(doc));
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // "PK\3\4"
    const { files, xml, text } = await docxParts(bytes);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    expect(xml).toContain('<w:document');
    expect(missingFacts(doc, text)).toEqual([]);
    expect(text).not.toMatch(MARKERS);
    // GB/T 9704: A4, margins 37/35/28/26 mm, 仿宋 body, 黑体 headings, red 版头
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"|w:left="1587"/);
    expect(new TextDecoder().decode(files.get('word/styles.xml'))).toContain('仿宋');
    expect(xml).toContain('黑体');
    expect(xml).toContain('w:color w:val="E00000"');
    if (haveSources) {
      const got = outlineOfLines(text.split('\n'));
      expect(got.headings.map(normalize)).toEqual(sourceOutline(name).headings.map(normalize));
    }
  });

  it('a draft’s DOCX carries its watermark in the page header; the annotated one its markers', async () => {
    const doc = loadSeed('wuhe-2024');
    const { files, xml, text } = await docxParts(await noticeDocx(buildNotice(doc, { annotated: true }), { watermark: '草案' }));
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2);
    expect(xml).toContain('542468');
    expect(text).toMatch(MARKERS);
    const headers = [...files.keys()].filter((k) => /^word\/header\d*\.xml$/.test(k));
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.map((h) => new TextDecoder().decode(files.get(h))).join('')).toContain('草案');
  });
});
