import { enumOf, fields, nullable, objectType, T } from '../../graphql/object-types.js';
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

@objectType
export class ReviewItem extends fields({
  key: T.String,
  kind: enumOf(ReviewItemKindEnum),
  path: T.String,
  label: T.String,
  check: T.String,
  blocking: T.Boolean,
  acknowledgeable: T.Boolean,
  settled: T.Boolean,
  settledHow: nullable(enumOf(ReviewSettlementEnum)),
  settledBy: nullable(T.String),
  settledAt: nullable(T.DateTime),
  comment: nullable(T.String),
  before: nullable(T.JSON),
  current: nullable(T.JSON),
}) {}
