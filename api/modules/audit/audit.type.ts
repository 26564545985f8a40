import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType({ description: 'One entry of the audit log: who did what, when, to which version, with the diff and the comment.' })
export class AuditEntry {
  @Field(() => ID, { description: 'The entry’s id' }) id!: string;
  @Field(() => DateTimeResolver, { description: 'When it happened' }) at!: Date;
  @Field(() => String, { nullable: true, description: 'Who did it (null: the system, e.g. seeding)' }) username!: string | null;
  @Field(() => String, { description: 'create-draft, update-draft, submitForReview, approve, reject, publish, supersede, import, login, create-user …' }) action!: string;
  @Field(() => ID, { nullable: true, description: 'The version it concerns' }) policyVersionId!: string | null;
  @Field(() => String, { nullable: true, description: 'The name of the jurisdiction it concerns' }) jurisdiction!: string | null;
  @Field(() => Int, { nullable: true, description: 'The id of that jurisdiction' }) jurisdictionId!: number | null;
  @Field(() => String, { nullable: true, description: 'The comment given with the action' }) comment!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The changes to the document (as compareVersions lists them)' }) diff!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'What else the action recorded (the superseding version, the user changed …)' }) details!: unknown;
}
