import { enumOf, fields, nullable, objectType, T } from '../../graphql/object-types.js';
import { graphqlEnum } from '../../graphql/enums.js';
import { PolicyVersion } from '../policy/policy.type.js';

@objectType
export class OpenQuestion extends fields({
  code: T.String,
  path: T.String,
  clause: nullable(T.String),
  question: T.String,
  suggestion: T.String,
}) {}

@objectType
export class PreviewTotals extends fields({
  persons: T.Int,
  draftIndividualContributions: T.Money,
  baselineIndividualContributions: T.Money,
  draftSubsidies: T.Money,
  baselineSubsidies: T.Money,
  draftGovernmentSubsidy: T.Money,
  baselineGovernmentSubsidy: T.Money,
  draftSurchargeRevenue: T.Money,
  baselineSurchargeRevenue: T.Money,
  paysMore: T.Int,
  paysLess: T.Int,
  paysSame: T.Int,
  notComparable: T.Int,
}) {}

@objectType
export class PreviewRecord extends fields({
  job: T.ID,
  revision: T.Int,
  current: T.Boolean,
  baselineId: T.ID,
  cohortId: T.ID,
  cohortName: T.String,
  startedBy: nullable(T.String),
  startedAt: T.DateTime,
  finishedAt: nullable(T.DateTime),
  status: T.String,
  totals: nullable(PreviewTotals),
  error: nullable(T.String),
  approvedAt: nullable(T.DateTime),
}) {}

@objectType
export class Submission extends fields({
  by: nullable(T.String),
  at: T.DateTime,
  comment: nullable(T.String),
}) {}

export const CorrectionKindEnum = graphqlEnum(['amendment', 'errata'] as const, 'CorrectionKind', 'How a published notice is corrected: a revised notice (修订) or an errata (更正).', (k) =>
  k === 'amendment' ? '修订 (amendment): the notice revised and issued again, replacing the one corrected.' : '更正 (errata): a mistake of the notice corrected.',
);

@objectType
export class VersionCorrection extends fields({
  kind: enumOf(CorrectionKindEnum),
  version: PolicyVersion,
}) {}
