import type { SectionBuilder, Statement } from '../statement.js';
import { day, listJoin, span, startWords, waitingWords } from '../words.js';

/** 特殊群体: each group's standing rules (no waiting, any time, rules set elsewhere), then each of its rules where its clause is. */
export const specialGroups: SectionBuilder = ({ doc }) => {
  const out: Statement[] = [];
  const needyNames = doc.categories.filter((c) => c.needy).map((c) => c.name);
  doc.specialGroups.forEach((g, gi) => {
    const flags: string[] = [];
    if (g.impliedByNeedyCategories && needyNames.length) flags.push(`包括${listJoin(needyNames)}等资助对象`);
    if (doc.windows.some((w) => w.kind === 'anytime' && w.groups.includes(g.code))) flags.push('可随时参保缴费');
    if (g.waitingExempt) flags.push('不设待遇等待期');
    if (g.externalRules) flags.push(`具体按${g.externalRules.reference}执行`);
    if (g.registrationVenue) flags.push(`到${g.registrationVenue.place}办理参保登记`);
    if (flags.length || !g.rules.length)
      out.push({ path: `specialGroups[${gi}]`, clause: g.clause, notes: g.notes, text: `${g.name}${flags.length ? `：${flags.join('；')}` : ''}。` });
    if (g.externalRules && g.externalRules.clause !== g.clause)
      out.push({ path: `specialGroups[${gi}].externalRules`, clause: g.externalRules.clause, text: `${g.name}按${g.externalRules.reference}执行。` });
    if (g.registrationVenue && g.registrationVenue.clause !== g.clause)
      out.push({ path: `specialGroups[${gi}].registrationVenue`, clause: g.registrationVenue.clause, text: `${g.name}到${g.registrationVenue.place}办理参保登记。` });
    g.rules.forEach((r, ri) => {
      const w = r.when;
      const cond: string[] = [];
      if (w.paidBeforeAgeYears !== undefined) cond.push(`未满${w.paidBeforeAgeYears}周岁`);
      if (w.withinDaysOfBirth) cond.push(`在出生${w.withinDaysOfBirth.days}日${w.withinDaysOfBirth.inclusive ? '（含）' : ''}内`);
      if (w.afterDaysOfBirth) cond.push(`在出生${w.afterDaysOfBirth.days}日${w.afterDaysOfBirth.inclusive ? '（含）' : '（不含）'}后`);
      if (w.withinMonthsOfEvent) cond.push(`在${w.withinMonthsOfEvent.event}后${w.withinMonthsOfEvent.months}个月${w.withinMonthsOfEvent.inclusive ? '（含）' : ''}内`);
      if (w.paidFrom && w.paidBy) cond.push(`于${span(w.paidFrom, w.paidBy)}期间`);
      else if (w.paidFrom) cond.push(`自${day(w.paidFrom)}起`);
      else if (w.paidBy) cond.push(`于${day(w.paidBy)}前`);
      const parts = [startWords(r.benefitStart, doc, { waiting: r.waiting, date: r.benefitStartDate, end: r.benefitEnd })];
      if (r.waiting && r.benefitStart !== 'after-waiting') parts.push(waitingWords(r.waiting));
      if (r.retroactive) parts.push('中断期间的待遇可追溯享受');
      if (r.fee === 'none-for-current-year') parts.push('缴费当年的待遇不另缴费');
      if (r.fee === 'next-year-only') parts.push('只缴纳次年度保费');
      if (r.note) parts.push(r.note);
      out.push({
        path: `specialGroups[${gi}].rules[${ri}]`,
        clause: r.clause,
        ...(flags.length || !g.rules.length ? {} : ri === 0 ? { notes: g.notes } : {}),
        text: `${g.name}${w.note ? `（${w.note}）` : ''}${listJoin(cond)}参保缴费的，${parts.join('；')}。`,
      });
    });
  });
  return out;
};
