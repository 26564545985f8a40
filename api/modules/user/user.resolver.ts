import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, refusal } from '../../graphql/errors.js';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../graphql/context.js';
import { AuditService } from '../audit/audit.service.js';
import { require, type Actor } from '../auth/actor.js';
import { tooManyAttempts } from '../auth/login-throttle.js';
import { PASSWORD_CHANGE_REQUIRED, UserService, type UserRow } from './user.service.js';
import { ApiKey, CreatedApiKey, CreateUserInput, Session, UpdateUserInput, User } from './user.type.js';
import { ChangePasswordArgs } from './user.args.js';

async function toUser(ctx: Context, u: UserRow): Promise<User> {
  const index = await ctx.jurisdictions();
  return { ...u, jurisdictions: u.jurisdictionIds.map((id) => index.get(id)!).filter(Boolean) };
}

async function jurisdictionIds(ctx: Context, refs: string[] | null | undefined): Promise<number[] | undefined> {
  if (refs == null) return undefined;
  const index = await ctx.jurisdictions();
  return refs.map((r) => {
    const j = index.find(r);
    if (!j) throw badInput('jurisdictions', 'NO_SUCH_JURISDICTION', { value: r });
    return j.id;
  });
}

@Resolver()
export class UserResolver {
  @Mutation(() => Session, {
    description:
      'Log in: a token to send as `Authorization: Bearer <token>`, valid 12 hours. Failed attempts are limited per username and per client address (TOO_MANY_ATTEMPTS, with `extensions.retryAfter`); a generated password must first be changed (PASSWORD_CHANGE_REQUIRED: call changePassword).',
  })
  async login(@Ctx() ctx: Context, @Arg('username', () => String, { description: 'The username' }) username: string, @Arg('password', () => String, { description: 'The password' }) password: string): Promise<Session> {
    const user = await checkedLogin(ctx, 'login', username, password);
    if (user.mustChangePassword)
      throw refusal('PASSWORD_CHANGE_REQUIRED', { username: user.username }, { code: PASSWORD_CHANGE_REQUIRED, http: { status: 403 } });
    return startSession(ctx, user, ctx.em);
  }

  @Mutation(() => Session, {
    description:
      'Change your own password (the current one is checked, and limited like login), end your other sessions and log in: the way past PASSWORD_CHANGE_REQUIRED at the first login. At least 10 characters, different from the current one.',
  })
  async changePassword(@Ctx() ctx: Context, @Args(() => ChangePasswordArgs) { username, password, newPassword }: ChangePasswordArgs): Promise<Session> {
    const user = await checkedLogin(ctx, 'changePassword', username, password);
    return ctx.em.transactional(async (tx) => {
      const changed = await new UserService(tx).setOwnPassword(user, password, newPassword);
      await new AuditService(tx).record(actorOf(changed), { action: 'change-password', details: { address: ctx.clientAddress } });
      return startSession(ctx, changed, tx);
    });
  }

  @Mutation(() => Boolean, { description: 'End the session of the token sent.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.actor.kind !== 'user' || ctx.actor.via !== 'session' || !ctx.token) return false;
    await new UserService(ctx.em).logout(ctx.token);
    return true;
  }

  @Query(() => User, { nullable: true, description: 'The user behind the token sent (null when anonymous).' })
  async me(@Ctx() ctx: Context): Promise<User | null> {
    if (ctx.actor.kind !== 'user') return null;
    const u = await new UserService(ctx.em).byId(ctx.actor.id);
    return u ? toUser(ctx, u) : null;
  }

  @Query(() => [User], { description: 'Admins only.' })
  async users(@Ctx() ctx: Context): Promise<User[]> {
    require(ctx.actor, ['admin'], 'users');
    return Promise.all((await new UserService(ctx.em).list()).map((u) => toUser(ctx, u)));
  }

  @Mutation(() => User, { description: 'Admins only.' })
  async createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput, { description: 'The new user' }) input: CreateUserInput): Promise<User> {
    require(ctx.actor, ['admin'], 'createUser');
    const ids = (await jurisdictionIds(ctx, input.jurisdictions)) ?? [];
    return ctx.em.transactional(async (tx) => {
      const u = await new UserService(tx).create({ ...input, jurisdictionIds: ids });
      await new AuditService(tx).record(ctx.actor, { action: 'create-user', details: { username: u.username, roles: u.roles, jurisdictionIds: ids } });
      return toUser(ctx, u);
    });
  }

  @Mutation(() => User, { description: 'Admins only. Changing the password or deactivating ends the user’s sessions.' })
  async updateUser(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The user to change' }) id: string, @Arg('input', () => UpdateUserInput, { description: 'What to change' }) input: UpdateUserInput): Promise<User> {
    require(ctx.actor, ['admin'], 'updateUser');
    const ids = await jurisdictionIds(ctx, input.jurisdictions);
    return ctx.em.transactional(async (tx) => {
      const u = await new UserService(tx).update(Number(id), { ...input, jurisdictionIds: ids });
      const { password, ...changed } = input;
      await new AuditService(tx).record(ctx.actor, { action: 'update-user', details: { username: u.username, ...changed, passwordChanged: password != null } });
      return toUser(ctx, u);
    });
  }

  @Query(() => [ApiKey], { description: 'Admins only.' })
  async apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    require(ctx.actor, ['admin'], 'apiKeys');
    return new UserService(ctx.em).apiKeys();
  }

  @Mutation(() => CreatedApiKey, { description: 'Admins only: a key for an integrator user (never for an admin account). The key is shown once.' })
  async createApiKey(
    @Ctx() ctx: Context,
    @Arg('name', () => String, { description: 'What the key is for' }) name: string,
    @Arg('userId', () => ID, { description: 'The integrator user the key acts as' }) userId: string,
    @Arg('expiresAt', () => DateTimeResolver, { nullable: true, description: 'When the key stops working (in the future); none: until revoked' }) expiresAt?: Date | null,
  ): Promise<CreatedApiKey> {
    const admin = require(ctx.actor, ['admin'], 'createApiKey');
    return ctx.em.transactional(async (tx) => {
      const k = await new UserService(tx).createApiKey(name, Number(userId), admin.id, expiresAt ?? null);
      await new AuditService(tx).record(ctx.actor, {
        action: 'create-api-key',
        details: { id: k.apiKey.id, name: k.apiKey.name, prefix: k.apiKey.prefix, username: k.apiKey.username, expiresAt: k.apiKey.expiresAt },
      });
      return k;
    });
  }

  @Mutation(() => ApiKey, { description: 'Admins only: the key stops working at once.' })
  async revokeApiKey(
    @Ctx() ctx: Context,
    @Arg('apiKeyId', () => ID, { nullable: true, description: 'The key to revoke (ApiKey.id)' }) apiKeyId: string | null,
    @Arg('id', () => Int, { nullable: true, description: 'The key to revoke, as an Int', deprecationReason: 'Use apiKeyId (an ID, as ApiKey.id is); id (an Int) is still accepted' })
    legacyId: number | null,
  ): Promise<ApiKey> {
    require(ctx.actor, ['admin'], 'revokeApiKey');
    if ((apiKeyId == null) === (legacyId == null)) throw badInput('apiKeyId', 'ONE_OF_TWO');
    const id = apiKeyId != null ? Number(apiKeyId) : legacyId!;
    if (!Number.isSafeInteger(id) || id <= 0) throw badInput('apiKeyId', 'NOT_AN_API_KEY_ID', { id: apiKeyId });
    return ctx.em.transactional(async (tx) => {
      const k = await new UserService(tx).revokeApiKey(id);
      await new AuditService(tx).record(ctx.actor, { action: 'revoke-api-key', details: { id, prefix: k.prefix } });
      return k;
    });
  }
}

function actorOf(u: UserRow): Actor {
  return { kind: 'user', id: u.id, username: u.username, roles: new Set(u.roles), jurisdictionIds: u.jurisdictionIds, via: 'session' };
}

/**
 * A username and password checked as login does: the attempt counted against the username and the
 * client address first (refused when either is over its limit), the same scrypt work whether the user
 * exists or not, failures and refusals written to the audit log. The user, when the password is right.
 */
async function checkedLogin(ctx: Context, what: string, username: string, password: string): Promise<UserRow> {
  const address = ctx.clientAddress;
  const shown = username.slice(0, 64);
  const throttled = await ctx.loginThrottle.attempt(username, address);
  if (throttled) {
    await new AuditService(ctx.em).record({ kind: 'anonymous' }, { action: 'login-throttled', username: shown, details: { operation: what, scope: throttled.scope, address, retryAfter: throttled.retryAfter } });
    throw tooManyAttempts(throttled);
  }
  const { user, ok } = await new UserService(ctx.em).authenticate(username, password);
  if (!ok || !user) {
    await new AuditService(ctx.em).record(user ? actorOf(user) : { kind: 'anonymous' }, {
      action: 'login-failed',
      username: shown,
      details: { operation: what, address, reason: !user ? 'unknown username' : !user.active ? 'inactive user' : 'wrong password' },
    });
    throw refusal('LOGIN_FAILED', {}, { code: 'UNAUTHENTICATED' });
  }
  await ctx.loginThrottle.succeeded(username, address);
  return user;
}

async function startSession(ctx: Context, user: UserRow, em: Context['em']): Promise<Session> {
  const s = await new UserService(em).startSession(user);
  await new AuditService(em).record(actorOf(user), { action: 'login', details: { address: ctx.clientAddress } });
  return { token: s.token, expiresAt: s.expiresAt, user: await toUser(ctx, s.user) };
}
