import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder: the nearest folder holding package.json above `from` — the same whether the
 * code runs from its TypeScript sources (tests, tools) or from the build in `.build/` (`npm start`).
 */
export function projectRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(from)}`);
    dir = up;
  }
  return dir;
}

/** Whether this code runs from the build (JavaScript in `.build/`) rather than through tsx. */
export const COMPILED = import.meta.url.endsWith('.js');
