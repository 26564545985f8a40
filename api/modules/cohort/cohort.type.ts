import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DateScalar, MoneyScalar } from '../../graphql/scalars.js';
import { Jurisdiction } from '../jurisdiction/jurisdiction.type.js';
import { graphqlEnum, wireEnum } from '../../graphql/enums.js';
import { JOB_STATUSES } from '../jobs/job-store.js';
import { PolicyStatusEnum } from '../policy/policy.type.js';

const JOB_STATUS_TEXT: Record<(typeof JOB_STATUSES)[number], string> = {
  pending: 'made, not started yet (an upload not yet begun)',
  running: 'under way',
  done: 'finished; the result is there',
  failed: 'stopped by an error (see error)',
  cancelled: 'stopped on request',
  interrupted: 'stopped because the process running it ended',
};
const JobStatusEnum = wireEnum(JOB_STATUSES, 'JobStatus', 'Where a job stands (the names as they went out as strings before this was an enum).', (s) => JOB_STATUS_TEXT[s]);

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
  @Field(() => JobStatusEnum, { description: 'pending (made for an upload not yet sent), running, done, failed, or interrupted (the API process running it stopped)' }) status!: string;
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
  @Field(() => String, { description: 'Why (the quote’s refusal), in the request’s language' }) reason!: string;
  @Field(() => Int, { description: 'How many persons' }) persons!: number;
  /** The reason in Chinese, kept with the stored result (not a field: `reason` answers in the request's language). */
  reasonZh?: string | null;
}

@ObjectType({ description: 'One version’s side of a preview: its totals over the cohort.' })
export class ImpactSide {
  @Field(() => ID, { description: 'The version' }) policyVersionId!: string;
  @Field(() => Int, { description: 'Its coverage year' }) year!: number;
  @Field(() => String, { description: 'Its status, as stored (draft, published …)', deprecationReason: 'Use policyStatus (enum PolicyStatus); this field keeps the stored values (draft, in_review, published …)' })
  status!: string;
  @Field(() => PolicyStatusEnum, { description: 'Its status' }) policyStatus!: string;
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
  @Field(() => DateScalar, { description: 'The day they pay on under the baseline: the stated payment date, else the first day of its central window (or the day of birth, if later)' }) baselinePaymentDate!: string;
  @Field(() => DateScalar, { description: 'The day they pay on under the draft: the stated payment date moved by yearsMoved, else the first day of the draft’s central window (or the day of birth, if later)' }) draftPaymentDate!: string;
  @Field(() => MoneyScalar, { description: 'What they owe under the baseline' }) baselineDue!: number;
  @Field(() => MoneyScalar, { description: 'What they owe under the draft' }) draftDue!: number;
  @Field(() => MoneyScalar, { description: 'draftDue − baselineDue' }) change!: number;
}

export const ImpactCauseEnum = graphqlEnum(['RULES', 'POPULATION', 'BOTH'] as const, 'ImpactCause', 'What made an amount due change, when the draft is for another coverage year than the baseline.', {
  RULES: 'The draft’s rules: the baseline’s rules give the population moved a year what they gave before',
  POPULATION: 'The move of the population a year (each person a year older against the coverage year): the draft’s rules give what the baseline’s give the moved population',
  BOTH: 'Both, or persons of the group differ in cause',
});

@ObjectType({ description: 'Every person whose amount due goes from one amount to another (one distinct change).' })
export class ImpactChangeGroup {
  @Field(() => MoneyScalar, { description: 'What they owe under the baseline' }) baselineDue!: number;
  @Field(() => MoneyScalar, { description: 'What they owe under the draft' }) draftDue!: number;
  @Field(() => MoneyScalar, { description: 'draftDue − baselineDue, per person' }) change!: number;
  @Field(() => Int, { description: 'How many persons make this change' }) persons!: number;
  @Field(() => MoneyScalar, { description: 'change × persons' }) total!: number;
  @Field(() => ImpactCauseEnum, { description: 'Whether the draft’s rules, the move of the population a year, or both make the change (RULES when the draft is for the baseline’s year)' }) cause!: 'RULES' | 'POPULATION' | 'BOTH';
  @Field(() => PersonChange, { description: 'The first person of the cohort with this change' }) example!: PersonChange;
}

@ObjectType({ description: 'The effect of a draft against a baseline on a cohort, computed by the same engine as quote.' })
export class Impact {
  @Field(() => Cohort, { description: 'The cohort previewed' }) cohort!: Cohort;
  @Field(() => Int, { description: 'Persons in it' }) persons!: number;
  @Field(() => ImpactSide, { description: 'The draft’s side' }) draft!: ImpactSide;
  @Field(() => ImpactSide, { description: 'The baseline’s side' }) baseline!: ImpactSide;
  @Field(() => ImpactTotals, { description: 'Draft − baseline' }) difference!: ImpactTotals;
  @Field(() => Int, { description: 'The draft’s coverage year − the baseline’s: the years the cohort is moved for the draft (stated payment dates move, birth dates stay)' }) yearsMoved!: number;
  @Field(() => ImpactTotals, {
    nullable: true,
    description: 'What moving the cohort a year does by itself: the baseline’s rules on the moved population (each person a year older against the coverage year) − on the cohort as given. null when the draft is for the baseline’s year',
  })
  populationEffect!: ImpactTotals | null;
  @Field(() => ImpactTotals, { description: 'What the draft’s rules do: difference − populationEffect (the whole difference when the years are the same)' }) rulesEffect!: ImpactTotals;
  @Field(() => [ImpactChangeGroup], { description: 'Each distinct change (baselineDue → draftDue) with its persons, most persons first; their persons add up to paysMore + paysLess' }) changeGroups!: ImpactChangeGroup[];
  @Field(() => [UnitImpact], { description: 'The same by unit, with each unit’s enrollment target' }) byUnit!: UnitImpact[];
  @Field(() => Int, { description: 'Persons who owe more under the draft' }) paysMore!: number;
  @Field(() => Int, { description: 'Persons who owe less under the draft' }) paysLess!: number;
  @Field(() => Int, { description: 'Persons who owe the same' }) paysSame!: number;
  @Field(() => Int, { description: 'Answered by one version, refused by the other' }) notComparable!: number;
  @Field(() => [PersonChange], { description: 'The persons whose amount due changes most' }) largestChanges!: PersonChange[];
  @Field(() => [PersonChange], { description: 'One person for each distinct change (before → after), in the order of changeGroups' }) examples!: PersonChange[];
  @Field(() => Int, { description: 'How long the computation took, in milliseconds' }) durationMs!: number;
}

@ObjectType({ description: 'A preview running in the background (startPreview), with its result once done.' })
export class PreviewJob {
  @Field(() => ID, { description: 'The job’s id' }) id!: string;
  @Field(() => JobStatusEnum, { description: 'running, done, failed, cancelled, or interrupted (the API process running it stopped)' }) status!: string;
  @Field(() => Float, { description: '0 to 1' }) progress!: number;
  @Field(() => Impact, { nullable: true, description: 'The preview, once done' }) result!: Impact | null;
  @Field(() => String, { nullable: true, description: 'Why it failed' }) error!: string | null;
}
