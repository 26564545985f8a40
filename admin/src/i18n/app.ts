/*
 * The console's own messages for react-admin (menus, titles, list headers, the login page): each
 * written once in app.json as a pair, Chinese then English, from which both dictionaries are made.
 */

import { z } from 'zod';
import messages from './app.json';

type Pair = readonly [zh: string, en: string];
interface Tree {
  [key: string]: Pair | Tree;
}
const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.record(z.string(), z.union([z.tuple([z.string().min(1), z.string().min(1)]).readonly(), TreeSchema])));

/** The pairs of app.json (a table translators can edit), checked when the console loads. */
const PAIRS: Tree = TreeSchema.parse(messages);

const isPair = (v: Pair | Tree): v is Pair => Array.isArray(v);

function pick(tree: Tree, side: 0 | 1): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, isPair(v) ? v[side] : pick(v, side)]));
}

/** The console's messages in each language, for the i18n provider. */
export const app = { zh: pick(PAIRS, 0), en: pick(PAIRS, 1) };
