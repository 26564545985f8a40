import type { SectionBuilder, Statement } from '../statement.js';
import { day, listJoin } from '../words.js';

/** 其他: later rules of higher levels prevail, who interprets the notice, when it takes effect and until when. */
export const closing: SectionBuilder = ({ doc, self }) => {
  const md = doc.metadata;
  const out: Statement[] = [];
  if (md.higherRulesPrevail) {
    const lv = listJoin(md.higherRulesPrevail.levels);
    out.push({ path: 'metadata.higherRulesPrevail', clause: md.higherRulesPrevail.clause, text: `${lv}有关政策如有调整，按${lv}的最新规定执行。` });
  }
  if (md.interpretedBy) out.push({ path: 'metadata.interpretedBy', clause: md.interpretedBy.clause, text: `${self}由${md.interpretedBy.body}负责解释。` });
  if (md.validity) {
    const from = md.validity.from === 'on-issue' ? '自印发之日起施行' : `自${day(md.validity.from)}起施行`;
    const until = md.validity.until ? `，有效期至${day(md.validity.until)}` : '';
    out.push({ path: 'metadata.validity', clause: md.validity.clause, text: `${self}${from}${until}。` });
  }
  return out;
};
