import type { EntityManager } from '@mikro-orm/postgresql';
import { refusal } from '../../graphql/errors.js';
import { upgradeDocument, validatePolicyDocument, type PolicyDocument } from '../../../policy-schemas/index.js';
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
  /** The day the version is in force from (its effective date, or its publication day in China); null for a version never published. */
  inForceFrom: string | null;
}

/**
 * The published and superseded versions of one jurisdiction and coverage year, in the order they
 * were published, each with the day it is in force from.
 */
export interface VersionsOfYear {
  versions: readonly LoadedPolicy[];
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
 * The version in force on a day, among the versions of a year in the order they were published: the
 * last published whose in-force day is on or before it; for a day before any is in force, the first
 * (a notice governs its whole campaign, payments made before it was issued included). Null: none.
 */
export function versionInForce<T extends { inForceFrom: string | null }>(versions: readonly T[], day: string): T | null {
  let found: T | null = null;
  for (const v of versions) if (v.inForceFrom !== null && v.inForceFrom <= day) found = v;
  return found ?? versions[0] ?? null;
}

/**
 * Process-wide caches for the hot read path (quotes): the jurisdiction index and compiled policies.
 * A published version never changes, so its compiled form is kept by id and content hash; which
 * versions are published for a jurisdiction and year (and from when each is in force) is remembered
 * for a few seconds, and forgotten at once by `invalidate()`: called by the write paths of this
 * process, and on PostgreSQL's notification of any committed change to versions or jurisdictions
 * (POLICY_CHANNEL), whoever made it. So the version in force on any day is found without a query.
 * The content hash is checked when a version is compiled, so a document altered behind the
 * application's back is refused, not served.
 */
export class PolicyCache {
  /** Its `last` index: the 45,000 reference rows are reused while the table's revision is unchanged. */
  private jurisdictionIndex: Entry<JurisdictionIndex> | undefined;
  private years = new Map<string, Entry<VersionsOfYear>>();
  private compiled = new Map<string, CompiledPolicy>();

  constructor(private readonly now: () => number = Date.now) {}

  jurisdictions(em: () => EntityManager): Promise<JurisdictionIndex> {
    const hit = this.jurisdictionIndex;
    if (hit && this.now() - hit.at < JURISDICTIONS_TTL_MS) return hit.value;
    const entry = this.refresh(hit, () => JurisdictionIndex.load(em(), hit?.last?.value), () => (this.jurisdictionIndex = undefined));
    this.jurisdictionIndex = entry;
    return entry.value;
  }

  /** The published and superseded versions of a jurisdiction and year, oldest publication first (cached). */
  versionsOf(em: () => EntityManager, jurisdictionId: number, year: number): Promise<VersionsOfYear> {
    const key = `${jurisdictionId}:${year}`;
    const hit = this.years.get(key);
    if (hit && this.now() - hit.at < PUBLISHED_TTL_MS) return hit.value;
    const entry = this.refresh(hit, () => this.loadYear(em(), jurisdictionId, year), () => this.years.delete(key));
    this.years.set(key, entry);
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

  /** The published version in force for a jurisdiction and year on a day (see `versionInForce`), or null. */
  async inForceOn(em: () => EntityManager, jurisdictionId: number, year: number, day: string): Promise<LoadedPolicy | null> {
    return versionInForce((await this.versionsOf(em, jurisdictionId, year)).versions, day);
  }

  /** The version published now (the last publication) for a jurisdiction and year, or null. */
  async publishedFor(em: () => EntityManager, jurisdictionId: number, year: number): Promise<LoadedPolicy | null> {
    const { versions } = await this.versionsOf(em, jurisdictionId, year);
    return versions.find((v) => v.status === 'published') ?? null;
  }

  private async loadYear(em: EntityManager, jurisdictionId: number, year: number): Promise<VersionsOfYear> {
    const rows: { id: string; content_hash: string; status: string; starts: string }[] = await em.execute(
      `select id, content_hash, status, to_char(coalesce(effective_from, (published_at at time zone 'Asia/Shanghai')::date), 'YYYY-MM-DD') as starts
         from policy_version where jurisdiction_id = ? and year = ? and status in ('published', 'superseded')
        order by published_at, id`,
      [jurisdictionId, year],
    );
    // documents are read only for versions not compiled yet
    const missing = rows.filter((r) => !this.compiled.has(`${r.id}:${r.content_hash}`)).map((r) => r.id);
    const entities = missing.length ? await em.find(PolicyVersion, { id: { $in: missing } }) : [];
    const byId = new Map(entities.map((v) => [v.id, v]));
    return {
      versions: rows.map((r) => {
        const compiled = this.compiled.get(`${r.id}:${r.content_hash}`) ?? this.compile(byId.get(r.id)!);
        return { id: r.id, contentHash: r.content_hash, status: r.status, jurisdictionId, compiled, inForceFrom: r.starts };
      }),
    };
  }

  /** Any version by id (drafts included); recompiled only when its content changed. */
  async byId(em: EntityManager, id: string): Promise<LoadedPolicy | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const v = await em.findOne(PolicyVersion, { id });
    if (!v) return null;
    const loaded = this.load(v);
    if (v.status !== 'published' && v.status !== 'superseded') return loaded;
    // a published version is in force from the day the list of its year says
    const inForce = (await this.versionsOf(() => em, v.jurisdiction.id, v.year)).versions.find((x) => x.id === v.id);
    return { ...loaded, inForceFrom: inForce?.inForceFrom ?? null };
  }

  load(v: IPolicyVersion): LoadedPolicy {
    return { id: v.id, contentHash: v.contentHash, status: v.status, jurisdictionId: v.jurisdiction.id, compiled: this.compile(v), inForceFrom: null };
  }

  private compile(v: IPolicyVersion): CompiledPolicy {
    const key = `${v.id}:${v.contentHash}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = compilePolicy(storedDocument(v));
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  /** Read everything again on next use; what was read is kept only to answer while PostgreSQL is unavailable. */
  invalidate() {
    if (this.jurisdictionIndex) this.jurisdictionIndex.at = -Infinity;
    for (const entry of this.years.values()) entry.at = -Infinity;
  }
}

/**
 * A stored version's document as the engine and the API read it: checked against its content hash
 * (a row altered behind the application's back is refused, not served), and upgraded when it was
 * written in an earlier schema version (the stored JSON and its hash stay as they are).
 */
export function storedDocument(v: { id: string; document: unknown; contentHash: string }): PolicyDocument {
  if (contentHash(v.document) !== v.contentHash)
    throw refusal('CONTENT_HASH_BROKEN', { id: v.id }, { code: 'INTEGRITY_ERROR' });
  const doc = v.document as PolicyDocument;
  if (doc.schemaVersion === 2) return doc;
  const r = validatePolicyDocument(upgradeDocument(doc));
  if (!r.ok) throw refusal('STORED_UNREADABLE', { id: v.id, schemaVersion: String((doc as { schemaVersion?: unknown }).schemaVersion), path: r.issues[0]!.path, issue: r.issues[0]!.message }, { code: 'INTEGRITY_ERROR' });
  return r.document;
}
