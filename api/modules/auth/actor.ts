import type { GraphQLError } from 'graphql';
import { refusal } from '../../graphql/errors.js';
import type { Reason } from '../../i18n/catalog.js';
import type { Params } from '../../i18n/render.js';
import type { JurisdictionIndex } from '../jurisdiction/jurisdiction.service.js';

export const ROLES = ['drafter', 'approver', 'auditor', 'integrator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling. Anonymous callers read published rules and ask for quotes. A user's roles say what
 * they may do; drafters and approvers act only within their jurisdictions, which include every
 * jurisdiction below them (a 泉州市 officer works on 石狮市, 晋江市 and 灵源街道 too). Auditors and
 * admins read everything.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: number; username: string; roles: ReadonlySet<Role>; jurisdictionIds: readonly number[]; via: 'session' | 'api-key' };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function has(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.roles.has(role);
}

/** Whether a jurisdiction is inside the actor's scope (its own jurisdictions and everything below them). */
export function inScope(actor: Actor, jurisdictionId: number, index: JurisdictionIndex): boolean {
  if (actor.kind !== 'user') return false;
  for (let id: number | null = jurisdictionId; id !== null; id = index.get(id)?.parentId ?? null)
    if (actor.jurisdictionIds.includes(id)) return true;
  return false;
}

/** May the actor read versions that are not published (drafts, reviews) of this jurisdiction? */
export function canReadUnpublished(actor: Actor, jurisdictionId: number, index: JurisdictionIndex): boolean {
  if (has(actor, 'auditor') || has(actor, 'admin')) return true;
  return (has(actor, 'drafter') || has(actor, 'approver')) && inScope(actor, jurisdictionId, index);
}

/** Refused for want of a login; `op` is the field refusing (the message starts with it). */
export function unauthenticated(op?: string): GraphQLError {
  return refusal('LOGIN_REQUIRED', op ? { op } : {}, { code: 'UNAUTHENTICATED' });
}

export function forbidden(reason: Reason, params: Params): GraphQLError {
  return refusal(reason, params, { code: 'FORBIDDEN' });
}

/** Refuse unless the actor is a user with one of the roles (and, where given, the jurisdiction in scope). */
export function require(
  actor: Actor,
  roles: Role[],
  what: string,
  scope?: { jurisdictionId: number; name: string; index: JurisdictionIndex },
): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw unauthenticated(what);
  if (!roles.some((r) => actor.roles.has(r)))
    throw forbidden('ROLE_REQUIRED', { op: what, roles, has: [...actor.roles], username: actor.username });
  if (scope && !inScope(actor, scope.jurisdictionId, scope.index))
    throw forbidden('OUT_OF_SCOPE', { op: what, jurisdiction: scope.name, username: actor.username });
  return actor;
}
