import type { Block, NoticeModel, Para } from './model.js';

/*
 * The notice as plain text, in reading order (one paragraph or table row a line): what the tests read,
 * and what a screen reader or a search index would.
 */

export function paraText(p: Para): string {
  return (p.label ?? '') + p.runs.map((r) => r.text).join('');
}

function blockLines(b: Block): string[] {
  if (b.kind === 'para') return [paraText(b)];
  return [...(b.caption ? [b.caption] : []), b.columns.join('\t'), ...b.rows.map((r) => r.join('\t')), ...(b.total ? [b.total.join('\t')] : [])];
}

/** The section headings as printed: 一、参保范围 … */
export function sectionHeadings(m: NoticeModel): string[] {
  return m.sections.map((s) => `${s.number}、${s.title}`);
}

export function noticeLines(m: NoticeModel): string[] {
  const lines: string[] = [`${m.masthead.issuers.join('\n')}${m.masthead.word}`, m.documentNumber, m.title];
  if (m.addressees) lines.push(m.addressees);
  if (m.correction) lines.push(paraText(m.correction));
  const signature = [...m.signature.issuers, m.signature.date, ...(m.signature.disclosure ? [m.signature.disclosure] : [])];
  lines.push(...m.forwarding.map(paraText));
  if (m.signatureAfter === 'forwarding') lines.push(...signature);
  if (m.planTitle) lines.push(m.planTitle);
  lines.push(...m.preamble.map(paraText));
  for (const s of m.sections) lines.push(`${s.number}、${s.title}`, ...s.blocks.flatMap(blockLines));
  m.attachmentList.forEach((a, i) => lines.push(i === 0 ? `附件：${a}` : a));
  if (m.signatureAfter === 'body') lines.push(...signature);
  for (const a of m.annexes) lines.push(a.label, a.title, ...a.blocks.flatMap(blockLines));
  if (m.colophon.copiedTo) lines.push(m.colophon.copiedTo);
  if (m.colophon.printed) lines.push(m.colophon.printed);
  lines.push(...m.editorialNotes.map(paraText));
  return lines;
}

export function noticeText(m: NoticeModel): string {
  return noticeLines(m).join('\n');
}
