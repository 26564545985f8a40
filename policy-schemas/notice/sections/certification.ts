import type { SectionBuilder, Statement } from '../statement.js';
import { day, listJoin, span } from '../words.js';
import { categoriesClause } from './categories.js';

/** 身份认定: who certifies, by when, how newly certified people are treated, and refusal after mobilisation. */
export const certification: SectionBuilder = ({ doc }) => {
  const c = doc.certification;
  const out: Statement[] = [];
  // A certification rule without its own clause is said beside the categories it certifies.
  const home = c.clause ?? categoriesClause(doc);
  const parts: string[] = [];
  if (c.agencies.length) parts.push(`资助对象由${listJoin(c.agencies)}等部门按职责审核认定，汇总造册后报送医保部门`);
  if (c.cutoff) parts.push(`认定时间截至${day(c.cutoff)}`);
  if (c.reportBy) parts.push(`认定名单于${day(c.reportBy)}前报送`);
  if (c.dynamicReporting) parts.push(`${span(c.dynamicReporting.from, c.dynamicReporting.to)}期间新增认定的，及时动态补充报送`);
  if (parts.length) out.push({ path: 'certification', clause: home, text: `${parts.join('，')}。` });
  c.newlyCertified.forEach((nc, i) => {
    const when =
      nc.certifiedFrom && nc.certifiedTo
        ? `${span(nc.certifiedFrom, nc.certifiedTo)}期间`
        : nc.certifiedFrom
          ? `自${day(nc.certifiedFrom)}起`
          : nc.certifiedTo
            ? `${day(nc.certifiedTo)}前`
            : '';
    const rules = [
      nc.subsidyFrom === 'month-after-certification' ? '自认定次月起享受资助' : nc.subsidyFrom === 'on-certification' ? '自认定之日起享受资助' : '',
      nc.ifAlreadyPaid === 'no-subsidy' ? '认定前当年已缴费的，不再给予资助' : nc.ifAlreadyPaid === 'refund' ? '认定前已缴费的，予以退还个人已缴保费' : '',
    ].filter(Boolean);
    out.push({
      path: `certification.newlyCertified[${i}]`,
      clause: nc.clause,
      text: `${when}新认定的资助对象，${rules.length ? rules.join('；') : '应及时认定并按规定资助参保'}。`,
    });
  });
  if (c.refusal)
    out.push({
      path: 'certification.refusal',
      clause: c.refusal.clause,
      text: `享受定额资助的人员经多次动员仍不按规定缴费参保的，${c.refusal.consequence}。`,
    });
  return out;
};
