import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { compareDocuments, isRealDate, validatePolicyDocument, type PolicyDocument } from '../../../policy-schemas/index.js';
import { AuditService } from '../audit/audit.service.js';
import { timestamp } from '../../db/sql.js';
import { canReadUnpublished, forbidden, require, type Actor } from '../auth/actor.js';
import type { JurisdictionIndex, JurisdictionRow } from '../jurisdiction/jurisdiction.service.js';
import { cloneForward } from './clone-forward.js';
import { ReviewService, subjectOf } from './review.service.js';
import { resolveJurisdiction } from '../jurisdiction/jurisdiction.service.js';
import { storedDocument } from './policy-cache.js';
import { contentHash } from './content-hash.js';
import { PolicyVersion, type IPolicyVersion, type PolicyStatus } from './policy-version.entity.js';
import { InvalidDocumentError } from './policy.service.js';
import { badInput, refusal } from '../../graphql/errors.js';

const notFound = (id: string) => badInput('id', 'NO_SUCH_POLICY_VERSION', { id });
const wrongState = (v: IPolicyVersion, what: string, allowed: PolicyStatus[]) =>
  refusal('WRONG_STATUS', { op: what, id: v.id, status: v.status, statusRaw: v.status, allowed, allowedRaw: allowed.join(' or ') }, { code: 'FAILED_PRECONDITION', status: v.status });

/** The file format of an exported version: the document with enough around it to check and place it. */
export const ExportFile = z.strictObject({
  format: z.literal('yibao-policy-version'),
  formatVersion: z.literal(1),
  jurisdiction: z.strictObject({ name: z.string(), code: z.string().nullable() }),
  year: z.number().int(),
  status: z.string(),
  documentNumber: z.string(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  exportedAt: z.string(),
  document: z.unknown(),
});
export type ExportFile = z.infer<typeof ExportFile>;

/**
 * The authoring workflow: draft → in review → approved → published → superseded. Every operation is
 * one transaction that also appends its audit entry; a stale revision, a wrong state, a missing role or
 * a jurisdiction out of scope is refused before anything is written.
 */
export class WorkflowService {
  constructor(
    private readonly em: EntityManager,
    private readonly index: JurisdictionIndex,
  ) {}

  private scope(v: IPolicyVersion) {
    const j = this.index.get(v.jurisdiction.id)!;
    return { jurisdictionId: j.id, name: j.name, index: this.index };
  }

  private async load(tx: EntityManager, actor: Actor, id: string, lock = false): Promise<IPolicyVersion> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(id);
    const v = await tx.findOne(PolicyVersion, { id }, { refresh: true, ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) });
    // a version the caller may not read does not exist for them
    if (!v || (!isPublic(v.status) && !canReadUnpublished(actor, v.jurisdiction.id, this.index))) throw notFound(id);
    return v;
  }

  /**
   * A draft for `year` cloned from a version: of the same jurisdiction, or of another one (`jurisdictionRef`,
   * a code or name) that the drafter may work on — a first policy for a county that has none, started
   * from a neighbour's. The clone is the source moved to the year; everything that belongs to the source
   * (its year, its number, its jurisdiction's names, roster and tables) is left as it was and listed in
   * the draft's review items, which must be settled before it can be submitted.
   */
  async createDraft(actor: Actor, fromId: string, year: number, jurisdictionRef?: string | null): Promise<IPolicyVersion> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'YEAR_OUT_OF_RANGE', { year });
    let target: JurisdictionRow | null = null;
    if (jurisdictionRef != null) {
      target = resolveJurisdiction(this.index, jurisdictionRef, 'jurisdiction');
      if (!target) throw badInput('jurisdiction', 'NO_SUCH_JURISDICTION', { value: jurisdictionRef });
    }
    return this.em.transactional(async (tx) => {
      const src = await this.load(tx, actor, fromId);
      const to = target ?? this.index.get(src.jurisdiction.id)!;
      const user = require(actor, ['drafter'], 'createDraft', { jurisdictionId: to.id, name: to.name, index: this.index });
      const { document, changes } = cloneForward(storedDocument(src), year);
      if (to.id !== src.jurisdiction.id || (document.jurisdiction.code ?? null) !== (to.code ?? null)) {
        const before = document.jurisdiction;
        document.jurisdiction = { name: to.name, code: to.code };
        changes.push({
          path: 'jurisdiction',
          before,
          after: document.jurisdiction,
          reason: to.id !== src.jurisdiction.id ? `cloned across jurisdictions: the draft is ${to.name}'s; see the review items for what still belongs to ${before.name}` : 'the code recorded for the jurisdiction',
        });
      }
      const valid = validatePolicyDocument(document);
      if (!valid.ok) throw new InvalidDocumentError(valid.issues);
      const v = tx.create(PolicyVersion, {
        jurisdiction: to.id,
        year,
        status: 'draft',
        document: valid.document,
        contentHash: contentHash(valid.document),
        documentNumber: valid.document.metadata.documentNumber,
        issuedOn: valid.document.metadata.issuedOn,
        source: `clone:${src.id}`,
        sourceVersionId: src.id,
        sourceContentHash: src.contentHash,
        autoChanges: changes,
        createdBy: user.id,
        updatedBy: user.id,
        editedBy: [user.id],
        revision: 1,
      });
      await tx.flush();
      await new AuditService(tx).record(actor, {
        action: 'create-draft',
        policyVersionId: v.id,
        jurisdictionId: to.id,
        details: { from: src.id, fromYear: src.year, fromJurisdiction: this.index.get(src.jurisdiction.id)?.name ?? null, year, autoChanges: changes.length },
        diff: compareDocuments(storedDocument(src), valid.document),
      });
      return v;
    });
  }

  /**
   * Replace a draft's document. `revision` is the one the caller read: if someone saved since, nothing
   * is written and the conflict names who changed it and when.
   */
  async updateDraft(actor: Actor, id: string, revision: number, input: unknown, comment?: string | null): Promise<IPolicyVersion> {
    return this.em.transactional(async (tx) => {
      const v = await this.load(tx, actor, id);
      const user = require(actor, ['drafter'], 'updateDraft', this.scope(v));
      if (v.status !== 'draft') throw wrongState(v, 'updateDraft', ['draft']);
      const valid = validatePolicyDocument(input);
      if (!valid.ok) throw new InvalidDocumentError(valid.issues);
      const doc = valid.document;
      if (doc.coverageYear !== v.year) throw new InvalidDocumentError([{ path: 'coverageYear', message: `a draft's coverage year is fixed (${v.year}); clone it to make a draft for ${doc.coverageYear}` }]);
      const j = this.index.get(v.jurisdiction.id)!;
      if (doc.jurisdiction.name !== j.name || (doc.jurisdiction.code ?? null) !== (j.code ?? null))
        throw new InvalidDocumentError([{ path: 'jurisdiction', message: `must stay ${j.name} (${j.code ?? 'no code'})` }]);
      const rows = await tx.execute(
        `update policy_version
            set document = ?, content_hash = ?, document_number = ?, issued_on = ?, revision = revision + 1,
                updated_by = ?, edited_by = case when ? = any(edited_by) then edited_by else array_append(edited_by, ?) end,
                updated_at = now()
          where id = ? and revision = ? and status = 'draft'
          returning revision`,
        [JSON.stringify(doc), contentHash(doc), doc.metadata.documentNumber, doc.metadata.issuedOn, user.id, user.id, user.id, id, revision],
      );
      if (rows.length === 0) throw await this.conflict(tx, id, revision);
      await new AuditService(tx).record(actor, {
        action: 'update-draft',
        policyVersionId: id,
        jurisdictionId: v.jurisdiction.id,
        comment: comment ?? null,
        diff: compareDocuments(storedDocument(v), doc),
        details: { fromRevision: revision, toRevision: revision + 1 },
      });
      return (await tx.findOne(PolicyVersion, { id }, { refresh: true }))!;
    });
  }

  private async conflict(tx: EntityManager, id: string, revision: number): Promise<GraphQLError> {
    const [cur] = (await tx.execute(
      `select v.revision, v.status, v.updated_at, u.username from policy_version v left join app_user u on u.id = v.updated_by where v.id = ?`,
      [id],
    )) as { revision: number; status: string; updated_at: Date | string; username: string | null }[];
    if (!cur) return notFound(id);
    const at = timestamp(cur.updated_at)!.toISOString();
    if (cur.status !== 'draft') return refusal('DRAFT_NO_LONGER_EDITABLE', { op: 'updateDraft', id, status: cur.status, statusRaw: cur.status }, { code: 'CONFLICT', status: cur.status });
    return refusal(
      'REVISION_OUTDATED',
      { revision, changedBy: cur.username ?? 'someone', changedByZh: cur.username ?? '他人', currentRevision: cur.revision, changedAt: at, changedAtIso: at },
      { code: 'CONFLICT', field: 'revision', currentRevision: cur.revision, changedBy: cur.username, changedAt: at },
    );
  }

  /** Refused while a blocking review item is open (the refusal names each by its path). */
  async submitForReview(actor: Actor, id: string, comment?: string | null) {
    return this.transition(actor, id, 'submitForReview', ['draft'], 'in_review', ['drafter'], comment, { submitted_by: true }, undefined, (tx, v) =>
      new ReviewService(tx, this.index).assertNoBlockingOpen(subjectOf(v), 'submitForReview'),
    );
  }

  async approve(actor: Actor, id: string, comment?: string | null) {
    return this.transition(actor, id, 'approve', ['in_review'], 'approved', ['approver'], comment, { approved_by: true }, (v, user) => {
      if (v.editedBy.includes(user.id))
        throw forbidden('FOUR_EYES', { op: 'approve', username: user.username });
    });
  }

  async reject(actor: Actor, id: string, comment: string) {
    if (!comment?.trim()) throw badInput('comment', 'COMMENT_REQUIRED_TO_REJECT');
    return this.transition(actor, id, 'reject', ['in_review', 'approved'], 'draft', ['approver'], comment, { approved_by: false });
  }

  private async transition(
    actor: Actor,
    id: string,
    what: string,
    from: PolicyStatus[],
    to: PolicyStatus,
    roles: ('drafter' | 'approver')[],
    comment: string | null | undefined,
    set: { submitted_by?: true; approved_by?: boolean },
    check?: (v: IPolicyVersion, user: Extract<Actor, { kind: 'user' }>) => void,
    checkAsync?: (tx: EntityManager, v: IPolicyVersion) => Promise<void>,
  ): Promise<IPolicyVersion> {
    return this.em.transactional(async (tx) => {
      const v = await this.load(tx, actor, id, true);
      const user = require(actor, roles, what, this.scope(v));
      if (!from.includes(v.status)) throw wrongState(v, what, from);
      check?.(v, user);
      await checkAsync?.(tx, v);
      await tx.execute(
        `update policy_version set status = ?, revision = revision + 1, updated_at = now(),
           submitted_by = ${set.submitted_by ? '?' : 'submitted_by'},
           approved_by = ${set.approved_by === true ? '?' : set.approved_by === false ? 'null' : 'approved_by'},
           review_comment = ${to === 'draft' ? '?' : 'review_comment'}
         where id = ?`,
        [to, ...(set.submitted_by ? [user.id] : []), ...(set.approved_by === true ? [user.id] : []), ...(to === 'draft' ? [comment] : []), id],
      );
      await new AuditService(tx).record(actor, { action: what, policyVersionId: id, jurisdictionId: v.jurisdiction.id, comment: comment ?? null, details: { from: v.status, to } });
      return (await tx.findOne(PolicyVersion, { id }, { refresh: true }))!;
    });
  }

  /**
   * Publish an approved version, in one transaction: validate it again, check its hash, supersede the
   * version in force for the same jurisdiction and year, and record both in the audit log.
   */
  async publish(actor: Actor, id: string, effectiveFrom?: string | null): Promise<{ version: IPolicyVersion; superseded: string | null }> {
    if (effectiveFrom != null && !isRealDate(effectiveFrom)) throw badInput('effectiveFrom', 'NOT_A_DATE', { value: effectiveFrom });
    return this.em.transactional(async (tx) => {
      const v = await this.load(tx, actor, id, true);
      require(actor, ['approver'], 'publish', this.scope(v));
      if (v.status !== 'approved') throw wrongState(v, 'publish', ['approved']);
      const valid = validatePolicyDocument(v.document);
      if (!valid.ok) throw new InvalidDocumentError(valid.issues);
      if (contentHash(v.document) !== v.contentHash)
        throw refusal('PUBLISH_HASH_BROKEN', { op: 'publish', id }, { code: 'INTEGRITY_ERROR' });
      // the database refuses it too (policy_version_published_number); said here with the field and the version
      const [clash] = (await tx.execute(
        `select v.year, j.name from policy_version v join jurisdiction j on j.id = v.jurisdiction_id
          where v.status in ('published', 'superseded') and v.id <> ? and v.document_number = ?
            and v.document -> 'metadata' -> 'issuers' ->> 0 = ?`,
        [id, v.documentNumber, v.document.metadata.issuers[0]],
      )) as { year: number; name: string }[];
      if (clash)
        throw badInput('metadata.documentNumber', 'DOCUMENT_NUMBER_TAKEN', { number: v.documentNumber, issuer: v.document.metadata.issuers[0], name: clash.name, year: clash.year });
      const previous = await tx.execute(
        `update policy_version set status = 'superseded', superseded_at = now(), updated_at = now()
          where jurisdiction_id = ? and year = ? and status = 'published' returning id`,
        [v.jurisdiction.id, v.year],
      );
      const user = actor as Extract<Actor, { kind: 'user' }>;
      await tx.execute(
        `update policy_version set status = 'published', published_at = now(), published_by = ?, effective_from = ?,
           revision = revision + 1, updated_at = now() where id = ?`,
        [user.id, effectiveFrom ?? null, id],
      );
      const superseded = (previous[0]?.id as string | undefined) ?? null;
      const audit = new AuditService(tx);
      if (superseded)
        await audit.record(actor, { action: 'supersede', policyVersionId: superseded, jurisdictionId: v.jurisdiction.id, details: { by: id } });
      await audit.record(actor, {
        action: 'publish',
        policyVersionId: id,
        jurisdictionId: v.jurisdiction.id,
        details: { supersedes: superseded, effectiveFrom: effectiveFrom ?? null, contentHash: v.contentHash },
      });
      return { version: (await tx.findOne(PolicyVersion, { id }, { refresh: true }))!, superseded };
    });
  }

  exportFile(v: IPolicyVersion): ExportFile {
    const j = this.index.get(v.jurisdiction.id)!;
    return {
      format: 'yibao-policy-version',
      formatVersion: 1,
      jurisdiction: { name: j.name, code: j.code },
      year: v.year,
      status: v.status,
      documentNumber: v.documentNumber,
      contentHash: v.contentHash,
      exportedAt: new Date().toISOString(),
      document: v.document,
    };
  }

  /** A draft from an exported file, refused if the file was altered (its hash no longer matches). */
  async importFile(actor: Actor, file: unknown): Promise<IPolicyVersion> {
    const parsed = ExportFile.safeParse(file);
    if (!parsed.success) throw badInput('file', 'NOT_AN_EXPORT', { issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'} ${i.message}`).join('; ') });
    const f = parsed.data;
    const valid = validatePolicyDocument(f.document);
    if (!valid.ok) throw new InvalidDocumentError(valid.issues.map((i) => ({ ...i, path: `document.${i.path}` })));
    // the hash of the document as exported (a document of an earlier schema version is upgraded by validation)
    if (contentHash(f.document) !== f.contentHash)
      throw badInput('file.contentHash', 'EXPORT_HASH_MISMATCH');
    let doc: PolicyDocument = valid.document;
    const j = this.index.find(doc.jurisdiction.code ?? doc.jurisdiction.name) ?? this.index.find(doc.jurisdiction.name);
    if (!j) throw badInput('file.document.jurisdiction', 'EXPORT_UNKNOWN_JURISDICTION', { jurisdiction: doc.jurisdiction.name });
    // a file written before the division reference had codes for townships (灵源街道: null) takes the code now recorded
    if (doc.jurisdiction.name === j.name && doc.jurisdiction.code === null && j.code !== null) doc = { ...doc, jurisdiction: { name: j.name, code: j.code } };
    const user = require(actor, ['drafter'], 'importPolicyVersion', { jurisdictionId: j.id, name: j.name, index: this.index });
    return this.em.transactional(async (tx) => {
      const v = tx.create(PolicyVersion, {
        jurisdiction: j.id,
        year: doc.coverageYear,
        status: 'draft',
        document: doc,
        contentHash: contentHash(doc),
        documentNumber: doc.metadata.documentNumber,
        issuedOn: doc.metadata.issuedOn,
        source: `import:${f.contentHash}`,
        createdBy: user.id,
        updatedBy: user.id,
        editedBy: [user.id],
        revision: 1,
      });
      await tx.flush();
      await new AuditService(tx).record(actor, { action: 'import', policyVersionId: v.id, jurisdictionId: j.id, details: { contentHash: f.contentHash, exportedAt: f.exportedAt, status: f.status } });
      return v;
    });
  }
}

export function isPublic(status: string): boolean {
  return status === 'published' || status === 'superseded';
}
