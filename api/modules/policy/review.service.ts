import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, refusal } from '../../graphql/errors.js';
import type { PolicyDocument } from '../../../policy-schemas/index.js';
import { timestamp } from '../../db/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { require, type Actor } from '../auth/actor.js';
import type { JurisdictionIndex } from '../jurisdiction/jurisdiction.service.js';
import type { AutoChange, IPolicyVersion } from './policy-version.entity.js';
import { computeReviewItems, nameForms, unitWarnings, valueHash, type Acknowledgement, type ReviewItem } from './review-items.js';

/** What review items are computed from: a version as stored (entity) or as served (view). */
export interface ReviewSubject {
  id: string;
  status: string;
  year: number;
  jurisdictionId: number;
  document: PolicyDocument;
  sourceVersionId: string | null;
  autoChanges: AutoChange[];
}

export function subjectOf(v: IPolicyVersion): ReviewSubject {
  return {
    id: v.id,
    status: v.status,
    year: v.year,
    jurisdictionId: v.jurisdiction.id,
    document: v.document,
    sourceVersionId: v.sourceVersionId ?? null,
    autoChanges: v.autoChanges ?? [],
  };
}

const UNPUBLISHED = new Set(['draft', 'in_review', 'approved']);

/** Review items of drafts (see review-items.ts) and the acknowledgements that settle them. */
export class ReviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly index: JurisdictionIndex,
  ) {}

  /** The names of the units a jurisdiction's quota tables may have: its children in the reference; null for a township. */
  townshipsOf(jurisdictionId: number): string[] | null {
    const j = this.index.get(jurisdictionId);
    if (!j || j.level === 'township') return null;
    const children = this.index.children(jurisdictionId);
    return children.length ? children.map((c) => c.name) : null;
  }

  /** Quota-table units the reference does not list, for any version (published ones too). */
  unitWarnings(v: ReviewSubject): ReviewItem[] {
    const j = this.index.get(v.jurisdictionId)!;
    return unitWarnings(v.document, j.name, this.townshipsOf(v.jurisdictionId));
  }

  /** The review items of a version not yet published (none for a published one: it can no longer change). */
  async items(v: ReviewSubject): Promise<ReviewItem[]> {
    if (!UNPUBLISHED.has(v.status)) return [];
    const j = this.index.get(v.jurisdictionId)!;
    const [src] = v.sourceVersionId
      ? ((await this.em.execute(`select document, year, jurisdiction_id from policy_version where id = ?`, [v.sourceVersionId])) as {
          document: PolicyDocument;
          year: number;
          jurisdiction_id: number;
        }[])
      : [];
    const published = (await this.em.execute(
      `select document_number, year, jurisdiction_id from policy_version where status in ('published', 'superseded') and id <> ?`,
      [v.id],
    )) as { document_number: string; year: number; jurisdiction_id: number }[];
    const acks = (await this.em.execute(
      `select a.key, a.value_hash, a.acknowledged_at, a.comment, u.username
         from review_acknowledgement a join app_user u on u.id = a.acknowledged_by where a.policy_version_id = ?`,
      [v.id],
    )) as { key: string; value_hash: string; acknowledged_at: Date | string; comment: string | null; username: string }[];
    let sourceNames: string[] = [];
    if (src && src.jurisdiction_id !== v.jurisdictionId) {
      // the source's own name and those of its parents that are not the draft's parents too
      const mine = new Set(this.index.path(v.jurisdictionId).map((r) => r.id));
      const names = this.index
        .path(src.jurisdiction_id)
        .filter((r) => !mine.has(r.id))
        .flatMap((r) => nameForms(r.name));
      const own = new Set(this.index.path(v.jurisdictionId).flatMap((r) => nameForms(r.name)));
      sourceNames = [...new Set(names)].filter((n) => ![...own].some((o) => o.includes(n))).sort((a, b) => b.length - a.length);
    }
    return computeReviewItems({
      draft: { document: v.document, year: v.year, jurisdictionName: j.name },
      source: src
        ? {
            document: src.document,
            year: src.year,
            jurisdictionName: this.index.get(src.jurisdiction_id)?.name ?? '',
            sameJurisdiction: src.jurisdiction_id === v.jurisdictionId,
          }
        : null,
      clonedIssuedOn: (v.autoChanges.find((c) => c.path === 'metadata.issuedOn')?.after as string | undefined) ?? null,
      sourceNames,
      published: published.map((p) => ({ documentNumber: p.document_number, year: p.year, jurisdictionName: this.index.get(p.jurisdiction_id)?.name ?? '' })),
      townships: this.townshipsOf(v.jurisdictionId),
      acknowledgements: new Map<string, Acknowledgement>(
        acks.map((a) => [a.key, { valueHash: a.value_hash, by: a.username, at: timestamp(a.acknowledged_at)!, comment: a.comment }]),
      ),
    });
  }

  /** Refuse while a blocking item is open, naming each by its path. */
  async assertNoBlockingOpen(v: ReviewSubject, what: string): Promise<void> {
    const open = (await this.items(v)).filter((i) => i.blocking && !i.settled);
    if (!open.length) return;
    const shown = open.slice(0, 8).map((i) => `${i.path}（${i.label}：${i.check}）`);
    throw refusal(
      'REVIEW_ITEMS_OPEN',
      { op: what, count: open.length, itemsAre: open.length === 1 ? 'item is' : 'items are', items: `${shown.join('; ')}${open.length > 8 ? '; …' : ''}`, itemsZh: `${shown.join('；')}${open.length > 8 ? '；…' : ''}` },
      {
        code: 'FAILED_PRECONDITION',
        field: open[0]!.path,
        paths: open.map((i) => i.path),
        reviewItems: open.map((i) => ({ key: i.key, path: i.path, label: i.label, check: i.check })),
      },
    );
  }

  /**
   * Drafters: say that items are right as they are. Each acknowledgement is bound to the value it was
   * given on, recorded with who and when (and the comment) and appended to the audit log, in one
   * transaction; an unknown key, an item that cannot be acknowledged (the document number) or one
   * already settled is refused and nothing is written.
   */
  async acknowledge(tx: EntityManager, actor: Actor, v: IPolicyVersion, keys: string[], comment: string | null): Promise<void> {
    const j = this.index.get(v.jurisdiction.id)!;
    const user = require(actor, ['drafter'], 'acknowledgeReviewItems', { jurisdictionId: j.id, name: j.name, index: this.index });
    if (v.status !== 'draft')
      throw refusal('REVIEW_ITEMS_ON_DRAFT_ONLY', { op: 'acknowledgeReviewItems', id: v.id, status: v.status, statusRaw: v.status }, { code: 'FAILED_PRECONDITION', status: v.status });
    if (!keys.length) throw badInput('keys', 'REVIEW_KEYS_EMPTY');
    const items = new Map((await this.items(subjectOf(v))).map((i) => [i.key, i]));
    const chosen: ReviewItem[] = [];
    for (const key of new Set(keys)) {
      const item = items.get(key);
      if (!item) throw badInput('keys', 'NO_SUCH_REVIEW_ITEM', { key });
      if (!item.acknowledgeable) throw badInput('keys', 'REVIEW_ITEM_NOT_ACKNOWLEDGEABLE', { path: item.path, label: item.label, check: item.check });
      if (item.settled) throw badInput('keys', 'REVIEW_ITEM_SETTLED', { path: item.path, label: item.label });
      chosen.push(item);
    }
    for (const item of chosen)
      await tx.execute(
        `insert into review_acknowledgement (policy_version_id, key, value_hash, acknowledged_by, comment) values (?, ?, ?, ?, ?)
         on conflict (policy_version_id, key) do update
           set value_hash = excluded.value_hash, acknowledged_by = excluded.acknowledged_by, acknowledged_at = now(), comment = excluded.comment`,
        [v.id, item.key, valueHash(item.current), user.id, comment],
      );
    // acknowledging is a drafting decision: four eyes keeps whoever made it from approving the draft
    await tx.execute(`update policy_version set edited_by = array_append(edited_by, ?) where id = ? and not (? = any(edited_by))`, [user.id, v.id, user.id]);
    await new AuditService(tx).record(actor, {
      action: 'acknowledge-review-items',
      policyVersionId: v.id,
      jurisdictionId: j.id,
      comment,
      details: { items: chosen.map((i) => ({ key: i.key, path: i.path, label: i.label, valueHash: valueHash(i.current) })) },
    });
  }
}
