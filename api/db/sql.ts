/**
 * A PostgreSQL array literal for a query parameter (`?::int[]`, `?::text[]`). MikroORM expands plain
 * array parameters into lists (`(?, ?)`), which is wrong for array columns and breaks on empty arrays.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

/** A timestamptz from a raw query (PostgreSQL text such as `2026-11-23 03:49:15.72+00`, or a Date) as a Date. */
export function timestamp(v: unknown): Date | null {
  if (v == null) return null;
  if (v instanceof Date) return v;
  const s = String(v).replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw new Error(`not a timestamp: ${String(v)}`);
  return d;
}
