import type { SectionBuilder, Statement } from '../statement.js';
import { listJoin, sentence } from '../words.js';

/** 参保范围: who may enroll, whole-household enrollment, no double enrollment. */
export const eligibility: SectionBuilder = ({ doc }) => {
  const e = doc.eligibility;
  const out: Statement[] = [];
  const ex = e.excludes.length ? `（${listJoin(e.excludes)}除外）` : '';
  out.push({ path: 'eligibility', clause: e.clause, text: `下列人员可参加${doc.jurisdiction.name}城乡居民基本医疗保险${ex}：` });
  e.groups.forEach((g, i) => out.push({ path: `eligibility.groups[${i}]`, clause: g.clause, text: sentence(g.label) }));
  if (e.wholeHousehold)
    out.push({
      path: 'eligibility.wholeHousehold',
      clause: e.wholeHousehold.clause,
      place: 'closing',
      text: '符合参保条件的居民以家庭为单位全户参保，不得只为部分家庭成员参保。',
    });
  if (e.noDoubleEnrollment)
    out.push({
      path: 'eligibility.noDoubleEnrollment',
      clause: e.noDoubleEnrollment.clause,
      place: 'closing',
      text: `不得重复参保：${e.noDoubleEnrollment.rules.join('；')}。`,
    });
  return out;
};
