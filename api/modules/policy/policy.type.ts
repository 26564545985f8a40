import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON, DateTimeResolver } from 'graphql-scalars';
import { format, pathDescription, type ChangeKind } from '../../../policy-schemas/index.js';
import { declareDocumentFields } from '../../graphql/document-types.js';
import { graphqlEnum, wireEnum } from '../../graphql/enums.js';
import { DateScalar } from '../../graphql/scalars.js';
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

@ObjectType({ description: 'Something an officer should check that does not make the document invalid.' })
export class ValidationWarning {
  @Field(() => String, { description: 'Where, e.g. quotaTables[0].printedTotal.target' }) path!: string;
  @Field(() => String, { description: 'printed-total-differs, row-inconsistent, declared-count-differs, sum-differs or outside-outline' }) code!: string;
  @Field(() => String, { description: 'What differs, in words' }) message!: string;
}

@ObjectType({ description: 'A refused field: its path and the reason.' })
export class ValidationIssue {
  @Field(() => String, { description: 'Where, e.g. fees.individual.amountFen; (document) for the whole' }) path!: string;
  @Field(() => String, { description: 'Why, e.g. must not be negative' }) message!: string;
}

@ObjectType({ description: 'The outcome of checking a document: its refused fields, or its warnings when it is valid.' })
export class ValidationReport {
  @Field(() => Boolean, { description: 'The document may be stored' }) valid!: boolean;
  @Field(() => [ValidationIssue], { description: 'Each refused field with the reason (empty when valid)' }) issues!: ValidationIssue[];
  @Field(() => [ValidationWarning], { description: 'What to check in a valid document (empty when invalid)' }) warnings!: ValidationWarning[];
}

// ------------------------------------------------------------------ the version

@ObjectType({ description: 'A value moved automatically when a draft was cloned forward, for the officer to review.' })
export class AutoChange {
  @Field(() => String, { description: 'Where, e.g. windows[0].from' }) path!: string;
  @Field(() => String, { description: 'The field in Chinese, from the registry, its list item named from the document: 参保缴费期「集中参保缴费期」起始日' }) label!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The value in the source version' }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The value in the draft' }) after!: unknown;
  @Field(() => String, { description: 'Why it moved, or what to review by hand' }) reason!: string;
}

@ObjectType({ description: 'One difference between two versions.' })
export class Change {
  @Field(() => String, { description: 'Where, list items named by identity: categories[te-kun].name' }) path!: string;
  @Field(() => ChangeKindEnum, { description: 'added, removed, changed or renamed' }) kind!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The value in version a (null when added)' }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The value in version b (null when removed)' }) after!: unknown;
  @Field(() => String, { description: 'The field in Chinese, e.g. 个人缴费标准' }) label!: string;
  @Field(() => String, { description: 'One line, e.g. 个人缴费标准 390 → 400（+2.6%）' }) summary!: string;
}

@ObjectType({ description: 'One version of a jurisdiction’s enrollment rules for one coverage year.' })
export class PolicyVersion {
  @Field(() => ID, { description: 'The version’s id (a UUID)' }) id!: string;
  @Field(() => Jurisdiction, { description: 'The jurisdiction the rules are for (its name and code are the document’s jurisdiction)' }) jurisdiction!: Jurisdiction;
  @Field(() => Int, { description: pathDescription('coverageYear') }) year!: number;
  @Field(() => PolicyStatusEnum, { description: 'Where the version is in its lifecycle' }) status!: string;
  @Field(() => String, { description: pathDescription('metadata.documentNumber') }) documentNumber!: string;
  @Field(() => DateScalar, { description: pathDescription('metadata.issuedOn') }) issuedOn!: string;
  @Field(() => String, { description: 'sha256 (hex) of the canonical JSON of the document' }) contentHash!: string;
  @Field(() => Int, { description: 'Increases with every save; updateDraft takes the one you read' }) revision!: number;
  @Field(() => String, { nullable: true, description: 'Where it came from: a seed file, an import, or the version it was cloned from' }) source!: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was published' }) publishedAt!: Date | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day a published version takes effect (its publication when unset)' }) effectiveFrom!: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When a later publication replaced it' }) supersededAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The version this draft was cloned from' }) sourceVersionId!: string | null;
  @Field(() => Boolean, { description: 'The source has been replaced by a later publication (an amendment) since this draft was cloned' }) sourceAmended!: boolean;
  @Field(() => ID, { nullable: true, description: 'The version now in force where the source was amended' }) sourceCurrentVersionId!: string | null;
  @Field(() => [AutoChange], { description: 'Values moved automatically by clone-forward' }) autoChanges!: AutoChange[];
  @Field(() => String, { nullable: true, description: 'Username of who created it' }) createdBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Username of who saved it last' }) updatedBy!: string | null;
  @Field(() => [String], { description: 'Everyone who edited the draft (none of them may approve it)' }) editedBy!: string[];
  @Field(() => String, { nullable: true, description: 'Username of who submitted it for review' }) submittedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Username of who approved it' }) approvedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Username of who published it' }) publishedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'The comment of the last rejection' }) reviewComment!: string | null;
  @Field(() => DateTimeResolver, { description: 'When it was created' }) createdAt!: Date;
  @Field(() => DateTimeResolver, { description: 'When it was last saved or moved in its lifecycle' }) updatedAt!: Date;
  @Field(() => [ValidationWarning], { description: 'Printed totals that differ from their rows, and the like' }) warnings!: ValidationWarning[];
  @Field(() => GraphQLJSON, { description: 'The whole validated document (money in integer fen, dates YYYY-MM-DD)' }) document!: unknown;

  /** The document's fields (title, metadata, fees, categories …), declared below from the schema. */
  [documentField: string]: unknown;
}

declareDocumentFields(PolicyVersion);
