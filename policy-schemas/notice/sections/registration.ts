import type { SectionBuilder, Statement } from '../statement.js';
import { day, listJoin } from '../words.js';

/** 参保登记: automatic renewal, where to register, the documents to bring, who does what by when. */
export const registration: SectionBuilder = ({ doc }) => {
  const r = doc.registration;
  const out: Statement[] = [];
  const home = r.clause ?? r.autoRenewal?.clause ?? null;
  if (r.autoRenewal)
    out.push({
      path: 'registration.autoRenewal',
      clause: r.autoRenewal.clause,
      text: '已参保且参保状态正常的人员，由医保信息系统默认续保，无需重新办理参保登记。',
    });
  if (r.online.length || r.offline.length) {
    const parts = [
      r.online.length ? `可通过${listJoin(r.online)}等线上渠道办理` : '',
      r.offline.length ? `可到${listJoin(r.offline)}等地点线下办理` : '',
    ].filter(Boolean);
    // The channels are said where the whole-household rule is, or in the registration section.
    const at = doc.eligibility.wholeHousehold?.clause ?? home;
    out.push({ path: 'registration.online', clause: at, text: `新参保或登记信息有变更的，${parts.join('；也')}。` });
  }
  r.materials.forEach((m, i) =>
    out.push({ path: `registration.materials[${i}]`, clause: m.clause, text: m.for ? `${m.for}办理参保登记须提供${m.item}。` : `办理参保登记须提供${m.item}。` }),
  );
  r.steps.forEach((s, i) => {
    const when = [s.withinWorkingDays !== undefined ? `${s.withinWorkingDays}个工作日内完成` : '', s.by ? `于${day(s.by)}前完成` : ''].filter(Boolean).join('，');
    out.push({ path: `registration.steps[${i}]`, clause: s.clause, text: `${s.actor}负责${s.action}${when ? `（${when}）` : ''}。` });
  });
  return out;
};
