import type { PolicyDocument } from './document.js';
import { share } from './format.js';
import { yuan } from './validate.js';
import { sectionOf } from './notice/clause.js';

/**
 * Things an officer should look at that do not make a document invalid. Above all: printed totals
 * that differ from the sum of their rows. Figures are kept exactly as printed (never adjusted to make a
 * sum match); the difference is reported here instead.
 */
export interface ValidationWarning {
  path: string;
  code: 'printed-total-differs' | 'row-inconsistent' | 'declared-count-differs' | 'sum-differs' | 'outside-outline';
  message: string;
}

export function documentWarnings(doc: PolicyDocument): ValidationWarning[] {
  const out: ValidationWarning[] = [];
  const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);

  /** Compare each column's printed 合计 with the sum of its rows. */
  const checkTotals = <R>(
    at: string,
    title: string,
    rows: R[],
    cols: ReadonlyArray<readonly [string, string, (r: R) => number, number | null]>,
  ) => {
    for (const [col, label, value, printed] of cols) {
      if (printed === null) continue;
      const rowsSum = sum(rows, value);
      if (rowsSum !== printed)
        out.push({
          path: `${at}.printedTotal.${col}`,
          code: 'printed-total-differs',
          message: `${title}: the ${label} column adds up to ${rowsSum}, but the printed total is ${printed} (difference ${rowsSum - printed}); both are kept as printed`,
        });
    }
  };

  doc.quotaTables.forEach((t, i) =>
    checkTotals(`quotaTables[${i}]`, t.title, t.rows, [
      ['population', t.populationLabel, (r) => r.population, t.printedTotal.population],
      ['target', t.targetLabel, (r) => r.target, t.printedTotal.target],
      ['residencePermits', '有效居住证数', (r) => r.residencePermits ?? 0, t.printedTotal.residencePermits],
    ]),
  );

  doc.activationTables.forEach((t, i) => {
    const p = t.printedTotal;
    checkTotals(`activationTables[${i}]`, t.title, t.rows, [
      ['insured', '参保人数', (r) => r.insured, p.insured],
      ['activated', '已激活人数', (r) => r.activated, p.activated],
      ['notActivated', '未激活人数', (r) => r.notActivated, p.notActivated],
      ['targetActivated', `${t.targetPercent}%激活率`, (r) => r.targetActivated, p.targetActivated],
      ['gap', '差距', (r) => r.gap, p.gap],
    ]);
    t.rows.forEach((r, j) => {
      if (r.activated + r.notActivated !== r.insured)
        out.push({
          path: `activationTables[${i}].rows[${j}]`,
          code: 'row-inconsistent',
          message: `${r.unit}: activated ${r.activated} + not activated ${r.notActivated} ≠ insured ${r.insured}`,
        });
      const rate = share(r.activated, r.insured);
      if (rate !== null && rate !== r.ratePrinted)
        out.push({
          path: `activationTables[${i}].rows[${j}].ratePrinted`,
          code: 'row-inconsistent',
          message: `${r.unit}: printed rate ${r.ratePrinted}, computed ${rate}`,
        });
    });
  });

  doc.categoryLists.forEach((l, i) => {
    if (l.declaredCount === null) return;
    const n = doc.categories.filter((c) => c.list === l.code).length;
    if (n !== l.declaredCount)
      out.push({
        path: `categoryLists[${i}].declaredCount`,
        code: 'declared-count-differs',
        message: `${l.label}: the notice says ${l.declaredCount} categories, the document has ${n}`,
      });
  });

  const g = doc.fees.government;
  if (g.split.length > 0) {
    // A floor may print only part of its split (Lingyuan: "includes 10 from the township"); a fixed
    // subsidy's split should add up, and no split may exceed the subsidy.
    const s = sum(g.split, (x) => x.amountFen);
    if (s > g.amountFen || (g.basis === 'fixed' && s !== g.amountFen))
      out.push({
        path: 'fees.government.split',
        code: 'sum-differs',
        message: `the split by level adds up to ${yuan(s)}, the subsidy is ${yuan(g.amountFen)}`,
      });
  }
  const total = doc.fees.totalFinancing;
  if (total && total.amountFen !== doc.fees.individual.amountFen + g.amountFen)
    out.push({
      path: 'fees.totalFinancing.amountFen',
      code: 'sum-differs',
      message: `total financing ${yuan(total.amountFen)} ≠ individual ${yuan(doc.fees.individual.amountFen)} + government ${yuan(g.amountFen)}`,
    });

  // A rule whose clause names a section the outline does not list is printed under a section titled
  // by what it holds, not by the notice: the officer should add the section or correct the clause.
  if (doc.outline) {
    const listed = new Set(doc.outline.sections.map((x) => x.number));
    const reported = new Set<string>();
    for (const { path, clause } of clausesOf(doc)) {
      const section = sectionOf(clause);
      if (section === null || listed.has(section) || reported.has(section)) continue;
      reported.add(section);
      out.push({
        path: `${path}.clause`,
        code: 'outside-outline',
        message: `clause ${clause} is in section ${section}, which the notice's outline does not list; the notice prints it under a section of its own`,
      });
    }
  }
  return out;
}

/** Every clause of a document with the path of what carries it (`categories[3]`). */
export function clausesOf(doc: PolicyDocument): { path: string; clause: string }[] {
  const out: { path: string; clause: string }[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'clause' && typeof x === 'string') out.push({ path: path || '(document)', clause: x });
        else walk(x, path ? `${path}.${k}` : k);
      }
  };
  walk(doc, '');
  return out;
}
