/*
 * Paths into a policy document, written the way the API writes them in its issues
 * (`fees.individual.amountFen`, `categories[2].name`), and immutable updates along them.
 */

export type Seg = string | number;
export type Path = readonly Seg[];

/** `['categories', 2, 'name']` → `categories[2].name` (the API's issue paths; inputs are named by it). */
export function pathKey(path: Path): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : (out ? '.' : '') + s;
  return out;
}

/** `categories[2].name` → `['categories', 2, 'name']`. */
export function parsePath(key: string): Seg[] {
  const out: Seg[] = [];
  for (const m of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** The path with list indices removed: `categories.name`, the key of labels and references. */
export function patternOf(path: Path): string {
  return path.filter((s): s is string => typeof s === 'string').join('.');
}

/** Is `key` the path `prefix` or inside it? */
export function isWithin(key: string, prefix: string): boolean {
  return key === prefix || key.startsWith(prefix + '.') || key.startsWith(prefix + '[');
}

export function getIn(value: unknown, path: Path): unknown {
  let cur: any = value;
  for (const s of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[s];
  }
  return cur;
}

/**
 * A copy of `root` with `value` at `path`, sharing every untouched branch (so unchanged parts of the
 * form keep their identity and are not re-rendered). `undefined` removes an object key. Missing
 * containers on the way are created: a list where the next step is an index, else an object.
 */
export function setIn(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [Seg, ...Seg[]];
  const base: any =
    root !== null && typeof root === 'object' ? root : typeof head === 'number' ? [] : {};
  const next = setIn(base[head], rest, value);
  if (Array.isArray(base)) {
    const copy = base.slice();
    copy[head as number] = next;
    return copy;
  }
  const copy = { ...base };
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}
