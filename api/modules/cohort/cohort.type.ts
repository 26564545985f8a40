import { enumOf, fields, list, nullable, objectType, T } from '../../graphql/object-types.js';
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

@objectType
export class Count extends fields({
  key: T.String,
  persons: T.Int,
}) {}

@objectType
export class Cohort extends fields({
  id: T.ID,
  name: T.String,
  jurisdiction: Jurisdiction,
  persons: T.Int,
  units: list(T.String),
  createdAt: T.DateTime,
  byUnit: list(Count),
  byCategory: list(Count),
}) {}

@objectType
export class CohortImportJob extends fields({
  id: T.ID,
  status: enumOf(JobStatusEnum),
  rows: T.Int,
  bytes: T.Int,
  cohortId: nullable(T.ID),
  error: nullable(T.String),
}) {}

@objectType
export class FundAmount extends fields({
  fundSource: T.String,
  amount: T.Money,
}) {}

@objectType
export class CategoryAmount extends fields({
  category: T.String,
  name: nullable(T.String),
  persons: T.Int,
  amount: T.Money,
}) {}

@objectType
export class ImpactTotals extends fields({
  persons: T.Int,
  covered: T.Int,
  individualContributions: T.Money,
  surchargeRevenue: T.Money,
  subsidies: T.Money,
  governmentSubsidy: T.Money,
  byFundSource: list(FundAmount),
  byCategory: list(CategoryAmount),
}) {}

@objectType
export class Refusal extends fields({
  reason: T.String,
  persons: T.Int,
}) {
  /** The reason in Chinese, kept with the stored result (not a field: `reason` answers in the request's language). */
  reasonZh?: string | null;
}

@objectType
export class ImpactSide extends fields({
  policyVersionId: T.ID,
  year: T.Int,
  status: T.String,
  policyStatus: enumOf(PolicyStatusEnum),
  totals: ImpactTotals,
  refusals: list(Refusal),
  unknownCodes: list(Count),
  distinctCases: T.Int,
}) {}

@objectType
export class UnitImpact extends fields({
  unit: T.String,
  persons: T.Int,
  target: nullable(T.Int),
  targetPercent: nullable(T.Float),
  draft: ImpactTotals,
  baseline: ImpactTotals,
  difference: ImpactTotals,
}) {}

@objectType
export class PersonChange extends fields({
  personId: T.String,
  unit: T.String,
  categories: list(T.String),
  groups: list(T.String),
  birthDate: nullable(T.Date),
  paymentDate: nullable(T.Date),
  baselinePaymentDate: T.Date,
  draftPaymentDate: T.Date,
  baselineDue: T.Money,
  draftDue: T.Money,
  change: T.Money,
}) {}

export const ImpactCauseEnum = graphqlEnum(['RULES', 'POPULATION', 'BOTH'] as const, 'ImpactCause', 'What made an amount due change, when the draft is for another coverage year than the baseline.', {
  RULES: 'The draft’s rules: the baseline’s rules give the population moved a year what they gave before',
  POPULATION: 'The move of the population a year (each person a year older against the coverage year): the draft’s rules give what the baseline’s give the moved population',
  BOTH: 'Both, or persons of the group differ in cause',
});

@objectType
export class ImpactChangeGroup extends fields({
  baselineDue: T.Money,
  draftDue: T.Money,
  change: T.Money,
  persons: T.Int,
  total: T.Money,
  cause: enumOf<'RULES' | 'POPULATION' | 'BOTH'>(ImpactCauseEnum),
  example: PersonChange,
}) {}

@objectType
export class Impact extends fields({
  cohort: Cohort,
  persons: T.Int,
  draft: ImpactSide,
  baseline: ImpactSide,
  difference: ImpactTotals,
  yearsMoved: T.Int,
  populationEffect: nullable(ImpactTotals),
  rulesEffect: ImpactTotals,
  changeGroups: list(ImpactChangeGroup),
  byUnit: list(UnitImpact),
  paysMore: T.Int,
  paysLess: T.Int,
  paysSame: T.Int,
  notComparable: T.Int,
  largestChanges: list(PersonChange),
  examples: list(PersonChange),
  durationMs: T.Int,
}) {}

@objectType
export class PreviewJob extends fields({
  id: T.ID,
  status: enumOf(JobStatusEnum),
  progress: T.Float,
  result: nullable(Impact),
  error: nullable(T.String),
}) {}
