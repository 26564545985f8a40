import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { RefundReason } from '../../../policy-schemas/index.js';
import { graphqlEnum } from '../../graphql/enums.js';
import { DateScalar, MoneyScalar } from '../../graphql/scalars.js';

const RefundReasonInputEnum = graphqlEnum(RefundReason.options, 'RefundRequestReason', 'Why a refund is asked for.');

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

@InputType()
export class RefundInput {
  @Field(() => String) jurisdiction!: string;
  @Field(() => Int) year!: number;
  @Field(() => DateScalar) paymentDate!: string;
  @Field(() => DateScalar, { description: 'The day of the event behind the request' }) eventDate!: string;
  @Field(() => RefundReasonInputEnum) reason!: string;
  @Field(() => DateScalar, { nullable: true }) birthDate?: string | null;
  @Field(() => [String], { nullable: true }) categories?: string[] | null;
  @Field(() => [String], { nullable: true }) groups?: string[] | null;
  @Field(() => ID, { nullable: true }) policyVersionId?: string | null;
}

@ObjectType()
export class QuoteCategory {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) officialCodes!: string[];
}

@ObjectType({ description: 'A subsidy applied to the person, with who certifies it and who pays it.' })
export class QuoteSubsidy {
  @Field(() => QuoteCategory) category!: QuoteCategory;
  @Field(() => MoneyScalar) amount!: number;
  @Field(() => String, { description: '认定部门' }) agency!: string;
  @Field(() => String, { description: '资金来源 as printed' }) fundSource!: string;
  @Field(() => String) fundSourceKind!: string;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class QuoteFeeLine {
  @Field(() => Int) coverageYear!: number;
  @Field(() => MoneyScalar) amount!: number;
  @Field(() => String) label!: string;
  @Field(() => String) clause!: string;
}

@ObjectType({ description: 'The window the payment falls in.' })
export class QuoteWindow {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => String) clause!: string;
}

@ObjectType({ description: 'One step of the computation: the rule applied, its clause, and what it gave.' })
export class QuoteTraceStep {
  @Field(() => String) rule!: string;
  @Field(() => String, { nullable: true }) clause!: string | null;
  @Field(() => String) detail!: string;
}

@ObjectType()
export class IgnoredCategory {
  @Field(() => String) code!: string;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: 'What a person owes if they pay on a date, and when benefits start, with the reasons.' })
export class Quote {
  @Field(() => String) jurisdiction!: string;
  @Field(() => Int) coverageYear!: number;
  @Field(() => DateScalar) paymentDate!: string;
  @Field(() => MoneyScalar, { description: 'Individual fee charged (several coverage years where a special fee case says so)' }) individualFee!: number;
  @Field(() => [QuoteFeeLine]) feeLines!: QuoteFeeLine[];
  @Field(() => MoneyScalar, { description: 'Late-payment surcharge (0.00 when none applies)' }) surcharge!: number;
  @Field(() => String, { nullable: true, description: 'Why the surcharge was charged or waived' }) surchargeReason!: string | null;
  @Field(() => [QuoteSubsidy]) subsidies!: QuoteSubsidy[];
  @Field(() => MoneyScalar) subsidyTotal!: number;
  @Field(() => MoneyScalar, { description: 'individualFee + surcharge − subsidies' }) amountDue!: number;
  @Field(() => QuoteWindow) window!: QuoteWindow;
  @Field(() => DateScalar, { nullable: true, description: 'null when the payment buys no coverage in the year' }) benefitStart!: string | null;
  @Field(() => DateScalar, { nullable: true }) benefitEnd!: string | null;
  @Field(() => Boolean) coversCoverageYear!: boolean;
  @Field(() => String, { nullable: true }) noCoverageReason!: string | null;
  @Field(() => Boolean, { description: 'A gap before the start is covered retroactively' }) retroactive!: boolean;
  @Field(() => String, { description: 'The waiting rule applied, in words' }) waitingRule!: string;
  @Field(() => String, { description: 'none, days, months or nth-month' }) waitingKind!: string;
  @Field(() => String, { nullable: true, description: 'The day-counting convention of the waiting rule' }) convention!: string | null;
  @Field(() => [String], { description: 'Special groups the person belongs to for this payment (their personal conditions hold); the trace says which rule of theirs applied' }) appliedGroups!: string[];
  @Field(() => [IgnoredCategory], { description: 'Categories given whose conditions the person does not meet' }) ignoredCategories!: IgnoredCategory[];
  @Field(() => [QuoteTraceStep]) trace!: QuoteTraceStep[];
  @Field(() => ID) policyVersionId!: string;
  @Field(() => String) contentHash!: string;
}

@ObjectType()
export class RefundDecision {
  @Field(() => Boolean) refundable!: boolean;
  @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true }) clause!: string | null;
  @Field(() => DateScalar, { nullable: true }) benefitStart!: string | null;
  @Field(() => ID) policyVersionId!: string;
  @Field(() => String) contentHash!: string;
}
