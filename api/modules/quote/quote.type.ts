import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { REGISTRY, RefundReason } from '../../../policy-schemas/index.js';
import { graphqlEnum } from '../../graphql/enums.js';
import { DateScalar, MoneyScalar } from '../../graphql/scalars.js';

const RefundReasonInputEnum = graphqlEnum(RefundReason.options, 'RefundRequestReason', 'Why a refund is asked for.', (r) => {
  const [zh, en] = REGISTRY['refund.rules.reasons']!.values![r]!;
  return `${zh} (${en})`;
});

@InputType({ description: 'A person and a payment date to quote. Money in the answer is exact (Money: yuan, two decimals).' })
export class QuoteInput {
  @Field(() => String, { description: 'Administrative code (350581) or exact Chinese name (石狮市)' }) jurisdiction!: string;
  @Field(() => Int, { description: 'Coverage year (待遇享受年度)' }) year!: number;
  @Field(() => DateScalar, { description: 'The day the person pays, YYYY-MM-DD' }) paymentDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Needed for newborns and for categories that apply by age' }) birthDate?: string | null;
  @Field(() => [String], { nullable: true, description: 'Category codes from PolicyVersion.categories (or their official identity codes)' }) categories?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Special-group codes from PolicyVersion.specialGroups' }) groups?: string[] | null;
  @Field(() => DateScalar, { nullable: true, description: 'The event a group rule counts from, e.g. the day employee insurance stopped' }) eventDate?: string | null;
  @Field(() => ID, { nullable: true, description: 'Quote against this version (a draft, say) instead of the published one; it must be of the same jurisdiction and year' }) policyVersionId?: string | null;
}

@InputType({ description: 'A payment and the event for which its refund is asked.' })
export class RefundInput {
  @Field(() => String, { description: 'Administrative code (350581) or exact Chinese name (石狮市)' }) jurisdiction!: string;
  @Field(() => Int, { description: 'Coverage year (待遇享受年度)' }) year!: number;
  @Field(() => DateScalar, { description: 'The day the person paid, YYYY-MM-DD' }) paymentDate!: string;
  @Field(() => DateScalar, { description: 'The day of the event behind the request' }) eventDate!: string;
  @Field(() => RefundReasonInputEnum, { description: 'Why the refund is asked' }) reason!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Needed for newborns and for categories that apply by age' }) birthDate?: string | null;
  @Field(() => [String], { nullable: true, description: 'Category codes from PolicyVersion.categories (or their official identity codes)' }) categories?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Special-group codes from PolicyVersion.specialGroups' }) groups?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Decide under this version instead of the published one (same jurisdiction and year)' }) policyVersionId?: string | null;
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
  @Field(() => String, { description: 'The kind of fund, as stored: medical-assistance, fiscal, fiscal-special, township or government' }) fundSourceKind!: string;
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
  @Field(() => String, { description: 'Its kind, as stored: registration, central, extended, back-payment, dynamic or off-window' }) kind!: string;
  @Field(() => DateScalar, { description: 'First day of the window' }) from!: string;
  @Field(() => DateScalar, { description: 'Last day of the window' }) to!: string;
  @Field(() => String, { description: 'The clause of the notice that sets it' }) clause!: string;
}

@ObjectType({ description: 'One step of the computation: the rule applied, its clause, and what it gave.' })
export class QuoteTraceStep {
  @Field(() => String, { description: 'The rule: policy, window, individual-fee, category, stacking, surcharge, benefit-start …' }) rule!: string;
  @Field(() => String, { nullable: true, description: 'Its clause in the notice (null for a convention or the policy itself)' }) clause!: string | null;
  @Field(() => String, { description: 'What it gave, in words' }) detail!: string;
}

@ObjectType({ description: 'A category given in the input whose conditions the person does not meet.' })
export class IgnoredCategory {
  @Field(() => String, { description: 'The category’s code' }) code!: string;
  @Field(() => String, { description: 'Which condition fails' }) reason!: string;
}

@ObjectType({ description: 'What a person owes if they pay on a date, and when benefits start, with the reasons.' })
export class Quote {
  @Field(() => String, { description: 'The jurisdiction’s name' }) jurisdiction!: string;
  @Field(() => Int, { description: 'Coverage year (待遇享受年度)' }) coverageYear!: number;
  @Field(() => DateScalar, { description: 'The day of payment quoted' }) paymentDate!: string;
  @Field(() => MoneyScalar, { description: 'Individual fee charged (several coverage years where a special fee case says so)' }) individualFee!: number;
  @Field(() => [QuoteFeeLine], { description: 'The fee by coverage year (one line unless a special fee case spans years)' }) feeLines!: QuoteFeeLine[];
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
  @Field(() => String, { description: 'none, days, months or nth-month' }) waitingKind!: string;
  @Field(() => String, { nullable: true, description: 'The day-counting convention of the waiting rule' }) convention!: string | null;
  @Field(() => [String], { description: 'Special groups the person belongs to for this payment (their personal conditions hold); the trace says which rule of theirs applied' }) appliedGroups!: string[];
  @Field(() => [IgnoredCategory], { description: 'Categories given whose conditions the person does not meet' }) ignoredCategories!: IgnoredCategory[];
  @Field(() => [QuoteTraceStep], { description: 'Every rule applied, in order, with its clause' }) trace!: QuoteTraceStep[];
  @Field(() => ID, { description: 'The version that answered (replay with QuoteInput.policyVersionId)' }) policyVersionId!: string;
  @Field(() => String, { description: 'The content hash of that version’s document' }) contentHash!: string;
}

@ObjectType({ description: 'Whether a payment may be refunded, and why.' })
export class RefundDecision {
  @Field(() => Boolean, { description: 'The payment may be refunded' }) refundable!: boolean;
  @Field(() => String, { description: 'Why, in words' }) reason!: string;
  @Field(() => String, { nullable: true, description: 'The clause of the notice that decides it' }) clause!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When benefits start for the payment (a refund is possible before)' }) benefitStart!: string | null;
  @Field(() => ID, { description: 'The version that answered' }) policyVersionId!: string;
  @Field(() => String, { description: 'The content hash of that version’s document' }) contentHash!: string;
}
