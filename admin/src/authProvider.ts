import type { AuthProvider } from 'react-admin';
import { ApiError, currentUser, gql, TOKEN_KEY, USER_KEY, type CurrentUser } from './api';

const USER_FIELDS = 'id username displayName roles jurisdictions { id name }';

/** The API refused to log in: a message key (shown in the user's language) and its arguments. */
export class LoginRefusal extends Error {
  constructor(
    key: string,
    readonly args: Record<string, string> = {},
  ) {
    super(key);
    this.name = 'LoginRefusal';
  }
}

/** The refusal that sends the login page to its change-password form. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

function refusal(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  if (e.code === 'UNAUTHENTICATED') return new LoginRefusal('app.auth.invalid');
  if (e.code === PASSWORD_CHANGE_REQUIRED) return new LoginRefusal(PASSWORD_CHANGE_REQUIRED);
  if (e.code === 'TOO_MANY_ATTEMPTS') {
    const at = e.extensions.retryAfter;
    const time = typeof at === 'string' ? new Date(at).toLocaleString('zh-CN', { hour12: false }) : '';
    return new LoginRefusal('app.auth.too_many', { time });
  }
  if (e.code === 'BAD_USER_INPUT') return new LoginRefusal('app.auth.password_rejected', { reason: e.message });
  return e;
}

/**
 * Log in against the API's users (`login`); the session token is sent with every request after. With
 * `newPassword` (the login page's change form, after PASSWORD_CHANGE_REQUIRED), `changePassword`
 * sets it and logs in.
 */
export const authProvider: AuthProvider = {
  async login({ username, password, newPassword }: { username: string; password: string; newPassword?: string }) {
    const session = newPassword
      ? (
          await gql<{ changePassword: { token: string; user: CurrentUser } }>(
            `mutation ($username: String!, $password: String!, $newPassword: String!) { changePassword(username: $username, password: $password, newPassword: $newPassword) { token user { ${USER_FIELDS} } } }`,
            { username, password, newPassword },
          ).catch((e: unknown) => {
            throw refusal(e);
          })
        ).changePassword
      : (
          await gql<{ login: { token: string; user: CurrentUser } }>(
            `mutation ($username: String!, $password: String!) { login(username: $username, password: $password) { token user { ${USER_FIELDS} } } }`,
            { username, password },
          ).catch((e: unknown) => {
            throw refusal(e);
          })
        ).login;
    localStorage.setItem(TOKEN_KEY, session.token);
    localStorage.setItem(USER_KEY, JSON.stringify(session.user));
  },
  async logout() {
    if (localStorage.getItem(TOKEN_KEY)) await gql('mutation { logout }').catch(() => undefined);
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
  },
  async checkAuth() {
    if (!localStorage.getItem(TOKEN_KEY)) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: unknown) {
    const e = error as { status?: number; body?: unknown; message?: string } | ApiError;
    const code = e instanceof ApiError ? e.code : undefined;
    if (e?.status === 401 || code === 'UNAUTHENTICATED' || /UNAUTHENTICATED|invalid, expired or revoked/.test(String(e?.message))) {
      localStorage.removeItem(TOKEN_KEY);
      localStorage.removeItem(USER_KEY);
      throw new Error('ra.auth.auth_check_error');
    }
  },
  async getIdentity() {
    const user = currentUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: `${user.displayName}（${user.username}）` };
  },
  async getPermissions() {
    return currentUser();
  },
};
