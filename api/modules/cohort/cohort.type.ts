import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DateScalar, MoneyScalar } from '../../graphql/scalars.js';
import { Jurisdiction } from '../jurisdiction/jurisdiction.type.js';

@ObjectType({ description: 'Persons counted by a key (a unit, a category or a code).' })
export class Count {
  @Field(() => String, { description: 'The unit, category code or code counted' }) key!: string;
  @Field(() => Int, { description: 'How many persons' }) persons!: number;
}

@ObjectType({ description: 'A named set of persons of one jurisdiction, for previewing a draft.' })
export class Cohort {
  @Field(() => ID, { description: 'The cohort’s id' }) id!: string;
  @Field(() => String, { description: 'Its name, as given at import' }) name!: string;
  @Field(() => Jurisdiction, { description: 'The jurisdiction its persons live in' }) jurisdiction!: Jurisdiction;
  @Field(() => Int, { description: 'How many persons' }) persons!: number;
  @Field(() => [String], { description: 'The units (townships or communities) its persons are in' }) units!: string[];
  @Field(() => DateTimeResolver, { description: 'When it was imported' }) createdAt!: Date;
  @Field(() => [Count], { description: 'Persons per unit (township or community)' }) byUnit!: Count[];
  @Field(() => [Count], { description: 'Persons per category code' }) byCategory!: Count[];
}

@ObjectType({ description: 'Progress of a cohort import (poll while uploading).' })
export class CohortImportJob {
  @Field(() => ID, { description: 'The job’s id, made by the server (the `job` of POST /cohorts)' }) id!: string;
  @Field(() => String, { description: 'pending (made for an upload not yet sent), running, done, failed, or interrupted (the API process running it stopped)' }) status!: string;
  @Field(() => Int, { description: 'Rows checked so far' }) rows!: number;
  @Field(() => Int, { description: 'Bytes read so far' }) bytes!: number;
  @Field(() => ID, { nullable: true, description: 'The cohort made, once done' }) cohortId!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed (refused lines by number)' }) error!: string | null;
}

@ObjectType({ description: 'Subsidies paid from one fund source.' })
export class FundAmount {
  @Field(() => String, { description: '资金来源 as printed' }) fundSource!: string;
  @Field(() => MoneyScalar, { description: 'The subsidies it pays' }) amount!: number;
}

@ObjectType({ description: 'Subsidies of one category over a cohort.' })
export class CategoryAmount {
  @Field(() => String, { description: 'The category’s code' }) category!: string;
  @Field(() => String, { nullable: true, description: 'Its name in the version (null where it has no such category)' }) name!: string | null;
  @Field(() => Int, { description: 'Persons subsidised by it' }) persons!: number;
  @Field(() => MoneyScalar, { description: 'Their subsidies' }) amount!: number;
}

@ObjectType({ description: 'Totals of a version over a cohort (or their difference).' })
export class ImpactTotals {
  @Field(() => Int, { description: 'Persons answered (refused ones excluded)' }) persons!: number;
  @Field(() => Int, { description: 'Persons whose payment buys coverage in the year' }) covered!: number;
  @Field(() => MoneyScalar, { description: 'What the persons pay: individual fees + surcharges − subsidies' }) individualContributions!: number;
  @Field(() => MoneyScalar, { description: 'Late surcharges paid' }) surchargeRevenue!: number;
  @Field(() => MoneyScalar, { description: 'All subsidies of categories' }) subsidies!: number;
  @Field(() => MoneyScalar, { description: 'Government subsidy per insured person × persons' }) governmentSubsidy!: number;
  @Field(() => [FundAmount], { description: 'Subsidies by fund source' }) byFundSource!: FundAmount[];
  @Field(() => [CategoryAmount], { description: 'Subsidies by category' }) byCategory!: CategoryAmount[];
}

@ObjectType({ description: 'Persons a version cannot answer, for one reason.' })
export class Refusal {
  @Field(() => String, { description: 'Why (the quote’s refusal)' }) reason!: string;
  @Field(() => Int, { description: 'How many persons' }) persons!: number;
}

@ObjectType({ description: 'One version’s side of a preview: its totals over the cohort.' })
export class ImpactSide {
  @Field(() => ID, { description: 'The version' }) policyVersionId!: string;
  @Field(() => Int, { description: 'Its coverage year' }) year!: number;
  @Field(() => String, { description: 'Its status, as stored (draft, published …)' }) status!: string;
  @Field(() => ImpactTotals, { description: 'Its totals' }) totals!: ImpactTotals;
  @Field(() => [Refusal], { description: 'Persons the version cannot answer, by reason' }) refusals!: Refusal[];
  @Field(() => [Count], { description: 'Codes of the cohort this version does not know (ignored), with persons' }) unknownCodes!: Count[];
  @Field(() => Int, { description: 'Distinct combinations evaluated by the engine' }) distinctCases!: number;
}

@ObjectType({ description: 'A preview for the persons of one unit (township or community).' })
export class UnitImpact {
  @Field(() => String, { description: 'The unit' }) unit!: string;
  @Field(() => Int, { description: 'Persons of the cohort in it' }) persons!: number;
  @Field(() => Int, { nullable: true, description: 'Enrollment target of the unit in the draft’s quota table' }) target!: number | null;
  @Field(() => Float, { nullable: true, description: 'Persons covered under the draft ÷ target × 100' }) targetPercent!: number | null;
  @Field(() => ImpactTotals, { description: 'The draft’s totals in the unit' }) draft!: ImpactTotals;
  @Field(() => ImpactTotals, { description: 'The baseline’s totals in the unit' }) baseline!: ImpactTotals;
  @Field(() => ImpactTotals, { description: 'Draft − baseline' }) difference!: ImpactTotals;
}

@ObjectType({ description: 'A person whose amount due changes.' })
export class PersonChange {
  @Field(() => String, { description: 'The person’s id in the cohort file' }) personId!: string;
  @Field(() => String, { description: 'Their unit' }) unit!: string;
  @Field(() => [String], { description: 'Their category codes' }) categories!: string[];
  @Field(() => [String], { description: 'Their special-group codes' }) groups!: string[];
  @Field(() => DateScalar, { nullable: true, description: 'Their date of birth, where given' }) birthDate!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'null: pays in the central window (on its first day, or on the day of birth for a baby born during it)' }) paymentDate!: string | null;
  @Field(() => MoneyScalar, { description: 'What they owe under the baseline' }) baselineDue!: number;
  @Field(() => MoneyScalar, { description: 'What they owe under the draft' }) draftDue!: number;
  @Field(() => MoneyScalar, { description: 'draftDue − baselineDue' }) change!: number;
}

@ObjectType({ description: 'The effect of a draft against a baseline on a cohort, computed by the same engine as quote.' })
export class Impact {
  @Field(() => Cohort, { description: 'The cohort previewed' }) cohort!: Cohort;
  @Field(() => Int, { description: 'Persons in it' }) persons!: number;
  @Field(() => ImpactSide, { description: 'The draft’s side' }) draft!: ImpactSide;
  @Field(() => ImpactSide, { description: 'The baseline’s side' }) baseline!: ImpactSide;
  @Field(() => ImpactTotals, { description: 'Draft − baseline' }) difference!: ImpactTotals;
  @Field(() => [UnitImpact], { description: 'The same by unit, with each unit’s enrollment target' }) byUnit!: UnitImpact[];
  @Field(() => Int, { description: 'Persons who owe more under the draft' }) paysMore!: number;
  @Field(() => Int, { description: 'Persons who owe less under the draft' }) paysLess!: number;
  @Field(() => Int, { description: 'Persons who owe the same' }) paysSame!: number;
  @Field(() => Int, { description: 'Answered by one version, refused by the other' }) notComparable!: number;
  @Field(() => [PersonChange], { description: 'The persons whose amount due changes most' }) largestChanges!: PersonChange[];
  @Field(() => [PersonChange], { description: 'One person for each distinct change (before → after)' }) examples!: PersonChange[];
  @Field(() => Int, { description: 'How long the computation took, in milliseconds' }) durationMs!: number;
}

@ObjectType({ description: 'A preview running in the background (startPreview), with its result once done.' })
export class PreviewJob {
  @Field(() => ID, { description: 'The job’s id' }) id!: string;
  @Field(() => String, { description: 'running, done, failed, cancelled, or interrupted (the API process running it stopped)' }) status!: string;
  @Field(() => Float, { description: '0 to 1' }) progress!: number;
  @Field(() => Impact, { nullable: true, description: 'The preview, once done' }) result!: Impact | null;
  @Field(() => String, { nullable: true, description: 'Why it failed' }) error!: string | null;
}
