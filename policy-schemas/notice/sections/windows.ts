import type { SectionBuilder, Statement } from '../statement.js';
import { day, listJoin, sentence, span, startWords, waitingWords } from '../words.js';

/** 参保缴费时间: each window, who may use it, and when benefits start for a payment in it. */
export const windows: SectionBuilder = ({ doc, groupName }) =>
  doc.windows.map((w, i): Statement => {
    const parts: string[] = [];
    if (w.who === 'listed-groups' && w.groups.length) parts.push(`本期限于${listJoin(w.groups.map(groupName))}办理`);
    if (w.who === 'ordinary-residents') parts.push('本期适用于普通城乡居民');
    if (w.condition) parts.push(`适用条件：${w.condition.text}`);
    if (w.note) parts.push(w.note);
    if (!w.acceptsPayment) parts.push('本期只办理参保登记，不收缴保费');
    else {
      parts.push(`在此期间缴费的，${startWords(w.benefitStart, doc, { waiting: w.waiting })}`);
      if (w.benefitStart !== 'after-waiting') parts.push(w.waiting.kind === 'none' ? '不设等待期' : waitingWords(w.waiting));
    }
    return { path: `windows[${i}]`, clause: w.clause, text: `${w.name}：${span(w.from, w.to)}。${sentence(parts.join('；'))}` };
  });

/** Dated steps of the campaign that are not payment windows: said where their clause is. */
export const milestones: SectionBuilder = ({ doc }) =>
  doc.milestones.map((m, i): Statement => {
    const when =
      m.kind === 'deadline'
        ? `${m.from ? `${day(m.from)}起，` : ''}截止日期为${day(m.on)}`
        : m.kind === 'target-date'
          ? m.from
            ? `${span(m.from, m.on)}（目标日期）`
            : `目标日期为${day(m.on)}`
          : m.from
            ? span(m.from, m.on)
            : `自${day(m.on)}起`;
    return { path: `milestones[${i}]`, clause: m.clause, text: `${m.label}：${when}。` };
  });
