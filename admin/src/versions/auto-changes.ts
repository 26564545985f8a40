/*
 * The values a clone moved by itself (PolicyVersion.autoChanges), for people: each value by its
 * schema path (dates as 2025年1月1日, via the comparison's own rendering), each reason in Chinese.
 * The API words its reasons in English today (api/modules/policy/clone-forward.ts); the ones the
 * console knows are mapped here, and a reason it does not know (or one already in Chinese, once the
 * API answers in the caller's language) is shown as it comes.
 */

import { valueText } from '../../../policy-schemas/compare';
import { patternOfPath } from '../../../policy-schemas/registry';
import type { Lang } from '../format';

const REASONS: [RegExp, (...m: string[]) => string][] = [
  [/^date moved by (-?\d+) years?$/, (n) => `日期按年份差顺延${n}年`],
  [/^the coverage year of the draft$/, () => '草案的待遇年度'],
  [/^years in the title moved$/, () => '标题中的年份已顺延'],
  [/^to review: copied from the source; the new notice will have its own number$/, () => '请核对：沿用来源版本的文号，新通知应有自己的文号'],
  [/^to review: the roster is copied as it was; check every member and post$/, () => '请核对：领导小组名单原样沿用，请逐一核对成员及职务'],
];

export function autoChangeReason(reason: string, lang: Lang = 'zh'): string {
  if (lang !== 'zh') return reason;
  for (const [re, render] of REASONS) {
    const m = re.exec(reason);
    if (m) return render(...m.slice(1));
  }
  return reason;
}

/** A moved value by its field: 2026年1月1日, 2026, — for none. */
export function autoValue(v: unknown, path: string, lang: Lang = 'zh'): string {
  if (v === null || v === undefined) return '—';
  if (lang !== 'zh') return typeof v === 'object' ? JSON.stringify(v) : String(v);
  return valueText(v, patternOfPath(path));
}
