import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Jurisdiction } from '../jurisdiction/jurisdiction.type.js';

@ObjectType({ description: 'A person who logs in: roles say what they may do; drafters and approvers act within their jurisdictions and those below.' })
export class User {
  @Field(() => ID) id!: number;
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => [String], { description: 'drafter, approver, auditor, integrator, admin' }) roles!: string[];
  @Field(() => [Jurisdiction]) jurisdictions!: Jurisdiction[];
  @Field(() => Boolean) active!: boolean;
}

@ObjectType()
export class Session {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`' }) token!: string;
  @Field(() => DateTimeResolver) expiresAt!: Date;
  @Field(() => User) user!: User;
}

@ObjectType({ description: 'An integrator’s API key. The key itself is shown once, at creation; only its hash is stored.' })
export class ApiKey {
  @Field(() => ID) id!: number;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first characters of the key, to recognise it' }) prefix!: string;
  @Field(() => String, { description: 'The user the key acts as' }) username!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => String, { description: 'The key: shown this once, never again' }) key!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
}

@InputType()
export class CreateUserInput {
  @Field(() => String) username!: string;
  @Field(() => String, { nullable: true }) displayName?: string | null;
  @Field(() => String, { description: 'At least 10 characters' }) password!: string;
  @Field(() => [String]) roles!: string[];
  @Field(() => [String], { description: 'Jurisdictions by code or exact name', defaultValue: [] }) jurisdictions!: string[];
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) displayName?: string | null;
  @Field(() => String, { nullable: true }) password?: string | null;
  @Field(() => [String], { nullable: true }) roles?: string[] | null;
  @Field(() => [String], { nullable: true }) jurisdictions?: string[] | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}
