import type { Language } from './language.js';

/**
 * Why clone-forward moved a value (AutoChange.reason), in the request's language. The reasons are stored
 * with the draft as clone-forward words them (api/modules/policy/clone-forward.ts, in English, since the
 * first drafts), so they are read back here by their wording; an unknown one is served as stored.
 */
const READINGS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^date moved by (-?\d+) years?$/, (m) => `日期顺延 ${m[1]} 年`],
  [/^the coverage year of the draft$/, () => '草案的参保年度'],
  [/^years in the title moved$/, () => '标题中的年份已顺延'],
  [/^to review: copied from the source; the new notice will have its own number$/, () => '待核对：沿用原文号；新通知应另编文号'],
  [/^to review: the roster is copied as it was; check every member and post$/, () => '待核对：领导小组名单按原样复制；请逐一核对成员和职务'],
];

export function autoChangeReason(stored: string, lang: Language): string {
  if (lang === 'en') return stored;
  for (const [re, zh] of READINGS) {
    const m = re.exec(stored);
    if (m) return zh(m);
  }
  return stored;
}
