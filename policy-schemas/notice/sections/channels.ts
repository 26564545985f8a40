import type { SectionBuilder, Statement } from '../statement.js';
import { listJoin } from '../words.js';

/** 缴费渠道: each kind of channel, where limited to some windows or excluding some people. */
export const paymentChannels: SectionBuilder = ({ doc, windowName }) =>
  doc.paymentChannels.map((p, i): Statement => {
    const extra = [
      p.windows.length ? `限${listJoin(p.windows.map(windowName))}期间办理` : '',
      p.excludes.length ? `不适用于${listJoin(p.excludes)}` : '',
    ].filter(Boolean);
    return { path: `paymentChannels[${i}]`, clause: p.clause, text: `${p.label}：${listJoin(p.channels)}${extra.length ? `（${extra.join('；')}）` : ''}。` };
  });
