import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, refusal } from '../../graphql/errors.js';
import { compareDocuments, isRealDate, validatePolicyDocument } from '../../../policy-schemas/index.js';
import { AuditService } from '../audit/audit.service.js';
import { require, type Actor } from '../auth/actor.js';
import type { JurisdictionIndex } from '../jurisdiction/jurisdiction.service.js';
import { contentHash } from '../policy/content-hash.js';
import { PolicyVersion, type IPolicyVersion } from '../policy/policy-version.entity.js';
import { InvalidDocumentError } from '../policy/policy.service.js';
import { WorkflowService } from '../policy/workflow.service.js';
import { previewRecord, previewsOf, type PreviewRecordRow } from './preview-record.js';

/*
 * The approver decides on what they saw, and published notices are corrected by new versions.
 * - approve: the preview the approver saw is recorded with the approval, in the same transaction. A
 *   preview of an earlier state of the document (its content changed since) is refused with
 *   PREVIEW_OUTDATED; one still running with PREVIEW_RUNNING; one of another version with
 *   BAD_USER_INPUT. Without a preview named, the latest preview of the version is taken; a version
 *   never previewed (a jurisdiction without a cohort) is approved with none recorded, and says so.
 * - createCorrection: a draft that corrects a published version (amendment 修订 or errata 更正), under a
 *   document number of its own, its relation recorded in the database.
 */

export type CorrectionKind = 'amendment' | 'errata';

/** What approval records of the preview the approver saw (stored whole: the job's own row is transient). */
export interface ApprovedPreview extends PreviewRecordRow {
  approvedAt: string;
}

export class ApprovalService {
  constructor(
    private readonly em: EntityManager,
    private readonly index: JurisdictionIndex,
  ) {}

  /** The preview approval would record for a version as it stands: checked, or a refusal. */
  private async previewFor(tx: EntityManager, v: IPolicyVersion, jobId: string | null | undefined): Promise<PreviewRecordRow | null> {
    let p: PreviewRecordRow | null;
    if (jobId) {
      p = await previewRecord(tx, jobId);
      if (!p || p.policyVersionId !== v.id) throw badInput('preview', 'NO_SUCH_PREVIEW', { version: v.id, id: jobId });
    } else {
      [p = null] = await previewsOf(tx, v.id, 1);
      if (!p) return null;
    }
    if (p.status === 'running')
      throw refusal('PREVIEW_RUNNING', { op: 'preview', job: p.jobId }, { code: 'PREVIEW_RUNNING', field: 'preview', previewJob: p.jobId });
    if (p.status !== 'done')
      throw refusal(p.status === 'failed' ? 'PREVIEW_FAILED' : 'PREVIEW_CANCELLED', { op: 'preview', job: p.jobId }, { code: 'PREVIEW_OUTDATED', field: 'preview', previewJob: p.jobId });
    if (p.contentHash !== v.contentHash)
      throw refusal(
        'PREVIEW_OUTDATED',
        { op: 'preview', job: p.jobId, previewedRevision: p.revision, currentRevision: v.revision },
        { code: 'PREVIEW_OUTDATED', field: 'preview', previewJob: p.jobId, previewedRevision: p.revision, currentRevision: v.revision },
      );
    return p;
  }

  async approve(actor: Actor, id: string, comment: string | null | undefined, previewJob: string | null | undefined): Promise<IPolicyVersion> {
    return this.em.transactional(async (tx) => {
      // the version as it stood when the approver looked (a version in review cannot be edited)
      const before = /^[0-9a-f-]{36}$/i.test(id) ? await tx.findOne(PolicyVersion, { id }, { refresh: true }) : null;
      // roles, state and four eyes first (and the row locked): a refusal of the preview comes after them
      const v = await new WorkflowService(tx, this.index).approve(actor, id, comment);
      const preview = await this.previewFor(tx, before ?? v, previewJob);
      const record: ApprovedPreview | null = preview ? { ...preview, approvedAt: new Date().toISOString() } : null;
      await tx.execute(`update policy_version set approved_preview = ? where id = ?`, [record ? JSON.stringify(record) : null, id]);
      await new AuditService(tx).record(actor, {
        action: 'approve-preview',
        policyVersionId: id,
        jurisdictionId: v.jurisdiction.id,
        details: record ? { previewJob: record.jobId, revision: record.revision, cohort: record.cohortName, summary: record.summary } : { previewJob: null },
      });
      return v;
    });
  }

  async createCorrection(actor: Actor, ofId: string, kind: CorrectionKind, documentNumber: string, issuedOn?: string | null): Promise<IPolicyVersion> {
    const number = documentNumber.trim();
    if (!number) throw badInput('documentNumber', 'CORRECTION_NEEDS_NUMBER');
    if (issuedOn != null && !isRealDate(issuedOn)) throw badInput('issuedOn', 'NOT_A_DATE', { value: issuedOn });
    return this.em.transactional(async (tx) => {
      const src = /^[0-9a-f-]{36}$/i.test(ofId) ? await tx.findOne(PolicyVersion, { id: ofId }, { refresh: true }) : null;
      if (!src || (src.status !== 'published' && src.status !== 'superseded')) {
        if (src && src.status !== 'published') throw badInput('of', 'CORRECTION_OF_UNPUBLISHED', { id: ofId, status: src.status, statusRaw: src.status });
        throw badInput('of', 'NO_SUCH_PUBLISHED_VERSION', { id: ofId });
      }
      if (src.status !== 'published') throw badInput('of', 'CORRECTION_OF_SUPERSEDED', { id: ofId });
      const j = this.index.get(src.jurisdiction.id)!;
      const user = require(actor, ['drafter'], 'createCorrection', { jurisdictionId: j.id, name: j.name, index: this.index });
      if (number === src.documentNumber)
        throw badInput('documentNumber', 'CORRECTION_SAME_NUMBER', { number });
      const doc = structuredClone(src.document);
      doc.metadata.documentNumber = number;
      if (issuedOn) doc.metadata.issuedOn = issuedOn;
      const valid = validatePolicyDocument(doc);
      if (!valid.ok) throw new InvalidDocumentError(valid.issues);
      const v = tx.create(PolicyVersion, {
        jurisdiction: src.jurisdiction,
        year: src.year,
        status: 'draft',
        document: valid.document,
        contentHash: contentHash(valid.document),
        documentNumber: number,
        issuedOn: valid.document.metadata.issuedOn,
        source: `${kind}:${src.id}`,
        sourceVersionId: src.id,
        sourceContentHash: src.contentHash,
        autoChanges: [],
        createdBy: user.id,
        updatedBy: user.id,
        editedBy: [user.id],
        revision: 1,
      });
      await tx.flush();
      await tx.execute(`update policy_version set corrects_id = ?, correction_kind = ? where id = ?`, [src.id, kind, v.id]);
      await new AuditService(tx).record(actor, {
        action: 'create-correction',
        policyVersionId: v.id,
        jurisdictionId: src.jurisdiction.id,
        details: { corrects: src.id, kind, documentNumber: number, correctedNumber: src.documentNumber },
        diff: compareDocuments(src.document, valid.document),
      });
      return v;
    });
  }
}

export interface CorrectionLink {
  kind: CorrectionKind;
  versionId: string;
}

/** The published version a version corrects, and the versions that correct it. */
export async function correctionLinks(em: EntityManager, id: string): Promise<{ corrects: CorrectionLink | null; correctedBy: CorrectionLink[] }> {
  const rows = (await em.execute(
    `select id, corrects_id, correction_kind from policy_version where id = ? and corrects_id is not null
     union all select id, corrects_id, correction_kind from policy_version where corrects_id = ? order by id`,
    [id, id],
  )) as { id: string; corrects_id: string; correction_kind: CorrectionKind }[];
  const own = rows.find((r) => r.id === id);
  return {
    corrects: own ? { kind: own.correction_kind, versionId: own.corrects_id } : null,
    correctedBy: rows.filter((r) => r.id !== id).map((r) => ({ kind: r.correction_kind, versionId: r.id })),
  };
}
