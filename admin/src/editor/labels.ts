import { LABELS } from '../../../policy-schemas/compare';
import { patternOf, type Path } from './paths';

/*
 * Labels of fields and of option values. The Chinese labels of the comparison (policy-schemas'
 * LABELS, by path) come first, so a field is called the same in a diff and in the form; the editor
 * adds labels for the fields the comparison never names, by path where a key means different things
 * in different places, else by key. English is the key in words.
 */

export type Lang = 'zh' | 'en';

/** Paths whose key alone would be labelled wrongly. */
const PATH_ZH: Record<string, string> = {
  schemaVersion: '数据结构版本',
  'jurisdiction.name': '名称',
  'jurisdiction.code': '行政区划代码',
  'metadata.kind': '文件类型',
  'metadata.printed.on': '印发日期',
  'metadata.printed.by': '印发机关',
  'metadata.basis.title': '文件名称',
  'metadata.basis.number': '文号',
  'metadata.attachments.number': '附件序号',
  'metadata.attachments.title': '附件名称',
  'metadata.higherRulesPrevail': '上级规定优先',
  'metadata.higherRulesPrevail.levels': '上级层级',
  'eligibility.excludes': '不纳入对象',
  'eligibility.groups.label': '对象',
  'targets.kind': '目标类型',
  'targets.label': '目标表述',
  'targets.percent': '目标值（%）',
  'fees.individual': '个人缴费',
  'fees.government': '财政补助',
  'fees.government.split.label': '名称',
  'fees.government.split.amountFen': '补助金额',
  'fees.government.borneBy': '承担主体',
  'fees.totalFinancing': '筹资总额',
  'fees.criticalIllness': '大病保险',
  'fees.criticalIllness.individualFen': '每人筹资额',
  'fees.lateSurcharge.amount': '补缴金额',
  'fees.lateSurcharge.notes': '豁免条件说明',
  'fees.specialCases.label': '名称',
  'fees.specialCases.group': '特殊人群',
  'fees.specialCases.charges': '各年度缴费',
  'fees.specialCases.charges.coverageYear': '待遇年度',
  'fees.specialCases.charges.amountFen': '缴费金额',
  'categoryLists.label': '名称',
  'categories.code': '代码',
  'categories.benefit.kind': '补助类型',
  'categories.benefit.amountFen': '金额',
  'categories.benefit.percent': '比例（%）',
  'categories.benefit.category': '同某减免对象',
  'categories.fundSource.kind': '资金来源类型',
  'categories.fundSource.label': '资金来源（原文）',
  'categories.printed': '文件所印金额',
  'categories.printed.subsidyFen': '所印补助金额',
  'categories.printed.paymentFen': '所印个人缴费',
  'categories.conditions.members': '覆盖家庭成员',
  'categories.list': '所属分类',
  'stacking.rule': '规则',
  'stacking.order': '优先顺序',
  'stacking.convention': '约定（通知未写明）',
  'ageRule.referenceDate': '年龄计算基准日',
  'ageRule.referenceDate.kind': '基准日类型',
  'ageRule.convention': '约定（通知未写明）',
  'certification.newlyCertified.subsidyFrom': '补助起始',
  'windows.kind': '缴费期类型',
  'windows.who': '适用对象',
  'windows.groups': '适用人群',
  'windows.waiting.kind': '等待期类型',
  'windows.waiting.convention': '计算方式',
  'milestones.kind': '节点类型',
  'milestones.label': '事项',
  'milestones.from': '起始日',
  'milestones.on': '日期',
  'specialGroups.kind': '人群类型',
  'specialGroups.rules.waiting.kind': '等待期类型',
  'specialGroups.rules.waiting.convention': '计算方式',
  'specialGroups.rules.fee': '缴费',
  'specialGroups.rules.when.note': '条件说明',
  'specialGroups.rules.note': '备注',
  'refund.rules': '退费规则',
  'refund.rules.procedure.title': '办事指南名称',
  'refund.rules.procedure.number': '编号',
  'workFunding.tiers.enrollmentRate.min': '参保率下限（含，%）',
  'workFunding.tiers.enrollmentRate.below': '参保率上限（不含，%）',
  'workFunding.tiers.activationRate.min': '激活率下限（含，%）',
  'workFunding.tiers.activationRate.below': '激活率上限（不含，%）',
  'workFunding.tiers.ratePerPersonFen': '每人标准',
  'schedule.from': '起始日',
  'schedule.to': '截止日',
  'registration.online': '线上登记渠道',
  'registration.offline': '线下登记渠道',
  'registration.steps.by': '完成时限',
  'paymentChannels.kind': '渠道类型',
  'paymentChannels.label': '名称',
  'paymentChannels.windows': '开放的缴费期',
  'paymentChannels.excludes': '不适用',
  'fundTransfers.by': '划转时限',
  'leadGroup.name': '名称',
  'leadGroup.kind': '类型',
  'leadGroup.members.name': '姓名',
  'leadGroup.office.composition': '组成',
  'leadGroup.office.duties': '职责',
  'quotaTables.rows': '各单位任务',
  'quotaTables.printedTotal': '合计（原文）',
  'quotaTables.printedTotal.target': '目标任务数',
  'activationTables.rows': '各单位激活情况',
  'activationTables.printedTotal': '合计（原文）',
  'notes.text': '内容',
  'notes.clause': '条款出处',
};

/** Keys, wherever they occur (unless their path is labelled above or in the comparison). */
const KEY_ZH: Record<string, string> = {
  acceptsPayment: '可以缴费',
  action: '工作内容',
  activated: '已激活人数',
  activationRate: '激活率区间',
  actor: '责任主体',
  addressees: '主送',
  afterDaysOfBirth: '出生超过天数',
  afterStart: '待遇开始后',
  age: '年龄（周岁）',
  agencies: '认定部门',
  agency: '认定部门',
  allowed: '可退费时段',
  amountFen: '金额',
  assessedOn: '考核时点',
  autoRenewal: '默认续保',
  below: '上限（不含）',
  benefitEnd: '待遇截止日',
  benefitStart: '待遇起始',
  benefitStartDate: '待遇起始日期',
  body: '解释机关',
  bornInYear: '出生年份',
  certifiedFrom: '认定起始日',
  certifiedTo: '认定截止日',
  channels: '渠道',
  choice: '采用的做法',
  clause: '条款出处',
  code: '代码',
  composition: '组成',
  condition: '使用条件',
  consequence: '后果',
  countingNote: '计数说明',
  cutoff: '认定截止日',
  date: '日期',
  days: '天数',
  declaredCount: '文件所列数量',
  department: '部门',
  deputyDirectors: '副主任',
  description: '说明',
  director: '主任',
  disability: '残疾条件',
  duties: '职责',
  dynamicReporting: '动态报送期',
  endsWhen: '终止情形',
  enrollAnytime: '可随时参保',
  enrollmentRate: '参保率区间',
  event: '事件',
  excludes: '排除',
  exemptNeedy: '困难人口免加收',
  externalRules: '另行规定',
  for: '适用对象',
  from: '起始日',
  fund: '资金',
  fundedBy: '资金来源',
  gap: '差额',
  group: '特殊人群',
  groups: '人群',
  hostedBy: '设在',
  ifAlreadyPaid: '认定前已缴费的',
  impliedByNeedyCategories: '含困难人口类减免对象',
  includes: '包括',
  inclusive: '含当日',
  insured: '参保人数',
  item: '材料',
  kind: '类型',
  label: '名称',
  level: '层级',
  levels: '层级',
  materials: '所需材料',
  members: '成员',
  min: '下限（含）',
  months: '月数',
  n: '第几个月',
  name: '名称',
  needy: '属困难人口',
  newlyCertified: '新认定人员',
  noDoubleEnrollment: '不得重复参保',
  notActivated: '未激活人数',
  note: '说明',
  notes: '备注',
  number: '文号',
  office: '办公室',
  officialCodes: '身份代码',
  on: '日期',
  paidBeforeAgeYears: '未满周岁数',
  paidBy: '缴费截止日',
  paidFrom: '缴费起始日',
  payer: '拨付单位',
  percent: '比例（%）',
  phase: '阶段',
  phones: '联系电话',
  place: '地点',
  planTitle: '工作方案标题',
  points: '要点',
  population: '户籍人口数',
  populationLabel: '人口列名称',
  post: '职务',
  printedTotal: '合计（原文）',
  procedure: '办事指南',
  purpose: '用途',
  ratePerPersonFen: '每人标准',
  ratePrinted: '激活率（原文）',
  reason: '理由',
  reasons: '退费情形',
  recipients: '拨付对象',
  reference: '所依规定',
  referenceDate: '基准日',
  refusal: '拒绝缴费',
  registrationVenue: '指定登记地点',
  reportBy: '名单报送截止日',
  residence: '居住条件',
  residencePermits: '有效居住证数',
  retroactive: '追溯享受待遇',
  role: '职位',
  rows: '行',
  rule: '规则',
  rules: '规则',
  seq: '序号',
  steps: '办理步骤',
  subsidyFen: '补助金额',
  subsidyFrom: '补助起始',
  successorRule: '继任者自然接任',
  target: '目标任务数',
  targetActivated: '目标激活人数',
  targetLabel: '目标列名称',
  targetPercent: '目标激活率（%）',
  tasks: '任务',
  term: '名词',
  text: '内容',
  tiers: '档次',
  title: '标题',
  to: '截止日',
  topic: '事项',
  unit: '单位',
  unitKind: '单位类别',
  until: '有效期至',
  voluntary: '自愿参加',
  waiting: '等待期',
  waitingExempt: '免等待期',
  when: '适用条件',
  who: '适用对象',
  wholeHousehold: '全户参保',
  withinDaysOfBirth: '出生后天数以内',
  withinMonthsOfEvent: '事件发生后月数以内',
  withinWorkingDays: '工作日内完成',
  individualFen: '金额',
  paymentFen: '个人缴费',
};

/** A camelCase key in words: `amountFen` → "Amount (yuan)", `waitingExempt` → "Waiting exempt". */
export function humanise(key: string): string {
  const fen = /Fen$/.test(key);
  const words = (fen ? key.slice(0, -3) : key)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase()
    .trim();
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return fen ? `${text || 'Amount'} (yuan)` : text;
}

/** The Chinese label of a path, if one is known (without falling back to the English key). */
export function chineseLabel(pattern: string): string | undefined {
  const key = pattern.split('.').pop() ?? '';
  return LABELS[pattern] ?? PATH_ZH[pattern] ?? KEY_ZH[key];
}

/** The label of a field: `['fees', 'individual', 'amountFen']` → 个人缴费标准 / "Amount (yuan)". */
export function fieldLabel(path: Path, lang: Lang): string {
  const pattern = patternOf(path);
  const key = pattern.split('.').pop() ?? '';
  const label = lang === 'en' ? humanise(key) : (chineseLabel(pattern) ?? humanise(key));
  // an item of a list of single values: 发文机关 2
  const last = path[path.length - 1];
  return typeof last === 'number' ? `${label} ${last + 1}` : label;
}

// ---------------------------------------------------------------- option values

/** Option values in Chinese, wherever they occur. */
const VALUE_ZH: Record<string, string> = {
  // metadata
  notice: '通知',
  'work-plan': '工作方案',
  'notice-of-work-plan': '印发工作方案的通知',
  public: '主动公开',
  'on-request': '依申请公开',
  'on-issue': '自发布之日起',
  // targets
  'coverage-rate': '参保覆盖率',
  'enrollment-rate': '参保率',
  'not-below-previous-year': '不低于上年',
  'activation-rate': '电子凭证激活率',
  other: '其他',
  // fees
  floor: '不低于（保底）',
  fixed: '固定',
  central: '中央',
  provincial: '省级',
  prefecture: '市级',
  county: '县级',
  township: '乡镇',
  local: '地方',
  'individual-plus-government': '个人缴费+财政补助',
  // categories
  'medical-assistance': '医疗救助资金',
  fiscal: '财政资金',
  'fiscal-special': '财政专项资金',
  government: '政府',
  full: '全额资助',
  percent: '按比例资助',
  'fixed-subsidy': '定额资助',
  'fixed-payment': '个人定额缴纳',
  'person-pays-percent': '个人按比例缴纳',
  reduction: '定额减免',
  'same-as': '同某减免对象',
  any: '任一残疾',
  severe: '重度残疾',
  'grade-3-4': '三、四级残疾',
  'card-holder-not-severe': '持证非重度残疾',
  'multi-disabled-household': '一户多残',
  rural: '农村',
  urban: '城镇',
  'revolutionary-base-village': '革命老区村',
  self: '本人',
  'spouses-and-children-under-18': '夫妻及未满18周岁子女',
  'spouses-and-daughters-under-18': '夫妻及未满18周岁女儿',
  'spouses-and-sons-under-18': '夫妻及未满18周岁儿子',
  'single-most-favourable': '只享受一种（就优）',
  highest: '就高',
  'priority-order': '按顺序（后者优先）',
  'end-of-previous-year': '上年末（12月31日）',
  date: '指定日期',
  'month-after-certification': '认定次月起',
  'on-certification': '认定之日起',
  'no-subsidy': '不再资助',
  refund: '退还个人缴费',
  // windows
  registration: '登记期',
  extended: '延长缴费期',
  'back-payment': '补缴期',
  dynamic: '动态参保',
  'off-window': '集中期外',
  everyone: '所有人',
  'listed-groups': '仅限所列人群',
  'ordinary-residents': '仅普通居民',
  'coverage-start': '待遇年度1月1日起',
  'payment-day': '缴费当日起',
  'day-after-payment': '缴费次日起',
  'birth-date': '出生之日起',
  'fixed-date': '固定日期起',
  'after-waiting': '等待期满后',
  none: '无等待期',
  days: '按天',
  months: '按月',
  'nth-month': '第N个月起',
  'payment-day-is-day-1': '缴费当日为第1天',
  'payment-day-excluded': '缴费次日起算',
  'same-day-of-month-clamped': 'N个月后的同日（无此日取月末）',
  'payment-month-is-first': '缴费当月为第1个月',
  deadline: '截止时间',
  'target-date': '目标时间',
  phase: '阶段',
  // special groups
  newborn: '新生儿',
  freshman: '新入学学生',
  student: '在校学生',
  'employee-transfer': '职工医保转入',
  'moved-in': '迁入人员',
  'released-prisoner': '刑满释放人员',
  veteran: '退役军人',
  'migrant-worker': '返乡务工人员',
  needy: '困难人口',
  fisherman: '渔民',
  'mental-disorder': '精神障碍患者',
  'infant-deceased': '婴儿死亡',
  'no-identity': '无身份证明人员',
  individual: '按个人缴费标准',
  'none-for-current-year': '当年免缴',
  'next-year-only': '只缴下一年度',
  special: '特殊标准（见特殊缴费标准）',
  // refund
  death: '死亡',
  'duplicate-payment': '重复缴费',
  'joined-employee-insurance': '参加职工医保',
  'joined-other-city': '在外地参保',
  'before-benefit-period': '待遇享受期开始前',
  'not-refundable': '不予退费',
  // channels
  online: '线上',
  offline: '线下',
  family: '亲情代缴',
  batch: '批量代缴',
  agent: '代办',
  // lead group
  'lead-group': '领导小组',
  'coordination-group': '协调小组',
  leader: '组长',
  'first-deputy': '第一副组长',
  deputy: '副组长',
  member: '成员',
};

/** Values that mean something else in one place. */
const PATH_VALUE_ZH: Record<string, Record<string, string>> = {
  'windows.kind': { central: '集中缴费期', registration: '登记期' },
  'categories.fundSource.kind': { township: '乡镇政府' },
  'categories.benefit.kind': { percent: '按比例资助' },
  'targets.kind': { other: '其他目标' },
};

export function valueLabel(pattern: string, value: unknown, lang: Lang): string {
  const v = String(value);
  if (lang === 'en') return typeof value === 'string' ? humanise(v) : v;
  return PATH_VALUE_ZH[pattern]?.[v] ?? VALUE_ZH[v] ?? v;
}

/** Is there a Chinese label for this option value (for the tests)? */
export function hasValueLabelZh(pattern: string, value: unknown): boolean {
  const v = String(value);
  return Boolean(PATH_VALUE_ZH[pattern]?.[v] ?? VALUE_ZH[v]);
}

// ---------------------------------------------------------------- titles of list items

const TITLE_KEYS = ['name', 'label', 'title', 'term', 'topic', 'phase', 'department', 'unit', 'payer', 'fund', 'item', 'actor', 'text', 'code'];

/** The title of a card: the item's name, label, title … or its number. */
export function itemTitle(item: unknown, index: number, pattern: string, lang: Lang): string {
  const n = `${index + 1}. `;
  if (!item || typeof item !== 'object') return `${n}${item ?? ''}`;
  const o = item as Record<string, unknown>;
  if (pattern === 'leadGroup.members' && typeof o.name === 'string')
    return `${n}${valueLabel('leadGroup.members.role', o.role, lang)} ${o.name}`;
  if (pattern === 'workFunding.tiers' && typeof o.ratePerPersonFen === 'number')
    return `${n}${(o.ratePerPersonFen / 100).toString()}${lang === 'zh' ? ' 元/人' : ' yuan per person'}`;
  if (pattern === 'specialGroups.rules' && typeof o.benefitStart === 'string')
    return `${n}${valueLabel('specialGroups.rules.benefitStart', o.benefitStart, lang)}${typeof o.clause === 'string' && o.clause ? `（${o.clause}）` : ''}`;
  if (pattern === 'refund.rules' && Array.isArray(o.reasons))
    return n + o.reasons.map((r) => valueLabel('refund.rules.reasons', r, lang)).join(lang === 'zh' ? '、' : ', ');
  if (pattern === 'fees.specialCases.charges' && typeof o.coverageYear === 'number')
    return `${n}${o.coverageYear}`;
  for (const k of TITLE_KEYS) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return n + (v.length > 60 ? v.slice(0, 60) + '…' : v);
  }
  return n.replace(/\. $/, '');
}

/** A second line of a card title: the item's code and dates, where it has them. */
export function itemSubtitle(item: unknown): string {
  if (!item || typeof item !== 'object') return '';
  const o = item as Record<string, unknown>;
  const parts: string[] = [];
  const titled = ['name', 'label', 'title'].some((k) => typeof o[k] === 'string' && o[k]);
  if (titled && typeof o.code === 'string' && o.code) parts.push(o.code);
  if (typeof o.from === 'string' && typeof o.to === 'string') parts.push(`${o.from} – ${o.to}`);
  else if (typeof o.on === 'string') parts.push(o.on);
  if (typeof o.clause === 'string' && o.clause) parts.push(o.clause);
  return parts.join(' · ');
}
