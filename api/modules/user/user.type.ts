import { enumOf, fields, list, nullable, objectType, T } from '../../graphql/object-types.js';
import { Field, InputType } from 'type-graphql';
import { Jurisdiction } from '../jurisdiction/jurisdiction.type.js';
import { wireEnum } from '../../graphql/enums.js';
import { ROLES, type Role } from '../auth/actor.js';

const ROLE_MEANING: Record<Role, string> = {
  drafter: 'creates and edits drafts and submits them, in their jurisdictions and below',
  approver: 'approves, rejects and publishes, in their jurisdictions and below',
  auditor: 'reads everything, drafts and history included',
  integrator: 'reads published rules and asks for quotes, with an API key',
  admin: 'manages users and API keys',
};
const RoleEnum = wireEnum(ROLES, 'Role', 'What a user may do (the names as they went out as strings before this was an enum).', (r) => ROLE_MEANING[r]);

@objectType
export class User extends fields({
  id: T.NumericID,
  username: T.String,
  displayName: T.String,
  roles: list(enumOf(RoleEnum)),
  jurisdictions: list(Jurisdiction),
  active: T.Boolean,
  mustChangePassword: T.Boolean,
}) {}

@objectType
export class Session extends fields({
  token: T.String,
  expiresAt: T.DateTime,
  user: User,
}) {}

@objectType
export class ApiKey extends fields({
  id: T.NumericID,
  name: T.String,
  prefix: T.String,
  username: T.String,
  createdAt: T.DateTime,
  lastUsedAt: nullable(T.DateTime),
  expiresAt: nullable(T.DateTime),
  revokedAt: nullable(T.DateTime),
}) {}

@objectType
export class CreatedApiKey extends fields({
  key: T.String,
  apiKey: ApiKey,
}) {}

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field(() => String, { description: 'The name to log in with (unique)' }) username!: string;
  @Field(() => String, { nullable: true, description: 'The name shown (the username when absent)' }) displayName?: string | null;
  @Field(() => String, { description: 'At least 10 characters' }) password!: string;
  @Field(() => [String], { description: 'drafter, approver, auditor, integrator, admin (at least one)' }) roles!: string[];
  @Field(() => [String], { description: 'Jurisdictions by code or exact name', defaultValue: [] }) jurisdictions!: string[];
}

@InputType({ description: 'Changes to a user; absent fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'The name shown' }) displayName?: string | null;
  @Field(() => String, { nullable: true, description: 'A new password (at least 10 characters); ends the user’s sessions' }) password?: string | null;
  @Field(() => [String], { nullable: true, description: 'The roles, replacing the present ones' }) roles?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'The jurisdictions by code or exact name, replacing the present ones' }) jurisdictions?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'false deactivates the user and ends their sessions' }) active?: boolean | null;
}
