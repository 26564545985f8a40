import { Field, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';
import { REVIEW_KINDS, REVIEW_SETTLEMENTS } from '../../../policy-schemas/review-item.js';
import { graphqlEnum } from '../../graphql/enums.js';

export const ReviewItemKindEnum = graphqlEnum(REVIEW_KINDS, 'ReviewItemKind', 'What a review item is about.', {
  'document-number': '文号: equal to the source’s or to a published version’s (blocking; only a new number settles it)',
  'issue-date': '发文日期: the date clone-forward guessed',
  basis: '依据文件 copied from the source (blocking where it names a year the clone moved)',
  'dated-text': 'A free text copied from the source that names a year or a date (blocking where it names a year the clone moved: 2024年9月入学 in a 2026 clone)',
  roster: '领导小组: the roster copied from the source (blocking across jurisdictions)',
  'quota-table': '任务分解表 / 激活任务表 copied from the source (blocking across jurisdictions)',
  figure: 'A fee or subsidy changed by more than a set share of the source’s (FIGURE_CHANGE_SHARE, 20%), or a yearly standard left unchanged into another year',
  'source-jurisdiction': 'Something of the source jurisdiction in a clone across jurisdictions: its name in a text, its agencies (石狮市民政局), issuers, addressees (blocking)',
  unit: 'A quota-table unit the division reference does not list among the jurisdiction’s townships',
});

export const ReviewSettlementEnum = graphqlEnum(REVIEW_SETTLEMENTS, 'ReviewSettlement', 'How a review item was settled.', {
  changed: 'The draft no longer has what the item is about (the value was changed)',
  acknowledged: 'An officer acknowledged the value as it is (acknowledgeReviewItems), recorded with who and when and in the audit log',
});

@ObjectType({
  description:
    'Something an officer must look at by hand in a draft before it goes for review (computed from the draft, its source and the published versions). A draft cannot be submitted while a blocking item is open.',
})
export class ReviewItem {
  @Field(() => String, { description: 'Stable key of the item within the draft (what acknowledgeReviewItems takes)' }) key!: string;
  @Field(() => ReviewItemKindEnum, { description: 'What the item is about' }) kind!: string;
  @Field(() => String, { description: 'Where in the document: metadata.documentNumber, categories[2].agency' }) path!: string;
  @Field(() => String, { description: 'The field in Chinese (文号, 减免对象「最低生活保障对象」认定部门)' }) label!: string;
  @Field(() => String, { description: 'What to check, in Chinese' }) check!: string;
  @Field(() => Boolean, { description: 'Whether the draft cannot be submitted while the item is open' }) blocking!: boolean;
  @Field(() => Boolean, { description: 'Whether an acknowledgement can settle it; otherwise only a change of the value can' }) acknowledgeable!: boolean;
  @Field(() => Boolean, { description: 'Whether the item is settled (changed, or acknowledged on the current value)' }) settled!: boolean;
  @Field(() => ReviewSettlementEnum, { nullable: true, description: 'How it was settled; null while open' }) settledHow!: string | null;
  @Field(() => String, { nullable: true, description: 'Who acknowledged it (username)' }) settledBy!: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was acknowledged' }) settledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The comment given with the acknowledgement' }) comment!: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The source version’s value, where the item compares with it' }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The draft’s value now' }) current!: unknown;
}
