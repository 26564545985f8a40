import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/*
 * The CJK fonts the server embeds in a notice's PDF, from npm packages that ship TrueType files
 * (SIL Open Font License): Noto Serif SC for the body (仿宋-like: there is no open 仿宋 on npm) and, in
 * bold, for the 版头 and title (小标宋-like); Noto Sans SC for headings (黑体-like). Each file is read
 * once per process; pdfkit embeds only the glyphs a notice uses (a subset).
 */

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  /** 仿宋-like body */
  body: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  /** 小标宋-like: 版头, title, run-in headings */
  title: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  /** 黑体-like: section headings, annex labels, table headers */
  heading: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
} as const;

export type FontKey = keyof typeof FONT_FILES;

const cache = new Map<FontKey, Buffer>();

export function fontBytes(key: FontKey): Buffer {
  let b = cache.get(key);
  if (!b) cache.set(key, (b = readFileSync(require.resolve(FONT_FILES[key]))));
  return b;
}
