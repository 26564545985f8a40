/*
 * The registry: what every part of a policy document is called and what it means, keyed by schema
 * path (list items without indices: `categories.benefit.kind`). One entry per path of document.ts,
 * no entry without a path (registry.spec.ts). Everything that names a part of a document reads it:
 * the editor's labels (admin/src/editor/labels.ts), the comparison's labels (compare.ts), and the
 * GraphQL types of the document with their descriptions (presentation.ts), whose shape rules live
 * here too, beside the field they shape.
 *
 * Labels were gathered from where they lived before (the editor's PATH_ZH / KEY_ZH / VALUE_ZH, the
 * comparison's LABELS, the descriptions of the hand-written GraphQL types, the editor's tabs and the
 * compare page's section names); Chinese first, as the officers read it.
 */

/** [Chinese, English, one line of description] of an option value. */
export type ValueLabel = readonly [zh: string, en: string, description?: string];

/**
 * How a part of the document appears in the GraphQL API, where it differs from the default (one field
 * per key, named as the key, money keys without their `Fen` suffix, an object as its own type).
 */
export interface GraphqlRule {
  /** The field's name in the API. */
  name?: string;
  /**
   * An object served as fields of its parent, each named `<this field><Key>` (`fees.government.basis` →
   * `governmentBasis`), except `main`, which takes this field's own name (`fees.individual.amountFen` →
   * `individual`), and those renamed in `names`. `prefix: ''` keeps the keys as they are. `presence`:
   * this field's own name is a Boolean saying whether the object is there (`wholeHousehold`). `omit`:
   * keys served by a computed field instead. A list inside an absent object is served as empty.
   */
  flatten?: { main?: string; presence?: true; prefix?: string; names?: Record<string, string>; omit?: readonly string[] };
  /** An enum served as a String of its stored values (where the API served it so before enums were derived). */
  asString?: true;
  /** With `asString`: the enum-typed field served beside it (the String field is then deprecated in its favour). */
  enumField?: { name: string; enum: { name: string; description: string } };
  /** Served by a field of the version itself (`year`; `jurisdiction`, whose name and code are the document's). */
  servedByVersion?: true;
}

export interface RegistryEntry {
  zh: string;
  en: string;
  /** One line: what the field holds (the GraphQL description of its field). */
  description: string;
  /** The Chinese label names the field without its section (the comparison shows it alone: 个人缴费标准). */
  full?: true;
  /** Option values of an enum, a literal or a plain union's literals. */
  values?: Readonly<Record<string, ValueLabel>>;
  /** GraphQL: the object type of this path (of its items, for a list). */
  type?: { name: string; description: string };
  /** GraphQL: the enum type of this path's values. */
  enum?: { name: string; description: string };
  graphql?: GraphqlRule;
}

// ---------------------------------------------------------------- shared entries and value sets

const CLAUSE: RegistryEntry = { zh: '条款出处', en: 'Clause', description: 'The clause of the notice this comes from (三（二）, 附件1; 序言 for the preamble).' };
const CLAUSE_OR_NULL: RegistryEntry = { ...CLAUSE, description: 'The clause of the notice this comes from; null where the notice states no rule and a convention is adopted.' };
const NOTES: RegistryEntry = { zh: '备注', en: 'Notes', description: 'Remarks of the notice on this item.' };
const READING_CONVENTION: RegistryEntry = { zh: '约定（通知未写明）', en: 'Convention', description: 'true: the notice is silent and this is the reading adopted (explained in conventions, under this path).' };
const READING_CLAUSE: RegistryEntry = { ...CLAUSE, description: 'The clause that decides the reading; null where it is a convention.' };
/** The clause and convention fields of a reading at `at`. */
const READING_SOURCE = (at: string): Record<string, RegistryEntry> => ({ [`${at}.clause`]: READING_CLAUSE, [`${at}.convention`]: READING_CONVENTION });

const BENEFIT_START: Record<string, ValueLabel> = {
  'coverage-start': ['待遇年度1月1日起', 'From 1 January of the coverage year', 'Benefits start on 1 January of the coverage year.'],
  'payment-day': ['缴费当日起', 'From the payment day', 'Benefits start on the day of payment.'],
  'day-after-payment': ['缴费次日起', 'From the day after payment', 'Benefits start the day after payment.'],
  'birth-date': ['出生之日起', 'From birth', 'Benefits start on the date of birth.'],
  'fixed-date': ['固定日期起', 'From a fixed date', 'Benefits start on a date the notice fixes.'],
  'after-waiting': ['等待期满后', 'After the waiting period', 'Benefits start when the waiting period has passed.'],
};
const WAITING_KIND: Record<string, ValueLabel> = {
  none: ['无等待期', 'No waiting period', 'Benefits start without waiting.'],
  days: ['按天', 'Days', 'A number of days.'],
  months: ['按月', 'Months', 'A number of months, to the same day of the month.'],
  'nth-month': ['第N个月起', 'From the Nth month', 'From the first day of the Nth month, the payment month counting as the 1st.'],
};
const WAITING_CONVENTION: Record<string, ValueLabel> = {
  'payment-day-is-day-1': ['缴费当日为第1天', 'Payment day is day 1', 'The payment day counts as day 1 (Shishi 缴费之日起60日（含）).'],
  'payment-day-excluded': ['缴费次日起算', 'Counted from the next day', 'Counting starts the day after payment (Lingyuan 缴费后60天; Civil Code art. 201).'],
  'same-day-of-month-clamped': ['N个月后的同日（无此日取月末）', 'Same day N months later', 'The same day of the month N months later, or that month’s last day when it has none.'],
  'payment-month-is-first': ['缴费当月为第1个月', 'Payment month is the 1st', 'The payment month counts as the 1st month.'],
};
const WAITING: RegistryEntry = {
  zh: '等待期',
  en: 'Waiting period',
  description: '等待期: how long after paying benefits start, and how the days are counted.',
  full: true,
  type: { name: 'WaitingRule', description: '等待期 and its day-counting convention. Only the fields of its kind are set.' },
};
const WAITING_FIELDS = (at: string): Record<string, RegistryEntry> => ({
  [`${at}.kind`]: { zh: '等待期类型', en: 'Kind', description: 'How the waiting period is counted.', values: WAITING_KIND, enum: { name: 'WaitingKind', description: '等待期: how a waiting period is counted.' } },
  [`${at}.days`]: { zh: '天数', en: 'Days', description: 'DAYS: the length of the waiting period in days.' },
  [`${at}.convention`]: { zh: '计算方式', en: 'Convention', description: 'How the first day is counted (payment-day-is-day-1, payment-day-excluded, same-day-of-month-clamped, payment-month-is-first).', values: WAITING_CONVENTION, graphql: { asString: true, enumField: { name: 'countingConvention', enum: { name: 'WaitingConvention', description: 'How the days of a waiting period are counted.' } } } },
  [`${at}.months`]: { zh: '月数', en: 'Months', description: 'MONTHS: the length of the waiting period in months.' },
  [`${at}.n`]: { zh: '第几个月', en: 'Nth month', description: 'NTH_MONTH: benefits from the Nth month, the payment month being the 1st.', graphql: { name: 'nthMonth' } },
});

/** The columns of a quota table, in its rows and in its printed total. */
const QUOTA_COLUMNS: Record<string, RegistryEntry> = {
  population: { zh: '户籍人口数', en: 'Population', description: 'Registered population (户籍人口数).' },
  residencePermits: { zh: '有效居住证数', en: 'Residence permits', description: 'Valid residence permits, where printed.' },
  target: { zh: '目标任务数', en: 'Target', description: 'Enrollment target.' },
};
/** The counted columns of an activation table, in its rows and in its printed total. */
const ACTIVATION_COLUMNS: Record<string, RegistryEntry> = {
  insured: { zh: '参保人数', en: 'Insured', description: 'Insured persons.' },
  activated: { zh: '已激活人数', en: 'Activated', description: 'Persons who activated the e-voucher.' },
  notActivated: { zh: '未激活人数', en: 'Not activated', description: 'Persons who did not.' },
  ratePrinted: { zh: '激活率（原文）', en: 'Rate printed', description: 'The rate as printed, e.g. "30.57%".' },
  targetActivated: { zh: '目标激活人数', en: 'Target activated', description: 'Activations needed for the target rate.' },
  gap: { zh: '差额', en: 'Gap', description: 'Activations still missing.' },
};
const under = (prefix: string, entries: Record<string, RegistryEntry>) =>
  Object.fromEntries(Object.entries(entries).map(([k, e]) => [`${prefix}.${k}`, e]));

// ---------------------------------------------------------------- the entries

export const REGISTRY: Readonly<Record<string, RegistryEntry>> = {
  schemaVersion: { zh: '数据结构版本', en: 'Schema version', description: 'The version of the document’s structure (2; a version-1 document is read upgraded).' },
  jurisdiction: { zh: '统筹地区', en: 'Jurisdiction', description: 'The jurisdiction the notice is for.', full: true, graphql: { servedByVersion: true } },
  'jurisdiction.name': { zh: '名称', en: 'Name', description: 'Its exact Chinese name (石狮市).' },
  'jurisdiction.code': { zh: '行政区划代码', en: 'Division code', description: 'Its administrative division code (行政区划代码); null where none is recorded.' },
  coverageYear: { zh: '待遇年度', en: 'Coverage year', description: 'The year whose benefits the notice funds (待遇享受年度).', full: true, graphql: { servedByVersion: true, name: 'year' } },
  coveragePeriod: {
    zh: '待遇享受期',
    en: 'Coverage period',
    description: '待遇享受期: the period a payment for the coverage year buys benefits in, with the clause or convention that decides it.',
    full: true,
    type: { name: 'CoveragePeriod', description: '待遇享受期: the first and last day of the benefits a payment for the coverage year buys.' },
  },
  'coveragePeriod.from': { zh: '起始日', en: 'From', description: 'The first day of the coverage period.' },
  'coveragePeriod.to': { zh: '截止日', en: 'To', description: 'The last day of the coverage period.' },
  ...READING_SOURCE('coveragePeriod'),

  // ------------------------------------------------------------ metadata
  metadata: {
    zh: '文件信息',
    en: 'Document',
    description: 'The notice as a document: title, number, issuers, dates, addressees, basis, validity.',
    full: true,
    type: { name: 'PolicyMetadata', description: 'The notice as a document (文件信息).' },
  },
  'metadata.title': { zh: '标题', en: 'Title', description: 'The title of the notice as printed.', full: true },
  'metadata.documentNumber': { zh: '文号', en: 'Document number', description: '文号, e.g. 狮政办规〔2023〕8号.', full: true },
  'metadata.kind': {
    zh: '文件类型',
    en: 'Kind',
    description: 'notice (通知), work-plan (工作方案) or notice-of-work-plan (印发…方案的通知).',
    values: {
      notice: ['通知', 'Notice'],
      'work-plan': ['工作方案', 'Work plan'],
      'notice-of-work-plan': ['印发工作方案的通知', 'Notice issuing a work plan'],
    },
    graphql: { asString: true, enumField: { name: 'documentKind', enum: { name: 'DocumentKind', description: 'The kind of document: a notice, a work plan, or a notice that issues a work plan.' } } },
  },
  'metadata.planTitle': { zh: '工作方案标题', en: 'Plan title', description: 'The title of the attached work plan, where the notice issues one.' },
  'metadata.issuers': { zh: '发文机关', en: 'Issuers', description: 'The bodies that issue the notice.', full: true },
  'metadata.issuedOn': { zh: '发文日期', en: 'Issued on', description: 'The date the notice was issued (成文日期).', full: true },
  'metadata.printed': { zh: '印发', en: 'Printed', description: '印发: the date and office of the colophon.', full: true, graphql: { flatten: {} } },
  'metadata.printed.on': { zh: '印发日期', en: 'Printed on', description: '印发 date, from the colophon.' },
  'metadata.printed.by': { zh: '印发机关', en: 'Printed by', description: 'The office that printed the notice (colophon).' },
  'metadata.addressees': { zh: '主送', en: 'Addressees', description: '主送: the bodies the notice is addressed to.', full: true },
  'metadata.copiedTo': { zh: '抄送', en: 'Copied to', description: '抄送: the bodies that receive a copy.', full: true },
  'metadata.basis': {
    zh: '依据文件',
    en: 'Basis',
    description: '根据 …: the documents the notice is based on.',
    full: true,
    type: { name: 'BasisDocument', description: 'A document the notice is based on (根据 …).' },
  },
  'metadata.basis.title': { zh: '文件名称', en: 'Title', description: 'The title of the document.' },
  'metadata.basis.number': { zh: '文号', en: 'Number', description: 'Its document number, where cited.' },
  'metadata.basis.clause': CLAUSE,
  'metadata.validity': {
    zh: '有效期',
    en: 'Validity',
    description: 'When the notice takes effect and until when; null where it does not say.',
    full: true,
    type: { name: 'Validity', description: 'When a notice is in force, as it states.' },
  },
  'metadata.validity.from': {
    zh: '施行日期',
    en: 'From',
    description: '`on-issue` (自发布之日起执行) or a date.',
    full: true,
    values: { 'on-issue': ['自发布之日起', 'On issue', '自发布之日起执行: in force from the day it is issued.'] },
  },
  'metadata.validity.until': { zh: '有效期至', en: 'Until', description: 'The last day in force; null: open-ended.', full: true },
  'metadata.validity.clause': CLAUSE,
  'metadata.disclosure': {
    zh: '公开方式',
    en: 'Disclosure',
    description: 'public (主动公开), on-request (依申请公开) or null where the notice does not say.',
    full: true,
    values: { public: ['主动公开', 'Public'], 'on-request': ['依申请公开', 'On request'] },
    graphql: { asString: true, enumField: { name: 'disclosureKind', enum: { name: 'Disclosure', description: 'How the notice is disclosed (主动公开 / 依申请公开).' } } },
  },
  'metadata.interpretedBy': { zh: '解释机关', en: 'Interpreted by', description: 'The body that interprets the notice.', full: true, graphql: { flatten: { main: 'body' } } },
  'metadata.interpretedBy.body': { zh: '解释机关', en: 'Body', description: 'The body that interprets the notice.' },
  'metadata.interpretedBy.clause': CLAUSE,
  'metadata.higherRulesPrevail': {
    zh: '上级规定优先',
    en: 'Higher rules prevail',
    description: 'The clause saying that later national or provincial rules prevail over this notice.',
    type: { name: 'HigherRulesPrevail', description: 'Later rules of higher levels prevail over the notice (国家、省有新规定的，从其规定).' },
  },
  'metadata.higherRulesPrevail.levels': { zh: '上级层级', en: 'Levels', description: 'The levels whose later rules prevail (国家, 省 …).' },
  'metadata.higherRulesPrevail.clause': CLAUSE,
  'metadata.attachments': {
    zh: '附件',
    en: 'Attachments',
    description: 'The annexes of the notice (附件1 …).',
    full: true,
    type: { name: 'Attachment', description: 'An annex of the notice.' },
  },
  'metadata.attachments.number': { zh: '附件序号', en: 'Number', description: 'Its number (附件1: 1).' },
  'metadata.attachments.title': { zh: '附件名称', en: 'Title', description: 'Its title.' },

  // ------------------------------------------------------------ scope and targets
  eligibility: {
    zh: '参保范围',
    en: 'Eligibility',
    description: '参保范围: who may enroll, who is excluded.',
    full: true,
    type: { name: 'Eligibility', description: '参保范围: who may enroll.' },
  },
  'eligibility.excludes': { zh: '不纳入对象', en: 'Excludes', description: 'Who is excluded up front (e.g. people who must join employee insurance).' },
  'eligibility.groups': {
    zh: '参保对象',
    en: 'Groups',
    description: 'The groups of residents who may enroll.',
    full: true,
    type: { name: 'EligibleGroup', description: 'A group of residents who may enroll.' },
  },
  'eligibility.groups.code': { zh: '代码', en: 'Code', description: 'Local identifier of the group in the document.' },
  'eligibility.groups.label': { zh: '对象', en: 'Label', description: 'The group as the notice names it.' },
  'eligibility.groups.clause': CLAUSE,
  'eligibility.wholeHousehold': { zh: '全户参保', en: 'Whole household', description: '全户参保: households enroll whole, never selectively.', graphql: { flatten: { presence: true } } },
  'eligibility.wholeHousehold.clause': { ...CLAUSE, description: 'The clause that requires whole-household enrollment.' },
  'eligibility.noDoubleEnrollment': { zh: '不得重复参保', en: 'No double enrollment', description: 'Rules against double enrollment (across places or schemes).', graphql: { flatten: { main: 'rules' } } },
  'eligibility.noDoubleEnrollment.rules': { zh: '规则', en: 'Rules', description: 'Rules against double enrollment.' },
  'eligibility.noDoubleEnrollment.clause': { ...CLAUSE, description: 'The clause against double enrollment.' },
  'eligibility.clause': CLAUSE,
  targets: {
    zh: '工作目标',
    en: 'Targets',
    description: 'The campaign’s targets (coverage rate, activation rate …).',
    full: true,
    type: { name: 'Target', description: 'A target of the enrollment campaign.' },
  },
  'targets.kind': {
    zh: '目标类型',
    en: 'Kind',
    description: 'coverage-rate, enrollment-rate, not-below-previous-year, activation-rate or other.',
    values: {
      'coverage-rate': ['参保覆盖率', 'Coverage rate'],
      'enrollment-rate': ['参保率', 'Enrollment rate'],
      'not-below-previous-year': ['不低于上年', 'Not below the previous year'],
      'activation-rate': ['电子凭证激活率', 'E-voucher activation rate'],
      other: ['其他目标', 'Other'],
    },
    graphql: { asString: true, enumField: { name: 'targetKind', enum: { name: 'TargetKind', description: 'The kind of an enrollment target.' } } },
  },
  'targets.percent': { zh: '目标值（%）', en: 'Percent', description: 'The target in percent, where it is a rate.' },
  'targets.label': { zh: '目标表述', en: 'Label', description: 'The target as the notice words it.' },
  'targets.clause': CLAUSE,

  // ------------------------------------------------------------ fees
  fees: {
    zh: '筹资标准',
    en: 'Fees',
    description: '筹资标准: what a person pays and what the government adds, per person per year.',
    full: true,
    type: { name: 'Fees', description: '筹资标准. All amounts per person per year.' },
  },
  'fees.individual': { zh: '个人缴费', en: 'Individual fee', description: '个人缴费标准 with its clause.', graphql: { flatten: { main: 'amountFen' } } },
  'fees.individual.amountFen': { zh: '个人缴费标准', en: 'Individual fee', description: '个人缴费标准: what a person pays per year before any subsidy.', full: true },
  'fees.individual.clause': { ...CLAUSE, description: 'The clause that sets the individual fee.' },
  'fees.government': { zh: '财政补助', en: 'Government subsidy', description: '财政补助标准: a floor (不低于) or a fixed amount, with its split.', graphql: { flatten: { main: 'amountFen' } } },
  'fees.government.basis': {
    zh: '财政补助方式',
    en: 'Basis',
    description: 'Whether the government subsidy is a floor (不低于) or a fixed amount.',
    full: true,
    values: { floor: ['不低于（保底）', 'At least', '不低于: a floor.'], fixed: ['固定', 'Fixed', 'A fixed amount.'] },
    enum: { name: 'GovernmentSubsidyBasis', description: 'FLOOR: 不低于 (at least); FIXED: a fixed amount.' },
  },
  'fees.government.amountFen': { zh: '财政补助标准', en: 'Government subsidy', description: '财政补助标准: a floor (不低于) or a fixed amount, see governmentBasis.', full: true },
  'fees.government.split': {
    zh: '财政补助分担',
    en: 'Split',
    description: 'The subsidy split by level of government, where printed.',
    full: true,
    type: { name: 'GovernmentShare', description: 'The part of the government subsidy one level of government bears.' },
  },
  'fees.government.split.level': {
    zh: '层级',
    en: 'Level',
    description: 'The level of government.',
    values: {
      central: ['中央', 'Central'],
      provincial: ['省级', 'Provincial'],
      prefecture: ['市级', 'Prefecture'],
      county: ['县级', 'County'],
      township: ['乡镇', 'Township'],
      local: ['地方', 'Local'],
    },
    enum: { name: 'GovernmentLevel', description: 'Level of government bearing part of the subsidy.' },
  },
  'fees.government.split.label': { zh: '名称', en: 'Label', description: 'The level as the notice names it (中央财政).' },
  'fees.government.split.amountFen': { zh: '补助金额', en: 'Amount', description: 'Its amount per person.' },
  'fees.government.borneBy': { zh: '承担主体', en: 'Borne by', description: 'Who bears the subsidy, where printed without figures (e.g. city and higher levels together).' },
  'fees.government.clause': { ...CLAUSE, description: 'The clause that sets the government subsidy.' },
  'fees.totalFinancing': { zh: '筹资总额', en: 'Total financing', description: '筹资标准: individual + government, where the notice prints it.', graphql: { flatten: { main: 'amountFen' } } },
  'fees.totalFinancing.amountFen': { zh: '筹资总额', en: 'Total financing', description: '筹资标准 where printed: individual + government per person.', full: true },
  'fees.totalFinancing.clause': { ...CLAUSE, description: 'The clause that prints the total financing.' },
  'fees.criticalIllness': {
    zh: '大病保险',
    en: 'Critical illness insurance',
    description: 'Serious-illness insurance bought from the pooled fund (no extra fee for the person).',
    type: { name: 'CriticalIllness', description: '大病保险: serious-illness insurance bought from the pooled fund for each insured person.' },
  },
  'fees.criticalIllness.individualFen': { zh: '每人筹资额', en: 'Per person', description: 'What is set aside per insured person.' },
  'fees.criticalIllness.fundedBy': { zh: '资金来源', en: 'Funded by', description: 'The fund it is bought from.' },
  'fees.criticalIllness.clause': CLAUSE,
  'fees.lateSurcharge': {
    zh: '补缴加收',
    en: 'Late surcharge',
    description: '迟缴: paying from `from` on costs the individual fee plus the government subsidy, except for the exempt.',
    full: true,
    type: { name: 'LateSurcharge', description: '迟缴: paying from `from` on costs individual fee + government subsidy, except for the exempt.' },
  },
  'fees.lateSurcharge.from': { zh: '补缴加收起始日', en: 'From', description: 'From this payment date on the surcharge applies.', full: true },
  'fees.lateSurcharge.amount': {
    zh: '补缴金额',
    en: 'Amount',
    description: 'What a late payment costs: individual-plus-government (the individual fee plus the government subsidy).',
    values: { 'individual-plus-government': ['个人缴费+财政补助', 'Individual fee + government subsidy'] },
    graphql: { name: 'amountRule' },
  },
  'fees.lateSurcharge.exemptGroups': { zh: '补缴加收豁免人群', en: 'Exempt groups', description: 'Codes of exempt special groups.', full: true },
  'fees.lateSurcharge.exemptNeedy': { zh: '困难人口免加收', en: 'Exempt needy', description: 'Categories flagged needy (困难人口) are exempt.' },
  'fees.lateSurcharge.notes': { zh: '豁免条件说明', en: 'Notes', description: 'Extra conditions on an exemption, e.g. transfers only within 3 months of stopping.' },
  'fees.lateSurcharge.clause': CLAUSE,
  'fees.specialCases': {
    zh: '特殊缴费标准',
    en: 'Special fees',
    description: 'Fees that differ for a group, possibly across several coverage years (Wuhe’s 2023 newborns).',
    full: true,
    type: { name: 'SpecialFee', description: 'A fee that differs for a group, possibly over several coverage years.' },
  },
  'fees.specialCases.code': { zh: '代码', en: 'Code', description: 'Local identifier of the case.' },
  'fees.specialCases.label': { zh: '名称', en: 'Label', description: 'The case as the notice names it.' },
  'fees.specialCases.group': { zh: '特殊人群', en: 'Group', description: 'Code of the special group it applies to.' },
  'fees.specialCases.bornInYear': { zh: '出生年份', en: 'Born in year', description: 'For people born in this year only, where the notice says.' },
  'fees.specialCases.paidFrom': { zh: '缴费起始日', en: 'Paid from', description: 'The case holds for payments from this day (Wuhe: dynamic enrollment from 2024-01-01); null: any payment.' },
  'fees.specialCases.charges': {
    zh: '各年度缴费',
    en: 'Charges',
    description: 'What is paid for each coverage year.',
    type: { name: 'FeeCharge', description: 'The fee of a special case for one coverage year.' },
  },
  'fees.specialCases.charges.coverageYear': { zh: '待遇年度', en: 'Coverage year', description: 'The coverage year paid for.' },
  'fees.specialCases.charges.amountFen': { zh: '缴费金额', en: 'Amount', description: 'The fee for that year.' },
  'fees.specialCases.clause': CLAUSE,

  // ------------------------------------------------------------ subsidy categories
  categoryLists: {
    zh: '减免对象分类',
    en: 'Category lists',
    description: 'Printed lists that group categories (Lingyuan 全部/部分减免), with the count each declares.',
    full: true,
    type: { name: 'CategoryList', description: 'A printed list of subsidy categories.' },
  },
  'categoryLists.code': { zh: '代码', en: 'Code', description: 'Local identifier of the list (categories name it in `list`).' },
  'categoryLists.label': { zh: '名称', en: 'Label', description: 'The list as the notice names it.' },
  'categoryLists.declaredCount': { zh: '文件所列数量', en: 'Declared count', description: 'The count the notice states ("共17种"), checked against the categories in the list.' },
  'categoryLists.countingNote': { zh: '计数说明', en: 'Counting note', description: 'How the declared count was read where it is ambiguous.' },
  'categoryLists.clause': CLAUSE,
  categories: {
    zh: '减免对象',
    en: 'Subsidy categories',
    description: '减免对象: the categories whose individual fee is reduced or paid for them.',
    full: true,
    type: { name: 'SubsidyCategory', description: '减免对象: a subsidy category.' },
  },
  'categories.code': { zh: '代码', en: 'Code', description: 'Code used in quotes.' },
  'categories.officialCodes': { zh: '身份代码', en: 'Official codes', description: 'Official identity codes of the national or provincial system (Meishan 993406 …).' },
  'categories.name': { zh: '名称', en: 'Name', description: 'The category as the notice names it.', full: true },
  'categories.agency': { zh: '认定部门', en: 'Certifying agency', description: '认定部门: the agency that certifies membership.', full: true },
  'categories.fundSource': { zh: '资金来源', en: 'Fund source', description: '资金来源: who pays the subsidy.', full: true, graphql: { flatten: { main: 'label' } } },
  'categories.fundSource.kind': {
    zh: '资金来源类型',
    en: 'Fund source kind',
    description: 'The kind of fund that pays the subsidy.',
    values: {
      'medical-assistance': ['医疗救助资金', 'Medical assistance fund'],
      fiscal: ['财政资金', 'Fiscal budget', '财政 (本级/各级).'],
      'fiscal-special': ['财政专项资金', 'Special fiscal fund'],
      township: ['乡镇政府', 'Township government'],
      government: ['政府', 'Government', 'Government of an unspecified level.'],
    },
    enum: { name: 'FundSourceKind', description: '资金来源: who pays a subsidy.' },
  },
  'categories.fundSource.label': { zh: '资金来源（原文）', en: 'Fund source', description: '资金来源 as printed, e.g. 医疗救助资金.' },
  'categories.benefit': {
    zh: '补助方式',
    en: 'Benefit',
    description: 'How the category reduces the individual fee.',
    full: true,
    type: { name: 'CategoryBenefit', description: 'The benefit of a category. Only the fields of its kind are set.' },
  },
  'categories.benefit.kind': {
    zh: '补助类型',
    en: 'Kind',
    description: 'The kind of benefit.',
    values: {
      full: ['全额资助', 'Full subsidy', '全额资助: the whole individual fee.'],
      percent: ['按比例资助', 'Percent subsidy', 'A percent of the fee paid as a fixed subsidy (Shishi 低保 90%).'],
      'fixed-subsidy': ['定额资助', 'Fixed subsidy', '定额资助: a fixed amount off the fee (Wuhe 低保 320).'],
      'person-pays-percent': ['个人按比例缴纳', 'Person pays a percent', 'The person pays a percent of the fee (Lingyuan low-income: 30%).'],
      reduction: ['定额减免', 'Reduction', 'A fixed reduction (Lingyuan only-son households: 30 off).'],
      'same-as': ['同某减免对象', 'Same as', 'Subsidised exactly as another category (Wuhe 重点优抚 like 低保).'],
    },
    enum: { name: 'BenefitKind', description: 'How a subsidy category reduces the individual fee.' },
  },
  'categories.benefit.percent': { zh: '比例（%）', en: 'Percent', description: 'PERCENT: share of the fee subsidised; PERSON_PAYS_PERCENT: share the person pays.' },
  'categories.benefit.amountFen': { zh: '金额', en: 'Amount', description: 'FIXED_SUBSIDY, REDUCTION: the amount.' },
  'categories.benefit.category': { zh: '同某减免对象', en: 'Same as', description: 'SAME_AS: the category whose benefit applies.', graphql: { name: 'sameAs' } },
  'categories.printed': {
    zh: '文件所印金额',
    en: 'Printed amounts',
    description: 'Amounts printed beside a percent benefit (Meishan: 即285元), checked against the computed value.',
    type: { name: 'PrintedAmounts', description: 'Amounts a notice prints beside a benefit, as printed.' },
  },
  'categories.printed.subsidyFen': { zh: '所印补助金额', en: 'Printed subsidy', description: 'The subsidy as printed.' },
  'categories.printed.paymentFen': { zh: '所印个人缴费', en: 'Printed payment', description: 'What the person pays, as printed.' },
  'categories.conditions': {
    zh: '条件',
    en: 'Conditions',
    description: 'Empty: no condition; otherwise a person qualifies when any one set holds.',
    full: true,
    type: { name: 'CategoryCondition', description: 'One way to meet a category’s conditions (all parts must hold).' },
  },
  'categories.conditions.age': {
    zh: '年龄（周岁）',
    en: 'Age',
    description: 'Age in whole years at the policy’s age reference date.',
    graphql: { flatten: { names: { min: 'minAge', below: 'belowAge' } } },
  },
  'categories.conditions.age.min': { zh: '下限（含）', en: 'Minimum age', description: 'Minimum age in whole years (inclusive).' },
  'categories.conditions.age.below': { zh: '上限（不含）', en: 'Age below', description: 'Age limit in whole years (exclusive).' },
  'categories.conditions.disability': {
    zh: '残疾条件',
    en: 'Disability',
    description: 'A disability condition: the grades of the 残疾人证 that qualify and the 一户多残 household, with the wording of the notice.',
    type: { name: 'DisabilityCondition', description: 'A disability condition (残疾条件), as the quote reads it.' },
    graphql: { name: 'disabilityCondition' },
  },
  'categories.conditions.disability.grades': { zh: '残疾等级', en: 'Grades', description: 'The grades that qualify (1 一级, the most severe, to 4 四级); none: any grade.' },
  'categories.conditions.disability.multiDisabledHousehold': { zh: '一户多残家庭', en: 'Multi-disabled household', description: 'true: only in a household with several disabled members (一户多残); false: not in one; absent: either.' },
  'categories.conditions.disability.text': { zh: '原文', en: 'Text', description: 'The condition as the notice words it (重度残疾人).' },
  'categories.conditions.residence': {
    zh: '居住条件',
    en: 'Residence',
    description: 'A residence condition: rural or revolutionary-base-village.',
    values: { rural: ['农村', 'Rural'], 'revolutionary-base-village': ['革命老区村', 'Revolutionary base village', '革命老区（基点）村, itself rural.'] },
    graphql: { asString: true, enumField: { name: 'residenceKind', enum: { name: 'ResidenceCondition', description: 'The household registration a category asks for.' } } },
  },
  'categories.conditions.members': {
    zh: '覆盖家庭成员',
    en: 'Members',
    description: 'Which members of a household a household’s category covers: the couple and their children, with the limits the notice sets.',
    type: { name: 'MembersCondition', description: 'The members of a household a household’s category covers (夫妻及其未满18周岁子女 …), as the quote reads them.' },
    graphql: { name: 'membersCondition' },
  },
  'categories.conditions.members.spouses': { zh: '含夫妻双方', en: 'Spouses', description: 'The couple (夫妻) is covered.' },
  'categories.conditions.members.children': {
    zh: '含子女',
    en: 'Children',
    description: 'Their children, with the limits of the notice (null: children are not covered).',
    type: { name: 'MembersChildren', description: 'The children a household’s category covers, and their limits.' },
  },
  'categories.conditions.members.children.sex': {
    zh: '子女性别',
    en: 'Sex',
    description: 'Only daughters (female) or only sons (male); absent: either.',
    values: { female: ['女儿', 'Daughters'], male: ['儿子', 'Sons'] },
    enum: { name: 'ChildSex', description: 'The children a household’s category covers: its daughters or its sons.' },
  },
  'categories.conditions.members.children.belowAge': { zh: '子女年龄上限（不含）', en: 'Below age', description: 'Children under this age (on the age reference date).' },
  'categories.conditions.members.children.untilMarried': { zh: '子女结婚后不再享受', en: 'Until married', description: 'A child who marries no longer qualifies (Wuhe 二（二）6).' },
  'categories.conditions.members.text': { zh: '原文', en: 'Text', description: 'The members as the notice words them.' },
  'categories.conditions.note': { zh: '说明', en: 'Note', description: 'A condition in words, where it is not one of the above.' },
  'categories.needy': { zh: '困难人口', en: 'Needy', description: 'Counts as 困难人口 (needy), e.g. for exemption from the late surcharge.', full: true },
  'categories.list': { zh: '所属分类', en: 'List', description: 'Code of the printed list it belongs to, where a notice groups categories.' },
  'categories.unstated': {
    zh: '通知未写明',
    en: 'Unstated',
    description: 'What the notice does not say about this category (its agency, its fund source): the value recorded is a reading, and an open question.',
    values: {
      agency: ['认定部门', 'Agency', 'The notice names no certifying agency for this category.'],
      'fund-source': ['资金来源', 'Fund source', 'The notice names no fund source for this category.'],
    },
    enum: { name: 'CategoryUnstated', description: 'A part of a subsidy category that its notice does not state.' },
  },
  'categories.endsWhen': { zh: '终止情形', en: 'Ends when', description: 'Circumstances that end the benefit (e.g. a daughter who marries).' },
  'categories.notes': NOTES,
  'categories.clause': CLAUSE,
  stacking: {
    zh: '多重身份规则',
    en: 'Stacking',
    description: 'Which subsidy applies to a person in several categories.',
    full: true,
    type: { name: 'Stacking', description: 'Which subsidy applies to a person in several categories.' },
  },
  'stacking.rule': {
    zh: '规则',
    en: 'Rule',
    description: 'single-most-favourable (只享受一种), highest (就高) or priority-order (the last matching one in `order` wins).',
    values: {
      'single-most-favourable': ['只享受一种（就优）', 'Single, most favourable', 'Only one subsidy: the one best for the person (Shishi 只享受一种).'],
      highest: ['就高', 'Highest', '就高: the highest subsidy (Wuhe).'],
      'priority-order': ['按顺序（后者优先）', 'Priority order', 'The last matching category in the order wins (Meishan 导盘顺序).'],
    },
    enum: { name: 'StackingRule', description: 'Which subsidy applies to a person in several categories.' },
  },
  'stacking.order': { zh: '优先顺序', en: 'Order', description: 'Category codes in priority order (PRIORITY_ORDER).' },
  'stacking.convention': { zh: '约定（通知未写明）', en: 'Convention', description: 'true: the notice is silent and this is the adopted convention.' },
  'stacking.note': { zh: '说明', en: 'Note', description: 'A remark on the rule.' },
  'stacking.clause': CLAUSE_OR_NULL,
  ageRule: {
    zh: '年龄计算基准',
    en: 'Age rule',
    description: 'The date on which ages are judged.',
    full: true,
    type: { name: 'AgeRule', description: 'The date on which ages are judged for the coverage year.' },
  },
  'ageRule.referenceDate': {
    zh: '年龄计算基准日',
    en: 'Reference date',
    description: 'Age is judged on this date: by default the end of the year before the coverage year.',
    graphql: { flatten: { names: { kind: 'referenceKind' }, omit: ['date'] } },
  },
  'ageRule.referenceDate.kind': {
    zh: '基准日类型',
    en: 'Reference kind',
    description: 'end-of-previous-year or date.',
    values: { 'end-of-previous-year': ['上年末（12月31日）', 'End of the previous year', '31 December of the year before the coverage year.'], date: ['指定日期', 'A date', 'A date the notice sets.'] },
    graphql: { asString: true, enumField: { name: 'referenceDateKind', enum: { name: 'AgeReferenceKind', description: 'How the age reference date is set.' } } },
  },
  'ageRule.referenceDate.date': { zh: '日期', en: 'Date', description: 'DATE: the date the notice sets.' },
  'ageRule.convention': { zh: '约定（通知未写明）', en: 'Convention', description: 'true: the notice is silent and this is the adopted convention.' },
  'ageRule.note': { zh: '说明', en: 'Note', description: 'A remark on the rule.' },
  'ageRule.clause': CLAUSE_OR_NULL,
  certification: {
    zh: '身份认定',
    en: 'Certification',
    description: '身份认定: how and by when category membership is certified.',
    full: true,
    type: { name: 'Certification', description: '身份认定: how category membership is certified.' },
  },
  'certification.agencies': { zh: '认定部门', en: 'Agencies', description: 'The agencies that certify.' },
  'certification.cutoff': { zh: '认定截止日', en: 'Cutoff', description: '认定时间截至: certification on or before it is ordinary; later certification is newly certified (newlyCertified).' },
  'certification.reportBy': { zh: '名单报送截止日', en: 'Report by', description: 'Deadline for agencies to report their lists.' },
  'certification.dynamicReporting': { zh: '动态报送期', en: 'Dynamic reporting', description: 'Period in which newly certified people are reported as they come.', graphql: { flatten: {} } },
  'certification.dynamicReporting.from': { zh: '起始日', en: 'From', description: 'First day of dynamic reporting.' },
  'certification.dynamicReporting.to': { zh: '截止日', en: 'To', description: 'Last day of dynamic reporting.' },
  'certification.newlyCertified': {
    zh: '新认定人员',
    en: 'Newly certified',
    description: 'Rules for people certified after the cutoff (the first whose dates hold decides); a certification no rule covers is ordinary.',
    type: { name: 'NewlyCertifiedRule', description: 'How people certified during the year are subsidised.' },
  },
  'certification.newlyCertified.certifiedFrom': { zh: '认定起始日', en: 'Certified from', description: 'Certified on or after this date.' },
  'certification.newlyCertified.certifiedTo': { zh: '认定截止日', en: 'Certified to', description: 'Certified on or before this date.' },
  'certification.newlyCertified.subsidyFrom': {
    zh: '补助起始',
    en: 'Subsidy from',
    description: 'Which payments are subsidised: from the first day of the month after certification (month-after-certification) or from the day of certification (on-certification).',
    values: { 'month-after-certification': ['认定次月起', 'From the month after certification'], 'on-certification': ['认定之日起', 'On certification'] },
    graphql: { asString: true, enumField: { name: 'subsidyStart', enum: { name: 'NewlyCertifiedSubsidyFrom', description: 'Which payments of a newly certified person are subsidised.' } } },
  },
  'certification.newlyCertified.ifAlreadyPaid': {
    zh: '认定前已缴费的',
    en: 'If already paid',
    description: 'A person who paid before being certified: no-subsidy (不再资助参保) or refund (办理退费); null where the notice states no rule.',
    values: { 'no-subsidy': ['不再资助', 'No subsidy'], refund: ['退还个人缴费', 'Refund'] },
    graphql: { asString: true, enumField: { name: 'ifAlreadyPaidRule', enum: { name: 'NewlyCertifiedIfAlreadyPaid', description: 'What follows for a person certified after paying.' } } },
  },
  'certification.newlyCertified.convention': { zh: '含约定（通知未写明）', en: 'Convention', description: 'true: a part of the rule is a reading adopted where the notice is silent (explained in conventions).' },
  'certification.newlyCertified.clause': CLAUSE,
  'certification.refusal': { zh: '拒绝缴费', en: 'Refusal', description: 'What happens to people entitled to a partial subsidy who refuse to pay after repeated mobilisation.', graphql: { flatten: { main: 'consequence' } } },
  'certification.refusal.consequence': { zh: '后果', en: 'Consequence', description: 'The consequence of refusing to pay.' },
  'certification.refusal.clause': CLAUSE,
  'certification.clause': CLAUSE_OR_NULL,
  readings: {
    zh: '解读设定',
    en: 'Readings',
    description: 'What a quote needs that the notice decides only implicitly or not at all, each with its clause or convention: the engine holds no reading of its own.',
    full: true,
    type: { name: 'Readings', description: 'Readings of the notice a quote depends on, each with the clause or the convention that decides it.' },
  },
  'readings.waitingExemptStart': {
    zh: '免等待期人群待遇起始',
    en: 'Waiting-exempt start',
    description: 'Where benefits start for a group exempt from a window’s waiting period whose own rules set no start for the payment.',
    type: { name: 'WaitingExemptStartReading', description: 'The start of a waiting-exempt group’s benefits where its own rules set none.' },
  },
  'readings.waitingExemptStart.benefitStart': {
    zh: '待遇起始',
    en: 'Benefit start',
    description: 'payment-day or day-after-payment.',
    values: { 'payment-day': BENEFIT_START['payment-day']!, 'day-after-payment': BENEFIT_START['day-after-payment']! },
    enum: { name: 'WaitingExemptStart', description: 'Where a waiting-exempt group’s benefits start when its own rules set no start.' },
  },
  ...READING_SOURCE('readings.waitingExemptStart'),
  'readings.monthEnd': {
    zh: '按月计算遇月末',
    en: 'Month end',
    description: 'How a months rule that ends in a month without its day (31 March + 3 months) ends.',
    type: { name: 'MonthEndReading', description: 'How a months rule treats a day the end month lacks.' },
  },
  'readings.monthEnd.rule': {
    zh: '规则',
    en: 'Rule',
    description: 'last-day-of-month: the month’s last day (Civil Code art. 202).',
    values: { 'last-day-of-month': ['无对应日的取当月末日', 'The month’s last day', '没有对应日的，月末日为期间的最后一日 (Civil Code art. 202).'] },
  },
  ...READING_SOURCE('readings.monthEnd'),
  'readings.emptyPaymentDate': {
    zh: '未填缴费日期的含义',
    en: 'Empty payment date',
    description: 'What an empty payment date of a cohort’s person means.',
    type: { name: 'EmptyPaymentDateReading', description: 'The payment a cohort’s person without a payment date is taken to make.' },
  },
  'readings.emptyPaymentDate.window': { zh: '缴费期', en: 'Window', description: 'The code of the window the person pays in.' },
  'readings.emptyPaymentDate.day': {
    zh: '缴费日',
    en: 'Day',
    description: 'first-day-or-birth-date: the window’s first day, or the day of birth for a baby born after it.',
    values: { 'first-day-or-birth-date': ['缴费期首日（出生晚于此日的为出生之日）', 'The first day, or the day of birth if later'] },
  },
  ...READING_SOURCE('readings.emptyPaymentDate'),

  // ------------------------------------------------------------ windows
  windows: {
    zh: '参保缴费期',
    en: 'Payment windows',
    description: 'The enrollment and payment windows, in order.',
    full: true,
    type: { name: 'PaymentWindow', description: 'An enrollment or payment window (集中参保缴费期, 延长期, 补缴期 …).' },
  },
  'windows.code': { zh: '代码', en: 'Code', description: 'Local identifier of the window.' },
  'windows.kind': {
    zh: '缴费期类型',
    en: 'Kind',
    description: 'The kind of window.',
    values: {
      registration: ['登记期', 'Registration', 'Registration only: no payments.'],
      central: ['集中缴费期', 'Central', '集中参保缴费期: the central window before the coverage year.'],
      extended: ['延长缴费期', 'Extended', '延长参保缴费期: an extension early in the coverage year.'],
      'back-payment': ['补缴期', 'Back payment', '补缴期: paying late during the coverage year.'],
      dynamic: ['动态参保', 'Dynamic', 'Enrollment as people come, for listed groups.'],
      'off-window': ['集中期外', 'Off window', 'Outside the central window.'],
      anytime: ['随时参保', 'Any time', 'The span in which listed groups may enroll at any time (随时办理).'],
    },
    enum: { name: 'WindowKind', description: 'Kind of enrollment or payment window.' },
  },
  'windows.name': { zh: '名称', en: 'Name', description: 'The window as the notice names it.', full: true },
  'windows.from': { zh: '起始日', en: 'From', description: 'First day of the window.', full: true },
  'windows.to': { zh: '截止日', en: 'To', description: 'Last day of the window.', full: true },
  'windows.acceptsPayment': { zh: '可以缴费', en: 'Accepts payment', description: 'A registration-only window takes no payments.' },
  'windows.who': {
    zh: '适用对象',
    en: 'Who',
    description: 'everyone, listed-groups or ordinary-residents.',
    values: { everyone: ['所有人', 'Everyone'], 'listed-groups': ['仅限所列人群', 'Listed groups only'], 'ordinary-residents': ['仅普通居民', 'Ordinary residents only'] },
    graphql: { asString: true, enumField: { name: 'audience', enum: { name: 'WindowAudience', description: 'Who a window is open to.' } } },
  },
  'windows.groups': { zh: '适用人群', en: 'Groups', description: 'Codes of the special groups a listed-groups window is open to.' },
  'windows.benefitStart': {
    zh: '待遇起始',
    en: 'Benefit start',
    description: 'When benefits start for a payment in this window.',
    full: true,
    values: BENEFIT_START,
    enum: { name: 'BenefitStart', description: 'When benefits start for a payment.' },
  },
  'windows.waiting': WAITING,
  ...WAITING_FIELDS('windows.waiting'),
  'windows.condition': {
    zh: '使用条件',
    en: 'Condition',
    description: 'Who may use the window, where the notice restricts it in a way a quote checks (no basic insurance earlier in the year).',
    graphql: { flatten: { main: 'text' } },
  },
  'windows.condition.notInsuredEarlierInYear': { zh: '限当年度未参加基本医保者', en: 'Not insured earlier in the year', description: 'Only people with no basic insurance earlier in the coverage year (Meishan 二（二）2).' },
  'windows.condition.text': { zh: '使用条件', en: 'Condition', description: 'The condition as the notice words it.' },
  'windows.note': { zh: '说明', en: 'Note', description: 'What the notice says of the window’s users that a quote does not check (漏保、断保 …).' },
  'windows.clause': CLAUSE,
  milestones: {
    zh: '时间节点',
    en: 'Milestones',
    description: 'Dated steps of the campaign that are not payment windows.',
    full: true,
    type: { name: 'Milestone', description: 'A dated step of the campaign that is not a payment window (a deadline, a check phase).' },
  },
  'milestones.kind': {
    zh: '节点类型',
    en: 'Kind',
    description: 'deadline, target-date or phase.',
    values: { deadline: ['截止时间', 'Deadline'], 'target-date': ['目标时间', 'Target date'], phase: ['阶段', 'Phase'] },
    graphql: { asString: true, enumField: { name: 'milestoneKind', enum: { name: 'MilestoneKind', description: 'The kind of a milestone of the campaign.' } } },
  },
  'milestones.label': { zh: '事项', en: 'Label', description: 'What is due.' },
  'milestones.from': { zh: '起始日', en: 'From', description: 'Where it is a span, its first day.' },
  'milestones.on': { zh: '日期', en: 'On', description: 'The date (the last day of a span).' },
  'milestones.clause': CLAUSE,

  // ------------------------------------------------------------ the notice's outline
  outline: {
    zh: '通知结构',
    en: 'Outline',
    description: 'The notice’s own outline: its sections with their titles, and the headings of items; null: sections follow the clauses.',
    full: true,
    type: { name: 'NoticeOutline', description: 'How the notice is laid out: its sections (一、…) in order and the headings of numbered items.' },
  },
  'outline.sections': {
    zh: '章节',
    en: 'Sections',
    description: 'The sections of the notice in order (一、参保范围 …).',
    type: { name: 'OutlineSection', description: 'A section of the notice: its numeral and title.' },
  },
  'outline.sections.number': { zh: '序号', en: 'Number', description: 'The section’s numeral as the notice writes it (一, 二 … 十一); rules whose clause starts with it belong to it.' },
  'outline.sections.title': { zh: '标题', en: 'Title', description: 'The section’s title as the notice writes it (筹资标准及资金来源).' },
  'outline.headings': {
    zh: '条目标题',
    en: 'Item headings',
    description: 'Headings of numbered items that are titles rather than rules (五（一）办理居民医保的服务及要求).',
    type: { name: 'OutlineHeading', description: 'The heading of a numbered item of the notice.' },
  },
  'outline.headings.at': { zh: '位置', en: 'At', description: 'The item’s place in the notice’s numbering, written as a clause (五（一）, 三（三）1).' },
  'outline.headings.title': { zh: '标题', en: 'Title', description: 'The heading as the notice writes it.' },
  'outline.headings.runIn': { zh: '段首标题', en: 'Run-in', description: 'The heading opens the item’s paragraph (（一）缴费标准。…) rather than standing on its own line.' },

  // ------------------------------------------------------------ special groups
  specialGroups: {
    zh: '特殊人群',
    en: 'Special groups',
    description: 'Groups with their own enrollment or benefit-start rules (newborns, students …).',
    full: true,
    type: { name: 'SpecialGroup', description: 'A group with its own enrollment or benefit-start rules (newborns, students …).' },
  },
  'specialGroups.code': { zh: '代码', en: 'Code', description: 'Code used in quotes.' },
  'specialGroups.kind': {
    zh: '人群类型',
    en: 'Kind',
    description: 'The kind of group.',
    values: {
      newborn: ['新生儿', 'Newborn'],
      freshman: ['新入学学生', 'Freshman'],
      student: ['在校学生', 'Student'],
      'employee-transfer': ['职工医保转入', 'From employee insurance'],
      'moved-in': ['迁入人员', 'Moved in'],
      'released-prisoner': ['刑满释放人员', 'Released prisoner'],
      veteran: ['退役军人', 'Veteran'],
      'migrant-worker': ['返乡务工人员', 'Returning migrant worker'],
      needy: ['困难人口', 'Needy'],
      fisherman: ['渔民', 'Fisherman'],
      'mental-disorder': ['精神障碍患者', 'Mental disorder'],
      'infant-deceased': ['婴儿死亡', 'Infant deceased'],
      'no-identity': ['无身份证明人员', 'No identity papers'],
      other: ['其他', 'Other'],
    },
    enum: { name: 'SpecialGroupKind', description: 'Kind of special group.' },
  },
  'specialGroups.name': { zh: '名称', en: 'Name', description: 'The group as the notice names it.' },
  'specialGroups.waitingExempt': { zh: '免等待期', en: 'Waiting exempt', description: 'Skips the waiting period of late windows.' },
  'specialGroups.impliedByNeedyCategories': { zh: '含困难人口类减免对象', en: 'Implied by needy categories', description: 'Everyone in a category flagged needy belongs to this group (困难人口 defined by the categories).' },
  'specialGroups.externalRules': { zh: '另行规定', en: 'External rules', description: 'Rules set elsewhere (按…有关规定执行), where the notice defers to them.', graphql: { flatten: { main: 'reference' } } },
  'specialGroups.externalRules.reference': { zh: '所依规定', en: 'Reference', description: 'Which rules, as the notice names them.' },
  'specialGroups.externalRules.clause': { ...CLAUSE, description: 'The clause that defers to the external rules.' },
  'specialGroups.registrationVenue': { zh: '指定登记地点', en: 'Registration venue', description: 'The one place where this group registers.', graphql: { flatten: { main: 'place' } } },
  'specialGroups.registrationVenue.place': { zh: '地点', en: 'Place', description: 'The place.' },
  'specialGroups.registrationVenue.clause': { ...CLAUSE, description: 'The clause that names the venue.' },
  'specialGroups.rules': {
    zh: '待遇规则',
    en: 'Rules',
    description: 'The group’s rules: when each applies and when benefits start.',
    full: true,
    type: { name: 'SpecialGroupRule', description: 'When a special group’s rule applies, and what it gives.' },
  },
  'specialGroups.rules.when': { zh: '适用条件', en: 'When', description: 'When the rule applies; all given parts must hold. Empty: always.', graphql: { flatten: { prefix: '', names: { note: 'condition' } } } },
  'specialGroups.rules.when.paidFrom': { zh: '缴费起始日', en: 'Paid from', description: 'Paid on or after this date.' },
  'specialGroups.rules.when.paidBy': { zh: '缴费截止日', en: 'Paid by', description: 'Paid on or before this date.' },
  'specialGroups.rules.when.withinDaysOfBirth': { zh: '出生后天数以内', en: 'Within days of birth', description: 'Payment within N days of birth.', graphql: { flatten: { main: 'days' } } },
  'specialGroups.rules.when.withinDaysOfBirth.days': { zh: '天数', en: 'Days', description: 'Payment within this many days of birth.' },
  'specialGroups.rules.when.withinDaysOfBirth.inclusive': { zh: '含当日', en: 'Inclusive', description: 'Day N counts (出生90日（含）内).' },
  'specialGroups.rules.when.afterDaysOfBirth': { zh: '出生超过天数', en: 'After days of birth', description: 'Payment more than N days after birth.', graphql: { flatten: { main: 'days' } } },
  'specialGroups.rules.when.afterDaysOfBirth.days': { zh: '天数', en: 'Days', description: 'Payment more than this many days after birth.' },
  'specialGroups.rules.when.afterDaysOfBirth.inclusive': { zh: '含当日', en: 'Inclusive', description: 'Day N counts.' },
  'specialGroups.rules.when.paidBeforeAgeYears': { zh: '未满周岁数', en: 'Paid before age', description: 'Paid before the person’s Nth birthday (一周岁以内: 1).' },
  'specialGroups.rules.when.withinMonthsOfEvent': {
    zh: '事件发生后月数以内',
    en: 'Within months of event',
    description: 'Payment within N months of an event (employee insurance stopped).',
    graphql: { flatten: { main: 'months', names: { event: 'event' } } },
  },
  'specialGroups.rules.when.withinMonthsOfEvent.months': { zh: '月数', en: 'Months', description: 'Payment within this many months of the event.' },
  'specialGroups.rules.when.withinMonthsOfEvent.inclusive': { zh: '含当日', en: 'Inclusive', description: 'The last day of the Nth month counts.' },
  'specialGroups.rules.when.withinMonthsOfEvent.event': { zh: '事件', en: 'Event', description: 'The event counted from.' },
  'specialGroups.rules.when.note': { zh: '条件说明', en: 'Condition', description: 'A condition in words.' },
  'specialGroups.rules.unstated': {
    zh: '通知未写明',
    en: 'Unstated',
    description: 'What the notice does not say about this rule (boundary-day: whether the last day of a days-of-birth limit counts, 含 or 不含).',
    values: { 'boundary-day': ['期限末日是否含当日', 'Boundary day', 'The notice does not say whether the limit’s last day is included (含/不含).'] },
    enum: { name: 'RuleUnstated', description: 'A part of a special group’s rule that its notice does not state.' },
  },
  'specialGroups.rules.benefitStart': { zh: '待遇起始', en: 'Benefit start', description: 'When benefits start under this rule.', values: BENEFIT_START, enum: { name: 'BenefitStart', description: 'When benefits start for a payment.' } },
  'specialGroups.rules.benefitStartDate': { zh: '待遇起始日期', en: 'Benefit start date', description: 'FIXED_DATE: the date benefits start.' },
  'specialGroups.rules.waiting': WAITING,
  ...WAITING_FIELDS('specialGroups.rules.waiting'),
  'specialGroups.rules.benefitEnd': { zh: '待遇截止日', en: 'Benefit end', description: 'Where coverage ends, if not at the end of the coverage year.' },
  'specialGroups.rules.retroactive': { zh: '追溯享受待遇', en: 'Retroactive', description: 'A gap in coverage is covered retroactively (Meishan employee-insurance transfers).' },
  'specialGroups.rules.fee': {
    zh: '缴费',
    en: 'Fee',
    description: 'individual, none-for-current-year (the months before the coverage year free) or next-year-only (only the next year’s fee); a group’s own fee is in fees.specialCases.',
    values: {
      individual: ['按个人缴费标准', 'Individual fee'],
      'none-for-current-year': ['当年免缴', 'None for the current year'],
      'next-year-only': ['只缴下一年度', 'Next year only'],
    },
    graphql: { asString: true, enumField: { name: 'feeKind', enum: { name: 'GroupRuleFee', description: 'What a payment under a group rule buys.' } } },
  },
  'specialGroups.rules.note': { zh: '备注', en: 'Note', description: 'A remark on the rule.' },
  'specialGroups.rules.clause': CLAUSE,
  'specialGroups.notes': NOTES,
  'specialGroups.clause': CLAUSE,

  // ------------------------------------------------------------ refund
  refund: { zh: '退费规定', en: 'Refunds', description: 'The refund rules; empty: the notice sets no refund rule.', full: true, graphql: { flatten: { main: 'rules' } } },
  'refund.rules': {
    zh: '退费规则',
    en: 'Rules',
    description: 'The refund rules.',
    type: { name: 'RefundRuleItem', description: 'When a payment may be refunded.' },
  },
  'refund.rules.reasons': {
    zh: '退费情形',
    en: 'Reasons',
    description: 'The reasons for which a refund may be asked.',
    values: {
      death: ['死亡', 'Death'],
      'duplicate-payment': ['重复缴费', 'Duplicate payment'],
      'joined-employee-insurance': ['参加职工医保', 'Joined employee insurance'],
      'joined-other-city': ['在外地参保', 'Joined another city’s insurance'],
    },
    enum: { name: 'RefundReason', description: 'Reason a payment may be refunded.' },
  },
  'refund.rules.allowed': {
    zh: '可退费时段',
    en: 'Allowed',
    description: 'before-benefit-period: a refund may be asked for only while benefits have not yet started.',
    values: { 'before-benefit-period': ['待遇享受期开始前', 'Before the benefit period'] },
  },
  'refund.rules.afterStart': {
    zh: '待遇开始后',
    en: 'After start',
    description: 'not-refundable: once benefits have started, no refund.',
    values: { 'not-refundable': ['不予退费', 'Not refundable'] },
  },
  'refund.rules.procedure': { zh: '办事指南', en: 'Procedure', description: 'The published procedure to follow.', graphql: { flatten: {} } },
  'refund.rules.procedure.title': { zh: '办事指南名称', en: 'Procedure title', description: 'The procedure’s title.' },
  'refund.rules.procedure.number': { zh: '编号', en: 'Procedure number', description: 'The procedure’s number.' },
  'refund.rules.clause': CLAUSE,

  // ------------------------------------------------------------ work organisation
  workFunding: {
    zh: '工作经费',
    en: 'Work funding',
    description: '工作经费: funding for the campaign per insured person.',
    full: true,
    type: { name: 'WorkFunding', description: '工作经费: funding for the campaign per insured person.' },
  },
  'workFunding.payer': { zh: '拨付单位', en: 'Payer', description: 'Who pays.' },
  'workFunding.recipients': { zh: '拨付对象', en: 'Recipients', description: 'Who receives it.' },
  'workFunding.purpose': { zh: '用途', en: 'Purpose', description: 'What it is for.' },
  'workFunding.assessedOn': { zh: '考核时点', en: 'Assessed on', description: 'Assessed as of this date, where the notice says.' },
  'workFunding.tiers': {
    zh: '档次',
    en: 'Tiers',
    description: 'Rates per person by enrollment or activation rate.',
    type: { name: 'WorkFundingTier', description: 'A rate per insured person, for a range of enrollment or activation rates.' },
  },
  'workFunding.tiers.ratePerPersonFen': { zh: '每人标准', en: 'Rate per person', description: 'The rate per insured person.' },
  'workFunding.tiers.enrollmentRate': { zh: '参保率区间', en: 'Enrollment rate', description: 'The range of enrollment rates the tier applies to.', graphql: { flatten: {} } },
  'workFunding.tiers.enrollmentRate.min': { zh: '参保率下限（含，%）', en: 'Enrollment rate from', description: 'Lowest enrollment rate of the tier, in percent (inclusive).' },
  'workFunding.tiers.enrollmentRate.below': { zh: '参保率上限（不含，%）', en: 'Enrollment rate below', description: 'Enrollment rate limit of the tier, in percent (exclusive).' },
  'workFunding.tiers.activationRate': { zh: '激活率区间', en: 'Activation rate', description: 'The range of activation rates the tier applies to.', graphql: { flatten: {} } },
  'workFunding.tiers.activationRate.min': { zh: '激活率下限（含，%）', en: 'Activation rate from', description: 'Lowest activation rate of the tier, in percent (inclusive).' },
  'workFunding.tiers.activationRate.below': { zh: '激活率上限（不含，%）', en: 'Activation rate below', description: 'Activation rate limit of the tier, in percent (exclusive).' },
  'workFunding.clause': CLAUSE,
  responsibilities: {
    zh: '部门职责',
    en: 'Responsibilities',
    description: 'What each department does in the campaign.',
    full: true,
    type: { name: 'Responsibility', description: 'A department’s duties in the campaign.' },
  },
  'responsibilities.department': { zh: '部门', en: 'Department', description: 'The department.' },
  'responsibilities.duties': { zh: '职责', en: 'Duties', description: 'Its duties.' },
  'responsibilities.clause': CLAUSE,
  schedule: {
    zh: '进度安排',
    en: 'Schedule',
    description: 'The phases of the campaign.',
    full: true,
    type: { name: 'SchedulePhase', description: 'A phase of the campaign with its tasks.' },
  },
  'schedule.phase': { zh: '阶段', en: 'Phase', description: 'The phase as the notice names it.' },
  'schedule.from': { zh: '起始日', en: 'From', description: 'First day of the phase.' },
  'schedule.to': { zh: '截止日', en: 'To', description: 'Last day of the phase.' },
  'schedule.tasks': { zh: '任务', en: 'Tasks', description: 'What is done in it.' },
  'schedule.clause': CLAUSE,
  definitions: {
    zh: '名词释义',
    en: 'Definitions',
    description: 'Terms the notice defines.',
    full: true,
    type: { name: 'Definition', description: 'A term the notice defines, with what it includes.' },
  },
  'definitions.term': { zh: '名词', en: 'Term', description: 'The term.' },
  'definitions.includes': { zh: '包括', en: 'Includes', description: 'What it includes.' },
  'definitions.declaredCount': { zh: '文件所列数量', en: 'Declared count', description: 'The count the notice states, where it does.' },
  'definitions.clause': CLAUSE,
  paymentChannels: {
    zh: '缴费渠道',
    en: 'Payment channels',
    description: 'How people can pay.',
    full: true,
    type: { name: 'PaymentChannel', description: 'A way to pay.' },
  },
  'paymentChannels.kind': {
    zh: '渠道类型',
    en: 'Kind',
    description: 'online, offline, family, batch, agent or other.',
    values: {
      online: ['线上', 'Online'],
      offline: ['线下', 'Offline'],
      family: ['亲情代缴', 'Family payment'],
      batch: ['批量代缴', 'Batch payment'],
      agent: ['代办', 'Agent'],
      other: ['其他', 'Other'],
    },
    graphql: { asString: true, enumField: { name: 'channelKind', enum: { name: 'PaymentChannelKind', description: 'The kind of a payment channel.' } } },
  },
  'paymentChannels.label': { zh: '名称', en: 'Label', description: 'The channel as the notice names it.' },
  'paymentChannels.channels': { zh: '渠道', en: 'Channels', description: 'The apps, counters or services.' },
  'paymentChannels.windows': { zh: '开放的缴费期', en: 'Windows', description: 'Codes of the windows in which this channel is open, where limited.' },
  'paymentChannels.excludes': { zh: '不适用', en: 'Excludes', description: 'Who may not use it.' },
  'paymentChannels.clause': CLAUSE,
  registration: {
    zh: '参保登记',
    en: 'Registration',
    description: '参保登记: how people register.',
    full: true,
    type: { name: 'Registration', description: '参保登记: how people register.' },
  },
  'registration.autoRenewal': { zh: '默认续保', en: 'Auto renewal', description: '默认续保: the insured are re-registered automatically.', graphql: { flatten: { presence: true } } },
  'registration.autoRenewal.clause': { ...CLAUSE, description: 'The clause on automatic renewal.' },
  'registration.online': { zh: '线上登记渠道', en: 'Online', description: 'Where to register online.' },
  'registration.offline': { zh: '线下登记渠道', en: 'Offline', description: 'Where to register in person.' },
  'registration.materials': {
    zh: '所需材料',
    en: 'Materials',
    description: 'Papers to bring.',
    type: { name: 'RegistrationMaterial', description: 'A paper to bring when registering.' },
  },
  'registration.materials.item': { zh: '材料', en: 'Item', description: 'The paper.' },
  'registration.materials.for': { zh: '适用对象', en: 'For', description: 'Who must bring it, where not everyone.' },
  'registration.materials.clause': CLAUSE,
  'registration.steps': {
    zh: '办理步骤',
    en: 'Steps',
    description: 'The steps of registration, who does them and by when.',
    type: { name: 'RegistrationStep', description: 'A step of registration.' },
  },
  'registration.steps.actor': { zh: '责任主体', en: 'Actor', description: 'Who does it.' },
  'registration.steps.action': { zh: '工作内容', en: 'Action', description: 'What is done.' },
  'registration.steps.withinWorkingDays': { zh: '工作日内完成', en: 'Within working days', description: 'Done within this many working days.' },
  'registration.steps.by': { zh: '完成时限', en: 'By', description: 'Done by this date.' },
  'registration.steps.clause': CLAUSE,
  'registration.clause': CLAUSE_OR_NULL,
  fundTransfers: {
    zh: '资金划转',
    en: 'Fund transfers',
    description: 'Transfers of funds the notice orders.',
    full: true,
    type: { name: 'FundTransfer', description: 'A transfer of funds the notice orders.' },
  },
  'fundTransfers.fund': { zh: '资金', en: 'Fund', description: 'The fund.' },
  'fundTransfers.description': { zh: '说明', en: 'Description', description: 'What is transferred to whom.' },
  'fundTransfers.by': { zh: '划转时限', en: 'By', description: 'Transferred by this date.' },
  'fundTransfers.clause': CLAUSE,
  supplementaryInsurance: {
    zh: '商业补充保险',
    en: 'Supplementary insurance',
    description: 'Voluntary commercial supplementary insurance offered (null: not mentioned).',
    full: true,
    graphql: { flatten: { main: 'voluntary' } },
  },
  'supplementaryInsurance.voluntary': { zh: '自愿参加', en: 'Voluntary', description: 'Joining is voluntary.' },
  'supplementaryInsurance.clause': { ...CLAUSE, description: 'The clause on supplementary insurance.' },
  workRequirements: {
    zh: '工作要求',
    en: 'Work requirements',
    description: 'Requirements on the campaign’s work.',
    full: true,
    type: { name: 'WorkRequirement', description: 'A requirement on the campaign’s work.' },
  },
  'workRequirements.topic': { zh: '事项', en: 'Topic', description: 'What it is about.' },
  'workRequirements.points': { zh: '要点', en: 'Points', description: 'Its points.' },
  'workRequirements.clause': CLAUSE,
  leadGroup: {
    zh: '领导小组',
    en: 'Lead group',
    description: '医疗保障工作领导小组 (or a coordination group), where the notice names one.',
    full: true,
    type: { name: 'LeadGroup', description: '医疗保障工作领导小组 (or a coordination group) with its office.' },
  },
  'leadGroup.name': { zh: '名称', en: 'Name', description: 'The group’s name.' },
  'leadGroup.kind': {
    zh: '类型',
    en: 'Kind',
    description: 'lead-group or coordination-group.',
    values: { 'lead-group': ['领导小组', 'Lead group'], 'coordination-group': ['协调小组', 'Coordination group'] },
    graphql: { asString: true, enumField: { name: 'groupKind', enum: { name: 'LeadGroupKind', description: 'The kind of group that leads the campaign.' } } },
  },
  'leadGroup.members': {
    zh: '领导小组成员',
    en: 'Members',
    description: 'The roster: leader, deputies and members with their posts.',
    full: true,
    type: { name: 'RosterMember', description: 'A member of the lead group.' },
  },
  'leadGroup.members.role': {
    zh: '职位',
    en: 'Role',
    description: 'Their role in the group.',
    values: {
      leader: ['组长', 'Leader'],
      'first-deputy': ['第一副组长', 'First deputy'],
      deputy: ['副组长', 'Deputy'],
      member: ['成员', 'Member'],
    },
    enum: { name: 'RosterRole', description: 'Role in the lead group: 组长, 第一副组长, 副组长, 成员.' },
  },
  'leadGroup.members.name': { zh: '姓名', en: 'Name', description: 'The person’s name.' },
  'leadGroup.members.post': { zh: '职务', en: 'Post', description: 'Their post.' },
  'leadGroup.office': {
    zh: '领导小组办公室',
    en: 'Office',
    description: 'The group’s office, where the notice sets one.',
    full: true,
    type: { name: 'LeadGroupOffice', description: 'The office of the lead group.' },
  },
  'leadGroup.office.hostedBy': { zh: '设在', en: 'Hosted by', description: 'The body the office is in.' },
  'leadGroup.office.composition': { zh: '组成', en: 'Composition', description: 'Who staffs it.' },
  'leadGroup.office.director': { zh: '主任', en: 'Director', description: 'Its director.' },
  'leadGroup.office.deputyDirectors': { zh: '副主任', en: 'Deputy directors', description: 'Its deputy directors.' },
  'leadGroup.office.phones': { zh: '联系电话', en: 'Phones', description: 'Its phone numbers.' },
  'leadGroup.office.duties': { zh: '职责', en: 'Duties', description: 'Its duties.' },
  'leadGroup.successorRule': { zh: '继任者自然接任', en: 'Successor rule', description: '继任者自然接任: successors take over without a new notice.' },
  'leadGroup.clause': CLAUSE,

  // ------------------------------------------------------------ annex tables
  quotaTables: {
    zh: '任务分解表',
    en: 'Quota tables',
    description: '任务分解表: enrollment targets by township or community, as printed.',
    full: true,
    type: { name: 'QuotaTable', description: 'A quota table (任务分解表) as printed, with the sum of its rows.' },
  },
  'quotaTables.code': { zh: '代码', en: 'Code', description: 'Local identifier of the table.' },
  'quotaTables.title': { zh: '标题', en: 'Title', description: 'The table’s title.' },
  'quotaTables.unitKind': { zh: '单位类别', en: 'Unit kind', description: 'What its rows are (乡镇, 社区 …).' },
  'quotaTables.populationLabel': { zh: '人口列名称', en: 'Population label', description: 'The heading of the population column.' },
  'quotaTables.targetLabel': { zh: '目标列名称', en: 'Target label', description: 'The heading of the target column.' },
  'quotaTables.rows': {
    zh: '各单位任务',
    en: 'Rows',
    description: 'One row per unit.',
    type: { name: 'QuotaRow', description: 'A row of a quota table (任务分解表).' },
  },
  'quotaTables.rows.seq': { zh: '序号', en: 'Number', description: 'The row’s number, where printed.' },
  'quotaTables.rows.unit': { zh: '单位', en: 'Unit', description: 'The township or community.' },
  ...under('quotaTables.rows', QUOTA_COLUMNS),
  'quotaTables.printedTotal': {
    zh: '合计（原文）',
    en: 'Printed total',
    description: 'The 合计 row exactly as printed, even where it differs from the sum of the rows.',
    type: { name: 'QuotaTotal', description: 'The totals of a quota table.' },
  },
  ...under('quotaTables.printedTotal', QUOTA_COLUMNS),
  'quotaTables.clause': CLAUSE,
  activationTables: {
    zh: '电子凭证激活率任务表',
    en: 'Activation tables',
    description: '医保电子凭证激活率 tables, as printed.',
    full: true,
    type: { name: 'ActivationTable', description: '医保电子凭证激活率 table.' },
  },
  'activationTables.code': { zh: '代码', en: 'Code', description: 'Local identifier of the table.' },
  'activationTables.title': { zh: '标题', en: 'Title', description: 'The table’s title.' },
  'activationTables.targetPercent': { zh: '目标激活率（%）', en: 'Target percent', description: 'The target activation rate in percent.' },
  'activationTables.rows': {
    zh: '各单位激活情况',
    en: 'Rows',
    description: 'One row per unit.',
    type: { name: 'ActivationRow', description: 'A row of an activation table (or its printed total, without number and unit).' },
  },
  'activationTables.rows.seq': { zh: '序号', en: 'Number', description: 'The row’s number, where printed.' },
  'activationTables.rows.unit': { zh: '单位', en: 'Unit', description: 'The township or community (null in the printed total).' },
  ...under('activationTables.rows', ACTIVATION_COLUMNS),
  'activationTables.printedTotal': {
    zh: '合计（原文）',
    en: 'Printed total',
    description: 'The 合计 row exactly as printed.',
    type: { name: 'ActivationRow', description: 'A row of an activation table (or its printed total, without number and unit).' },
  },
  ...under('activationTables.printedTotal', ACTIVATION_COLUMNS),
  'activationTables.notes': NOTES,
  'activationTables.clause': CLAUSE,

  // ------------------------------------------------------------ conventions and notes
  conventions: {
    zh: '约定',
    en: 'Conventions',
    description: 'Readings adopted where the notice is ambiguous.',
    full: true,
    type: { name: 'Convention', description: 'A reading adopted where the notice is ambiguous, and why.' },
  },
  'conventions.topic': { zh: '事项', en: 'Topic', description: 'What the reading is about.' },
  'conventions.choice': { zh: '采用的做法', en: 'Choice', description: 'The reading adopted.' },
  'conventions.reason': { zh: '理由', en: 'Reason', description: 'Why this reading.' },
  'conventions.path': { zh: '所决定的字段', en: 'Path', description: 'The document path of the reading it decides (coveragePeriod, readings.monthEnd …), where it decides one.' },
  notes: {
    zh: '备注',
    en: 'Notes',
    description: 'Remarks on the document as a whole.',
    full: true,
    type: { name: 'PolicyNote', description: 'A remark on the document.' },
  },
  'notes.text': { zh: '内容', en: 'Text', description: 'The remark.' },
  'notes.clause': { ...CLAUSE, description: 'The clause it refers to, where any.' },
};

/**
 * The editor's tabs (and the sections of the compare page): the document's top-level keys grouped in
 * the order of a notice. Every top-level key is in exactly one.
 */
export const SECTIONS: readonly { id: string; zh: string; en: string; keys: readonly string[] }[] = [
  { id: 'document', zh: '文件信息', en: 'Document', keys: ['schemaVersion', 'jurisdiction', 'coverageYear', 'metadata', 'outline'] },
  { id: 'scope', zh: '参保范围', en: 'Scope', keys: ['eligibility', 'targets'] },
  { id: 'fees', zh: '筹资标准', en: 'Fees', keys: ['fees'] },
  { id: 'subsidies', zh: '减免对象', en: 'Subsidies', keys: ['categoryLists', 'categories', 'stacking', 'ageRule', 'certification'] },
  { id: 'windows', zh: '缴费时间', en: 'Payment periods', keys: ['coveragePeriod', 'windows', 'milestones'] },
  { id: 'special-groups', zh: '特殊群体', en: 'Special groups', keys: ['specialGroups'] },
  { id: 'refund', zh: '退费', en: 'Refund', keys: ['refund'] },
  { id: 'registration', zh: '参保登记', en: 'Registration', keys: ['registration'] },
  { id: 'channels', zh: '缴费渠道', en: 'Payment channels', keys: ['paymentChannels'] },
  {
    id: 'work',
    zh: '工作要求',
    en: 'Work requirements',
    keys: ['workFunding', 'responsibilities', 'schedule', 'workRequirements', 'fundTransfers', 'supplementaryInsurance', 'definitions'],
  },
  { id: 'lead-group', zh: '领导小组', en: 'Lead group', keys: ['leadGroup'] },
  { id: 'annexes', zh: '附件', en: 'Annexes', keys: ['quotaTables', 'activationTables'] },
  { id: 'notes', zh: '说明', en: 'Notes', keys: ['readings', 'conventions', 'notes'] },
];

// ---------------------------------------------------------------- reading it

/** The entry of a schema path (`categories.benefit.kind`; indices are dropped: `categories[2].name` works too). */
export function entryOf(path: string): RegistryEntry | undefined {
  return REGISTRY[patternOfPath(path)];
}

/** `categories[2].benefit.kind` → `categories.benefit.kind`. */
export function patternOfPath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '');
}

export type Lang = 'zh' | 'en';

/** The label of a field in a language; undefined for a path the document does not have. */
export function pathLabel(path: string, lang: Lang = 'zh'): string | undefined {
  return entryOf(path)?.[lang];
}

const valueIndex = new Map<string, ValueLabel>();
for (const e of Object.values(REGISTRY))
  for (const [v, label] of Object.entries(e.values ?? {})) if (!valueIndex.has(v)) valueIndex.set(v, label);

/**
 * The label of an option value: the path's own, else the same value's label elsewhere in the document
 * (a value means the same wherever it occurs, unless a path says otherwise); undefined when unknown.
 */
export function pathValueLabel(path: string, value: unknown, lang: Lang = 'zh'): string | undefined {
  const v = String(value);
  const label = entryOf(path)?.values?.[v] ?? valueIndex.get(v);
  return label ? (lang === 'zh' ? label[0] : label[1]) : undefined;
}

/** Labels by last key: the first path with that key (for keys found where the document has none: an unknown key, an old document). */
const keyIndex = new Map<string, RegistryEntry>();
for (const [path, e] of Object.entries(REGISTRY)) {
  const key = path.split('.').pop()!;
  if (!keyIndex.has(key)) keyIndex.set(key, e);
}

/** The label of a path, else the label its last key has elsewhere in the document; undefined when neither is known. */
export function nearestLabel(path: string, lang: Lang = 'zh'): string | undefined {
  return pathLabel(path, lang) ?? keyIndex.get(patternOfPath(path).split('.').pop() ?? '')?.[lang];
}
