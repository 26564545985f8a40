import { argsType, enumOf, fields, optional, T } from '../../graphql/object-types.js';
import { CorrectionKindEnum } from './approval.type.js';

/** createCorrection: the published version, the kind of correction, and its own number and date. */
@argsType
export class CorrectionArgs extends fields({
  of: T.ID,
  kind: enumOf(CorrectionKindEnum),
  documentNumber: T.String,
  issuedOn: optional(T.Date),
}) {}
