/*
 * Why the engine refused to answer for some persons of a preview, in Chinese: the reasons the console
 * knows (api/engine/quote/*.ts, grouped by field without the person's own date, see
 * api/engine/impact/evaluate.ts), each a pattern on the engine's English text. Once the API answers
 * in the caller's language the text arrives in Chinese and passes through unchanged; a reason this
 * table does not know is shown as written, never dropped.
 */

import { dateText, type Lang } from '../format';

const FIELDS: Record<string, string> = {
  paymentDate: '缴费日期',
  birthDate: '出生日期',
  eventDate: '事件日期',
  categories: '减免对象',
  groups: '特殊人群',
};

const d = (iso: string) => dateText(iso);

const PATTERNS: [RegExp, (...m: string[]) => string][] = [
  [/^is before payments open for (\d+): (.+) opens on (\d{4}-\d{2}-\d{2})$/, (y, w, on) => `早于${y}年度开始缴费的日期（${w}自${d(on)}起）`],
  [/^is after coverage year (\d+) ended \((\d{4}-\d{2}-\d{2})\); no payment for \d+ is possible$/, (y, end) => `晚于${y}年度待遇期结束（${d(end)}），不能再缴纳${y}年度的费用`],
  [/^falls in (.+), which takes registrations but no payments; payments open on (\d{4}-\d{2}-\d{2}) \((.+)\)$/, (w, on, next) => `在${w}内，该期只登记不缴费；${next}自${d(on)}起缴费`],
  [/^falls in (.+), which takes registrations but no payments$/, (w) => `在${w}内，该期只登记不缴费`],
  [/^is outside every window open to this person; on that date only these groups may enroll: (.+)$/, (g) => `不在此人可参保的任何缴费期内；当日只有以下人群可参保：${g}`],
  [/^is outside every window open to this person$/, () => '不在此人可参保的任何缴费期内'],
  [/^is after the payment date(?: \((\d{4}-\d{2}-\d{2})\))?$/, () => '晚于缴费日期'],
  [/^is required for (.+) \((.+)\): its rules depend on the date of birth$/, (g) => `必须填写：${g}的规则取决于出生日期`],
  [/^is required for (.+) \((.+)\): its rule counts (\d+) months from (.+)$/, (g, _c, n) => `必须填写：${g}的规则自该事件起计${n}个月`],
  [/^is required: (.+) \((.+)\) applies by age, judged on (\d{4}-\d{2}-\d{2})$/, (c, _code, on) => `必须填写：${c}按年龄认定（以${d(on)}为准）`],
  [/^is required: (.+) depends on the year of birth$/, (l) => `必须填写：${l}按出生年份确定`],
  [/^unknown category "(.+)" for (.+) (\d+)$/, (k, j, y) => `“${k}”不是${j}${y}年度的减免对象代码`],
  [/^unknown group "(.+)" for (.+) (\d+)$/, (k, j, y) => `“${k}”不是${j}${y}年度的特殊人群代码`],
];

/** A refusal of the preview (`paymentDate: is before payments open …`) for people. */
export function refusalText(reason: string, lang: Lang = 'zh'): string {
  if (lang !== 'zh') return reason;
  const m = /^(\w+): (.*)$/s.exec(reason);
  if (!m || !FIELDS[m[1]!]) return reason;
  for (const [re, render] of PATTERNS) {
    const x = re.exec(m[2]!);
    if (x) return `${FIELDS[m[1]!]}${render(...x.slice(1))}`;
  }
  return `${FIELDS[m[1]!]}：${m[2]}`;
}
