import type { SectionBuilder, Statement } from '../statement.js';
import { day, definitionText, listJoin, pct, rateWords, span, yuan } from '../words.js';

/**
 * 工作要求 and the organisation of the campaign: targets, work funding, responsibilities, schedule,
 * fund transfers, definitions, the work requirements themselves, supplementary insurance — each said
 * where its clause is (a work requirement's topic opens its item).
 */
export const work: SectionBuilder = ({ doc }) => {
  const out: Statement[] = [];
  // a work requirement's topic opens its item
  doc.workRequirements.forEach((w, i) =>
    out.push({ path: `workRequirements[${i}]`, clause: w.clause, title: w.topic, text: w.points.length ? `${w.points.join('；')}。` : '' }),
  );
  doc.targets.forEach((g, i) =>
    out.push({
      path: `targets[${i}]`,
      clause: g.clause,
      text: `${g.label}${g.percent !== null && !g.label.includes(pct(g.percent)) ? `（目标${pct(g.percent)}）` : ''}。`,
    }),
  );
  doc.workFunding.forEach((w, i) => {
    const assessed = w.assessedOn ? `，以截至${day(w.assessedOn)}的完成情况为准核定` : '';
    const head = `${w.payer}按参保人数向${listJoin(w.recipients)}拨付工作经费${w.purpose ? `（${w.purpose}）` : ''}${assessed}`;
    const tier = (t: (typeof w.tiers)[number]) => {
      const cond = [rateWords(t.enrollmentRate, '参保缴费率'), rateWords(t.activationRate, '医保电子凭证激活率')].filter(Boolean);
      return `${cond.length ? `${cond.join('且')}的，` : ''}按每人${yuan(t.ratePerPersonFen)}的标准拨付`;
    };
    out.push({ path: `workFunding[${i}]`, clause: w.clause, text: `${head}，${w.tiers.map(tier).join('；')}。` });
  });
  doc.responsibilities.forEach((r, i) =>
    out.push({ path: `responsibilities[${i}]`, clause: r.clause, text: `${r.department}：${r.duties.join('；')}。` }),
  );
  doc.schedule.forEach((p, i) => {
    const when = p.from && p.to ? span(p.from, p.to) : p.to ? `${day(p.to)}前` : p.from ? `${day(p.from)}起` : '';
    out.push({
      path: `schedule[${i}]`,
      clause: p.clause,
      title: `${p.phase}${when ? `（${when}）` : ''}`,
      text: p.tasks.length ? `主要工作任务：${p.tasks.join('；')}。` : '',
    });
  });
  doc.fundTransfers.forEach((f, i) =>
    out.push({ path: `fundTransfers[${i}]`, clause: f.clause, text: `${f.fund}${f.description}${f.by ? `，于${day(f.by)}前完成` : ''}。` }),
  );
  doc.definitions.forEach((d, i) => out.push({ path: `definitions[${i}]`, clause: d.clause, place: 'closing', text: definitionText(d) }));
  const si = doc.supplementaryInsurance;
  if (si)
    out.push({
      path: 'supplementaryInsurance',
      clause: si.clause,
      text: si.voluntary
        ? '在参加基本医疗保险的基础上，参保人可自愿参加商业补充医疗保险。'
        : '参保人按规定同步参加补充医疗保险。',
    });
  return out;
};
