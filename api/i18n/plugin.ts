import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, type DocumentNode } from 'graphql';
import type { Context } from '../graphql/context.js';
import { localizedOf, setErrorLanguage } from '../graphql/errors.js';
import { LimitError } from '../graphql/limits.js';
import { literalPath } from '../graphql/literal-path.js';
import type { Reason } from './catalog.js';
import { DEFAULT_LANGUAGE, languageOf, type Language } from './language.js';
import { inChinese } from './graphql-js.js';
import { fieldName, message } from './render.js';

/** The reason of each request limit (LimitError's `extensions.limit`). */
const LIMIT_REASONS: Record<string, Reason> = {
  queryLength: 'QUERY_TOO_LONG',
  bodyBytes: 'BODY_TOO_LARGE',
  timeMs: 'TIMED_OUT',
  tokens: 'TOO_MANY_TOKENS',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
  depth: 'TOO_DEEP',
  selections: 'TOO_MANY_SELECTIONS',
  quotes: 'TOO_MANY_QUOTES',
  cost: 'TOO_COSTLY',
  jsonDepth: 'TOO_NESTED_VALUE',
};

/** Errors graphql-js and Apollo make themselves, by their code: their detail stays graphql-js's. */
const CODE_REASONS: Record<string, Reason> = {
  GRAPHQL_PARSE_FAILED: 'QUERY_SYNTAX',
  GRAPHQL_VALIDATION_FAILED: 'QUERY_INVALID',
  BAD_USER_INPUT: 'VARIABLE_INVALID',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_UNKNOWN',
  BAD_REQUEST: 'BAD_REQUEST',
  INVALID_CHARACTER: 'INVALID_CHARACTER',
};

/**
 * A refusal made by the HTTP layer before GraphQL (api/graphql/http.ts: 413, 415, 400, 503, 500): its
 * reason and its message in the request's language. Called only when refusing.
 */
export function httpRefusal(code: string, enMessage: string, extensions: Record<string, unknown>, acceptLanguage: string | string[] | undefined): { reason: Reason; message: string } {
  const lang = languageOf(acceptLanguage);
  const limit = LIMIT_REASONS[String(extensions.limit ?? '')];
  if (limit) return { reason: limit, message: lang === 'en' ? enMessage : message(limit, { max: extensions.max, found: extensions.found, message: enMessage }, lang) };
  const reason: Reason =
    code === 'INTERNAL_SERVER_ERROR' ? 'INTERNAL' : code === 'UNSUPPORTED_MEDIA_TYPE' ? (/charset/.test(enMessage) ? 'CHARSET_UNSUPPORTED' : 'ENCODING_UNSUPPORTED') : /not valid JSON/.test(enMessage) ? 'BODY_NOT_JSON' : CODE_REASONS[code] ?? 'BAD_REQUEST';
  if (lang === 'en') return { reason, message: enMessage };
  const quoted = /"([^"]*)"/.exec(enMessage)?.[1];
  return { reason, message: message(reason, { detail: enMessage.replace(/^[^:]*: /, ''), charset: quoted, encoding: quoted }, lang) };
}

/** The reason and wording of a request limit's refusal (the English is the limit's own message). */
export function limitMessage(e: LimitError, lang: Language): { reason: Reason; message: string } {
  const x = e.extensions as { limit?: string; max?: number; found?: number };
  const reason = LIMIT_REASONS[x.limit ?? ''] ?? 'TOO_COSTLY';
  return { reason, message: lang === 'en' ? e.message : message(reason, { max: x.max, found: x.found, message: e.message }, lang) };
}

/** A refusal's words after the name of its place (`input.year: …`, `` `input.year`：… ``). */
const placed = (at: string, text: string, lang: Language) => (lang === 'en' ? `${at}: ${text}` : `${fieldName(at, lang)}：${text}`);

/**
 * An error in the request's language, with `extensions.reason`: its own reason and parameters (see
 * `refusal`), those of the error it wraps (a scalar's refusal inside graphql-js's "Variable … got
 * invalid value …; <reason>"), a request limit's, or for graphql-js's own errors a reason by their code.
 */
export function localizeError(e: GraphQLError, lang: Language, document?: DocumentNode): void {
  setErrorLanguage(e, lang);
  const own = localizedOf(e);
  if (own) {
    const text = message(own.reason, own.params, lang);
    // a scalar's refusal of a literal (placed at it by `atLiteral`): named by its place, as a variable's is
    const at = literalPath(document, e.nodes?.[0]);
    e.message = at ? placed(at, text, lang) : text;
    if (at) e.extensions.field ??= at;
    return;
  }
  const inner = e.originalError;
  const wrapped = localizedOf(inner);
  if (inner && wrapped) {
    const was = inner.message;
    const text = message(wrapped.reason, wrapped.params, lang);
    // graphql-js's lead-in names the variable and the place in it, or the type of a literal argument
    const lead = e.message !== was && e.message.endsWith(was) ? e.message.slice(0, -was.length) : '';
    const variable = /^Variable "\$([^"]+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; $/.exec(lead);
    const at = variable ? (variable[2] ?? variable[1]) : literalPath(document, e.nodes?.[0]);
    const type = /^Expected value of type "([^"]+)"/.exec(lead)?.[1];
    if (lang === 'en') e.message = variable || !at ? lead + text : placed(at, text, lang);
    else e.message = at ? placed(at, text, lang) : type ? `\`${type}\` 类型的值：${text}` : text;
    if (at) e.extensions.field ??= at;
    e.extensions.reason ??= wrapped.reason;
    return;
  }
  if (e instanceof LimitError || inner instanceof LimitError) {
    const m = limitMessage((e instanceof LimitError ? e : inner) as LimitError, lang);
    e.message = m.message;
    e.extensions.reason ??= m.reason;
    return;
  }
  const code = typeof e.extensions.code === 'string' ? e.extensions.code : undefined;
  const reason = code ? CODE_REASONS[code] : undefined;
  if (reason && e.extensions.reason === undefined) {
    e.extensions.reason = reason;
    const detail = lang === 'en' ? e.message : inChinese(e.message);
    e.message = message(reason, { detail, message: detail }, lang);
  }
}

const listener: GraphQLRequestListener<Context> = {
  async didEncounterErrors({ errors, contextValue, document }) {
    const lang = contextValue?.lang ?? DEFAULT_LANGUAGE;
    for (const e of errors) localizeError(e, lang, document);
  },
};

/**
 * Every error of a GraphQL request in its language (`Accept-Language`, on the context). The listener is
 * one object for all requests: nothing is allocated per request.
 */
export const languagePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return listener;
  },
  // refusals the limits plugin throws before Apollo's own error handling: localized before they are answered
  async unexpectedErrorProcessingRequest({ requestContext, error }) {
    if (error instanceof GraphQLError) localizeError(error, requestContext.contextValue?.lang ?? DEFAULT_LANGUAGE, requestContext.document);
  },
};
