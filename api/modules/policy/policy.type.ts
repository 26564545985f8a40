import { Field, ID, Int, Float, ObjectType } from 'type-graphql';
import { GraphQLJSON, DateTimeResolver } from 'graphql-scalars';
import {
  Benefit,
  BenefitStart,
  FundSourceKind,
  GovernmentLevel,
  RefundReason,
  SpecialGroup as SpecialGroupSchema,
  Window as WindowSchema,
  WaitingRule as WaitingRuleSchema,
  Stacking as StackingSchema,
  LeadGroup as LeadGroupSchema,
} from '../../../policy-schemas/index.js';
import { DateScalar, MoneyScalar } from '../../graphql/scalars.js';
import { graphqlEnum } from '../../graphql/enums.js';
import { POLICY_STATUSES } from './policy-version.entity.js';
import { Jurisdiction } from '../jurisdiction/jurisdiction.type.js';

/*
 * The read model of a policy version for third parties. Money fields are `Money` (yuan as a decimal
 * string, exact); dates are `Date` (YYYY-MM-DD). Every rule carries `clause`, its place in the notice.
 */

export const PolicyStatusEnum = graphqlEnum(POLICY_STATUSES, 'PolicyStatus', 'Lifecycle of a policy version: DRAFT → IN_REVIEW → APPROVED → PUBLISHED → SUPERSEDED.');
const BenefitKindEnum = graphqlEnum(Benefit.options.map((o) => o.shape.kind.value), 'BenefitKind', 'How a subsidy category reduces the individual fee.');
const FundSourceEnum = graphqlEnum(FundSourceKind.options, 'FundSourceKind', '资金来源: who pays a subsidy.');
const WindowKindEnum = graphqlEnum(WindowSchema.shape.kind.options, 'WindowKind', 'Kind of enrollment or payment window.');
const WaitingKindEnum = graphqlEnum(WaitingRuleSchema.options.map((o) => o.shape.kind.value), 'WaitingKind', '等待期: how a waiting period is counted.');
const BenefitStartEnum = graphqlEnum(BenefitStart.options, 'BenefitStart', 'When benefits start for a payment.');
const StackingRuleEnum = graphqlEnum(StackingSchema.shape.rule.options, 'StackingRule', 'Which subsidy applies to a person in several categories.');
const RosterRoleEnum = graphqlEnum(LeadGroupSchema.shape.members.element.shape.role.options, 'RosterRole', 'Role in the lead group: 组长, 第一副组长, 副组长, 成员.');
const SpecialGroupKindEnum = graphqlEnum(SpecialGroupSchema.shape.kind.options, 'SpecialGroupKind', 'Kind of special group.');
const RefundReasonEnum = graphqlEnum(RefundReason.options, 'RefundReason', 'Reason a payment may be refunded.');
const GovernmentLevelEnum = graphqlEnum(GovernmentLevel.options, 'GovernmentLevel', 'Level of government bearing part of the subsidy.');
const GovernmentBasisEnum = graphqlEnum(['floor', 'fixed'] as const, 'GovernmentSubsidyBasis', 'FLOOR: 不低于 (at least); FIXED: a fixed amount.');

// ------------------------------------------------------------------ metadata

@ObjectType({ description: 'A document the notice is based on (根据 …).' })
export class BasisDocument {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) number?: string;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class Validity {
  @Field(() => String, { description: '`on-issue` (自发布之日起执行) or a date' }) from!: string;
  @Field(() => DateScalar, { nullable: true }) until!: string | null;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class Attachment {
  @Field(() => Int) number!: number;
  @Field(() => String) title!: string;
}

@ObjectType()
export class PolicyMetadata {
  @Field(() => String) title!: string;
  @Field(() => String) documentNumber!: string;
  @Field(() => String, { description: 'notice, work-plan or notice-of-work-plan' }) kind!: string;
  @Field(() => String, { nullable: true }) planTitle?: string;
  @Field(() => [String]) issuers!: string[];
  @Field(() => DateScalar) issuedOn!: string;
  @Field(() => DateScalar, { nullable: true }) printedOn!: string | null;
  @Field(() => String, { nullable: true }) printedBy!: string | null;
  @Field(() => [String]) addressees!: string[];
  @Field(() => [String]) copiedTo!: string[];
  @Field(() => [BasisDocument]) basis!: BasisDocument[];
  @Field(() => Validity, { nullable: true }) validity!: Validity | null;
  @Field(() => String, { nullable: true, description: 'public (主动公开), on-request (依申请公开) or null' }) disclosure!: string | null;
  @Field(() => String, { nullable: true }) interpretedBy!: string | null;
  @Field(() => [Attachment]) attachments!: Attachment[];
}

// ------------------------------------------------------------------ scope, targets

@ObjectType()
export class EligibleGroup {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String) clause!: string;
}

@ObjectType({ description: '参保范围: who may enroll.' })
export class Eligibility {
  @Field(() => [String]) excludes!: string[];
  @Field(() => [EligibleGroup]) groups!: EligibleGroup[];
  @Field(() => Boolean, { description: '全户参保: households enroll whole.' }) wholeHousehold!: boolean;
  @Field(() => [String], { description: 'Rules against double enrollment.' }) noDoubleEnrollment!: string[];
  @Field(() => String) clause!: string;
}

@ObjectType()
export class Target {
  @Field(() => String) kind!: string;
  @Field(() => Float, { nullable: true }) percent!: number | null;
  @Field(() => String) label!: string;
  @Field(() => String) clause!: string;
}

// ------------------------------------------------------------------ fees

@ObjectType()
export class GovernmentShare {
  @Field(() => GovernmentLevelEnum) level!: string;
  @Field(() => String) label!: string;
  @Field(() => MoneyScalar) amount!: number;
}

@ObjectType({ description: '迟缴: paying from `from` on costs individual fee + government subsidy, except for the exempt.' })
export class LateSurcharge {
  @Field(() => DateScalar) from!: string;
  @Field(() => MoneyScalar, { description: 'What a non-exempt person pays from `from`: individual + government.' }) amountDue!: number;
  @Field(() => [String], { description: 'Codes of exempt special groups.' }) exemptGroups!: string[];
  @Field(() => Boolean, { description: 'Categories flagged needy (困难人口) are exempt.' }) exemptNeedy!: boolean;
  @Field(() => [String]) notes!: string[];
  @Field(() => String) clause!: string;
}

@ObjectType()
export class FeeCharge {
  @Field(() => Int) coverageYear!: number;
  @Field(() => MoneyScalar) amount!: number;
}

@ObjectType({ description: 'A fee that differs for a group, possibly over several coverage years.' })
export class SpecialFee {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String) group!: string;
  @Field(() => Int, { nullable: true }) bornInYear!: number | null;
  @Field(() => [FeeCharge]) charges!: FeeCharge[];
  @Field(() => String) clause!: string;
}

@ObjectType({ description: '筹资标准. All amounts per person per year.' })
export class Fees {
  @Field(() => MoneyScalar, { description: '个人缴费标准' }) individual!: number;
  @Field(() => String) individualClause!: string;
  @Field(() => MoneyScalar, { description: '财政补助标准: a floor (不低于) or a fixed amount, see governmentBasis' }) government!: number;
  @Field(() => GovernmentBasisEnum) governmentBasis!: string;
  @Field(() => [GovernmentShare]) governmentSplit!: GovernmentShare[];
  @Field(() => [String]) governmentBorneBy!: string[];
  @Field(() => String) governmentClause!: string;
  @Field(() => MoneyScalar, { nullable: true, description: '筹资标准 where printed' }) totalFinancing!: number | null;
  @Field(() => LateSurcharge, { nullable: true }) lateSurcharge!: LateSurcharge | null;
  @Field(() => [SpecialFee]) specialCases!: SpecialFee[];
}

// ------------------------------------------------------------------ categories

@ObjectType({ description: 'The benefit of a category. Only the fields of its kind are set.' })
export class CategoryBenefit {
  @Field(() => BenefitKindEnum) kind!: string;
  @Field(() => Float, { nullable: true, description: 'PERCENT: share of the fee subsidised; PERSON_PAYS_PERCENT: share the person pays' }) percent!: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'FIXED_SUBSIDY, FIXED_PAYMENT, REDUCTION' }) amount!: number | null;
  @Field(() => String, { nullable: true, description: 'SAME_AS: the category whose benefit applies' }) sameAs!: string | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'The subsidy this benefit gives on the individual fee' }) subsidy!: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'What the person pays of the individual fee' }) personPays!: number | null;
}

@ObjectType({ description: 'One way to meet a category’s conditions (all parts must hold).' })
export class CategoryCondition {
  @Field(() => Int, { nullable: true }) minAge!: number | null;
  @Field(() => Int, { nullable: true, description: 'exclusive' }) belowAge!: number | null;
  @Field(() => String, { nullable: true }) disability!: string | null;
  @Field(() => String, { nullable: true }) residence!: string | null;
  @Field(() => String, { nullable: true }) members!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({ description: '减免对象: a subsidy category.' })
export class SubsidyCategory {
  @Field(() => String, { description: 'Code used in quotes' }) code!: string;
  @Field(() => [String], { description: 'Official identity codes' }) officialCodes!: string[];
  @Field(() => String) name!: string;
  @Field(() => String, { description: '认定部门: certifying agency' }) agency!: string;
  @Field(() => String, { description: '资金来源 as printed, e.g. 医疗救助资金' }) fundSource!: string;
  @Field(() => FundSourceEnum) fundSourceKind!: string;
  @Field(() => CategoryBenefit) benefit!: CategoryBenefit;
  @Field(() => [CategoryCondition], { description: 'Empty: no condition; otherwise any one applies' }) conditions!: CategoryCondition[];
  @Field(() => Boolean, { description: 'Counts as 困难人口 (needy)' }) needy!: boolean;
  @Field(() => String, { nullable: true }) list!: string | null;
  @Field(() => [String]) endsWhen!: string[];
  @Field(() => [String]) notes!: string[];
  @Field(() => String) clause!: string;
}

@ObjectType()
export class CategoryList {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => Int, { nullable: true }) declaredCount!: number | null;
  @Field(() => Int) count!: number;
  @Field(() => String, { nullable: true }) countingNote!: string | null;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class Stacking {
  @Field(() => StackingRuleEnum) rule!: string;
  @Field(() => [String]) order!: string[];
  @Field(() => Boolean, { description: 'true: the notice is silent and this is the adopted convention' }) convention!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true }) clause!: string | null;
}

@ObjectType()
export class AgeRule {
  @Field(() => String, { description: 'end-of-previous-year or date' }) referenceKind!: string;
  @Field(() => DateScalar, { description: 'The date ages are judged at for this coverage year' }) referenceDate!: string;
  @Field(() => Boolean) convention!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true }) clause!: string | null;
}

@ObjectType()
export class NewlyCertifiedRule {
  @Field(() => DateScalar, { nullable: true }) certifiedFrom!: string | null;
  @Field(() => DateScalar, { nullable: true }) certifiedTo!: string | null;
  @Field(() => String, { nullable: true }) subsidyFrom!: string | null;
  @Field(() => String, { nullable: true }) ifAlreadyPaid!: string | null;
  @Field(() => String) clause!: string;
}

@ObjectType({ description: '身份认定: how category membership is certified.' })
export class Certification {
  @Field(() => [String]) agencies!: string[];
  @Field(() => DateScalar, { nullable: true }) cutoff!: string | null;
  @Field(() => DateScalar, { nullable: true }) reportBy!: string | null;
  @Field(() => DateScalar, { nullable: true }) dynamicReportingFrom!: string | null;
  @Field(() => DateScalar, { nullable: true }) dynamicReportingTo!: string | null;
  @Field(() => [NewlyCertifiedRule]) newlyCertified!: NewlyCertifiedRule[];
  @Field(() => String, { nullable: true }) refusal!: string | null;
  @Field(() => String, { nullable: true }) clause!: string | null;
}

// ------------------------------------------------------------------ windows, groups

@ObjectType({ description: '等待期 and the day-counting convention.' })
export class WaitingRule {
  @Field(() => WaitingKindEnum) kind!: string;
  @Field(() => Int, { nullable: true }) days!: number | null;
  @Field(() => Int, { nullable: true }) months!: number | null;
  @Field(() => Int, { nullable: true, description: 'NTH_MONTH: benefits from the Nth month, the payment month being the 1st' }) nthMonth!: number | null;
  @Field(() => String, { nullable: true }) convention!: string | null;
}

@ObjectType({ description: 'An enrollment or payment window (集中参保缴费期, 延长期, 补缴期 …).' })
export class PaymentWindow {
  @Field(() => String) code!: string;
  @Field(() => WindowKindEnum) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => Boolean) acceptsPayment!: boolean;
  @Field(() => String, { description: 'everyone, listed-groups or ordinary-residents' }) who!: string;
  @Field(() => [String]) groups!: string[];
  @Field(() => BenefitStartEnum) benefitStart!: string;
  @Field(() => WaitingRule) waiting!: WaitingRule;
  @Field(() => String, { nullable: true }) condition!: string | null;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class Milestone {
  @Field(() => String) kind!: string;
  @Field(() => String) label!: string;
  @Field(() => DateScalar, { nullable: true }) from!: string | null;
  @Field(() => DateScalar) on!: string;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class SpecialGroupRule {
  @Field(() => DateScalar, { nullable: true }) paidFrom!: string | null;
  @Field(() => DateScalar, { nullable: true }) paidBy!: string | null;
  @Field(() => Int, { nullable: true }) withinDaysOfBirth!: number | null;
  @Field(() => Int, { nullable: true }) afterDaysOfBirth!: number | null;
  @Field(() => Boolean, { nullable: true }) daysInclusive!: boolean | null;
  @Field(() => Int, { nullable: true }) bornInYear!: number | null;
  @Field(() => Int, { nullable: true }) withinMonthsOfEvent!: number | null;
  @Field(() => String, { nullable: true }) event!: string | null;
  @Field(() => String, { nullable: true }) condition!: string | null;
  @Field(() => BenefitStartEnum) benefitStart!: string;
  @Field(() => DateScalar, { nullable: true }) benefitStartDate!: string | null;
  @Field(() => WaitingRule, { nullable: true }) waiting!: WaitingRule | null;
  @Field(() => DateScalar, { nullable: true }) benefitEnd!: string | null;
  @Field(() => Boolean) retroactive!: boolean;
  @Field(() => String) fee!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String) clause!: string;
}

@ObjectType({ description: 'A group with its own enrollment or benefit-start rules (newborns, students …).' })
export class SpecialGroup {
  @Field(() => String) code!: string;
  @Field(() => SpecialGroupKindEnum) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) waitingExempt!: boolean;
  @Field(() => Boolean, { description: 'Exempt from the late surcharge' }) surchargeExempt!: boolean;
  @Field(() => Boolean, { description: 'May enroll at any time of the year (随时办理)' }) enrollAnytime!: boolean;
  @Field(() => String, { nullable: true, description: 'Rules set elsewhere (按…有关规定执行), where the notice defers to them' }) externalRules!: string | null;
  @Field(() => String, { nullable: true, description: 'The one place where this group registers' }) registrationVenue!: string | null;
  @Field(() => [SpecialGroupRule]) rules!: SpecialGroupRule[];
  @Field(() => [String]) notes!: string[];
  @Field(() => String) clause!: string;
}

@ObjectType()
export class RefundRuleItem {
  @Field(() => [RefundReasonEnum]) reasons!: string[];
  @Field(() => String) allowed!: string;
  @Field(() => String) afterStart!: string;
  @Field(() => String, { nullable: true }) procedure!: string | null;
  @Field(() => String) clause!: string;
}

// ------------------------------------------------------------------ organisation

@ObjectType()
export class WorkFundingTier {
  @Field(() => MoneyScalar) ratePerPerson!: number;
  @Field(() => Float, { nullable: true }) enrollmentRateMin!: number | null;
  @Field(() => Float, { nullable: true }) enrollmentRateBelow!: number | null;
  @Field(() => Float, { nullable: true }) activationRateMin!: number | null;
}

@ObjectType({ description: '工作经费: funding for the campaign per insured person.' })
export class WorkFunding {
  @Field(() => String) payer!: string;
  @Field(() => [String]) recipients!: string[];
  @Field(() => String, { nullable: true }) purpose!: string | null;
  @Field(() => DateScalar, { nullable: true }) assessedOn!: string | null;
  @Field(() => [WorkFundingTier]) tiers!: WorkFundingTier[];
  @Field(() => String) clause!: string;
}

@ObjectType()
export class Responsibility {
  @Field(() => String) department!: string;
  @Field(() => [String]) duties!: string[];
  @Field(() => String) clause!: string;
}

@ObjectType()
export class SchedulePhase {
  @Field(() => String) phase!: string;
  @Field(() => DateScalar, { nullable: true }) from!: string | null;
  @Field(() => DateScalar, { nullable: true }) to!: string | null;
  @Field(() => [String]) tasks!: string[];
  @Field(() => String) clause!: string;
}

@ObjectType()
export class Definition {
  @Field(() => String) term!: string;
  @Field(() => [String]) includes!: string[];
  @Field(() => Int, { nullable: true }) declaredCount!: number | null;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class PaymentChannel {
  @Field(() => String) kind!: string;
  @Field(() => String) label!: string;
  @Field(() => [String]) channels!: string[];
  @Field(() => [String]) windows!: string[];
  @Field(() => [String]) excludes!: string[];
  @Field(() => String) clause!: string;
}

@ObjectType()
export class RegistrationMaterial {
  @Field(() => String) item!: string;
  @Field(() => String, { nullable: true }) for!: string | null;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class RegistrationStep {
  @Field(() => String) actor!: string;
  @Field(() => String) action!: string;
  @Field(() => Int, { nullable: true }) withinWorkingDays!: number | null;
  @Field(() => DateScalar, { nullable: true }) by!: string | null;
  @Field(() => String) clause!: string;
}

@ObjectType({ description: '参保登记' })
export class Registration {
  @Field(() => Boolean, { description: '默认续保: the insured are re-registered automatically' }) autoRenewal!: boolean;
  @Field(() => [String]) online!: string[];
  @Field(() => [String]) offline!: string[];
  @Field(() => [RegistrationMaterial]) materials!: RegistrationMaterial[];
  @Field(() => [RegistrationStep]) steps!: RegistrationStep[];
  @Field(() => String, { nullable: true }) clause!: string | null;
}

@ObjectType()
export class FundTransfer {
  @Field(() => String) fund!: string;
  @Field(() => String) description!: string;
  @Field(() => DateScalar, { nullable: true }) by!: string | null;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class WorkRequirement {
  @Field(() => String) topic!: string;
  @Field(() => [String]) points!: string[];
  @Field(() => String) clause!: string;
}

@ObjectType({ description: 'A member of the lead group.' })
export class RosterMember {
  @Field(() => RosterRoleEnum) role!: string;
  @Field(() => String, { description: '组长 / 第一副组长 / 副组长 / 成员' }) roleLabel!: string;
  @Field(() => String) name!: string;
  @Field(() => String) post!: string;
}

@ObjectType()
export class LeadGroupOffice {
  @Field(() => String) hostedBy!: string;
  @Field(() => [String]) composition!: string[];
  @Field(() => String, { nullable: true }) director!: string | null;
  @Field(() => [String]) deputyDirectors!: string[];
  @Field(() => [String]) phones!: string[];
  @Field(() => [String]) duties!: string[];
}

@ObjectType({ description: '医疗保障工作领导小组 (or a coordination group) with its office.' })
export class LeadGroup {
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => [RosterMember]) members!: RosterMember[];
  @Field(() => LeadGroupOffice, { nullable: true }) office!: LeadGroupOffice | null;
  @Field(() => Boolean, { description: '继任者自然接任: successors take over without a new notice' }) successorRule!: boolean;
  @Field(() => String) clause!: string;
}

@ObjectType({ description: 'A row of a quota table (任务分解表).' })
export class QuotaRow {
  @Field(() => String) table!: string;
  @Field(() => Int, { nullable: true }) seq!: number | null;
  @Field(() => String) unit!: string;
  @Field(() => Int, { description: 'Registered population (户籍人口数)' }) population!: number;
  @Field(() => Int, { nullable: true, description: 'Valid residence permits, where printed' }) residencePermits!: number | null;
  @Field(() => Int, { description: 'Enrollment target' }) target!: number;
}

@ObjectType()
export class QuotaTotal {
  @Field(() => Int) population!: number;
  @Field(() => Int, { nullable: true }) residencePermits!: number | null;
  @Field(() => Int) target!: number;
}

@ObjectType()
export class QuotaTable {
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String) unitKind!: string;
  @Field(() => String) populationLabel!: string;
  @Field(() => String) targetLabel!: string;
  @Field(() => [QuotaRow]) rows!: QuotaRow[];
  @Field(() => QuotaTotal, { description: 'The 合计 row as printed' }) printedTotal!: QuotaTotal;
  @Field(() => QuotaTotal, { description: 'The sum of the rows' }) rowSum!: QuotaTotal;
  @Field(() => String) clause!: string;
}

@ObjectType()
export class ActivationRow {
  @Field(() => Int, { nullable: true }) seq!: number | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => Int) insured!: number;
  @Field(() => Int) activated!: number;
  @Field(() => Int) notActivated!: number;
  @Field(() => String) ratePrinted!: string;
  @Field(() => Int) targetActivated!: number;
  @Field(() => Int) gap!: number;
}

@ObjectType({ description: '医保电子凭证激活率 table.' })
export class ActivationTable {
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => Float) targetPercent!: number;
  @Field(() => [ActivationRow]) rows!: ActivationRow[];
  @Field(() => ActivationRow) printedTotal!: ActivationRow;
  @Field(() => [String]) notes!: string[];
  @Field(() => String) clause!: string;
}

@ObjectType()
export class Convention {
  @Field(() => String) topic!: string;
  @Field(() => String) choice!: string;
  @Field(() => String) reason!: string;
}

@ObjectType()
export class PolicyNote {
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) clause!: string | null;
}

@ObjectType({ description: 'Something an officer should check that does not make the document invalid.' })
export class ValidationWarning {
  @Field(() => String) path!: string;
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'A refused field: its path and the reason.' })
export class ValidationIssue {
  @Field(() => String) path!: string;
  @Field(() => String) message!: string;
}

@ObjectType()
export class ValidationReport {
  @Field(() => Boolean) valid!: boolean;
  @Field(() => [ValidationIssue]) issues!: ValidationIssue[];
  @Field(() => [ValidationWarning]) warnings!: ValidationWarning[];
}

// ------------------------------------------------------------------ the version

@ObjectType({ description: 'A value moved automatically when a draft was cloned forward, for the officer to review.' })
export class AutoChange {
  @Field(() => String) path!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: 'One difference between two versions.' })
export class Change {
  @Field(() => String, { description: 'Where, list items named by identity: categories[te-kun].name' }) path!: string;
  @Field(() => String, { description: 'added, removed, changed or renamed' }) kind!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
  @Field(() => String, { description: 'The field in Chinese, e.g. 个人缴费标准' }) label!: string;
  @Field(() => String, { description: 'One line, e.g. 个人缴费标准 390 → 400（+2.6%）' }) summary!: string;
}

@ObjectType({ description: 'One version of a jurisdiction’s enrollment rules for one coverage year.' })
export class PolicyVersion {
  @Field(() => ID) id!: string;
  @Field(() => Jurisdiction) jurisdiction!: Jurisdiction;
  @Field(() => Int, { description: 'Coverage year (待遇享受年度)' }) year!: number;
  @Field(() => PolicyStatusEnum) status!: string;
  @Field(() => String) documentNumber!: string;
  @Field(() => DateScalar) issuedOn!: string;
  @Field(() => String, { description: 'sha256 (hex) of the canonical JSON of the document' }) contentHash!: string;
  @Field(() => Int) revision!: number;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) publishedAt!: Date | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day a published version takes effect (its publication when unset)' }) effectiveFrom!: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) supersededAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The version this draft was cloned from' }) sourceVersionId!: string | null;
  @Field(() => Boolean, { description: 'The source has been replaced by a later publication (an amendment) since this draft was cloned' }) sourceAmended!: boolean;
  @Field(() => ID, { nullable: true, description: 'The version now in force where the source was amended' }) sourceCurrentVersionId!: string | null;
  @Field(() => [AutoChange], { description: 'Values moved automatically by clone-forward' }) autoChanges!: AutoChange[];
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => String, { nullable: true }) updatedBy!: string | null;
  @Field(() => [String], { description: 'Everyone who edited the draft (none of them may approve it)' }) editedBy!: string[];
  @Field(() => String, { nullable: true }) submittedBy!: string | null;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => String, { nullable: true }) publishedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'The comment of the last rejection' }) reviewComment!: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver) updatedAt!: Date;

  @Field(() => String) title!: string;
  @Field(() => PolicyMetadata) metadata!: PolicyMetadata;
  @Field(() => Eligibility) eligibility!: Eligibility;
  @Field(() => [Target]) targets!: Target[];
  @Field(() => Fees) fees!: Fees;
  @Field(() => [CategoryList]) categoryLists!: CategoryList[];
  @Field(() => [SubsidyCategory]) categories!: SubsidyCategory[];
  @Field(() => Stacking) stacking!: Stacking;
  @Field(() => AgeRule) ageRule!: AgeRule;
  @Field(() => Certification) certification!: Certification;
  @Field(() => [PaymentWindow]) windows!: PaymentWindow[];
  @Field(() => [Milestone]) milestones!: Milestone[];
  @Field(() => [SpecialGroup]) specialGroups!: SpecialGroup[];
  @Field(() => [RefundRuleItem], { description: 'Empty: the notice sets no refund rule' }) refund!: RefundRuleItem[];
  @Field(() => [WorkFunding]) workFunding!: WorkFunding[];
  @Field(() => [Responsibility]) responsibilities!: Responsibility[];
  @Field(() => [SchedulePhase]) schedule!: SchedulePhase[];
  @Field(() => [Definition]) definitions!: Definition[];
  @Field(() => [PaymentChannel]) paymentChannels!: PaymentChannel[];
  @Field(() => Registration) registration!: Registration;
  @Field(() => [FundTransfer]) fundTransfers!: FundTransfer[];
  @Field(() => Boolean, { nullable: true, description: 'Voluntary commercial supplementary insurance offered (null: not mentioned)' }) supplementaryInsurance!: boolean | null;
  @Field(() => [WorkRequirement]) workRequirements!: WorkRequirement[];
  @Field(() => LeadGroup, { nullable: true }) leadGroup!: LeadGroup | null;
  @Field(() => [RosterMember], { description: 'The lead group’s members (empty when the notice has no roster)' }) roster!: RosterMember[];
  @Field(() => [QuotaRow], { description: 'Rows of every quota table' }) quotas!: QuotaRow[];
  @Field(() => [QuotaTable]) quotaTables!: QuotaTable[];
  @Field(() => [ActivationTable]) activationTables!: ActivationTable[];
  @Field(() => [Convention], { description: 'Readings adopted where the notice is ambiguous' }) conventions!: Convention[];
  @Field(() => [PolicyNote]) notes!: PolicyNote[];
  @Field(() => [ValidationWarning], { description: 'Printed totals that differ from their rows, and the like' }) warnings!: ValidationWarning[];
  @Field(() => GraphQLJSON, { description: 'The whole validated document (money in integer fen, dates YYYY-MM-DD)' }) document!: unknown;
}
