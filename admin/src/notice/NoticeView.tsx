import { useMemo } from 'react';
import type { PolicyDocument } from '../../../policy-schemas/index';
import { buildNotice, type Block, type CorrectionOf, type NoticeModel, type Para, type Run, type TableBlock } from '../../../policy-schemas/notice/index';

/*
 * The notice on screen and on paper: plain semantic HTML and one stylesheet, laid out like an official
 * document on A4 (GB/T 9704-2012: 版头 in red, 文号 and the red rule, 小标宋 title, 仿宋 body at 三号,
 * 黑体 section headings, 楷体 second-level headings, signature, 版记). Everything it says comes from
 * buildNotice() in policy-schemas/notice, which the server's PDF and DOCX render too.
 */

export const SERIF = '"FangSong", "仿宋", "仿宋_GB2312", "FangSong_GB2312", "STFangsong", "华文仿宋", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif';
const TITLE = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "华文中宋", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Noto Serif SC", serif';
const HEI = '"黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';
const KAI = '"楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312", "STKaiti", "华文楷体", "LXGW WenKai", ' + SERIF;

function watermarkImage(text: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="360">` +
    `<text x="210" y="180" text-anchor="middle" transform="rotate(-30 210 180)" font-size="56" ` +
    `font-family="SimHei, Heiti SC, sans-serif" fill="rgba(190,0,0,0.10)">${text}</text></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

export const NOTICE_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
.pn-notice { color: #000; font-family: ${SERIF}; overflow-x: auto; }
.pn-page { box-sizing: border-box; position: relative; width: 210mm; min-height: 297mm; margin: 16px auto; padding: 37mm 26mm 35mm 28mm;
  background-color: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); font-size: 16pt; line-height: 28.9pt; }
.pn-page p { margin: 0; }
.pn-masthead { color: #d00; font-family: ${TITLE}; font-size: 30pt; line-height: 1.3; text-align: center; letter-spacing: 0.05em; margin: 0 0 22pt; display: flex; align-items: center; justify-content: center; gap: 0.3em; }
.pn-masthead-names { display: inline-flex; flex-direction: column; text-align: justify; text-align-last: justify; }
.pn-docnum { text-align: center; }
.pn-rule { border: 0; border-top: 2px solid #d00; margin: 4mm 0 0; }
.pn-title { font-family: ${TITLE}; font-size: 22pt; line-height: 1.45; font-weight: normal; text-align: center; margin: 28.9pt 0 28.9pt; }
.pn-plan-title { font-family: ${TITLE}; font-size: 18pt; line-height: 1.45; font-weight: normal; text-align: center; margin: 28pt 0 14pt; }
.pn-addressees { text-indent: 0; }
.pn-p { text-indent: 2em; text-align: justify; }
.pn-h { font-family: ${HEI}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
.pn-l1 .pn-label, .pn-l1 .pn-run-heading { font-family: ${KAI}; }
.pn-l2 .pn-label, .pn-l2 .pn-run-heading, .pn-l3 .pn-run-heading { font-weight: bold; }
.pn-clause { font-size: 9pt; color: #8a8a8a; margin-left: 2pt; white-space: nowrap; }
.pn-note { font-size: 12pt; color: #555; }
.pn-convention { font-size: 10pt; color: #9a5b00; margin-left: 2pt; }
.pn-correction { text-indent: 2em; }
.pn-attachments { margin-top: 28pt !important; }
.pn-attachments p { padding-left: 5em; text-indent: -3em; }
.pn-attachments p + p { text-indent: 0; }
.pn-signature { margin-top: 28.9pt; text-align: right; padding-right: 2em; }
.pn-disclosure { text-align: left; text-indent: 2em; }
.pn-annex { break-before: page; page-break-before: always; padding-top: 12pt; }
.pn-annex-label { font-family: ${HEI}; }
.pn-annex-title { font-family: ${TITLE}; font-size: 18pt; line-height: 1.45; font-weight: normal; text-align: center; margin: 14pt 0; }
.pn-table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.5; margin: 8pt 0 12pt; }
.pn-table caption { font-family: ${HEI}; font-size: 14pt; padding-bottom: 6pt; }
.pn-table th, .pn-table td { border: 1px solid #000; padding: 2pt 6pt; vertical-align: middle; }
.pn-table th { font-family: ${HEI}; font-weight: normal; text-align: center; }
.pn-table td.pn-num { text-align: right; font-variant-numeric: tabular-nums; }
.pn-table thead { display: table-header-group; }
.pn-table tr { break-inside: avoid; page-break-inside: avoid; }
.pn-total td { font-family: ${HEI}; }
.pn-colophon { margin-top: 42pt; border-top: 1.3px solid #000; border-bottom: 1.3px solid #000; font-size: 14pt; line-height: 24pt; }
.pn-colophon p { padding: 2pt 1em; }
.pn-colophon p + p { border-top: 1px solid #000; text-align: right; }
.pn-editorial { margin-top: 24pt; font-size: 10.5pt; line-height: 1.6; color: #666; }
.pn-editorial .pn-p { text-indent: 0; }
.pn-watermark { display: none; }
@media print {
  .pn-notice { overflow: visible; }
  .pn-page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; background-image: none !important; }
  .pn-masthead, .pn-rule { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .pn-watermark { display: flex; position: fixed; inset: 0; align-items: center; justify-content: center; pointer-events: none; z-index: 10; }
  .pn-watermark span { transform: rotate(-30deg); font-family: ${HEI}; font-size: 90pt; color: rgba(190,0,0,0.12); white-space: nowrap;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .pn-clause, .pn-note, .pn-convention { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function RunView({ run }: { run: Run }) {
  if (run.tone) return <span className={`pn-${run.tone}`}>{run.text}</span>;
  if (run.heading) return <span className="pn-run-heading">{run.text}</span>;
  return <>{run.text}</>;
}

function ParaView({ para, className = 'pn-p' }: { para: Para; className?: string }) {
  return (
    <p className={`${className} pn-l${para.level}${para.heading ? ' pn-item-heading' : ''}`}>
      {para.label ? <span className="pn-label">{para.label}</span> : null}
      {para.runs.map((r, i) => (
        <RunView key={i} run={r} />
      ))}
    </p>
  );
}

function TableView({ table }: { table: TableBlock }) {
  const cls = (i: number) => (table.numeric[i] ? 'pn-num' : undefined);
  return (
    <table className="pn-table">
      {table.caption ? <caption>{table.caption}</caption> : null}
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} className={cls(i)}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {table.total ? (
        <tfoot>
          <tr className="pn-total">
            {table.total.map((cell, i) => (
              <td key={i} className={cls(i)}>
                {cell}
              </td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return <>{blocks.map((b, i) => (b.kind === 'table' ? <TableView key={i} table={b} /> : <ParaView key={i} para={b} />))}</>;
}

function Signature({ m }: { m: NoticeModel }) {
  return (
    <div className="pn-signature">
      {m.signature.issuers.map((s) => (
        <p key={s}>{s}</p>
      ))}
      <p>{m.signature.date}</p>
      {m.signature.disclosure ? <p className="pn-disclosure">{m.signature.disclosure}</p> : null}
    </div>
  );
}

export interface NoticeViewProps {
  document: PolicyDocument;
  /** A status stamped across every page (草案 DRAFT) for versions that are not published. */
  watermark?: string | null;
  /** The annotated view: each item's clause of the source notice, notes and conventions beside the text. Default: the notice as issued. */
  annotated?: boolean;
  /** The published notice this version corrects, where it is a correction. */
  correctionOf?: CorrectionOf | null;
}

/** The annual notice rendered from a policy document: pure (no fetching), prints on A4. */
export function NoticeView({ document, watermark = null, annotated = false, correctionOf = null }: NoticeViewProps) {
  const m = useMemo(() => buildNotice(document, { annotated, correctionOf }), [document, annotated, correctionOf]);
  const names = m.masthead.issuers;
  return (
    <article className="pn-notice" lang="zh-CN" data-annotated={annotated ? 'true' : undefined}>
      <style>{NOTICE_CSS}</style>
      {watermark ? (
        <div className="pn-watermark" aria-hidden="true">
          <span>{watermark}</span>
        </div>
      ) : null}
      <div
        className="pn-page"
        style={watermark ? { backgroundImage: watermarkImage(watermark), backgroundRepeat: 'repeat' } : undefined}
        data-watermark={watermark ?? undefined}
      >
        <header>
          <p className="pn-masthead">
            {names.length > 1 ? (
              <span className="pn-masthead-names">
                {names.map((n) => (
                  <span key={n}>{n}</span>
                ))}
              </span>
            ) : (
              <span>{names[0]}</span>
            )}
            <span>{m.masthead.word}</span>
          </p>
          <p className="pn-docnum">{m.documentNumber}</p>
          <hr className="pn-rule" />
          <h1 className="pn-title">{m.title}</h1>
        </header>
        {m.addressees ? <p className="pn-addressees">{m.addressees}</p> : null}
        {m.correction ? <ParaView para={m.correction} className="pn-p pn-correction" /> : null}
        <Blocks blocks={m.forwarding} />
        {m.signatureAfter === 'forwarding' ? <Signature m={m} /> : null}
        {m.planTitle ? <h2 className="pn-plan-title">{m.planTitle}</h2> : null}
        <Blocks blocks={m.preamble} />
        {m.sections.map((s) => (
          <section key={s.number} className="pn-section">
            <h2 className="pn-h">
              {s.number}、{s.title}
            </h2>
            <Blocks blocks={s.blocks} />
          </section>
        ))}
        {m.attachmentList.length ? (
          <div className="pn-attachments">
            {m.attachmentList.map((line, i) => (
              <p key={i}>{i === 0 ? `附件：${line}` : line}</p>
            ))}
          </div>
        ) : null}
        {m.signatureAfter === 'body' ? <Signature m={m} /> : null}
        {m.annexes.map((a) => (
          <section key={a.label} className="pn-annex">
            <p className="pn-annex-label">{a.label}</p>
            <h2 className="pn-annex-title">{a.title}</h2>
            <Blocks blocks={a.blocks} />
          </section>
        ))}
        {m.colophon.copiedTo || m.colophon.printed ? (
          <footer className="pn-colophon">
            {m.colophon.copiedTo ? <p>{m.colophon.copiedTo}</p> : null}
            {m.colophon.printed ? <p>{m.colophon.printed}</p> : null}
          </footer>
        ) : null}
        {m.editorialNotes.length ? (
          <aside className="pn-editorial">
            <p>编注（录入时的说明与约定，不属于原文）：</p>
            <Blocks blocks={m.editorialNotes} />
          </aside>
        ) : null}
      </div>
    </article>
  );
}
