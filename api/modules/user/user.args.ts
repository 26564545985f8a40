import { argsType, fields, T } from '../../graphql/object-types.js';

/** changePassword: who, the current password (checked as at login) and the new one. */
@argsType
export class ChangePasswordArgs extends fields({
  username: T.String,
  password: T.String,
  newPassword: T.String,
}) {}
