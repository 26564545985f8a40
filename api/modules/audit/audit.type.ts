import { fields, nullable, objectType, T } from '../../graphql/object-types.js';

@objectType
export class AuditEntry extends fields({
  id: T.ID,
  at: T.DateTime,
  username: nullable(T.String),
  action: T.String,
  policyVersionId: nullable(T.ID),
  jurisdiction: nullable(T.String),
  jurisdictionId: nullable(T.Int),
  comment: nullable(T.String),
  diff: nullable(T.JSON),
  details: nullable(T.JSON),
}) {}
