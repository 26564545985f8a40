/*
 * The console talks to the API over the same GraphQL contract as integrators. `gql` is for the pages
 * that are not plain lists (editing a document, workflow, compare, preview); lists go through
 * ra-data-graphql (dataProvider.ts). Both send the session token kept by the auth provider.
 */

export const TOKEN_KEY = 'yibao.token';
export const USER_KEY = 'yibao.user';

/** A refused field as the API names it: `fees.individual.amountFen` and why. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An error from the API, with the refused fields where the API named them. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly issues: FieldIssue[] = [],
    readonly status?: number,
    /** The first error's `extensions` (e.g. `retryAfter` of TOO_MANY_ATTEMPTS). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * What every request to the API carries: the session token, and the console's language, so that the
 * API's messages come in it (zh-CN unless the officer switched to English; react-admin keeps the
 * choice in its store).
 */
export function authHeaders(): Record<string, string> {
  const token = localStorage.getItem(TOKEN_KEY);
  return { 'Accept-Language': consoleLanguage(), ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}

export function consoleLanguage(): 'zh-CN' | 'en' {
  try {
    return JSON.parse(localStorage.getItem('RaStore.locale') ?? '""') === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const GRAPHQL_URL = new URL('graphql', document.baseURI).toString();

export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new ApiError(`无法连接服务器 (${(e as Error).message})`, 'NETWORK');
  }
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: any[] } | null;
  if (!body) throw new ApiError(`服务器返回了无法解析的应答 (HTTP ${res.status})`, 'BAD_RESPONSE', [], res.status);
  if (body.errors?.length) {
    const first = body.errors[0];
    const issues: FieldIssue[] = body.errors.flatMap((e) => (Array.isArray(e.extensions?.issues) ? e.extensions.issues : []));
    throw new ApiError(body.errors.map((e) => e.message).join('; '), first.extensions?.code, issues, res.status, first.extensions ?? {});
  }
  return body.data as T;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  jurisdictions: { id: string; name: string }[];
}

export function currentUser(): CurrentUser | null {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as CurrentUser;
  } catch {
    return null;
  }
}


/**
 * The kinds of refusal the console names itself, by the API's stable codes: `extensions.reason` (the
 * precise one, where the API gives it) or `extensions.code`.
 */
const CODE_NAMES: Record<string, [string, string]> = {
  LIMIT_EXCEEDED: ['请求超出限制', 'Request over a limit'],
  TOO_MANY_ATTEMPTS: ['尝试次数过多，请稍后再试', 'Too many attempts, try again later'],
  FORBIDDEN: ['无权限', 'Not allowed'],
  UNAUTHENTICATED: ['请重新登录', 'Please log in again'],
  CONFLICT: ['冲突', 'Conflict'],
  BAD_USER_INPUT: ['输入有误', 'Invalid input'],
  NOT_FOUND: ['不存在', 'Not found'],
  NETWORK: ['网络错误', 'Network error'],
  PREVIEW_OUTDATED: ['草案在影响预览后已修改，请重新预览后再审核', 'The draft changed after its preview: run a new preview first'],
  PREVIEW_RUNNING: ['影响预览尚未完成', 'The preview is still running'],
};

/**
 * An API error for people: what kind of refusal (in their language, by its reason code where the
 * console knows it), then the API's own words naming the field (in the language the request asked for).
 */
export function errorText(e: unknown, tr: (zh: string, en: string) => string): string {
  if (e instanceof ApiError) {
    const reason = typeof e.extensions.reason === 'string' ? e.extensions.reason : undefined;
    const kind = (reason && CODE_NAMES[reason]) || (e.code ? CODE_NAMES[e.code] : undefined);
    return kind && e.code !== 'NETWORK' ? `${tr(...kind)}：${e.message}` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
