import { GraphQLError } from 'graphql';

/** A refused input: the message starts with the field, and `extensions.field` names it too. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
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
