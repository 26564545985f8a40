import { withReason } from '../../graphql/errors.js';
import { fieldName } from '../../i18n/render.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { validatePolicyDocument, type PolicyDocument, type ValidationIssue } from '../../../policy-schemas/index.js';
import { Jurisdiction } from '../jurisdiction/jurisdiction.entity.js';
import { contentHash } from './content-hash.js';
import { PolicyVersion, type IPolicyVersion, type PolicyStatus } from './policy-version.entity.js';

/** A document was refused: every offending field with its reason. */
export class InvalidDocumentError extends GraphQLError {
  constructor(readonly issues: ValidationIssue[]) {
    super(
      `The policy document is invalid: ${issues
        .slice(0, 10)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}${issues.length > 10 ? ` (and ${issues.length - 10} more)` : ''}`,
      { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DOCUMENT', issues } },
    );
    // in Chinese each refused field is named by its label from the registry (the path stays in `issues`)
    withReason(this, 'INVALID_DOCUMENT', {
      count: issues.length,
      list: issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`).join('; '),
      more: issues.length > 10 ? ` (and ${issues.length - 10} more)` : '',
      listZh: issues.slice(0, 10).map((i) => `${fieldName(i.path, 'zh-CN')}：${i.message}`).join('；'),
      moreZh: issues.length > 10 ? `（另有 ${issues.length - 10} 处）` : '',
    });
  }
}

export interface VersionFilter {
  jurisdictionId?: number;
  year?: number;
  status?: PolicyStatus;
}

export class PolicyService {
  constructor(private readonly em: EntityManager) {}

  /** The published version in force for a jurisdiction and coverage year, or null. */
  async findPublished(jurisdictionId: number, year: number): Promise<IPolicyVersion | null> {
    return this.em.findOne(PolicyVersion, { jurisdiction: jurisdictionId, year, status: 'published' });
  }

  /**
   * The version published and in force on a date: a version is in force from its effective date (its
   * publication day in China when unset) until the next publication for the same jurisdiction and year.
   */
  async findInForce(jurisdictionId: number, year: number, asOf: string): Promise<IPolicyVersion | null> {
    const rows = await this.em.execute(
      `select id from (
         select id, published_at, starts, lead(starts) over (order by published_at) as ends from (
           select id, published_at, coalesce(effective_from, (published_at at time zone 'Asia/Shanghai')::date) as starts
             from policy_version where jurisdiction_id = ? and year = ? and status in ('published', 'superseded')) s
       ) x where starts <= ?::date and (ends is null or ends > ?::date) order by published_at desc limit 1`,
      [jurisdictionId, year, asOf, asOf],
    );
    return rows[0] ? this.em.findOne(PolicyVersion, { id: rows[0].id as string }) : null;
  }

  /** Where a draft's source was replaced by a later publication: the version now in force, else null. */
  async currentReplacementOf(sourceId: string): Promise<string | null> {
    const rows = await this.em.execute(
      `select cur.id from policy_version src
         join policy_version cur on cur.jurisdiction_id = src.jurisdiction_id and cur.year = src.year and cur.status = 'published'
        where src.id = ? and src.status = 'superseded'`,
      [sourceId],
    );
    return (rows[0]?.id as string | undefined) ?? null;
  }

  async list(filter: VersionFilter): Promise<IPolicyVersion[]> {
    const where: Record<string, unknown> = {};
    if (filter.jurisdictionId !== undefined) where.jurisdiction = filter.jurisdictionId;
    if (filter.year !== undefined) where.year = filter.year;
    if (filter.status !== undefined) where.status = filter.status;
    return this.em.find(PolicyVersion, where, { orderBy: { year: 'desc', jurisdiction: 'asc', createdAt: 'desc' } });
  }

  async get(id: string): Promise<IPolicyVersion | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return this.em.findOne(PolicyVersion, { id });
  }

  /**
   * Store a new version after validating its document. The jurisdiction named inside the document
   * must be the one it is stored under; nothing is written when anything is wrong.
   */
  async create(input: {
    jurisdictionId: number;
    document: unknown;
    status: PolicyStatus;
    source: string | null;
    effectiveFrom?: string | null;
  }): Promise<IPolicyVersion> {
    const result = validatePolicyDocument(input.document);
    if (!result.ok) throw new InvalidDocumentError(result.issues);
    const doc: PolicyDocument = result.document;
    const jurisdiction = await this.em.findOneOrFail(Jurisdiction, { id: input.jurisdictionId });
    if (doc.jurisdiction.name !== jurisdiction.name || (doc.jurisdiction.code ?? null) !== (jurisdiction.code ?? null))
      throw new InvalidDocumentError([
        {
          path: 'jurisdiction',
          message: `names ${doc.jurisdiction.name} (${doc.jurisdiction.code ?? 'no code'}), but the version is stored under ${jurisdiction.name} (${jurisdiction.code ?? 'no code'})`,
        },
      ]);
    const version = this.em.create(PolicyVersion, {
      jurisdiction,
      year: doc.coverageYear,
      status: input.status,
      document: doc,
      contentHash: contentHash(doc),
      documentNumber: doc.metadata.documentNumber,
      issuedOn: doc.metadata.issuedOn,
      source: input.source,
      revision: 1,
      publishedAt: input.status === 'published' ? new Date() : null,
      effectiveFrom: input.effectiveFrom ?? null,
    });
    await this.em.flush();
    return version;
  }
}
