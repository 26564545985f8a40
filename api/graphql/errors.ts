import { GraphQLError, type ASTNode } from 'graphql';
import type { Reason } from '../i18n/catalog.js';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language.js';
import { message, type Params } from '../i18n/render.js';

/** What an error says, apart from its wording: rendered in the request's language when answered. */
export interface Localized {
  readonly reason: Reason;
  readonly params: Params;
}
const LOCALIZED = Symbol('localized');
const LANGUAGE = Symbol('language');

/**
 * A refusal with a stable reason (`extensions.reason`) beside its code (`extensions.code`, BAD_USER_INPUT
 * unless given): written in zh-CN until the language plugin (api/i18n/plugin.ts) or a REST route renders
 * it in the request's language.
 */
export function refusal(reason: Reason, params: Params = {}, extensions: Record<string, unknown> = {}): GraphQLError {
  const e = new GraphQLError(message(reason, params, DEFAULT_LANGUAGE), { extensions: { code: 'BAD_USER_INPUT', ...extensions, reason } });
  return withReason(e, reason, params);
}

/**
 * A scalar's refusal: a reason and no code of its own (graphql-js wraps it, naming the variable or the
 * argument, and Apollo gives the code: BAD_USER_INPUT or GRAPHQL_VALIDATION_FAILED).
 */
export function scalarRefusal(reason: Reason, params: Params = {}): GraphQLError {
  return withReason(new GraphQLError(message(reason, params, DEFAULT_LANGUAGE), { extensions: { reason } }), reason, params);
}

/**
 * A scalar's literal read with its refusal placed at the literal: graphql-js answers a GraphQLError a
 * scalar throws from `parseLiteral` as it is, so without this the refusal had no `locations`.
 */
export function atLiteral<T>(node: ASTNode, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof GraphQLError) || e.nodes) throw e;
    const placed = new GraphQLError(e.message, { nodes: node, extensions: e.extensions, originalError: e.originalError ?? undefined });
    const l = localizedOf(e);
    throw l ? withReason(placed, l.reason, l.params) : placed;
  }
}

/** Give an error (a GraphQLError subclass, an error of a REST route) a reason and parameters. */
export function withReason<E extends Error>(e: E, reason: Reason, params: Params = {}): E {
  Object.defineProperty(e, LOCALIZED, { value: { reason, params } satisfies Localized, enumerable: false });
  return e;
}

export function localizedOf(e: unknown): Localized | undefined {
  return e && typeof e === 'object' ? (e as { [LOCALIZED]?: Localized })[LOCALIZED] : undefined;
}

/** The message of an error with a reason in a language (its own message otherwise). */
export function messageIn(e: Error, lang: Language): string {
  const l = localizedOf(e);
  return l ? message(l.reason, l.params, lang) : e.message;
}

/** The language an error is answered in, once the plugin has seen the request (for `formatError`). */
export function languageOfError(e: unknown): Language {
  return (e && typeof e === 'object' ? (e as { [LANGUAGE]?: Language })[LANGUAGE] : undefined) ?? DEFAULT_LANGUAGE;
}
export function setErrorLanguage(e: object, lang: Language): void {
  Object.defineProperty(e, LANGUAGE, { value: lang, enumerable: false, configurable: true });
}

/**
 * A refused input: the message starts with the field (by its label where it is a document path), and
 * `extensions.field` names it too.
 */
export function badInput(field: string, reason: Reason, params: Params = {}, extensions: Record<string, unknown> = {}): GraphQLError {
  return refusal(reason, { ...params, field }, { ...extensions, field });
}

/** Longest part of a caller's input that an error message repeats. */
export const EXCERPT_CHARS = 40;

/**
 * A caller's value as an error message may repeat it: JSON-quoted, cut after EXCERPT_CHARS characters
 * (with the full length said), so that a megabyte of input never comes back in an error.
 */
export function excerpt(value: unknown, max = EXCERPT_CHARS): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  if (typeof value !== 'string') return text.length > max ? `${[...text].slice(0, max).join('')}… (${text.length} characters)` : text;
  const chars = [...text];
  return chars.length > max ? `${JSON.stringify(chars.slice(0, max).join(''))}… (${chars.length} characters)` : JSON.stringify(text);
}

/**
 * The last line of defence for messages that repeat input (graphql-js's own `got invalid value "…"`, and
 * messages quoting a value such as `no jurisdiction has the code or name "…"`): every double-quoted part
 * longer than EXCERPT_CHARS is cut to an excerpt, and the whole message to `maxChars`.
 */
export function capEchoes(message: string, maxChars = 2000): string {
  const capped = message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) => {
    const chars = [...inner];
    return chars.length > EXCERPT_CHARS ? `"${chars.slice(0, EXCERPT_CHARS).join('')}…" (${chars.length} characters)` : whole;
  });
  return capped.length > maxChars ? `${capped.slice(0, maxChars)}…` : capped;
}
