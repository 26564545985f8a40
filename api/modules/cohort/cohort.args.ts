import { argsType, fields, optional, T } from '../../graphql/object-types.js';

/** What previewImpact and startPreview take: a draft, the cohort to run it on, and the baseline. */
@argsType
export class PreviewArgs extends fields({
  draft: T.ID,
  cohort: T.ID,
  baseline: optional(T.ID),
}) {}
