import { useMemo } from 'react';
import type { PolicyDocument } from '../../../policy-schemas/index';
import { buildNotice, type Block, type Para, type Run, type TableBlock } from './model';

/*
 * The notice on screen and on paper: plain semantic HTML and one stylesheet, laid out like an official
 * document on A4 (GB/T 9704 margins, 仿宋 body at 三号, 黑体 headings, 小标宋 title), without the red
 * header. Everything it says comes from buildNotice(), which the DOCX export renders too.
 */

export const SERIF = '"FangSong", "仿宋", "仿宋_GB2312", "FangSong_GB2312", "STFangsong", "华文仿宋", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif';
const TITLE = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "华文中宋", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif';
const HEI = '"黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

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
  background-color: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); font-size: 16pt; line-height: 28pt; }
.pn-page p { margin: 0; }
.pn-docnum { text-align: center; margin-bottom: 14pt !important; }
.pn-title { font-family: ${TITLE}; font-size: 22pt; line-height: 1.45; font-weight: normal; text-align: center; margin: 0 0 28pt; }
.pn-plan-title { font-family: ${TITLE}; font-size: 18pt; line-height: 1.45; font-weight: normal; text-align: center; margin: 28pt 0 14pt; }
.pn-addressees { text-indent: 0; }
.pn-p { text-indent: 2em; text-align: justify; }
.pn-h { font-family: ${HEI}; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
.pn-clause { font-size: 9pt; color: #8a8a8a; margin-left: 2pt; white-space: nowrap; }
.pn-note { font-size: 12pt; color: #555; }
.pn-convention { font-size: 9pt; color: #9a5b00; margin-left: 2pt; }
.pn-attachments { margin-top: 28pt !important; }
.pn-attachments p { padding-left: 5em; }
.pn-attachments p:first-child { text-indent: -3em; }
.pn-signature { margin-top: 42pt; text-align: right; padding-right: 2em; }
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
.pn-colophon { margin-top: 42pt; border-top: 1px solid #000; border-bottom: 1px solid #000; font-size: 14pt; line-height: 24pt; }
.pn-colophon p { padding: 2pt 1em; }
.pn-colophon p + p { border-top: 1px solid #000; text-align: right; }
.pn-editorial { margin-top: 24pt; font-size: 10.5pt; line-height: 1.6; color: #666; }
.pn-editorial .pn-p { text-indent: 0; }
.pn-watermark { display: none; }
@media print {
  .pn-notice { overflow: visible; }
  .pn-page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; background-image: none !important; }
  .pn-watermark { display: flex; position: fixed; inset: 0; align-items: center; justify-content: center; pointer-events: none; z-index: 10; }
  .pn-watermark span { transform: rotate(-30deg); font-family: ${HEI}; font-size: 90pt; color: rgba(190,0,0,0.12); white-space: nowrap;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .pn-clause, .pn-note, .pn-convention { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function RunView({ run, showClauses }: { run: Run; showClauses: boolean }) {
  if (!run.tone) return <>{run.text}</>;
  if (run.tone === 'clause' && !showClauses) return null;
  return <span className={`pn-${run.tone}`}>{run.text}</span>;
}

function ParaView({ para, showClauses, className = 'pn-p' }: { para: Para; showClauses: boolean; className?: string }) {
  return (
    <p className={`${className} pn-l${para.level}`}>
      {para.label ? <span className="pn-label">{para.label}</span> : null}
      {para.runs.map((r, i) => (
        <RunView key={i} run={r} showClauses={showClauses} />
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

function Blocks({ blocks, showClauses }: { blocks: Block[]; showClauses: boolean }) {
  return (
    <>
      {blocks.map((b, i) => (b.kind === 'table' ? <TableView key={i} table={b} /> : <ParaView key={i} para={b} showClauses={showClauses} />))}
    </>
  );
}

export interface NoticeViewProps {
  document: PolicyDocument;
  /** A status stamped across every page (草案 DRAFT) for versions that are not published. */
  watermark?: string | null;
  /** Show each rule's clause of the source notice, small and grey (〔三（二）〕). Default: shown. */
  showClauses?: boolean;
}

/** The annual notice rendered from a policy document: pure (no fetching), prints on A4. */
export function NoticeView({ document, watermark = null, showClauses = true }: NoticeViewProps) {
  const m = useMemo(() => buildNotice(document), [document]);
  return (
    <article className="pn-notice" lang="zh-CN">
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
          <p className="pn-docnum">{m.documentNumber}</p>
          <h1 className="pn-title">{m.title}</h1>
        </header>
        {m.addressees ? <p className="pn-addressees">{m.addressees}</p> : null}
        <Blocks blocks={m.forwarding} showClauses={showClauses} />
        {m.planTitle ? <h2 className="pn-plan-title">{m.planTitle}</h2> : null}
        <Blocks blocks={m.preamble} showClauses={showClauses} />
        {m.sections.map((s) => (
          <section key={s.key} className={`pn-section pn-section-${s.key}`}>
            <h2 className="pn-h">
              {s.number}、{s.title}
            </h2>
            <Blocks blocks={s.blocks} showClauses={showClauses} />
          </section>
        ))}
        {m.attachmentList.length ? (
          <div className="pn-attachments">
            {m.attachmentList.map((line, i) => (
              <p key={i}>{i === 0 ? `附件：${line}` : line}</p>
            ))}
          </div>
        ) : null}
        <div className="pn-signature">
          {m.signature.issuers.map((s) => (
            <p key={s}>{s}</p>
          ))}
          <p>{m.signature.date}</p>
          {m.signature.disclosure ? <p className="pn-disclosure">{m.signature.disclosure}</p> : null}
        </div>
        {m.annexes.map((a) => (
          <section key={a.number} className="pn-annex">
            <p className="pn-annex-label">{a.label}</p>
            <h2 className="pn-annex-title">{a.title}</h2>
            <Blocks blocks={a.blocks} showClauses={showClauses} />
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
            <p>编注（录入时的说明，不属于原文）：</p>
            <Blocks blocks={m.editorialNotes} showClauses={showClauses} />
          </aside>
        ) : null}
      </div>
    </article>
  );
}
