/*
 * Clauses as places in a notice. A clause is written as the notice numbers it: 三 (a section),
 * 三（二） (its second item), 三（二）1, 三（三）1（2）; 序言 is the unnumbered preamble, 附件1 an
 * annex. The notice is assembled by these places, so its numbering is the source's own.
 */

const DIGIT = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一. */
export function cnNumeral(n: number): string {
  if (n < 10) return DIGIT[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGIT[n % 10]! : '');
  if (n < 100) return DIGIT[Math.floor(n / 10)]! + '十' + (n % 10 ? DIGIT[n % 10]! : '');
  return String(n);
}

/** 一 → 1, 十 → 10, 十一 → 11, 二十一 → 21; null when not a numeral. */
export function parseCnNumeral(s: string): number | null {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return null;
  const d = (c: string | undefined) => (c ? DIGIT.indexOf(c) : 0);
  const at = s.indexOf('十');
  if (at < 0) return s.length === 1 ? d(s) : null;
  const tens = at === 0 ? 1 : d(s[0]);
  const ones = d(s[at + 1]);
  return tens * 10 + ones;
}

/** One step of a place: its level (1: 一、 2: （一） 3: 1． 4: （1）) and number. */
export interface Step {
  level: 1 | 2 | 3 | 4;
  n: number;
}

export type Place =
  | { kind: 'body'; steps: Step[] }
  | { kind: 'preamble' }
  | { kind: 'annex'; number: number | null }
  | { kind: 'unknown'; text: string };

const BODY = /^([一二三四五六七八九十]{1,3})(?:[（(]([一二三四五六七八九十]{1,3})[）)])?(?:(\d{1,2})[.．]?)?(?:[（(](\d{1,2})[）)])?$/;

export function parseClause(clause: string | null | undefined): Place {
  const c = (clause ?? '').trim();
  if (c === '序言') return { kind: 'preamble' };
  const annex = /^附件\s*(\d*)/.exec(c);
  if (annex) return { kind: 'annex', number: annex[1] ? Number(annex[1]) : null };
  const m = BODY.exec(c);
  if (!m) return { kind: 'unknown', text: c };
  const steps: Step[] = [{ level: 1, n: parseCnNumeral(m[1]!)! }];
  if (m[2]) steps.push({ level: 2, n: parseCnNumeral(m[2])! });
  if (m[3]) steps.push({ level: 3, n: Number(m[3]) });
  if (m[4]) steps.push({ level: 4, n: Number(m[4]) });
  return { kind: 'body', steps };
}

/** The label a step is printed with: 一、 （一） 1． （1）. */
export function labelOf(step: Step): string {
  switch (step.level) {
    case 1:
      return `${cnNumeral(step.n)}、`;
    case 2:
      return `（${cnNumeral(step.n)}）`;
    case 3:
      return `${step.n}．`;
    case 4:
      return `（${step.n}）`;
  }
}

/** A stable key of a place (1/2/-/3): equal for equal places. */
export function keyOf(steps: readonly Step[]): string {
  return steps.map((s) => `${s.level}:${s.n}`).join('/');
}

/** The section numeral of a clause (三 of 三（二）1), or null for the preamble, an annex or an unknown place. */
export function sectionOf(clause: string | null | undefined): string | null {
  const p = parseClause(clause);
  return p.kind === 'body' ? cnNumeral(p.steps[0]!.n) : null;
}
