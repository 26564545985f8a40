import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType({ description: 'One entry of the audit log: who did what, when, to which version, with the diff and the comment.' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => String, { description: 'create-draft, update-draft, submitForReview, approve, reject, publish, supersede, import, login, create-user …' }) action!: string;
  @Field(() => ID, { nullable: true }) policyVersionId!: string | null;
  @Field(() => String, { nullable: true }) jurisdiction!: string | null;
  @Field(() => Int, { nullable: true }) jurisdictionId!: number | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The changes to the document (as compareVersions lists them)' }) diff!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) details!: unknown;
}
