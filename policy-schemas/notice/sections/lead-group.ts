import { leadRole } from '../../format.js';
import type { Block } from '../model.js';
import type { SectionBuilder } from '../statement.js';
import { listJoin } from '../words.js';

/** The lead group: its roster as a table (each role printed once per run of that role, as the notices do), its office, the successor rule. */
export const leadGroup: SectionBuilder = ({ doc }) => {
  const lg = doc.leadGroup;
  if (!lg) return [];
  const table: Block = {
    kind: 'table',
    columns: ['职务', '姓名', '单位及职务'],
    rows: lg.members.map((m, i) => [i > 0 && lg.members[i - 1]!.role === m.role ? '' : leadRole(m.role), m.name, m.post]),
    numeric: [false, false, false],
  };
  const after: Block[] = [table];
  const o = lg.office;
  const lines: string[] = [];
  if (o) {
    let s = `${lg.name}下设办公室，设在${o.hostedBy}`;
    if (o.director) s += `，${o.director}兼任办公室主任`;
    if (o.deputyDirectors.length) s += `，${listJoin(o.deputyDirectors)}兼任办公室副主任`;
    if (o.composition.length) s += `，办公室成员由${listJoin(o.composition)}组成`;
    if (o.duties.length) s += `，${o.duties.join('，')}`;
    s += '。';
    if (o.phones.length) s += `联系电话：${o.phones.join('，')}。`;
    lines.push(s);
  }
  if (lg.successorRule) lines.push(`${lg.name}及其办公室成员职务如有变动，由继任者自然接任，不再另行发文。`);
  for (const l of lines) after.push({ kind: 'para', level: 0, runs: [{ text: l }] });
  return [{ path: 'leadGroup', clause: lg.clause, text: `${lg.name}组成人员如下：`, after }];
};
