/**
 * Strings a request may carry, checked before anything reads them: no NUL (PostgreSQL's text and jsonb
 * cannot hold U+0000, so it would surface as an internal error) and no lone surrogate (not Unicode: the
 * driver would silently store U+FFFD in its place). And JSON nested no deeper than a limit, so that no
 * recursive walk of a document (validation, hashing, diffs) can run out of stack.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NUL_OR_SURROGATE = /[\0\uD800-\uDFFF]/;

/** Where and why a string is not accepted, or null when it is. */
export function firstBadString(s: string): { index: number; what: string } | null {
  // most strings have neither: one pass of a plain character class
  if (!NUL_OR_SURROGATE.test(s)) return null;
  const nul = s.indexOf('\0');
  const lone = LONE_SURROGATE.exec(s);
  if (nul < 0 && !lone) return null;
  if (nul >= 0 && (!lone || nul < lone.index)) return { index: nul, what: 'contains U+0000 (NUL), which text may not contain' };
  const unit = lone![0].charCodeAt(0).toString(16).toUpperCase();
  return { index: lone!.index, what: `contains a lone surrogate U+${unit}, which is not valid Unicode` };
}

/** `line 3, column 14` of an index into a text. */
export function lineAndColumn(text: string, index: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${index - start + 1}`;
}

export type JsonProblem = { kind: 'string'; path: string; what: string } | { kind: 'depth'; path: string };

/**
 * The first problem in a JSON value (strings and keys, then depth), with its path
 * (`variables.inputs[3].jurisdiction`); null when there is none. Depth counts containers: `{}` is 1.
 */
export function jsonProblem(value: unknown, root: string, maxDepth: number): JsonProblem | null {
  const path: (string | number)[] = [];
  const where = () => root + path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_]\w*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
  const walk = (v: unknown, depth: number): JsonProblem | null => {
    if (typeof v === 'string') {
      const bad = firstBadString(v);
      return bad ? { kind: 'string', path: where(), what: bad.what } : null;
    }
    if (v === null || typeof v !== 'object') return null;
    if (depth + 1 > maxDepth) return { kind: 'depth', path: where() };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const p = walk(v[i], depth + 1);
        path.pop();
        if (p) return p;
      }
      return null;
    }
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const badKey = firstBadString(key);
      if (badKey) return { kind: 'string', path: `a key of ${where()}`, what: badKey.what };
      path.push(key);
      const p = walk((v as Record<string, unknown>)[key], depth + 1);
      path.pop();
      if (p) return p;
    }
    return null;
  };
  return walk(value, 0);
}
