import { enumOf, fields, list, nullable, objectType, T } from '../../graphql/object-types.js';
import { Field, ID, InputType, Int } from 'type-graphql';
import {
  ASSUMED_FACTS,
  DISABILITY_KINDS,
  HOUSEHOLD_ROLES,
  MARITAL_STATUSES,
  REFUND_REQUEST_REASONS,
  RESIDENCES,
  SEXES,
  TRACE_RULES,
} from '../../engine/index.js';
import { documentEnum } from '../../graphql/document-types.js';
import { graphqlEnum } from '../../graphql/enums.js';
import { DateScalar } from '../../graphql/scalars.js';

/*
 * The quote API's types. A quote is asked with the person's facts the notices decide by (all optional:
 * where a rule needs one not given, the answer lists what it assumed) and answered with the version
 * that answered, from when it was in force, and every step with its clause.
 */

const REFUND_REQUEST_TEXT: Record<(typeof REFUND_REQUEST_REASONS)[number], string> = {
  death: '死亡 (Death)',
  'duplicate-payment': '重复缴费 (Duplicate payment)',
  'joined-employee-insurance': '参加职工医保 (Joined employee insurance)',
  'joined-other-city': '参加其他地市居民医保 (Joined another city’s resident insurance)',
  'newly-certified': '认定前已缴费 (Certified in a subsidy category after paying): the eventDate is the day of certification',
};
const RefundRequestReasonEnum = graphqlEnum(REFUND_REQUEST_REASONS, 'RefundRequestReason', 'Why a refund is asked for.', (r) => REFUND_REQUEST_TEXT[r]);
const ResidenceEnum = graphqlEnum(RESIDENCES, 'Residence', 'Household registration, where a category depends on it.', {
  rural: '农村居民 (rural)',
  urban: '城镇居民 (urban)',
  'revolutionary-base-village': '革命老区（基点）村 (a village of a revolutionary base area; rural too)',
});
const HouseholdRoleEnum = graphqlEnum(HOUSEHOLD_ROLES, 'HouseholdRole', 'The person’s place in the household a household’s category covers.', {
  spouse: '夫妻 (one of the couple)',
  child: '子女 (their child)',
  other: '其他家庭成员 (another member of the household)',
});
const SexEnum = graphqlEnum(SEXES, 'Sex', 'The person’s sex, where a category covers only daughters or sons.', { female: '女 (female)', male: '男 (male)' });
const MaritalStatusEnum = graphqlEnum(MARITAL_STATUSES, 'MaritalStatus', '婚姻状况 (GB/T 2261.2).', {
  unmarried: '未婚 (never married)',
  married: '已婚 (married)',
  widowed: '丧偶 (widowed)',
  divorced: '离婚 (divorced)',
});
const DisabilityKindEnum = graphqlEnum(DISABILITY_KINDS, 'DisabilityKind', '残疾类别 of the 残疾人证.', {
  visual: '视力残疾 (visual)',
  hearing: '听力残疾 (hearing)',
  speech: '言语残疾 (speech)',
  physical: '肢体残疾 (physical)',
  intellectual: '智力残疾 (intellectual)',
  mental: '精神残疾 (mental)',
  multiple: '多重残疾 (multiple)',
});
const ASSUMED_FACT_TEXT: Record<(typeof ASSUMED_FACTS)[number], string> = {
  'certified-on': 'the day a category was certified (certifications)',
  disability: 'the disability (disability)',
  residence: 'the household registration (residence)',
  'household-role': 'the place in the household (householdRole)',
  sex: 'the sex (sex)',
  'marital-status': 'the marital status (maritalStatus)',
  'insured-earlier-in-year': 'basic insurance earlier in the year (insuredEarlierInYear)',
};
const AssumedFactEnum = graphqlEnum(ASSUMED_FACTS, 'AssumedFact', 'A fact a rule depends on that the request did not give.', (f) => ASSUMED_FACT_TEXT[f]);
const TRACE_RULE_TEXT: Record<(typeof TRACE_RULES)[number], string> = {
  policy: 'which policy answered',
  'special-group': 'a special group that applies, or why it does not',
  window: 'the window the payment falls in',
  'special-fee': 'a special fee case of a group',
  'individual-fee': 'the individual fee',
  certification: 'when a category was certified, and which payments it subsidises',
  category: 'a category applied, or why not',
  stacking: 'which one subsidy applies when several categories hold',
  'late-surcharge': 'the late surcharge, or why it is waived',
  'benefit-start': 'when benefits start, by which rule and convention',
  coverage: 'that the payment buys no coverage in the year',
  'fee-owed': 'a fee line not owed (no benefits in its year)',
  'amount-due': 'the sum: fee + surcharge − subsidy',
};
const TraceRuleEnum = graphqlEnum(TRACE_RULES, 'TraceRule', 'The step of the quote a trace line comes from, in the order a notice is read.', (r) => TRACE_RULE_TEXT[r]);
// the document's own enums, with the descriptions the registry gives their values
const FundSourceEnum = documentEnum('FundSourceKind');
const WindowKindEnum = documentEnum('WindowKind');
const WaitingKindEnum = documentEnum('WaitingKind');

@InputType({ description: 'The day a person was certified in a subsidy category (认定).' })
export class CertificationInput {
  @Field(() => String, { description: 'Category code (or official identity code); it need not be repeated in `categories`' }) category!: string;
  @Field(() => DateScalar, { description: 'The day of certification, YYYY-MM-DD' }) certifiedOn!: string;
}

@InputType({ description: 'The person’s disability as the 残疾人证 records it.' })
export class DisabilityInput {
  @Field(() => Int, { description: 'Grade 1 (一级, the most severe) to 4 (四级)' }) grade!: number;
  @Field(() => DisabilityKindEnum, { nullable: true, description: 'Kind (残疾类别); none of the encoded notices conditions on it' }) kind?: (typeof DISABILITY_KINDS)[number] | null;
  @Field(() => Boolean, { nullable: true, description: 'The household has several disabled members (一户多残家庭)' }) multiDisabledHousehold?: boolean | null;
}

/** What quotes and refunds share: the person, the payment, which version answers, and the facts (a base of both inputs, itself used by no field). */
@InputType('PaymentInput', { description: 'The fields QuoteInput and RefundInput share.' })
abstract class PaymentInput {
  @Field(() => String, { description: 'Administrative code (350581) or exact Chinese name (石狮市)' }) jurisdiction!: string;
  @Field(() => Int, { description: 'Coverage year (待遇享受年度)' }) year!: number;
  @Field(() => DateScalar, { description: 'The day the person pays, YYYY-MM-DD; the version in force on that day answers' }) paymentDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Needed for newborns and for categories that apply by age' }) birthDate?: string | null;
  @Field(() => [String], { nullable: true, description: 'Category codes from PolicyVersion.categories (or their official identity codes)' }) categories?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Special-group codes from PolicyVersion.specialGroups' }) groups?: string[] | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Answer with this version (a draft, say, or a superseded one) instead of the one in force; it must be of the same jurisdiction and year',
  })
  policyVersionId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Answer with the rules as they stood on this day (the version in force then) instead of on the payment date' })
  asOf?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Refuse (CONTENT_HASH_MISMATCH) unless the answering version’s document has this content hash: a receipt replayed is answered by its own rules or not at all',
  })
  expectedContentHash?: string | null;
  @Field(() => [CertificationInput], { nullable: true, description: 'When the person was certified in categories (Shishi 2024 五（二）, Lingyuan 四（六） decide by it)' })
  certifications?: CertificationInput[] | null;
  @Field(() => DisabilityInput, { nullable: true, description: 'Disability, where a category depends on it' }) disability?: DisabilityInput | null;
  @Field(() => ResidenceEnum, { nullable: true, description: 'Household registration, where a category depends on it (农村居民 …)' }) residence?: (typeof RESIDENCES)[number] | null;
  @Field(() => HouseholdRoleEnum, { nullable: true, description: 'The person’s place in the household a household’s category covers' }) householdRole?: (typeof HOUSEHOLD_ROLES)[number] | null;
  @Field(() => SexEnum, { nullable: true, description: 'Sex, where a category covers only the daughters or the sons of a household' }) sex?: (typeof SEXES)[number] | null;
  @Field(() => MaritalStatusEnum, { nullable: true, description: 'Marital status, where children qualify until they marry (Wuhe 二（二）6)' }) maritalStatus?: (typeof MARITAL_STATUSES)[number] | null;
  @Field(() => Boolean, { nullable: true, description: 'Had basic insurance (any scheme) earlier in the coverage year (Meishan 二（二）2 opens its off-window period only to those who had none)' })
  insuredEarlierInYear?: boolean | null;
}

@InputType({ description: 'A person and a payment date to quote. Money in the answer is exact (Money: yuan, two decimals).' })
export class QuoteInput extends PaymentInput {
  @Field(() => DateScalar, { nullable: true, description: 'The event a group rule counts from, e.g. the day employee insurance stopped' }) eventDate?: string | null;
}

@InputType({ description: 'A payment and the event for which its refund is asked.' })
export class RefundInput extends PaymentInput {
  @Field(() => DateScalar, { description: 'The day of the event behind the request (death, joining employee insurance, certification …)' }) eventDate!: string;
  @Field(() => RefundRequestReasonEnum, { description: 'Why the refund is asked' }) reason!: (typeof REFUND_REQUEST_REASONS)[number];
}

@objectType
export class QuoteCategory extends fields({
  code: T.String,
  name: T.String,
  officialCodes: list(T.String),
}) {}

@objectType
export class QuoteSubsidy extends fields({
  category: QuoteCategory,
  amount: T.Money,
  agency: T.String,
  fundSource: T.String,
  fundSourceKind: T.String,
  fundKind: enumOf(FundSourceEnum),
  clause: T.String,
}) {}

@objectType
export class QuoteFeeLine extends fields({
  coverageYear: T.Int,
  amount: T.Money,
  label: T.String,
  clause: T.String,
}) {}

@objectType
export class QuoteWindow extends fields({
  code: T.String,
  name: T.String,
  kind: T.String,
  windowKind: enumOf(WindowKindEnum),
  from: T.Date,
  to: T.Date,
  clause: T.String,
}) {}

@objectType
export class QuoteTraceStep extends fields({
  rule: T.String,
  step: enumOf(TraceRuleEnum),
  clause: nullable(T.String),
  detail: T.String,
}) {}

@objectType
export class IgnoredCategory extends fields({
  code: T.String,
  reason: T.String,
}) {}

@objectType
export class QuoteAssumption extends fields({
  fact: enumOf(AssumedFactEnum),
  category: nullable(T.String),
  detail: T.String,
  clause: nullable(T.String),
}) {}

@objectType
export class Quote extends fields({
  jurisdiction: T.String,
  coverageYear: T.Int,
  paymentDate: T.Date,
  individualFee: T.Money,
  feeLines: list(QuoteFeeLine),
  surcharge: T.Money,
  surchargeReason: nullable(T.String),
  subsidies: list(QuoteSubsidy),
  subsidyTotal: T.Money,
  amountDue: T.Money,
  window: QuoteWindow,
  benefitStart: nullable(T.Date),
  benefitEnd: nullable(T.Date),
  coversCoverageYear: T.Boolean,
  noCoverageReason: nullable(T.String),
  retroactive: T.Boolean,
  waitingRule: T.String,
  waitingKind: T.String,
  waitingPeriodKind: enumOf(WaitingKindEnum),
  convention: nullable(T.String),
  appliedGroups: list(T.String),
  ignoredCategories: list(IgnoredCategory),
  assumptions: list(QuoteAssumption),
  trace: list(QuoteTraceStep),
  policyVersionId: T.ID,
  contentHash: T.String,
  inForceFrom: nullable(T.Date),
}) {}

@objectType
export class QuoteFailure extends fields({
  field: T.String,
  code: T.String,
  reason: nullable(T.String),
  message: T.String,
}) {}

@objectType
export class QuoteOutcome extends fields({
  index: T.Int,
  quote: nullable(Quote),
  error: nullable(QuoteFailure),
}) {}

@objectType
export class RefundDecision extends fields({
  refundable: T.Boolean,
  reason: T.String,
  clause: nullable(T.String),
  benefitStart: nullable(T.Date),
  amount: nullable(T.Money),
  policyVersionId: T.ID,
  contentHash: T.String,
  inForceFrom: nullable(T.Date),
}) {}
