import type { PolicyDocument } from '../../../policy-schemas/index.js';
import { daysInMonth } from '../../../policy-schemas/index.js';
import type { AutoChange } from './policy-version.entity.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A document moved to another coverage year: every calendar date moves by the difference in years
 * (29 February becomes 28 February where needed), the coverage year changes, and years written in the
 * titles move too. Each value moved is listed so that the officer reviews it; values that cannot be
 * moved automatically (the document number, the roster) are listed as to be reviewed.
 */
export function cloneForward(source: PolicyDocument, year: number): { document: PolicyDocument; changes: AutoChange[] } {
  const shift = year - source.coverageYear;
  const changes: AutoChange[] = [];
  const move = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      const m = DATE.exec(v);
      if (m && shift !== 0) {
        const y = Number(m[1]) + shift;
        const mo = Number(m[2]);
        const d = Math.min(Number(m[3]), daysInMonth(y, mo));
        const moved = `${String(y).padStart(4, '0')}-${m[2]}-${String(d).padStart(2, '0')}`;
        changes.push({ path, before: v, after: moved, reason: `date moved by ${shift} year${Math.abs(shift) === 1 ? '' : 's'}` });
        return moved;
      }
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => move(x, `${path}[${i}]`));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = move(x, path ? `${path}.${k}` : k);
      return out;
    }
    return v;
  };
  const document = move(source, '') as PolicyDocument;
  changes.push({ path: 'coverageYear', before: source.coverageYear, after: year, reason: 'the coverage year of the draft' });
  document.coverageYear = year;
  for (const key of ['title', 'planTitle'] as const) {
    const before = document.metadata[key];
    if (!before) continue;
    const after = before.replace(/(\d{4})(?=\s*年)/g, (y) => {
      const n = Number(y);
      return n === source.coverageYear || n === source.coverageYear - 1 ? String(n + shift) : y;
    });
    if (after !== before) {
      document.metadata[key] = after;
      changes.push({ path: `metadata.${key}`, before, after, reason: 'years in the title moved' });
    }
  }
  changes.push({ path: 'metadata.documentNumber', before: source.metadata.documentNumber, after: source.metadata.documentNumber, reason: 'to review: copied from the source; the new notice will have its own number' });
  if (source.leadGroup) changes.push({ path: 'leadGroup', before: null, after: null, reason: 'to review: the roster is copied as it was; check every member and post' });
  return { document, changes };
}
