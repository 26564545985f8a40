import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS, ROLES, type Actor, type Role } from '../auth/actor.js';
import { pgArray, timestamp } from '../../db/sql.js';
import { checkPassword, hashPassword, secret, sha256 } from './password.js';
import { badInput } from '../../graphql/errors.js';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdictionIds: number[];
  active: boolean;
  /** The password was generated (the first admin's) and must be changed before the user may log in. */
  mustChangePassword: boolean;
  createdAt: Date;
}

/** What a login attempt found: the user (when the name exists) and whether the password is theirs. */
export interface Authentication {
  user: UserRow | null;
  ok: boolean;
}

export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

const SESSION_HOURS = 12;
const API_KEY_PREFIX = 'ybk_';


function toUser(r: any): UserRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: r.roles,
    jurisdictionIds: r.jurisdiction_ids,
    active: r.active,
    mustChangePassword: r.must_change_password === true,
    createdAt: timestamp(r.created_at)!,
  };
}

/** Users, their login sessions and integrators' API keys. Secrets are stored as hashes only. */
export class UserService {
  constructor(private readonly em: EntityManager) {}

  async list(): Promise<UserRow[]> {
    return (await this.em.execute('select * from app_user order by id')).map(toUser);
  }

  async byId(id: number): Promise<UserRow | null> {
    const [r] = await this.em.execute('select * from app_user where id = ?', [id]);
    return r ? toUser(r) : null;
  }

  async byUsername(username: string): Promise<UserRow | null> {
    const [r] = await this.em.execute('select * from app_user where username = ?', [username]);
    return r ? toUser(r) : null;
  }

  async create(input: { username: string; displayName?: string | null; password: string; roles: string[]; jurisdictionIds: number[] }): Promise<UserRow> {
    if (!/^[a-zA-Z0-9._-]{2,64}$/.test(input.username))
      throw badInput('username', 'USERNAME_INVALID');
    if (input.password.length < 10) throw badInput('password', 'PASSWORD_TOO_SHORT', { min: 10 });
    const roles = validRoles(input.roles);
    if (await this.byUsername(input.username)) throw badInput('username', 'USERNAME_TAKEN', { username: input.username });
    await this.checkJurisdictions(input.jurisdictionIds);
    const [r] = await this.em.execute(
      'insert into app_user (username, display_name, password_hash, roles, jurisdiction_ids) values (?, ?, ?, ?::text[], ?::int[]) returning *',
      [input.username, input.displayName ?? input.username, await hashPassword(input.password), pgArray(roles), pgArray(input.jurisdictionIds)],
    );
    return toUser(r);
  }

  async update(id: number, input: { displayName?: string | null; password?: string | null; roles?: string[] | null; jurisdictionIds?: number[] | null; active?: boolean | null }): Promise<UserRow> {
    const user = await this.byId(id);
    if (!user) throw badInput('id', 'NO_SUCH_USER_ID', { id });
    if (input.password != null && input.password.length < 10) throw badInput('password', 'PASSWORD_TOO_SHORT', { min: 10 });
    const roles = input.roles != null ? validRoles(input.roles) : user.roles;
    if (input.jurisdictionIds != null) await this.checkJurisdictions(input.jurisdictionIds);
    const [r] = await this.em.execute(
      'update app_user set display_name = ?, password_hash = coalesce(?, password_hash), roles = ?::text[], jurisdiction_ids = ?::int[], active = ? where id = ? returning *',
      [
        input.displayName ?? user.displayName,
        input.password != null ? await hashPassword(input.password) : null,
        pgArray(roles),
        pgArray(input.jurisdictionIds ?? user.jurisdictionIds),
        input.active ?? user.active,
        id,
      ],
    );
    if (input.active === false || input.password != null) await this.em.execute('update session set revoked_at = now() where user_id = ? and revoked_at is null', [id]);
    return toUser(r);
  }

  /**
   * Check a username and password with the same work whether the user exists or not: an unknown or
   * inactive user's attempt is checked against a dummy hash made with the same scrypt parameters.
   */
  async authenticate(username: string, password: string): Promise<Authentication> {
    const [r] = username.length <= 64 ? await this.em.execute('select * from app_user where username = ?', [username]) : [];
    const ok = await checkPassword(password, r ? r.password_hash : null);
    return { user: r ? toUser(r) : null, ok: ok && r?.active === true };
  }

  /** A new session token for a user whose password was checked (authenticate). */
  async startSession(user: UserRow): Promise<{ token: string; expiresAt: Date; user: UserRow }> {
    const token = secret();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await this.em.execute('insert into session (token_hash, user_id, expires_at) values (?, ?, ?)', [sha256(token), user.id, expiresAt]);
    return { token, expiresAt, user };
  }

  /** A user's own change of password (checked by the caller): ends their other sessions, lifts the first-login requirement. */
  async setOwnPassword(user: UserRow, current: string, next: string): Promise<UserRow> {
    if (next.length < 10) throw badInput('newPassword', 'PASSWORD_TOO_SHORT', { min: 10 });
    if (next === current) throw badInput('newPassword', 'PASSWORD_UNCHANGED');
    if (next.length > 1024) throw badInput('newPassword', 'PASSWORD_TOO_LONG', { max: 1024 });
    const [r] = await this.em.execute('update app_user set password_hash = ?, must_change_password = false where id = ? returning *', [await hashPassword(next), user.id]);
    await this.em.execute('update session set revoked_at = now() where user_id = ? and revoked_at is null', [user.id]);
    return toUser(r);
  }

  async logout(token: string): Promise<void> {
    await this.em.execute('update session set revoked_at = now() where token_hash = ? and revoked_at is null', [sha256(token)]);
  }

  /** The actor behind an `Authorization: Bearer …` header: a session token or an API key. */
  async actorFor(bearer: string | undefined): Promise<Actor | null> {
    if (!bearer) return ANONYMOUS;
    const hash = sha256(bearer);
    const isKey = bearer.startsWith(API_KEY_PREFIX);
    // an API key acts for a user that is not an admin (admins log in), until it is revoked or expires
    const [r] = isKey
      ? await this.em.execute(
          `update api_key k set last_used_at = now() from app_user u
            where k.key_hash = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
              and u.id = k.user_id and u.active and not ('admin' = any(u.roles))
            returning u.*`,
          [hash],
        )
      : await this.em.execute(
          `select u.* from session s join app_user u on u.id = s.user_id
            where s.token_hash = ? and s.revoked_at is null and s.expires_at > now() and u.active and not u.must_change_password`,
          [hash],
        );
    if (!r) return null;
    return { kind: 'user', id: r.id, username: r.username, roles: new Set(r.roles), jurisdictionIds: r.jurisdiction_ids, via: isKey ? 'api-key' : 'session' };
  }

  async createApiKey(name: string, userId: number, createdBy: number, expiresAt: Date | null = null) {
    if (!name.trim()) throw badInput('name', 'TEXT_EMPTY');
    const user = await this.byId(userId);
    if (!user) throw badInput('userId', 'NO_SUCH_USER_ID', { id: userId });
    if (user.roles.includes('admin')) throw badInput('userId', 'ADMIN_NO_API_KEY', { username: user.username });
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw badInput('expiresAt', 'DATE_NOT_IN_FUTURE', { at: expiresAt, atIso: expiresAt.toISOString() });
    const prefix = secret(6).slice(0, 8);
    const key = `${API_KEY_PREFIX}${prefix}_${secret()}`;
    const [r] = await this.em.execute(
      'insert into api_key (name, prefix, key_hash, user_id, created_by, expires_at) values (?, ?, ?, ?, ?, ?) returning *',
      [name.trim(), prefix, sha256(key), userId, createdBy, expiresAt],
    );
    return { key, apiKey: toApiKey(r, user.username) };
  }

  async apiKeys() {
    const rows = await this.em.execute('select k.*, u.username from api_key k join app_user u on u.id = k.user_id order by k.id');
    return rows.map((r: any) => toApiKey(r, r.username));
  }

  async revokeApiKey(id: number) {
    const [r] = await this.em.execute('update api_key set revoked_at = coalesce(revoked_at, now()) where id = ? returning *', [id]);
    if (!r) throw badInput('id', 'NO_SUCH_API_KEY', { id });
    const user = await this.byId(r.user_id);
    return toApiKey(r, user?.username ?? '');
  }

  /**
   * The first start creates `admin`, with ADMIN_PASSWORD or a generated password, which must then be
   * changed at the first login. Returns the generated password, if one was made (the caller writes it
   * to a file readable by its owner only; it is never printed).
   */
  async ensureAdmin(password: string | undefined): Promise<{ created: boolean; generated: string | null }> {
    const rows = (await this.em.execute('select count(*)::int as n from app_user where username = ?', ['admin'])) as { n: number }[];
    if (rows[0]!.n > 0) return { created: false, generated: null };
    const generated = password ? null : secret(18);
    const u = await this.create({ username: 'admin', displayName: '系统管理员', password: password ?? generated!, roles: ['admin', 'auditor'], jurisdictionIds: [] });
    if (generated) await this.em.execute('update app_user set must_change_password = true where id = ?', [u.id]);
    return { created: true, generated };
  }

  private async checkJurisdictions(ids: number[]) {
    if (ids.length === 0) return;
    const rows = await this.em.execute('select id from jurisdiction where id = any(?::int[])', [pgArray(ids)]);
    const known = new Set(rows.map((r: any) => r.id));
    const missing = ids.filter((i) => !known.has(i));
    if (missing.length) throw badInput('jurisdictions', 'UNKNOWN_JURISDICTION_IDS', { ids: missing });
  }
}

function validRoles(roles: string[]): Role[] {
  if (roles.length === 0) throw badInput('roles', 'ROLES_EMPTY');
  for (const r of roles) if (!(ROLES as readonly string[]).includes(r)) throw badInput('roles', 'UNKNOWN_ROLE', { role: r, roles: ROLES });
  return [...new Set(roles)] as Role[];
}

function toApiKey(r: any, username: string) {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    username,
    createdAt: timestamp(r.created_at)!,
    lastUsedAt: timestamp(r.last_used_at),
    expiresAt: timestamp(r.expires_at),
    revokedAt: timestamp(r.revoked_at),
  };
}

