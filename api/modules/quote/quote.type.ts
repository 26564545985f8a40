import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
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
import { DateScalar, MoneyScalar } from '../../graphql/scalars.js';

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

@ObjectType({ description: 'The subsidy category a subsidy comes from.' })
export class QuoteCategory {
  @Field(() => String, { description: 'Its code (PolicyVersion.categories.code)' }) code!: string;
  @Field(() => String, { description: 'Its name as the notice gives it' }) name!: string;
  @Field(() => [String], { description: 'Its official identity codes' }) officialCodes!: string[];
}

@ObjectType({ description: 'A subsidy applied to the person, with who certifies it and who pays it.' })
export class QuoteSubsidy {
  @Field(() => QuoteCategory, { description: 'The category it comes from' }) category!: QuoteCategory;
  @Field(() => MoneyScalar, { description: 'The subsidy' }) amount!: number;
  @Field(() => String, { description: '认定部门: the certifying agency' }) agency!: string;
  @Field(() => String, { description: '资金来源 as printed' }) fundSource!: string;
  @Field(() => String, { description: 'The kind of fund, as stored: medical-assistance, fiscal, fiscal-special, township or government', deprecationReason: 'Use fundKind (enum FundSourceKind); this field keeps the stored values (medical-assistance, fiscal, …)' })
  fundSourceKind!: string;
  @Field(() => FundSourceEnum, { description: 'The kind of fund that pays it' }) fundKind!: string;
  @Field(() => String, { description: 'The clause of the notice that grants it' }) clause!: string;
}

@ObjectType({ description: 'The fee charged for one coverage year.' })
export class QuoteFeeLine {
  @Field(() => Int, { description: 'The coverage year paid for' }) coverageYear!: number;
  @Field(() => MoneyScalar, { description: 'The fee for that year' }) amount!: number;
  @Field(() => String, { description: '个人缴费标准, or the special fee case' }) label!: string;
  @Field(() => String, { description: 'The clause of the notice that sets it' }) clause!: string;
}

@ObjectType({ description: 'The window the payment falls in.' })
export class QuoteWindow {
  @Field(() => String, { description: 'Its code (PolicyVersion.windows.code)' }) code!: string;
  @Field(() => String, { description: 'Its name as the notice gives it' }) name!: string;
  @Field(() => String, { description: 'Its kind, as stored: registration, central, extended, back-payment, dynamic, off-window or anytime', deprecationReason: 'Use windowKind (enum WindowKind); this field keeps the stored values (central, back-payment, …)' })
  kind!: string;
  @Field(() => WindowKindEnum, { description: 'Its kind' }) windowKind!: string;
  @Field(() => DateScalar, { description: 'First day of the window' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day of the window' }) to!: string;
  @Field(() => String, { description: 'The clause of the notice that sets it' }) clause!: string;
}

@ObjectType({ description: 'One step of the computation: the rule applied, its clause, and what it gave.' })
export class QuoteTraceStep {
  @Field(() => String, { description: 'The rule, as a string: policy, window, individual-fee, category, stacking, late-surcharge, benefit-start …', deprecationReason: 'Use step (enum TraceRule); this field keeps the values policy, window, individual-fee, …' })
  rule!: string;
  @Field(() => TraceRuleEnum, { description: 'The step the line comes from' }) step!: string;
  @Field(() => String, { nullable: true, description: 'Its clause in the notice (null for a convention or the policy itself)' }) clause!: string | null;
  @Field(() => String, { description: 'What it gave, in words' }) detail!: string;
}

@ObjectType({ description: 'A category given in the input whose conditions the person does not meet.' })
export class IgnoredCategory {
  @Field(() => String, { description: 'The category’s code' }) code!: string;
  @Field(() => String, { description: 'Which condition fails' }) reason!: string;
}

@ObjectType({ description: 'What a quote assumed where a rule depends on a fact the request did not give (the person taken as the certifying agency certified them).' })
export class QuoteAssumption {
  @Field(() => AssumedFactEnum, { description: 'The fact not given' }) fact!: string;
  @Field(() => String, { nullable: true, description: 'The category whose rule needed it (null: a window’s rule)' }) category!: string | null;
  @Field(() => String, { description: 'What was assumed, in words' }) detail!: string;
  @Field(() => String, { nullable: true, description: 'The clause of the rule' }) clause!: string | null;
}

@ObjectType({ description: 'What a person owes if they pay on a date, and when benefits start, with the reasons.' })
export class Quote {
  @Field(() => String, { description: 'The jurisdiction’s name' }) jurisdiction!: string;
  @Field(() => Int, { description: 'Coverage year (待遇享受年度)' }) coverageYear!: number;
  @Field(() => DateScalar, { description: 'The day of payment quoted' }) paymentDate!: string;
  @Field(() => MoneyScalar, { description: 'Individual fee charged: only for coverage years in which the payment buys benefits (several years where a special fee case says so)' })
  individualFee!: number;
  @Field(() => [QuoteFeeLine], { description: 'The fee by coverage year (one line unless a special fee case spans years; none when the payment buys no coverage)' }) feeLines!: QuoteFeeLine[];
  @Field(() => MoneyScalar, { description: 'Late-payment surcharge (0.00 when none applies)' }) surcharge!: number;
  @Field(() => String, { nullable: true, description: 'Why the surcharge was charged or waived' }) surchargeReason!: string | null;
  @Field(() => [QuoteSubsidy], { description: 'The subsidy applied (one at most: the stacking rule picks it)' }) subsidies!: QuoteSubsidy[];
  @Field(() => MoneyScalar, { description: 'The sum of the subsidies' }) subsidyTotal!: number;
  @Field(() => MoneyScalar, { description: 'individualFee + surcharge − subsidies' }) amountDue!: number;
  @Field(() => QuoteWindow, { description: 'The window the payment falls in' }) window!: QuoteWindow;
  @Field(() => DateScalar, { nullable: true, description: 'null when the payment buys no coverage in the year' }) benefitStart!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The last day of coverage (null with benefitStart)' }) benefitEnd!: string | null;
  @Field(() => Boolean, { description: 'The payment buys coverage in the coverage year' }) coversCoverageYear!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it buys none, where it does not' }) noCoverageReason!: string | null;
  @Field(() => Boolean, { description: 'A gap before the start is covered retroactively' }) retroactive!: boolean;
  @Field(() => String, { description: 'The waiting rule applied, in words' }) waitingRule!: string;
  @Field(() => String, { description: 'none, days, months or nth-month', deprecationReason: 'Use waitingPeriodKind (enum WaitingKind); this field keeps the values none, days, months, nth-month' })
  waitingKind!: string;
  @Field(() => WaitingKindEnum, { description: 'The kind of waiting rule applied' }) waitingPeriodKind!: string;
  @Field(() => String, { nullable: true, description: 'The day-counting convention of the waiting rule' }) convention!: string | null;
  @Field(() => [String], { description: 'Special groups the person belongs to for this payment (their personal conditions hold); the trace says which rule of theirs applied' })
  appliedGroups!: string[];
  @Field(() => [IgnoredCategory], { description: 'Categories given whose conditions the person does not meet, or whose certification does not subsidise this payment' })
  ignoredCategories!: IgnoredCategory[];
  @Field(() => [QuoteAssumption], { description: 'What the answer assumed where a rule depends on a fact not given (empty: nothing)' }) assumptions!: QuoteAssumption[];
  @Field(() => [QuoteTraceStep], { description: 'Every rule applied, in order, with its clause' }) trace!: QuoteTraceStep[];
  @Field(() => ID, { description: 'The version that answered (replay with QuoteInput.policyVersionId or expectedContentHash)' }) policyVersionId!: string;
  @Field(() => String, { description: 'The content hash of that version’s document' }) contentHash!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day that version is in force from (its effective date, or its publication day); null for an unpublished version' })
  inForceFrom!: string | null;
}

@ObjectType({ description: 'Why one input of a batch was not answered.' })
export class QuoteFailure {
  @Field(() => String, { description: 'The input field at fault, e.g. inputs[3].paymentDate' }) field!: string;
  @Field(() => String, { description: 'A stable code: BAD_USER_INPUT, CONTENT_HASH_MISMATCH, INTERNAL_SERVER_ERROR' }) code!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A stable reason (as `extensions.reason` of an error: QUOTE_DATE_MALFORMED, QUOTE_OUTSIDE_WINDOWS, NO_SUCH_JURISDICTION, …); branch on it, never on the message',
  })
  reason!: string | null;
  @Field(() => String, { description: 'Why, in words (the field first)' }) message!: string;
}

@ObjectType({ description: 'The answer to one input of a batch: its quote, or why it has none.' })
export class QuoteOutcome {
  @Field(() => Int, { description: 'The input’s position in the batch (from 0)' }) index!: number;
  @Field(() => Quote, { nullable: true, description: 'The quote (null when the input was refused)' }) quote!: Quote | null;
  @Field(() => QuoteFailure, { nullable: true, description: 'Why the input was refused (null when it was answered)' }) error!: QuoteFailure | null;
}

@ObjectType({ description: 'Whether a payment may be refunded, and why.' })
export class RefundDecision {
  @Field(() => Boolean, { description: 'The payment may be refunded' }) refundable!: boolean;
  @Field(() => String, { description: 'Why, in words (where the notice states no rule for the reason: "the notice states no refund rule for …")' }) reason!: string;
  @Field(() => String, { nullable: true, description: 'The clause of the notice that decides it (null where the notice states no rule)' }) clause!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When benefits start for the payment (a refund is possible before)' }) benefitStart!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'What is refunded, where refundable: the contribution paid, or the subsidy a person certified after paying did not get' })
  amount!: number | null;
  @Field(() => ID, { description: 'The version that answered' }) policyVersionId!: string;
  @Field(() => String, { description: 'The content hash of that version’s document' }) contentHash!: string;
  @Field(() => DateScalar, { nullable: true, description: 'The day that version is in force from; null for an unpublished version' }) inForceFrom!: string | null;
}
