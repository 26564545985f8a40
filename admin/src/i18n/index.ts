import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import chineseModule from '@haxqer/ra-language-chinese';
import { useLocaleState } from 'react-admin';
import { app } from './app';

/*
 * zh-CN first (the officers read Chinese), English as a switch. react-admin's own strings come from
 * ra-language-english and a Chinese translation of them (written for react-admin 4: keys it lacks fall
 * back to English, never to a bare key). The console's own strings are written inline as pairs with
 * `useTr()` (`tr('保存', 'Save')`), so a page carries both languages side by side.
 */

function deepMerge(a: any, b: any): any {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return b ?? a;
  const out: any = { ...a };
  for (const k of Object.keys(b)) out[k] = k in a ? deepMerge(a[k], b[k]) : b[k];
  return out;
}

// a CommonJS build whose `module` field points at CommonJS: unwrap its default export either way
const chineseMessages = (chineseModule as any).default ?? chineseModule;

const messages: Record<string, any> = {
  'zh-CN': deepMerge(deepMerge(englishMessages, chineseMessages), app.zh),
  en: deepMerge(englishMessages, app.en),
};

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages['zh-CN'], 'zh-CN', [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
], { allowMissing: true });

/** `tr('保存', 'Save')`: the Chinese text, or the English one when the user switched to English. */
export function useTr(): (zh: string, en: string) => string {
  const [locale] = useLocaleState();
  return (zh, en) => (locale === 'en' ? en : zh);
}
