import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
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

@ObjectType({ description: 'A person who logs in: roles say what they may do; drafters and approvers act within their jurisdictions and those below.' })
export class User {
  @Field(() => ID, { description: 'The user’s id' }) id!: number;
  @Field(() => String, { description: 'The name to log in with' }) username!: string;
  @Field(() => String, { description: 'The name shown in the console and the history' }) displayName!: string;
  @Field(() => [RoleEnum], { description: 'drafter, approver, auditor, integrator, admin' }) roles!: string[];
  @Field(() => [Jurisdiction], { description: 'Where a drafter or approver may act (and everywhere below)' }) jurisdictions!: Jurisdiction[];
  @Field(() => Boolean, { description: 'false: deactivated, may not log in' }) active!: boolean;
  @Field(() => Boolean, { description: 'The password was generated at the first start and must be changed (changePassword) before the user can log in' })
  mustChangePassword!: boolean;
}

@ObjectType({ description: 'A logged-in session.' })
export class Session {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`' }) token!: string;
  @Field(() => DateTimeResolver, { description: 'When the token stops working (12 hours after login)' }) expiresAt!: Date;
  @Field(() => User, { description: 'Who logged in' }) user!: User;
}

@ObjectType({ description: 'An integrator’s API key. The key itself is shown once, at creation; only its hash is stored.' })
export class ApiKey {
  @Field(() => ID, { description: 'The key’s id (to revoke it)' }) id!: number;
  @Field(() => String, { description: 'What the key is for, as its creator named it' }) name!: string;
  @Field(() => String, { description: 'The first characters of the key, to recognise it' }) prefix!: string;
  @Field(() => String, { description: 'The user the key acts as' }) username!: string;
  @Field(() => DateTimeResolver, { description: 'When it was created' }) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was last sent (null: never)' }) lastUsedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the key stops working (null: until revoked)' }) expiresAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was revoked (null: in use)' }) revokedAt!: Date | null;
}

@ObjectType({ description: 'A new API key, with the key itself (shown only here).' })
export class CreatedApiKey {
  @Field(() => String, { description: 'The key: shown this once, never again' }) key!: string;
  @Field(() => ApiKey, { description: 'The key as listed from now on' }) apiKey!: ApiKey;
}

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
