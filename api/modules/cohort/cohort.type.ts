import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DateScalar, MoneyScalar } from '../../graphql/scalars.js';
import { Jurisdiction } from '../jurisdiction/jurisdiction.type.js';

@ObjectType()
export class Count {
  @Field(() => String) key!: string;
  @Field(() => Int) persons!: number;
}

@ObjectType({ description: 'A named set of persons of one jurisdiction, for previewing a draft.' })
export class Cohort {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Jurisdiction) jurisdiction!: Jurisdiction;
  @Field(() => Int) persons!: number;
  @Field(() => [String]) units!: string[];
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => [Count], { description: 'Persons per unit (township or community)' }) byUnit!: Count[];
  @Field(() => [Count], { description: 'Persons per category code' }) byCategory!: Count[];
}

@ObjectType({ description: 'Progress of a cohort import (poll while uploading).' })
export class CohortImportJob {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'running, done or failed' }) status!: string;
  @Field(() => Int) rows!: number;
  @Field(() => Int) bytes!: number;
  @Field(() => ID, { nullable: true }) cohortId!: string | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType()
export class FundAmount {
  @Field(() => String, { description: '资金来源 as printed' }) fundSource!: string;
  @Field(() => MoneyScalar) amount!: number;
}

@ObjectType()
export class CategoryAmount {
  @Field(() => String) category!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => Int) persons!: number;
  @Field(() => MoneyScalar) amount!: number;
}

@ObjectType({ description: 'Totals of a version over a cohort (or their difference).' })
export class ImpactTotals {
  @Field(() => Int, { description: 'Persons answered (refused ones excluded)' }) persons!: number;
  @Field(() => Int, { description: 'Persons whose payment buys coverage in the year' }) covered!: number;
  @Field(() => MoneyScalar, { description: 'What the persons pay: individual fees + surcharges − subsidies' }) individualContributions!: number;
  @Field(() => MoneyScalar) surchargeRevenue!: number;
  @Field(() => MoneyScalar, { description: 'All subsidies of categories' }) subsidies!: number;
  @Field(() => MoneyScalar, { description: 'Government subsidy per insured person × persons' }) governmentSubsidy!: number;
  @Field(() => [FundAmount]) byFundSource!: FundAmount[];
  @Field(() => [CategoryAmount]) byCategory!: CategoryAmount[];
}

@ObjectType()
export class Refusal {
  @Field(() => String) reason!: string;
  @Field(() => Int) persons!: number;
}

@ObjectType()
export class ImpactSide {
  @Field(() => ID) policyVersionId!: string;
  @Field(() => Int) year!: number;
  @Field(() => String) status!: string;
  @Field(() => ImpactTotals) totals!: ImpactTotals;
  @Field(() => [Refusal], { description: 'Persons the version cannot answer, by reason' }) refusals!: Refusal[];
  @Field(() => [Count], { description: 'Codes of the cohort this version does not know (ignored), with persons' }) unknownCodes!: Count[];
  @Field(() => Int, { description: 'Distinct combinations evaluated by the engine' }) distinctCases!: number;
}

@ObjectType()
export class UnitImpact {
  @Field(() => String) unit!: string;
  @Field(() => Int) persons!: number;
  @Field(() => Int, { nullable: true, description: 'Enrollment target of the unit in the draft’s quota table' }) target!: number | null;
  @Field(() => Float, { nullable: true, description: 'Persons covered under the draft ÷ target × 100' }) targetPercent!: number | null;
  @Field(() => ImpactTotals) draft!: ImpactTotals;
  @Field(() => ImpactTotals) baseline!: ImpactTotals;
  @Field(() => ImpactTotals) difference!: ImpactTotals;
}

@ObjectType({ description: 'A person whose amount due changes.' })
export class PersonChange {
  @Field(() => String) personId!: string;
  @Field(() => String) unit!: string;
  @Field(() => [String]) categories!: string[];
  @Field(() => [String]) groups!: string[];
  @Field(() => DateScalar, { nullable: true }) birthDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'null: pays in the central window (on its first day, or on the day of birth for a baby born during it)' }) paymentDate!: string | null;
  @Field(() => MoneyScalar) baselineDue!: number;
  @Field(() => MoneyScalar) draftDue!: number;
  @Field(() => MoneyScalar) change!: number;
}

@ObjectType({ description: 'The effect of a draft against a baseline on a cohort, computed by the same engine as quote.' })
export class Impact {
  @Field(() => Cohort) cohort!: Cohort;
  @Field(() => Int) persons!: number;
  @Field(() => ImpactSide) draft!: ImpactSide;
  @Field(() => ImpactSide) baseline!: ImpactSide;
  @Field(() => ImpactTotals) difference!: ImpactTotals;
  @Field(() => [UnitImpact]) byUnit!: UnitImpact[];
  @Field(() => Int) paysMore!: number;
  @Field(() => Int) paysLess!: number;
  @Field(() => Int) paysSame!: number;
  @Field(() => Int, { description: 'Answered by one version, refused by the other' }) notComparable!: number;
  @Field(() => [PersonChange]) largestChanges!: PersonChange[];
  @Field(() => [PersonChange], { description: 'One person for each distinct change (before → after)' }) examples!: PersonChange[];
  @Field(() => Int) durationMs!: number;
}

@ObjectType()
export class PreviewJob {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'running, done, failed or cancelled' }) status!: string;
  @Field(() => Float, { description: '0 to 1' }) progress!: number;
  @Field(() => Impact, { nullable: true }) result!: Impact | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}
