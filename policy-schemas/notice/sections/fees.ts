import type { SectionBuilder, Statement } from '../statement.js';
import { day, listJoin, yuan } from '../words.js';

/** 筹资标准: the individual fee, the government subsidy, total financing, serious-illness insurance, the late surcharge, special fee cases. */
export const fees: SectionBuilder = ({ doc, year, groupName }) => {
  const f = doc.fees;
  const out: Statement[] = [];
  out.push({
    path: 'fees.individual',
    clause: f.individual.clause,
    text: `${year}年度城乡居民医保个人缴费标准为每人每年${yuan(f.individual.amountFen)}。`,
  });
  const g = f.government;
  const split = g.split.length ? `，其中${listJoin(g.split.map((s) => `${s.label}${yuan(s.amountFen)}`))}` : '';
  const borne = g.borneBy.length ? `，由${listJoin(g.borneBy)}承担` : '';
  out.push({
    path: 'fees.government',
    clause: g.clause,
    text: `${year}年度各级财政补助标准${g.basis === 'floor' ? '不低于' : '为'}每人每年${yuan(g.amountFen)}${split}${borne}。`,
  });
  if (f.totalFinancing)
    out.push({
      path: 'fees.totalFinancing',
      clause: f.totalFinancing.clause,
      text: `个人缴费与财政补助合计，每人每年筹资${yuan(f.totalFinancing.amountFen)}。`,
    });
  if (f.criticalIllness) {
    const c = f.criticalIllness;
    out.push({
      path: 'fees.criticalIllness',
      clause: c.clause,
      text: `参加基本医疗保险即同时参加大病保险，所需资金由${c.fundedBy}，个人${c.individualFen === 0 ? `不另缴费（个人缴费${yuan(0)}）` : `每人缴纳${yuan(c.individualFen)}`}。`,
    });
  }
  if (f.lateSurcharge) {
    const s = f.lateSurcharge;
    const sum = f.individual.amountFen + f.government.amountFen;
    const exempt = s.exemptGroups.map(groupName);
    const needyGroupListed = s.exemptGroups.some((c) => doc.specialGroups.find((x) => x.code === c)?.impliedByNeedyCategories);
    if (s.exemptNeedy && !needyGroupListed) exempt.push('困难人口');
    out.push({
      path: 'fees.lateSurcharge',
      clause: s.clause,
      notes: s.notes,
      text:
        `自${day(s.from)}起补缴的，须按个人缴费标准与财政补助标准之和缴费（${yuan(f.individual.amountFen)}+${yuan(f.government.amountFen)}=${yuan(sum)}）` +
        (exempt.length ? `；${listJoin(exempt)}不在此列。` : '。'),
    });
  }
  f.specialCases.forEach((sc, i) =>
    out.push({
      path: `fees.specialCases[${i}]`,
      clause: sc.clause,
      text: `${sc.label}：${sc.bornInYear !== null && !sc.label.includes(`${sc.bornInYear}年`) ? `${sc.bornInYear}年出生的，` : ''}${sc.charges.map((ch) => `${ch.coverageYear}年度缴纳${yuan(ch.amountFen)}`).join('，')}，分别享受相应年度待遇。`,
    }),
  );
  return out;
};
