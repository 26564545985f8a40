import type { AuthProvider } from 'react-admin';
import { ApiError, currentUser, gql, TOKEN_KEY, USER_KEY, type CurrentUser } from './api';

const USER_FIELDS = 'id username displayName roles jurisdictions { id name }';

/** Log in against the API's users (`login`); the session token is sent with every request after. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { login } = await gql<{ login: { token: string; user: CurrentUser } }>(
      `mutation ($username: String!, $password: String!) { login(username: $username, password: $password) { token user { ${USER_FIELDS} } } }`,
      { username, password },
    ).catch((e: unknown) => {
      // a message key: react-admin shows it in the user's language
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') throw new Error('app.auth.invalid');
      throw e;
    });
    localStorage.setItem(TOKEN_KEY, login.token);
    localStorage.setItem(USER_KEY, JSON.stringify(login.user));
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
