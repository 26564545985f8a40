import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { PolicyDocument } from '../../../policy-schemas/index.js';
import { Jurisdiction } from '../jurisdiction/jurisdiction.entity.js';

export const POLICY_STATUSES = ['draft', 'in_review', 'approved', 'published', 'superseded'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/**
 * One version of one jurisdiction's rules for one coverage year. The document is stored whole
 * (validated); the columns beside it are copies kept for querying and for database constraints.
 */
export const PolicyVersion = defineEntity({
  name: 'PolicyVersion',
  tableName: 'policy_version',
  properties: {
    id: p.string().columnType('uuid').primary().onCreate(() => randomUUID()),
    jurisdiction: () => p.manyToOne(Jurisdiction),
    year: p.integer(),
    status: p.enum(POLICY_STATUSES),
    document: p.json<PolicyDocument>(),
    /** sha256 of the canonical JSON of the document (sorted keys), hex. */
    contentHash: p.string().length(64),
    documentNumber: p.text(),
    /** `YYYY-MM-DD`; a calendar date kept as text in JS so no timezone can move it. */
    issuedOn: p.string().columnType('date'),
    /** Where the version came from: a seed file, or the version it was cloned from. */
    source: p.text().nullable(),
    revision: p.integer().default(1),
    /** The version a draft was cloned from, and that version's hash at the time. */
    sourceVersionId: p.string().columnType('uuid').nullable(),
    sourceContentHash: p.string().length(64).nullable(),
    /** Values moved automatically when the draft was cloned forward, for the officer to review. */
    autoChanges: p.json<AutoChange[]>().default([] as never),
    createdBy: p.integer().nullable(),
    updatedBy: p.integer().nullable(),
    /** Everyone who created or edited the draft: none of them may approve it (four eyes). */
    editedBy: p.array(Number, String).columnType('int[]').default([] as never),
    submittedBy: p.integer().nullable(),
    approvedBy: p.integer().nullable(),
    publishedBy: p.integer().nullable(),
    reviewComment: p.text().nullable(),
    /** The day a published version takes effect; its publication day when unset. */
    effectiveFrom: p.string().columnType('date').nullable(),
    supersededAt: p.datetime().nullable(),
    publishedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type IPolicyVersion = InferEntity<typeof PolicyVersion>;

export interface AutoChange {
  path: string;
  before: unknown;
  after: unknown;
  reason: string;
}
