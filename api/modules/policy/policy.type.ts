import { enumOf, fields, list, nullable, objectType, T } from '../../graphql/object-types.js';
import { format, type ChangeKind } from '../../../policy-schemas/index.js';
import { declareDocumentFields } from '../../graphql/document-types.js';
import { graphqlEnum, wireEnum } from '../../graphql/enums.js';
import { POLICY_STATUSES } from './policy-version.entity.js';
import { Jurisdiction } from '../jurisdiction/jurisdiction.type.js';

/*
 * The read model of a policy version for third parties. The document's own fields (metadata, fees,
 * categories, windows …, each rule with its clause) are not written here: they come from the zod
 * schema and the registry of policy-schemas (api/graphql/document-types.ts adds them to PolicyVersion
 * below). Money fields are `Money` (yuan as a decimal string, exact); dates are `Date` (YYYY-MM-DD).
 */

const STATUS_MEANING: Record<string, string> = {
  draft: 'being written; only its drafters and reviewers see it',
  in_review: 'submitted, waiting for an approver',
  approved: 'approved, waiting to be published',
  published: 'in force (from its effectiveFrom), immutable',
  superseded: 'replaced by a later publication for the same jurisdiction and year; kept unchanged',
};

export const PolicyStatusEnum = graphqlEnum(
  POLICY_STATUSES,
  'PolicyStatus',
  'Lifecycle of a policy version: DRAFT → IN_REVIEW → APPROVED → PUBLISHED → SUPERSEDED.',
  (s) => `${format.status(s)} (${format.status(s, 'en')}): ${STATUS_MEANING[s]}.`,
);

const CHANGE_MEANING: Record<ChangeKind, string> = {
  added: 'in version b, not in a',
  removed: 'in version a, not in b',
  changed: 'in both, with another value',
  renamed: 'the same thing (matched by its identity) under another name',
};
const ChangeKindEnum = wireEnum(
  ['added', 'removed', 'changed', 'renamed'] as const satisfies readonly ChangeKind[],
  'ChangeKind',
  'What happened to a value between two versions (the names as they went out as strings before this was an enum).',
  (k) => CHANGE_MEANING[k],
);

@objectType
export class ValidationWarning extends fields({
  path: T.String,
  code: T.String,
  message: T.String,
}) {}

@objectType
export class ValidationIssue extends fields({
  path: T.String,
  message: T.String,
}) {}

@objectType
export class ValidationReport extends fields({
  valid: T.Boolean,
  issues: list(ValidationIssue),
  warnings: list(ValidationWarning),
}) {}

// ------------------------------------------------------------------ the version

@objectType
export class AutoChange extends fields({
  path: T.String,
  label: T.String,
  before: nullable(T.JSON),
  after: nullable(T.JSON),
  reason: T.String,
}) {}

@objectType
export class Change extends fields({
  path: T.String,
  kind: enumOf(ChangeKindEnum),
  before: nullable(T.JSON),
  after: nullable(T.JSON),
  label: T.String,
  summary: T.String,
}) {}

@objectType
export class PolicyVersion extends fields({
  id: T.ID,
  jurisdiction: Jurisdiction,
  year: T.Int,
  status: enumOf(PolicyStatusEnum),
  documentNumber: T.String,
  issuedOn: T.Date,
  contentHash: T.String,
  revision: T.Int,
  source: nullable(T.String),
  publishedAt: nullable(T.DateTime),
  effectiveFrom: nullable(T.Date),
  supersededAt: nullable(T.DateTime),
  sourceVersionId: nullable(T.ID),
  sourceAmended: T.Boolean,
  sourceCurrentVersionId: nullable(T.ID),
  autoChanges: list(AutoChange),
  createdBy: nullable(T.String),
  updatedBy: nullable(T.String),
  editedBy: list(T.String),
  submittedBy: nullable(T.String),
  approvedBy: nullable(T.String),
  publishedBy: nullable(T.String),
  reviewComment: nullable(T.String),
  createdAt: T.DateTime,
  updatedAt: T.DateTime,
  warnings: list(ValidationWarning),
  document: T.JSON,
}) {
  /** The document's fields (title, metadata, fees, categories …), declared below from the schema. */
  [documentField: string]: unknown;
}

declareDocumentFields(PolicyVersion);
