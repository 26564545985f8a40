import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { compilePolicy, type CompiledPolicy } from '../../engine/index.js';
import { database } from '../../db/availability.js';
import { JurisdictionIndex } from '../jurisdiction/jurisdiction.service.js';
import { contentHash } from './content-hash.js';
import { PolicyVersion, type IPolicyVersion } from './policy-version.entity.js';

export interface LoadedPolicy {
  id: string;
  contentHash: string;
  status: string;
  jurisdictionId: number;
  compiled: CompiledPolicy;
}

interface Entry<T> {
  at: number;
  value: Promise<T>;
  /** The last value read successfully (what is served while the database is unavailable). */
  last?: { value: T };
}

/** Sent by PostgreSQL at the commit of any change to policy_version or jurisdiction (migration shared_state). */
export const POLICY_CHANNEL = 'yibao_policy_changed';
const JURISDICTIONS_TTL_MS = 60_000;
const PUBLISHED_TTL_MS = 10_000;

/**
 * Process-wide caches for the hot read path (quotes): the jurisdiction index and compiled policies.
 * A published version never changes, so its compiled form is kept by id and content hash; which
 * version is published for a jurisdiction and year is remembered for a few seconds, and forgotten at
 * once by `invalidate()`: called by the write paths of this process, and on PostgreSQL's notification
 * of any committed change to versions or jurisdictions (POLICY_CHANNEL), whoever made it. The content hash is checked when a version is
 * compiled, so a document altered behind the application's back is refused, not served.
 */
export class PolicyCache {
  /** Its `last` index: the 45,000 reference rows are reused while the table's revision is unchanged. */
  private jurisdictionIndex: Entry<JurisdictionIndex> | undefined;
  private published = new Map<string, Entry<LoadedPolicy | null>>();
  private compiled = new Map<string, CompiledPolicy>();

  constructor(private readonly now: () => number = Date.now) {}

  jurisdictions(em: () => EntityManager): Promise<JurisdictionIndex> {
    const hit = this.jurisdictionIndex;
    if (hit && this.now() - hit.at < JURISDICTIONS_TTL_MS) return hit.value;
    const entry = this.refresh(hit, () => JurisdictionIndex.load(em(), hit?.last?.value), () => (this.jurisdictionIndex = undefined));
    this.jurisdictionIndex = entry;
    return entry.value;
  }

  publishedFor(em: () => EntityManager, jurisdictionId: number, year: number): Promise<LoadedPolicy | null> {
    const key = `${jurisdictionId}:${year}`;
    const hit = this.published.get(key);
    if (hit && this.now() - hit.at < PUBLISHED_TTL_MS) return hit.value;
    const entry = this.refresh(
      hit,
      () => em().findOne(PolicyVersion, { jurisdiction: jurisdictionId, year, status: 'published' }).then((v) => (v ? this.load(v) : null)),
      () => this.published.delete(key),
    );
    this.published.set(key, entry);
    return entry.value;
  }

  /**
   * Read a value again. While PostgreSQL is unavailable, the last value read stays in use (published
   * rules do not change without the database, so quotes keep being answered) and is asked for again
   * a second later; any other failure forgets the entry.
   */
  private refresh<T>(hit: Entry<T> | undefined, read: () => Promise<T>, forget: () => void): Entry<T> {
    const entry: Entry<T> = { at: this.now(), value: null as never, last: hit?.last };
    entry.value = read().then(
      (v) => ((entry.last = { value: v }), v),
      (e: unknown) => {
        if (entry.last && database.down(e)) {
          entry.at = this.now() - Math.max(JURISDICTIONS_TTL_MS, PUBLISHED_TTL_MS) + 1_000;
          return entry.last.value;
        }
        forget();
        throw e;
      },
    );
    entry.value.catch(() => {});
    return entry;
  }

  /** Any version by id (drafts included); recompiled only when its content changed. */
  async byId(em: EntityManager, id: string): Promise<LoadedPolicy | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const v = await em.findOne(PolicyVersion, { id });
    return v ? this.load(v) : null;
  }

  load(v: IPolicyVersion): LoadedPolicy {
    const key = `${v.id}:${v.contentHash}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      if (contentHash(v.document) !== v.contentHash)
        throw new GraphQLError(`policy version ${v.id} does not match its content hash; it is not served`, {
          extensions: { code: 'INTEGRITY_ERROR' },
        });
      compiled = compilePolicy(v.document);
      this.compiled.set(key, compiled);
    }
    return { id: v.id, contentHash: v.contentHash, status: v.status, jurisdictionId: v.jurisdiction.id, compiled };
  }

  /** Read everything again on next use; what was read is kept only to answer while PostgreSQL is unavailable. */
  invalidate() {
    if (this.jurisdictionIndex) this.jurisdictionIndex.at = -Infinity;
    for (const entry of this.published.values()) entry.at = -Infinity;
  }
}
