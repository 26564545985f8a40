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
        /** The case holds for payments from this day (Wuhe: dynamic enrollment from 2024-01-01, 三（一）); null: any. */
        paidFrom: isoDate.nullable().default(null),
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
  /** The person pays a percent of the fee (Lingyuan low-income: 30%). */
  z.strictObject({ kind: z.literal('person-pays-percent'), percent }),
  /** A fixed reduction (Lingyuan only-son households: 30 off). */
  z.strictObject({ kind: z.literal('reduction'), amountFen: fen }),
  /** Subsidised exactly as another category (Wuhe 重点优抚 like 低保). */
  z.strictObject({ kind: z.literal('same-as'), category: code }),
]);

/**
 * A disability condition (残疾条件): the grades of the 残疾人证 (一级 … 四级, 1 the most severe) that
 * qualify, and whether the person must (true) or must not (false) belong to a household with several
 * disabled members (一户多残家庭). No grades: any grade. `text`: the condition as the notice words it.
 */
export const DisabilityCondition = z.strictObject({
  grades: z.array(z.number().int().min(1).max(4)).min(1).optional(),
  multiDisabledHousehold: z.boolean().optional(),
  text,
});

/**
 * Which members of a household a household's category covers (夫妻及其未满18周岁子女 …): the couple
 * (`spouses`), their children with the limits the notice sets (sex, an age limit judged on the age
 * reference date, and `untilMarried`: a child who marries no longer qualifies, Wuhe 二（二）6).
 */
export const MembersCondition = z.strictObject({
  spouses: z.boolean(),
  children: z
    .strictObject({
      sex: z.enum(['female', 'male']).optional(),
      belowAge: z.number().int().min(1).optional(),
      untilMarried: z.literal(true).optional(),
    })
    .nullable(),
  text,
});

/** One way of meeting a category's conditions; all of its parts must hold. */
export const ConditionSet = z.strictObject({
  /** Age in whole years at the policy's age reference date: `min` inclusive, `below` exclusive. */
  age: z
    .strictObject({ min: z.number().int().min(0).optional(), below: z.number().int().min(1).optional() })
    .optional(),
  disability: DisabilityCondition.optional(),
  /** Household registration: rural (农村居民), or a village of the revolutionary base area (革命老区（基点）村, itself rural). */
  residence: z.enum(['rural', 'revolutionary-base-village']).optional(),
  members: MembersCondition.optional(),
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
  /** Circumstances that end the benefit, as the notice words them (the rule itself is in `conditions`). */
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
  /**
   * 认定时间截至: a person certified on or before this date is certified in the ordinary way (the
   * lists the agencies report); one certified later is newly certified (`newlyCertified`).
   */
  cutoff: isoDate.nullable(),
  /** Deadline for agencies to report their lists. */
  reportBy: isoDate.nullable().default(null),
  /** Period in which newly certified people are reported as they come. */
  dynamicReporting: z.strictObject({ from: isoDate, to: isoDate }).nullable().default(null),
  /**
   * Rules for people certified after the cutoff (or, where the notice sets none, in the dates given),
   * the first whose dates hold deciding. A certification no rule covers is ordinary: a payment made on
   * or after it is subsidised, one made before is not, and no refund follows.
   */
  newlyCertified: z
    .array(
      z.strictObject({
        certifiedFrom: isoDate.nullable().default(null),
        certifiedTo: isoDate.nullable().default(null),
        /**
         * Which payments the category subsidises: those made on or after the first day of the month
         * after certification (Shishi 2024 五（二） 从认定之日次月起), or on or after the day of certification.
         */
        subsidyFrom: z.enum(['month-after-certification', 'on-certification']),
        /**
         * A person who paid before being certified: no subsidy for the year (不再资助参保), or the
         * subsidy refunded (Lingyuan 四（六） 办理退费); null where the notice states no rule.
         */
        ifAlreadyPaid: z.enum(['no-subsidy', 'refund']).nullable(),
        /** true where a part of the rule is a reading adopted where the notice is silent (see `conventions`). */
        convention: z.boolean(),
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
  /** `anytime`: the span in which listed groups may enroll at any time (随时办理), e.g. Meishan 二（二）3. */
  kind: z.enum(['registration', 'central', 'extended', 'back-payment', 'dynamic', 'off-window', 'anytime']),
  name: text,
  from: isoDate,
  to: isoDate,
  /** A registration-only window takes no payments. */
  acceptsPayment: z.boolean().default(true),
  /**
   * everyone; or only the listed special groups (Wuhe's dynamic enrollment); or ordinary residents
   * (those no window of their groups takes). A payment falls in a window open to everyone first, then
   * in one open to a group of the person's, then in one for ordinary residents.
   */
  who: z.enum(['everyone', 'listed-groups', 'ordinary-residents']).default('everyone'),
  groups: z.array(code).default([]),
  benefitStart: BenefitStart,
  waiting: WaitingRule,
  /**
   * Who may use the window, where the notice restricts it in a way the quote must check: only people
   * who had no basic insurance earlier in the coverage year (Meishan 二（二）2 当年度未参加过任何基本医保).
   * It binds ordinary residents; a special group whose own rule applies is not bound by it.
   */
  condition: z.strictObject({ notInsuredEarlierInYear: z.literal(true), text }).optional(),
  /** What the notice says of the window's users that the quote does not check (e.g. 漏保、断保). */
  note: text.optional(),
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
  /**
   * What the payment buys: the coverage year's fee (`individual`); or, for a rule whose benefits start
   * before the coverage year, the months before it free of charge (`none-for-current-year`: Shishi
   * freshmen Sept–Dec) or only the next year's fee (`next-year-only`: Lingyuan freshmen). Either lets the
   * rule's start precede the coverage year. A group's fee that differs is in fees.specialCases.
   */
  fee: z.enum(['individual', 'none-for-current-year', 'next-year-only']).default('individual'),
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

// ---------------------------------------------------------------- readings

/*
 * Readings: what a quote needs that the notice decides only implicitly, or not at all. Each is a
 * setting of the document (the engine holds none of its own), with the clause that decides it or,
 * where the notice is silent, `convention: true` and an entry of `conventions` whose `path` names it.
 */
const source = {
  /** The clause that decides the reading; null where it is a convention. */
  clause: clause.nullable(),
  /** true: the notice is silent and this is the reading adopted (explained in `conventions`). */
  convention: z.boolean(),
};

/** 待遇享受期: the period a payment for the coverage year buys benefits in (its first and last day). */
export const CoveragePeriod = z.strictObject({ from: isoDate, to: isoDate, ...source });

export const Readings = z.strictObject({
  /**
   * Where benefits start for a group exempt from a window's waiting period whose own rules set no
   * start for the payment (the notice says only 按有关规定执行): the payment day or the day after.
   */
  waitingExemptStart: z.strictObject({ benefitStart: z.enum(['payment-day', 'day-after-payment']), ...source }),
  /**
   * A months rule (benefits N months after paying, a payment within N months of an event) that ends in
   * a month without the day it starts from (31 March + 3 months) ends on that month's last day (Civil
   * Code art. 202: 没有对应日的，月末日为期间的最后一日).
   */
  monthEnd: z.strictObject({ rule: z.literal('last-day-of-month'), ...source }),
  /**
   * What an empty payment date of a cohort's person means: a payment in this window, on its first day,
   * or on the day of birth for a baby born after that day.
   */
  emptyPaymentDate: z.strictObject({ window: code, day: z.literal('first-day-or-birth-date'), ...source }),
});

// ---------------------------------------------------------------- the document

export const Convention = z.strictObject({
  topic: text,
  choice: text,
  reason: text,
  /** The document path of the reading this convention decides (`coveragePeriod`, `readings.monthEnd` …), where it decides one. */
  path: z.string().min(1).optional(),
});

export const PolicyDocument = z.strictObject({
  /** 2: readings as data (coveragePeriod, readings, structured conditions); a version-1 document is upgraded on reading (upgrade.ts). */
  schemaVersion: z.literal(2),
  jurisdiction: z.strictObject({ name: text, code: z.string().regex(/^\d{6}(\d{3})?$/).nullable() }),
  /** The year whose benefits the notice funds (待遇享受年度). */
  coverageYear: z.number().int().min(2000).max(2100),
  coveragePeriod: CoveragePeriod,
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
  readings: Readings,
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
export type ConditionSet = z.output<typeof ConditionSet>;
export type Readings = z.output<typeof Readings>;
