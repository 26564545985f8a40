import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor.js';
import { pgArray, timestamp } from '../../db/sql.js';

export interface AuditEntryRow {
  id: string;
  at: Date;
  userId: number | null;
  username: string | null;
  action: string;
  policyVersionId: string | null;
  jurisdictionId: number | null;
  comment: string | null;
  diff: unknown;
  details: unknown;
}

export interface AuditFilter {
  policyVersionId?: string;
  jurisdictionIds?: number[];
  userId?: number;
  from?: Date;
  to?: Date;
  limit: number;
}

/** The audit log: every change appended (the database refuses updates and deletes). */
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  async record(actor: Actor, entry: { action: string; /** who the entry is about when the actor is anonymous (a failed login's username) */ username?: string | null; policyVersionId?: string | null; jurisdictionId?: number | null; comment?: string | null; diff?: unknown; details?: unknown }) {
    await this.em.execute(
      'insert into audit_log (user_id, username, action, policy_version_id, jurisdiction_id, comment, diff, details) values (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        actor.kind === 'user' ? actor.id : null,
        actor.kind === 'user' ? actor.username : (entry.username ?? null),
        entry.action,
        entry.policyVersionId ?? null,
        entry.jurisdictionId ?? null,
        entry.comment ?? null,
        entry.diff === undefined ? null : JSON.stringify(entry.diff),
        entry.details === undefined ? null : JSON.stringify(entry.details),
      ],
    );
  }

  async query(f: AuditFilter): Promise<AuditEntryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.policyVersionId) where.push('policy_version_id = ?'), params.push(f.policyVersionId);
    if (f.jurisdictionIds) where.push('jurisdiction_id = any(?::int[])'), params.push(pgArray(f.jurisdictionIds));
    if (f.userId !== undefined) where.push('user_id = ?'), params.push(f.userId);
    if (f.from) where.push('at >= ?'), params.push(f.from);
    if (f.to) where.push('at < ?'), params.push(f.to);
    params.push(f.limit);
    const rows = await this.em.execute(
      `select * from audit_log ${where.length ? 'where ' + where.join(' and ') : ''} order by at desc, id desc limit ?`,
      params,
    );
    return rows.map((r: any) => ({
      id: String(r.id),
      at: timestamp(r.at)!,
      userId: r.user_id,
      username: r.username,
      action: r.action,
      policyVersionId: r.policy_version_id,
      jurisdictionId: r.jurisdiction_id,
      comment: r.comment,
      diff: r.diff,
      details: r.details,
    }));
  }
}
