import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { graphqlEnum } from '../../graphql/enums.js';
import { MoneyScalar } from '../../graphql/scalars.js';
import { PolicyVersion } from '../policy/policy.type.js';

@ObjectType({ description: 'A question the notice leaves open, for the drafter to settle in the text and the approver to see settled (in Chinese).' })
export class OpenQuestion {
  @Field(() => String, {
    description:
      'What kind of question: waiting-payment-day, waiting-month-end, dates-without-window, group-rule-ends, group-without-benefit-start, newborn-boundary-day, fee-several-years, category-agency, category-fund-source, newly-certified-month, equal-subsidies-different-funds, stacking-unstated, age-reference-date or no-refund-rule',
  })
  code!: string;
  @Field(() => String, { description: 'Where in the document, e.g. windows[2].waiting' }) path!: string;
  @Field(() => String, { nullable: true, description: 'The clause of the notice it is about (null where the notice has none)' }) clause!: string | null;
  @Field(() => String, { description: 'The question, in Chinese' }) question!: string;
  @Field(() => String, { description: 'Wording the notice could use to settle it, in Chinese' }) suggestion!: string;
}

@ObjectType({ description: 'The totals of an impact preview, draft beside baseline (as kept with the preview for good).' })
export class PreviewTotals {
  @Field(() => Int, { description: 'Persons of the cohort' }) persons!: number;
  @Field(() => MoneyScalar, { description: 'What the persons pay under the draft' }) draftIndividualContributions!: number;
  @Field(() => MoneyScalar, { description: 'What they pay under the baseline' }) baselineIndividualContributions!: number;
  @Field(() => MoneyScalar, { description: 'Subsidies under the draft' }) draftSubsidies!: number;
  @Field(() => MoneyScalar, { description: 'Subsidies under the baseline' }) baselineSubsidies!: number;
  @Field(() => MoneyScalar, { description: 'Government subsidy under the draft (per person × persons)' }) draftGovernmentSubsidy!: number;
  @Field(() => MoneyScalar, { description: 'Government subsidy under the baseline' }) baselineGovernmentSubsidy!: number;
  @Field(() => MoneyScalar, { description: 'Late surcharges under the draft' }) draftSurchargeRevenue!: number;
  @Field(() => MoneyScalar, { description: 'Late surcharges under the baseline' }) baselineSurchargeRevenue!: number;
  @Field(() => Int, { description: 'Persons who owe more under the draft' }) paysMore!: number;
  @Field(() => Int, { description: 'Persons who owe less' }) paysLess!: number;
  @Field(() => Int, { description: 'Persons who owe the same' }) paysSame!: number;
  @Field(() => Int, { description: 'Persons answered by one version only' }) notComparable!: number;
}

@ObjectType({ description: 'An impact preview of a version: on which revision, cohort and baseline it ran, when, and its totals.' })
export class PreviewRecord {
  @Field(() => ID, { description: 'The preview job (previewJob(id) while it is kept)' }) job!: string;
  @Field(() => Int, { description: 'The version’s revision when the preview ran' }) revision!: number;
  @Field(() => Boolean, { description: 'The version’s document is still the one previewed (false: it changed since; approving needs a new preview)' }) current!: boolean;
  @Field(() => ID, { description: 'The baseline version' }) baselineId!: string;
  @Field(() => ID, { description: 'The cohort' }) cohortId!: string;
  @Field(() => String, { description: 'The cohort’s name' }) cohortName!: string;
  @Field(() => String, { nullable: true, description: 'Username of who ran it' }) startedBy!: string | null;
  @Field(() => DateTimeResolver, { description: 'When it started' }) startedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it ended' }) finishedAt!: Date | null;
  @Field(() => String, { description: 'running, done, failed or cancelled' }) status!: string;
  @Field(() => PreviewTotals, { nullable: true, description: 'Its totals, once done' }) totals!: PreviewTotals | null;
  @Field(() => String, { nullable: true, description: 'Why it failed' }) error!: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When an approver approved on it (approvedPreview only)' }) approvedAt!: Date | null;
}

@ObjectType({ description: 'The submission of a version for review: who, when and the note for the approver.' })
export class Submission {
  @Field(() => String, { nullable: true, description: 'Username of who submitted it' }) by!: string | null;
  @Field(() => DateTimeResolver, { description: 'When' }) at!: Date;
  @Field(() => String, { nullable: true, description: 'The note for the approver' }) comment!: string | null;
}

export const CorrectionKindEnum = graphqlEnum(['amendment', 'errata'] as const, 'CorrectionKind', 'How a published notice is corrected: a revised notice (修订) or an errata (更正).', (k) =>
  k === 'amendment' ? '修订 (amendment): the notice revised and issued again, replacing the one corrected.' : '更正 (errata): a mistake of the notice corrected.',
);

@ObjectType({ description: 'A correction between two versions: the one that corrects and the published one it corrects.' })
export class VersionCorrection {
  @Field(() => CorrectionKindEnum, { description: 'Amendment (修订) or errata (更正)' }) kind!: string;
  @Field(() => PolicyVersion, { description: 'The other version: the corrected one (for `corrects`) or the correcting one (for `correctedBy`)' }) version!: PolicyVersion;
}
