import type { Path } from '../paths';
import { controlFor, type Control, type Schema } from '../schema-walk';

/*
 * How fields share the width of the form: groups and lists take a whole row, single inputs share rows,
 * and texts that are sentences rather than names or codes take a whole row (or a wide column) too.
 */

const BLOCK: ReadonlySet<Control> = new Set(['object', 'object-list', 'table', 'list', 'enum-set', 'variant', 'unsupported']);

export const WIDE_KEYS = new Set([
  'title',
  'planTitle',
  'label',
  'name',
  'note',
  'description',
  'purpose',
  'consequence',
  'reference',
  'text',
  'choice',
  'reason',
  'action',
  'condition',
  'event',
  'countingNote',
  'item',
  'place',
  'body',
  'fundedBy',
  'hostedBy',
  'for',
  'topic',
  'term',
]);

/** Texts that read as sentences get the wide columns of a table. */
export const WIDE_COLUMNS = new Set([...WIDE_KEYS, 'unit', 'post', 'department', 'fund', 'actor']);

export function isWide(schema: Schema, path: Path): boolean {
  const control = controlFor(schema, path);
  if (BLOCK.has(control)) return true;
  const key = path[path.length - 1];
  return control === 'text' && typeof key === 'string' && WIDE_KEYS.has(key);
}

/** A control that is not a group or a list of things (a single input): shares a row. */
export function isScalar(schema: Schema): boolean {
  return !BLOCK.has(controlFor(schema, ['x']));
}

export const gridSx = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
  gap: 2,
  alignItems: 'start',
} as const;
