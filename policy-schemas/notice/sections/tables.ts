import { pathLabel } from '../../registry.js';
import type { Block, TableBlock } from '../model.js';
import type { SectionBuilder, Statement } from '../statement.js';
import { pct } from '../words.js';

/** The quota and activation tables, every row and the 合计 exactly as printed (never recomputed). */
export const tables: SectionBuilder = ({ doc }) => {
  const out: Statement[] = [];
  doc.quotaTables.forEach((q, i) => {
    const hasSeq = q.rows.some((r) => r.seq !== undefined);
    const hasPermits = q.rows.some((r) => r.residencePermits !== null) || q.printedTotal.residencePermits !== null;
    const seq = pathLabel('quotaTables.rows.seq') ?? '序号';
    const permits = `${pathLabel('quotaTables.rows.residencePermits') ?? '有效居住证数'}（人）`;
    const columns = [...(hasSeq ? [seq] : []), q.unitKind, q.populationLabel, ...(hasPermits ? [permits] : []), q.targetLabel];
    const numeric = [...(hasSeq ? [false] : []), false, true, ...(hasPermits ? [true] : []), true];
    const rows = q.rows.map((r) => [
      ...(hasSeq ? [r.seq !== undefined ? String(r.seq) : ''] : []),
      r.unit,
      String(r.population),
      ...(hasPermits ? [r.residencePermits !== null ? String(r.residencePermits) : ''] : []),
      String(r.target),
    ]);
    const total = [
      '合计',
      ...(hasSeq ? [''] : []),
      String(q.printedTotal.population),
      ...(hasPermits ? [q.printedTotal.residencePermits !== null ? String(q.printedTotal.residencePermits) : ''] : []),
      String(q.printedTotal.target),
    ];
    const table: TableBlock = { kind: 'table', caption: q.title, columns, rows, total, numeric };
    out.push({ path: `quotaTables[${i}]`, clause: q.clause, text: '', after: [table] });
  });
  doc.activationTables.forEach((a, i) => {
    const hasSeq = a.rows.some((r) => r.seq !== undefined);
    const label = (k: string) => pathLabel(`activationTables.rows.${k}`) ?? k;
    const columns = [
      ...(hasSeq ? [label('seq')] : []),
      '单位',
      label('insured'),
      label('activated'),
      label('notActivated'),
      '激活率',
      `${pct(a.targetPercent)}激活率人数`,
      '差距人数',
    ];
    const numeric = [...(hasSeq ? [false] : []), false, true, true, true, true, true, true];
    const rows = a.rows.map((r) => [
      ...(hasSeq ? [r.seq !== undefined ? String(r.seq) : ''] : []),
      r.unit,
      String(r.insured),
      String(r.activated),
      String(r.notActivated),
      r.ratePrinted,
      String(r.targetActivated),
      String(r.gap),
    ]);
    const p = a.printedTotal;
    const total = ['合计', ...(hasSeq ? [''] : []), String(p.insured), String(p.activated), String(p.notActivated), p.ratePrinted, String(p.targetActivated), String(p.gap)];
    const after: Block[] = [
      { kind: 'table', caption: a.title, columns, rows, total, numeric },
      ...a.notes.map((n): Block => ({ kind: 'para', level: 0, runs: [{ text: `注：${n}。` }] })),
    ];
    out.push({ path: `activationTables[${i}]`, clause: a.clause, text: '', after });
  });
  return out;
};
