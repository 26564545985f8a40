import Negotiator from 'negotiator';

/** The languages the API answers in: zh-CN (the default) and English. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Off switch for tests that check the negotiation matters: every request then answers in the default. */
let negotiating = true;
export function setNegotiation(on: boolean): void {
  negotiating = on;
  cache.clear();
}

// Clients send a handful of distinct headers: the answer is cached by the header's text, so a request
// costs one Map lookup. The cache is bounded so that a caller varying the header cannot grow it.
const cache = new Map<string, Language>();
const CACHE_MAX = 256;

/**
 * The language of a request from its `Accept-Language` (RFC 9110 §12.5.4, negotiated by `negotiator`, the
 * library express's `req.acceptsLanguages` uses): `en`, `en-US`, `en-GB;q=0.9` … choose English when
 * preferred over Chinese; absent, `*`, or preferring neither, zh-CN.
 */
export function languageOf(header: string | readonly string[] | undefined | null): Language {
  if (!header || !negotiating) return DEFAULT_LANGUAGE;
  const text = typeof header === 'string' ? header : header.join(', ');
  let lang = cache.get(text);
  if (lang === undefined) {
    const chosen = text.length > 1000 ? undefined : new Negotiator({ headers: { 'accept-language': text } }).language(LANGUAGES as unknown as string[]);
    lang = chosen === 'en' ? 'en' : DEFAULT_LANGUAGE;
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(text, lang);
  }
  return lang;
}

/** The registry's and format.ts's name of a language. */
export function short(lang: Language): 'zh' | 'en' {
  return lang === 'en' ? 'en' : 'zh';
}
