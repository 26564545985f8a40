import { z } from 'zod';
import { clause, code, count, fen, isoDate, percent, text } from './primitives.js';

/*
 * The policy document: one jurisdiction's rules for one coverage year, as its annual notice sets them.
 * Every number and date an engine or a reader needs lives here (the engine holds none), and every
 * rule names the clause of the notice it comes from. Money is integer fen; dates are `YYYY-MM-DD`.
 * Cross-field rules live in validate.ts.
 */

// ---------------------------------------------------------------- metadata

export const Metadata = z.strictObject({
  title: text,
  /** 文号, e.g. 狮政办规〔2023〕8号 */
  documentNumber: text,
  /** notice (通知), work plan (工作方案), or a notice that issues a work plan (印发…方案的通知) */
  kind: z.enum(['notice', 'work-plan', 'notice-of-work-plan']),
  /** Title of the attached work plan, where the notice issues one. */
  planTitle: text.optional(),
  issuers: z.array(text).min(1, { message: 'must name at least one issuer' }),
  issuedOn: isoDate,
  /** 印发 date and office, from the colophon. */
  printed: z.strictObject({ on: isoDate, by: text }).optional(),
  addressees: z.array(text).default([]),
  copiedTo: z.array(text).default([]),
  /** 根据 …: the documents the notice is based on. */
  basis: z.array(z.strictObject({ title: text, number: text.optional(), clause })).default([]),
  validity: z
    .strictObject({
      /** `on-issue`: 自发布之日起执行 */
      from: z.union([z.literal('on-issue'), isoDate]),
      until: isoDate.nullable(),
      clause,
    })
    .nullable(),
  /** 主动公开 (public) / 依申请公开 (on request); null where the notice does not say. */
  disclosure: z.enum(['public', 'on-request']).nullable(),
  interpretedBy: z.strictObject({ body: text, clause }).nullable().default(null),
  /** The clause saying that later national or provincial rules prevail over this notice. */
  higherRulesPrevail: z.strictObject({ levels: z.array(text).min(1), clause }).nullable().default(null),
  attachments: z.array(z.strictObject({ number: z.number().int().positive(), title: text })).default([]),
});

// ---------------------------------------------------------------- scope and targets

export const Eligibility = z.strictObject({
  /** Who is excluded up front (e.g. people who must join employee insurance). */
  excludes: z.array(text).default([]),
  groups: z.array(z.strictObject({ code, label: text, clause })).min(1, { message: 'must list at least one group' }),
  /** 全户参保: a household enrolls whole, never selectively. */
  wholeHousehold: z.strictObject({ clause }).nullable().default(null),
  /** The rule against double enrollment (across places or schemes), where the notice states it. */
  noDoubleEnrollment: z.strictObject({ rules: z.array(text).min(1), clause }).nullable().default(null),
  clause,
});

export const Target = z.strictObject({
  kind: z.enum(['coverage-rate', 'enrollment-rate', 'not-below-previous-year', 'activation-rate', 'other']),
  percent: percent.nullable().default(null),
  label: text,
  clause,
});

// ---------------------------------------------------------------- fees

export const GovernmentLevel = z.enum(['central', 'provincial', 'prefecture', 'county', 'township', 'local']);

export const Fees = z.strictObject({
  /** 个人缴费标准: what a person pays per year before any subsidy. */
  individual: z.strictObject({ amountFen: fen, clause }),
  /** 财政补助标准: a floor (不低于) or a fixed amount, with its split by level of government where printed. */
  government: z.strictObject({
    basis: z.enum(['floor', 'fixed']),
    amountFen: fen,
    split: z.array(z.strictObject({ level: GovernmentLevel, label: text, amountFen: fen })).default([]),
    /** Who bears it, where printed without figures (e.g. city and higher levels together). */
    borneBy: z.array(text).default([]),
    clause,
  }),
  /** 筹资标准: individual + government, where the notice prints it. */
  totalFinancing: z.strictObject({ amountFen: fen, clause }).nullable().default(null),
  /** Serious-illness insurance bought from the pooled fund (no extra fee for the person). */
  criticalIllness: z.strictObject({ individualFen: fen, fundedBy: text, clause }).nullable().default(null),
  /**
   * Late payment (补缴) from `from` on costs individual + government subsidy, except for the listed
   * special groups and, where `exemptNeedy`, for people in a category flagged `needy` (困难人口).
   */
  lateSurcharge: z
    .strictObject({
      from: isoDate,
      amount: z.literal('individual-plus-government'),
      exemptGroups: z.array(code).default([]),
      exemptNeedy: z.boolean(),
      /** Extra condition on an exemption, e.g. transfers only within 3 months of stopping. */
      notes: z.array(text).default([]),
      clause,
    })
    .nullable(),
  /** Fees that differ for a group, possibly across several coverage years (Wuhe's 2023 newborns). */
  specialCases: z
    .array(
      z.strictObject({
        code,
        label: text,
        group: code,
        bornInYear: z.number().int().nullable().default(null),
        charges: z.array(z.strictObject({ coverageYear: z.number().int(), amountFen: fen })).min(1),
        clause,
      }),
    )
    .default([]),
});

// ---------------------------------------------------------------- subsidy categories

/** 资金来源: who pays a category's subsidy. `label` is the wording of the notice. */
export const FundSourceKind = z.enum([
  'medical-assistance', // 医疗救助资金
  'fiscal', // 财政 (本级/各级)
  'fiscal-special', // 财政专项资金
  'township', // 乡镇政府
  'government', // 政府 (unspecified level)
]);

export const Benefit = z.discriminatedUnion('kind', [
  /** 全额资助: the whole individual fee. */
  z.strictObject({ kind: z.literal('full') }),
  /** A percent of the fee paid as a fixed subsidy (Shishi 低保 90%). */
  z.strictObject({ kind: z.literal('percent'), percent }),
  /** 定额资助: a fixed amount off the fee (Wuhe 低保 320). */
  z.strictObject({ kind: z.literal('fixed-subsidy'), amountFen: fen }),
  /** The person pays a fixed amount, the rest is subsidised. */
  z.strictObject({ kind: z.literal('fixed-payment'), amountFen: fen }),
  /** The person pays a percent of the fee (Lingyuan low-income: 30%). */
  z.strictObject({ kind: z.literal('person-pays-percent'), percent }),
  /** A fixed reduction (Lingyuan only-son households: 30 off). */
  z.strictObject({ kind: z.literal('reduction'), amountFen: fen }),
  /** Subsidised exactly as another category (Wuhe 重点优抚 like 低保). */
  z.strictObject({ kind: z.literal('same-as'), category: code }),
]);

/** One way of meeting a category's conditions; all of its parts must hold. */
export const ConditionSet = z.strictObject({
  /** Age in whole years at the policy's age reference date: `min` inclusive, `below` exclusive. */
  age: z
    .strictObject({ min: z.number().int().min(0).optional(), below: z.number().int().min(1).optional() })
    .optional(),
  disability: z.enum(['any', 'severe', 'grade-3-4', 'card-holder-not-severe', 'multi-disabled-household']).optional(),
  residence: z.enum(['rural', 'urban', 'revolutionary-base-village']).optional(),
  /** Which household members are covered when the category is a household's (spouses, children under 18…). */
  members: z
    .enum(['self', 'spouses-and-children-under-18', 'spouses-and-daughters-under-18', 'spouses-and-sons-under-18'])
    .optional(),
  note: text.optional(),
});

export const Category = z.strictObject({
  /** Local identifier, used in quotes. */
  code,
  /** Identity codes of the national/provincial system (Meishan 993406 …); several where one category spans them. */
  officialCodes: z.array(z.string().regex(/^\d{2,8}$/, { message: 'must be the digits of an identity code' })).default([]),
  name: text,
  /** 认定部门: the agency that certifies membership. */
  agency: text,
  fundSource: z.strictObject({ kind: FundSourceKind, label: text }),
  benefit: Benefit,
  /** Amounts printed beside a percent benefit (Meishan: 即285元), checked against the computed value. */
  printed: z.strictObject({ subsidyFen: fen.optional(), paymentFen: fen.optional() }).optional(),
  /** Empty: no condition. Otherwise a person qualifies when any one set holds. */
  conditions: z.array(ConditionSet).default([]),
  /** Counts as 困难人口 (needy people), e.g. for exemption from the late surcharge. */
  needy: z.boolean(),
  /** Which printed list it belongs to, where a notice groups categories (Lingyuan 全部/部分减免). */
  list: code.optional(),
  /** Circumstances that end the benefit (e.g. a daughter who marries). */
  endsWhen: z.array(text).default([]),
  /** What the notice does not say about this category, so that the value above is a reading (an open question). */
  unstated: z.array(z.enum(['agency', 'fund-source'])).default([]),
  notes: z.array(text).default([]),
  clause,
});

export const CategoryList = z.strictObject({
  code,
  label: text,
  /** The count the notice states ("共17种"), checked against the categories that name this list. */
  declaredCount: count.nullable(),
  countingNote: text.optional(),
  clause,
});

export const Stacking = z.strictObject({
  /**
   * single-most-favourable: only one subsidy, the one best for the person (Shishi "只享受一种");
   * highest: 就高 (Wuhe); priority-order: `order` decides, the last matching one wins (Meishan 导盘顺序).
   */
  rule: z.enum(['single-most-favourable', 'highest', 'priority-order']),
  order: z.array(code).default([]),
  /** true where the notice states no rule and this is the convention adopted. */
  convention: z.boolean(),
  note: text.optional(),
  clause: clause.nullable(),
});

export const AgeRule = z.strictObject({
  /** Age is judged on this date: by default the end of the year before the coverage year. */
  referenceDate: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('end-of-previous-year') }),
    z.strictObject({ kind: z.literal('date'), date: isoDate }),
  ]),
  convention: z.boolean(),
  note: text.optional(),
  clause: clause.nullable(),
});

export const Certification = z.strictObject({
  agencies: z.array(text).default([]),
  /** 认定时间截至: status as of this date counts for the central window. */
  cutoff: isoDate.nullable(),
  /** Deadline for agencies to report their lists. */
  reportBy: isoDate.nullable().default(null),
  /** Period in which newly certified people are reported as they come. */
  dynamicReporting: z.strictObject({ from: isoDate, to: isoDate }).nullable().default(null),
  newlyCertified: z
    .array(
      z.strictObject({
        certifiedFrom: isoDate.nullable().default(null),
        certifiedTo: isoDate.nullable().default(null),
        /** When the subsidy applies for someone certified during the year. */
        subsidyFrom: z.enum(['month-after-certification', 'on-certification']).nullable(),
        /** What happens if the person already paid before being certified. */
        ifAlreadyPaid: z.enum(['no-subsidy', 'refund']).nullable(),
        clause,
      }),
    )
    .default([]),
  /** People entitled to a partial subsidy who refuse to pay after repeated mobilisation. */
  refusal: z.strictObject({ consequence: text, clause }).nullable().default(null),
  clause: clause.nullable(),
});

// ---------------------------------------------------------------- periods and benefit start

/**
 * 等待期: how long after paying benefits start.
 * - days: `payment-day-is-day-1` (Shishi 缴费之日起60日（含）: paying 03-01, benefits 04-30) or
 *   `payment-day-excluded` (Lingyuan 缴费后60天: counting starts the next day; Civil Code art. 201);
 * - months: benefits start on the same day of the month N months later (2025-03-10 + 3 → 2025-06-10),
 *   or on the last day of that month when it has no such day;
 * - nth-month: from the first day of the Nth month, counting the payment month as the 1st
 *   (Meishan 4th: pay 2024-05-15 → 2024-08-01).
 */
export const WaitingRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('days'),
    days: z.number().int().positive(),
    convention: z.enum(['payment-day-is-day-1', 'payment-day-excluded']),
  }),
  z.strictObject({
    kind: z.literal('months'),
    months: z.number().int().positive(),
    convention: z.literal('same-day-of-month-clamped'),
  }),
  z.strictObject({
    kind: z.literal('nth-month'),
    n: z.number().int().min(2),
    convention: z.literal('payment-month-is-first'),
  }),
]);

export const BenefitStart = z.enum([
  'coverage-start', // Jan 1 of the coverage year
  'payment-day',
  'day-after-payment',
  'birth-date',
  'fixed-date',
  'after-waiting',
]);

export const Window = z.strictObject({
  code,
  kind: z.enum(['registration', 'central', 'extended', 'back-payment', 'dynamic', 'off-window']),
  name: text,
  from: isoDate,
  to: isoDate,
  /** A registration-only window takes no payments. */
  acceptsPayment: z.boolean().default(true),
  /** everyone; or only the listed special groups (Wuhe's dynamic enrollment); or ordinary residents only. */
  who: z.enum(['everyone', 'listed-groups', 'ordinary-residents']).default('everyone'),
  groups: z.array(code).default([]),
  benefitStart: BenefitStart,
  waiting: WaitingRule,
  /** Condition on who may use the window, where the notice sets one (e.g. no basic insurance that year). */
  condition: text.optional(),
  clause,
});

/** A dated step of the campaign that is not a payment window (a deadline, a check phase). */
export const Milestone = z.strictObject({
  kind: z.enum(['deadline', 'target-date', 'phase']),
  label: text,
  from: isoDate.nullable().default(null),
  on: isoDate,
  clause,
});

// ---------------------------------------------------------------- special groups

export const SpecialGroupRule = z.strictObject({
  /** When the rule applies; all given parts must hold. Empty: always. */
  when: z
    .strictObject({
      paidFrom: isoDate.optional(),
      paidBy: isoDate.optional(),
      /** Payment within N days of birth; `inclusive`: day N counts (出生90日（含）内). */
      withinDaysOfBirth: z.strictObject({ days: z.number().int().positive(), inclusive: z.boolean() }).optional(),
      /** Payment more than N days after birth. */
      afterDaysOfBirth: z.strictObject({ days: z.number().int().positive(), inclusive: z.boolean() }).optional(),
      /** Paid before the person's Nth birthday (一周岁以内: 1). */
      paidBeforeAgeYears: z.number().int().positive().optional(),
      /** Born in this calendar year (Wuhe: newborns of 2023). */
      bornInYear: z.number().int().min(1900).max(2100).optional(),
      /** Payment within N months of an event (employee insurance stopped). */
      withinMonthsOfEvent: z
        .strictObject({ months: z.number().int().positive(), inclusive: z.boolean(), event: text })
        .optional(),
      note: text.optional(),
    })
    .default({}),
  benefitStart: BenefitStart,
  benefitStartDate: isoDate.optional(),
  waiting: WaitingRule.optional(),
  /** Where coverage ends, if not at the end of the coverage year. */
  benefitEnd: isoDate.optional(),
  /** A gap in coverage that is covered retroactively (Meishan employee-insurance transfers). */
  retroactive: z.boolean().default(false),
  /** `none`: nothing to pay for that span (freshmen Sept–Dec); `special`: see fees.specialCases. */
  fee: z.enum(['individual', 'none-for-current-year', 'next-year-only', 'special']).default('individual'),
  /** What the notice does not say about this rule (the boundary day of a days-of-birth limit: 含 or 不含). */
  unstated: z.array(z.enum(['boundary-day'])).default([]),
  note: text.optional(),
  clause,
});

export const SpecialGroup = z.strictObject({
  code,
  kind: z.enum([
    'newborn',
    'freshman',
    'student',
    'employee-transfer',
    'moved-in',
    'released-prisoner',
    'veteran',
    'migrant-worker',
    'needy',
    'fisherman',
    'mental-disorder',
    'infant-deceased',
    'no-identity',
    'other',
  ]),
  name: text,
  /** Skips the waiting period of late windows. */
  waitingExempt: z.boolean(),
  /** Everyone in a category flagged `needy` belongs to this group (困难人口 defined by the categories). */
  impliedByNeedyCategories: z.boolean().default(false),
  /** May enroll and pay at any time of the year (随时办理), not only in the windows. */
  enrollAnytime: z.boolean().default(false),
  /** The group's rules are set elsewhere (按省、泉州市有关规定执行): which rules, and where the notice says so. */
  externalRules: z.strictObject({ reference: text, clause }).nullable().default(null),
  /** Where this group must register, when only one place serves it (e.g. a city insurance centre). */
  registrationVenue: z.strictObject({ place: text, clause }).nullable().default(null),
  rules: z.array(SpecialGroupRule).default([]),
  notes: z.array(text).default([]),
  clause,
});

// ---------------------------------------------------------------- refund

export const RefundReason = z.enum(['death', 'duplicate-payment', 'joined-employee-insurance', 'joined-other-city']);

export const Refund = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        reasons: z.array(RefundReason).min(1),
        /** A refund may be asked for only while benefits have not yet started. */
        allowed: z.literal('before-benefit-period'),
        afterStart: z.literal('not-refundable'),
        procedure: z.strictObject({ title: text, number: text }).optional(),
        clause,
      }),
    )
    .min(1),
});

// ---------------------------------------------------------------- work organisation

export const WorkFunding = z.strictObject({
  payer: text,
  recipients: z.array(text).min(1),
  purpose: text.optional(),
  /** Assessed as of this date, where the notice says. */
  assessedOn: isoDate.nullable().default(null),
  tiers: z
    .array(
      z.strictObject({
        ratePerPersonFen: fen,
        enrollmentRate: z.strictObject({ min: percent.optional(), below: percent.optional() }).optional(),
        activationRate: z.strictObject({ min: percent.optional(), below: percent.optional() }).optional(),
      }),
    )
    .min(1),
  clause,
});

export const Responsibility = z.strictObject({ department: text, duties: z.array(text).min(1), clause });

export const SchedulePhase = z.strictObject({
  phase: text,
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  tasks: z.array(text).default([]),
  clause,
});

export const Definition = z.strictObject({
  term: text,
  includes: z.array(text).min(1),
  declaredCount: count.nullable().default(null),
  clause,
});

export const PaymentChannel = z.strictObject({
  kind: z.enum(['online', 'offline', 'family', 'batch', 'agent', 'other']),
  label: text,
  channels: z.array(text).min(1),
  /** Windows in which this channel is open, where limited (family payment in Shishi 2025). */
  windows: z.array(code).default([]),
  excludes: z.array(text).default([]),
  clause,
});

export const Registration = z.strictObject({
  /** 默认续保: people already insured are re-registered automatically. */
  autoRenewal: z.strictObject({ clause }).nullable(),
  online: z.array(text).default([]),
  offline: z.array(text).default([]),
  materials: z.array(z.strictObject({ item: text, for: text.optional(), clause })).default([]),
  steps: z
    .array(
      z.strictObject({
        actor: text,
        action: text,
        withinWorkingDays: z.number().int().positive().optional(),
        by: isoDate.optional(),
        clause,
      }),
    )
    .default([]),
  clause: clause.nullable(),
});

export const FundTransfer = z.strictObject({
  fund: text,
  description: text,
  by: isoDate.nullable().default(null),
  clause,
});

export const WorkRequirement = z.strictObject({ topic: text, points: z.array(text).default([]), clause });

export const LeadGroup = z.strictObject({
  name: text,
  kind: z.enum(['lead-group', 'coordination-group']),
  members: z
    .array(
      z.strictObject({
        role: z.enum(['leader', 'first-deputy', 'deputy', 'member']),
        name: text,
        post: text,
      }),
    )
    .min(1),
  office: z
    .strictObject({
      hostedBy: text,
      composition: z.array(text).default([]),
      director: text.optional(),
      deputyDirectors: z.array(text).default([]),
      phones: z.array(text).default([]),
      duties: z.array(text).default([]),
    })
    .nullable(),
  /** 继任者自然接任: a successor in a post takes over without a new notice. */
  successorRule: z.boolean(),
  clause,
});

// ---------------------------------------------------------------- annex tables

export const QuotaRow = z.strictObject({
  seq: z.number().int().positive().optional(),
  unit: text,
  /** 户籍人口数 */
  population: count,
  /** 有效居住证数, where printed (Lingyuan) */
  residencePermits: count.nullable().default(null),
  /** 应参保任务数 / 目标任务数 */
  target: count,
});

export const QuotaTable = z.strictObject({
  code,
  title: text,
  unitKind: text,
  populationLabel: text,
  targetLabel: text,
  rows: z.array(QuotaRow).min(1),
  /** The 合计 row exactly as printed, even where it differs from the sum of the rows. */
  printedTotal: z.strictObject({ population: count, residencePermits: count.nullable().default(null), target: count }),
  clause,
});

export const ActivationRow = z.strictObject({
  seq: z.number().int().positive().optional(),
  unit: text,
  insured: count,
  activated: count,
  notActivated: count,
  /** The rate as printed, e.g. "30.57%". */
  ratePrinted: z.string().regex(/^\d{1,3}(\.\d+)?%$/, { message: 'must be a percentage as printed, e.g. 30.57%' }),
  /** Activations needed for the target rate (the "60%激活率" column). */
  targetActivated: count,
  gap: count,
});

export const ActivationTable = z.strictObject({
  code,
  title: text,
  targetPercent: percent,
  rows: z.array(ActivationRow).min(1),
  printedTotal: ActivationRow.omit({ seq: true, unit: true }),
  notes: z.array(text).default([]),
  clause,
});

// ---------------------------------------------------------------- the notice's own outline

/** The numeral of a section of a notice: 一 … 九十九. */
export const sectionNumeral = z
  .string()
  .regex(/^[一二三四五六七八九十]{1,3}$/, { message: 'must be a section numeral as the notice writes it (一, 二, … 十一)' });

/**
 * How the notice itself is laid out, so that the issued text keeps its outline: its sections (一、…)
 * with their titles in order, and the headings of numbered items that are titles rather than rules
 * (五（一）办理居民医保的服务及要求, 三（三）1 全额资助对象). Every rule is placed by its clause
 * (`四（三）` is item （三） of section 四), so the grouping and numbering of items are the notice's
 * own: rules that share a clause are one item.
 */
export const NoticeOutline = z.strictObject({
  sections: z
    .array(z.strictObject({ number: sectionNumeral, title: text }))
    .min(1, { message: 'must list at least one section' }),
  headings: z
    .array(
      z.strictObject({
        /** The item's place in the notice's numbering (a clause: 五（一）, 三（三）1). */
        at: clause,
        title: text,
        /** The heading opens the item's paragraph (（一）缴费标准。2024年度…) rather than standing on its own line. */
        runIn: z.boolean().default(false),
      }),
    )
    .default([]),
});

// ---------------------------------------------------------------- the document

export const Convention = z.strictObject({ topic: text, choice: text, reason: text });

export const PolicyDocument = z.strictObject({
  schemaVersion: z.literal(1),
  jurisdiction: z.strictObject({ name: text, code: z.string().regex(/^\d{6}(\d{3})?$/).nullable() }),
  /** The year whose benefits the notice funds (待遇享受年度). */
  coverageYear: z.number().int().min(2000).max(2100),
  metadata: Metadata,
  /** The notice's sections and item headings; null: sections follow the clauses, titled by the registry. */
  outline: NoticeOutline.nullable().default(null),
  eligibility: Eligibility,
  targets: z.array(Target).default([]),
  fees: Fees,
  categoryLists: z.array(CategoryList).default([]),
  categories: z.array(Category).default([]),
  stacking: Stacking,
  ageRule: AgeRule,
  certification: Certification,
  windows: z.array(Window).min(1, { message: 'must have at least one window' }),
  milestones: z.array(Milestone).default([]),
  specialGroups: z.array(SpecialGroup).default([]),
  refund: Refund.nullable(),
  workFunding: z.array(WorkFunding).default([]),
  responsibilities: z.array(Responsibility).default([]),
  schedule: z.array(SchedulePhase).default([]),
  definitions: z.array(Definition).default([]),
  paymentChannels: z.array(PaymentChannel).default([]),
  registration: Registration,
  fundTransfers: z.array(FundTransfer).default([]),
  supplementaryInsurance: z.strictObject({ voluntary: z.boolean(), clause }).nullable().default(null),
  workRequirements: z.array(WorkRequirement).default([]),
  leadGroup: LeadGroup.nullable(),
  quotaTables: z.array(QuotaTable).default([]),
  activationTables: z.array(ActivationTable).default([]),
  conventions: z.array(Convention).default([]),
  notes: z.array(z.strictObject({ text, clause: clause.nullable() })).default([]),
});

export type PolicyDocument = z.output<typeof PolicyDocument>;
export type PolicyDocumentInput = z.input<typeof PolicyDocument>;
export type Category = z.output<typeof Category>;
export type Benefit = z.output<typeof Benefit>;
export type Window = z.output<typeof Window>;
export type WaitingRule = z.output<typeof WaitingRule>;
export type SpecialGroup = z.output<typeof SpecialGroup>;
export type QuotaTable = z.output<typeof QuotaTable>;
export type ActivationTable = z.output<typeof ActivationTable>;
export type LeadGroup = z.output<typeof LeadGroup>;
export type RefundReason = z.output<typeof RefundReason>;
export type NoticeOutline = z.output<typeof NoticeOutline>;
