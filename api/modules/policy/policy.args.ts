import { argsType, enumOf, fields, list, optional, T, withDefault } from '../../graphql/object-types.js';
import { PolicyStatusEnum } from './policy.type.js';

/** policy: the version in force for a jurisdiction and year. */
@argsType
export class PolicyArgs extends fields({
  jurisdiction: T.String,
  year: T.Int,
  asOf: optional(T.Date),
}) {}

/** policyVersions' filters. */
@argsType
export class PolicyVersionsArgs extends fields({
  jurisdiction: optional(T.String),
  year: optional(T.Int),
  status: optional(enumOf(PolicyStatusEnum)),
}) {}

/** createDraft: the version to copy, the year of the draft, and the jurisdiction it is for. */
@argsType
export class CreateDraftArgs extends fields({
  from: T.ID,
  year: T.Int,
  jurisdiction: optional(T.String),
}) {}

/** updateDraft: the draft, the revision read, the new document and what changed. */
@argsType
export class UpdateDraftArgs extends fields({
  id: T.ID,
  revision: T.Int,
  document: T.JSON,
  comment: optional(T.String),
}) {}

/** approve: the version, a note, and the preview the approver saw. */
@argsType
export class ApproveArgs extends fields({
  id: T.ID,
  comment: optional(T.String),
  preview: optional(T.ID),
}) {}

/** auditLog's filters. */
@argsType
export class AuditLogArgs extends fields({
  policyVersionId: optional(T.ID),
  jurisdiction: optional(T.String),
  username: optional(T.String),
  from: optional(T.DateTime),
  to: optional(T.DateTime),
  limit: withDefault(T.Int, 100),
}) {}

/** acknowledgeReviewItems: the draft, the items' keys and why their values are right. */
@argsType
export class AcknowledgeArgs extends fields({
  id: T.ID,
  keys: list(T.String),
  comment: optional(T.String),
}) {}
