import { money, MONEY, parseYuan } from '../../../policy-schemas/format';
import { valueLabel } from './labels';

/*
 * The schema's messages (primitives.ts, document.ts, validate.ts, warnings.ts, zod's own, and the few
 * the API adds)
 * in Chinese, for the form. The English text stays the source: a message this map does not know is
 * shown as written, never dropped.
 */

/** Fixed messages, exactly as the schema writes them. */
export const MESSAGES_ZH: Record<string, string> = {
  // primitives.ts
  'must be a date written YYYY-MM-DD': '日期应写作“年-月-日”，如 2025-01-01',
  'is not a real calendar date': '不是有效的日期',
  'must be an amount in fen (an integer)': '请填写金额（元，最多两位小数）',
  'must be a whole number of fen': '金额最多两位小数（精确到分）',
  'must not be negative': '不能为负数',
  'is implausibly large (over 1,000,000 yuan)': '金额过大（超过100万元）',
  'must be a percentage (a number from 0 to 100)': '请填写百分比（0到100之间的数）',
  'must be between 0 and 100': '应在0到100之间',
  'may have at most two decimals': '最多两位小数',
  'must name the clause of the notice it comes from, e.g. 三（二）': '请填写出处条款，如 三（二）',
  'is too long for a clause reference': '条款出处过长',
  'must be lower-case letters, digits and dashes (e.g. di-bao)': '只能使用小写字母、数字和连字符（如 di-bao）',
  'is too long (60 characters at most)': '过长（最多60个字符）',
  'must not be empty': '不能为空',
  'must be a whole number': '应为整数',
  // document.ts
  'must name at least one issuer': '至少填写一个发文机关',
  'must list at least one group': '至少列出一类参保对象',
  'must list at least one section': '至少列出一个章节',
  'must be a section numeral as the notice writes it (一, 二, … 十一)': '应为通知所写的章节序号（一、二……十一）',
  'must be the digits of an identity code': '身份代码应为2到8位数字',
  'must have at least one window': '至少需要一个参保缴费期',
  'must be a percentage as printed, e.g. 30.57%': '应为文件所印的百分比，如 30.57%',
  // validate.ts (fixed ones)
  'a priority-order rule must list the categories in order': '按顺序规则须依次列出减免对象',
  'is required when benefits start on a fixed date': '待遇自固定日期起始时必须填写该日期',
  'must give a waiting period when benefits start after waiting': '待遇在等待期后起始时必须设置等待期',
  'must list the groups a listed-groups window is open to': '仅限特定人群的缴费期须列出这些人群',
  // zod's own
  'Invalid input': '输入无效',
};

const TYPES_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '一组字段',
  date: '日期',
  null: '空值',
  undefined: '空',
  nan: '非数字',
};

const typeZh = (t: string) => TYPES_ZH[t] ?? t;
/** An amount of an English message ("500 元", "390.50 元") as the notice writes it: 500元, 390.5元. */
const yuanZh = (s: string) => {
  const fen = parseYuan(s);
  return fen === null ? s : money(fen, MONEY.notice);
};

/** Messages with values in them: a pattern on the English text and its Chinese rendering. */
const PATTERNS: [RegExp, (...m: string[]) => string][] = [
  // validate.ts
  [/^category code "(.*)" is used twice; codes must be unique$/, (c) => `减免对象代码“${c}”重复，代码必须唯一`],
  [/^group code "(.*)" is used twice; codes must be unique$/, (c) => `特殊人群代码“${c}”重复，代码必须唯一`],
  [/^window code "(.*)" is used twice; codes must be unique$/, (c) => `缴费期代码“${c}”重复，代码必须唯一`],
  [/^identity code (.*) already belongs to category "(.*)"$/, (c, o) => `身份代码 ${c} 已属于减免对象“${o}”`],
  [/^names the list "(.*)", which is not in categoryLists$/, (l) => `所属分类“${l}”不在减免对象分类中`],
  [/^a fixed subsidy of (.*) is more than the individual fee of (.*)$/, (a, f) => `定额资助${yuanZh(a)}高于个人缴费标准${yuanZh(f)}`],
  [/^minimum age (\d+) is not below the limit (\d+)$/, (a, b) => `最低年龄${a}岁不小于年龄上限${b}岁`],
  [/^refers to category "(.*)", which does not exist$/, (c) => `引用的减免对象“${c}”不存在`],
  [/^"same as" forms a loop through category "(.*)"$/, (c) => `“同某减免对象”形成循环（经过“${c}”）`],
  [
    /^printed subsidy (.*) does not match the benefit, which gives (.*) on a fee of (.*)$/,
    (p, g, f) => `文件所印补助${yuanZh(p)}与补助方式不符：按个人缴费${yuanZh(f)}计算应为${yuanZh(g)}`,
  ],
  [
    /^printed payment (.*) does not match the benefit, which leaves (.*) to pay$/,
    (p, l) => `文件所印个人缴费${yuanZh(p)}与补助方式不符：计算应为${yuanZh(l)}`,
  ],
  [/^names category "(.*)", which does not exist$/, (c) => `减免对象“${c}”不存在`],
  [/^names category "(.*)" twice$/, (c) => `减免对象“${c}”出现了两次`],
  [/^does not place category "(.*)"; a priority order must place every category$/, (c) => `顺序中缺少减免对象“${c}”；按顺序规则须包含全部减免对象`],
  [/^\((.*)\) is before paidFrom \((.*)\)$/, (a, b) => `（${a}）早于缴费起始日（${b}）`],
  [/^\((.*)\) is after the end of coverage year (\d+)$/, (a, y) => `（${a}）晚于待遇年度${y}年末`],
  [/^names special group "(.*)", which does not exist$/, (g) => `特殊人群“${g}”不存在`],
  [/^\((.*)\) must fall inside coverage year (\d+)$/, (a, y) => `（${a}）必须在待遇年度${y}年内`],
  [/^\((.*)\) is before the window opens \((.*)\)$/, (a, b) => `（${a}）早于缴费期起始日（${b}）`],
  [
    /^\((.*)\) must fall in (\d+) or (\d+), the years around coverage year (\d+)$/,
    (a, y1, y2, y) => `（${a}）必须在${y1}年或${y2}年（待遇年度${y}年前后）`,
  ],
  [/^\((.*)\) is before the previous window opens \((.*)\); list windows in order$/, (a, b) => `（${a}）早于上一缴费期起始日（${b}）；请按时间顺序排列缴费期`],
  [/^a waiting period only applies when benefits start after waiting \(here: (.*)\)$/, (s) => `只有待遇在等待期后起始时才设等待期（此处待遇起始为：${valueLabel('windows.benefitStart', s, 'zh')}）`],
  [/^window "(.*)" overlaps window "(.*)"; windows open to everyone must not overlap$/, (a, b) => `缴费期“${a}”与“${b}”重叠；面向所有人的缴费期不得重叠`],
  [/^names window "(.*)", which does not exist$/, (w) => `缴费期“${w}”不存在`],
  [/^\((.*)\) is before the milestone starts \((.*)\)$/, (a, b) => `（${a}）早于该节点的起始日（${b}）`],
  [/^\((.*)\) is before the notice was issued \((.*)\)$/, (a, b) => `（${a}）早于发文日期（${b}）`],
  [/^\((.*)\) is before (\d{4}-\d{2}-\d{2})$/, (a, b) => `（${a}）早于${b}`],
  [/^unit "(.*)" appears twice in the table$/, (u) => `单位“${u}”在表中出现了两次`],
  [/^\((.*) – (.*)\) does not fall in coverage year (\d+)$/, (a, b, y) => `（${a}至${b}）不在待遇年度${y}年内`],
  [/^\((.*)\) is before the period starts \((.*)\)$/, (a, b) => `（${a}）早于待遇享受期起始日（${b}）`],
  [/^\((.*)\) is before certifiedFrom \((.*)\)$/, (a, b) => `（${a}）早于认定起始日（${b}）`],
  [/^names window "(.*)", which is not a window taking payments$/, (w) => `缴费期“${w}”不存在或不收缴费`],
  [/^must be true where no clause decides the reading$/, () => '没有条款依据时必须标为约定'],
  [/^is a convention: explain it in conventions, with path "(.*)"$/, (p) => `属约定：请在“约定”中说明，并填写所决定的字段“${p}”`],
  [/^"(.*)" is not a path of this document$/, (p) => `“${p}”不是本文档中的字段`],
  [/^names a grade twice$/, () => '残疾等级重复'],
  [/^a window has no date of its own to start benefits on; fixed dates belong to a special group’s rule \(benefitStartDate\)$/, () => '缴费期没有自己的待遇起始日期；固定日期起享受待遇的，请在特殊群体规则中设定（待遇起始日期）'],
  [/^covers no one: neither the couple nor their children$/, () => '未覆盖任何家庭成员：既不含夫妻也不含子女'],
  [/^a window in which groups enroll at any time is open to the listed groups only \(listed-groups\)$/, () => '随时参保的缴费期只面向所列人群（仅限所列人群）'],
  // warnings.ts (shown, but they do not block saving)
  [
    /^(.*): the (.*) column adds up to (-?\d+), but the printed total is (-?\d+) \(difference (-?\d+)\); both are kept as printed$/,
    (t, l, sum, printed, d) => `${t}：「${l}」列各行合计 ${sum}，文件所印合计为 ${printed}（相差 ${d}）；两者均按原文保留`,
  ],
  [/^(.*): activated (\d+) \+ not activated (\d+) ≠ insured (\d+)$/, (u, a, n, i) => `${u}：已激活 ${a} + 未激活 ${n} ≠ 参保人数 ${i}`],
  [/^(.*): printed rate (.*), computed (.*)$/, (u, p, c) => `${u}：所印激活率 ${p}，计算值为 ${c}`],
  [/^(.*): the notice says (\d+) categories, the document has (\d+)$/, (l, a, b) => `${l}：文件称共 ${a} 种，文档中有 ${b} 种`],
  [/^the split by level adds up to (.*), the subsidy is (.*)$/, (a, b) => `各级分担合计${yuanZh(a)}，财政补助标准为${yuanZh(b)}`],
  [/^total financing (.*) ≠ individual (.*) \+ government (.*)$/, (t, i, g) => `筹资总额${yuanZh(t)} ≠ 个人缴费${yuanZh(i)} + 财政补助${yuanZh(g)}`],
  // the API's own checks on a draft
  [/^a draft’s coverage year is fixed \((\d+)\); clone it to make a draft for (\d+)$/, (y, n) => `草案的待遇年度固定为${y}年；如需${n}年的草案请克隆生成`],
  [/^a draft's coverage year is fixed \((\d+)\); clone it to make a draft for (\d+)$/, (y, n) => `草案的待遇年度固定为${y}年；如需${n}年的草案请克隆生成`],
  [/^must stay (.*) \((.*)\)$/, (n, c) => `必须保持为${n}（${c === 'no code' ? '无区划代码' : c}）`],
  [/^must stay (.+)$/, (n) => `必须保持为${n}`],
  // zod's own
  [/^Invalid input: expected (\w+), received undefined$/, () => '必填'],
  [/^Invalid input: expected (\w+), received (\w+)$/, (e, r) => `应为${typeZh(e)}（当前为${typeZh(r)}）`],
  [/^Invalid input: expected (.+)$/, (v) => `只能是 ${v}`],
  [/^Invalid option: expected one of (.+)$/, () => '请从选项中选择'],
  [/^Invalid discriminator value\. Expected (.+)$/, () => '请选择类型'],
  [/^Too small: expected string to have >=?(\d+) characters?$/, (n) => (n === '1' ? '不能为空' : `至少${n}个字符`)],
  [/^Too small: expected array to have >=?(\d+) items?$/, (n) => `至少需要${n}项`],
  [/^Too small: expected number to be >=(.+)$/, (n) => `不能小于${n}`],
  [/^Too small: expected number to be >(.+)$/, (n) => `必须大于${n}`],
  [/^Too big: expected string to have <=?(\d+) characters?$/, (n) => `最多${n}个字符`],
  [/^Too big: expected array to have <=?(\d+) items?$/, (n) => `最多${n}项`],
  [/^Too big: expected number to be <=(.+)$/, (n) => `不能大于${n}`],
  [/^Too big: expected number to be <(.+)$/, (n) => `必须小于${n}`],
  [/^Invalid string: must match pattern (.+)$/, () => '格式不正确'],
  [/^Unrecognized keys?: (.+)$/, (k) => `未知字段：${k.replace(/"/g, '')}`],
];

/** The schema's message in Chinese, or as written where no translation is known. */
export function messageZh(message: string): string {
  const fixed = MESSAGES_ZH[message];
  if (fixed) return fixed;
  for (const [re, render] of PATTERNS) {
    const m = re.exec(message);
    if (m) return render(...m.slice(1));
  }
  return message;
}

export function translateMessage(message: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? messageZh(message) : message;
}
