import { z } from 'zod';
import { PolicyDocument, type Benefit } from './document.js';
import { MONEY, money } from './format.js';
import { cnNumeral, parseClause, parseCnNumeral } from './notice/clause.js';

/**
 * The policy document with its cross-field rules: the schema every writer (API, seeds, console) uses.
 * Field-level rules are in document.ts; here are the rules that relate fields to each other.
 * Each issue names the path of the offending field and says why in plain words.
 */
export const ValidPolicyDocument = PolicyDocument.superRefine((doc, ctx) => {
  const err = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const feeFen = doc.fees.individual.amountFen;
  const year = doc.coverageYear;

  // --- categories
  const categoryCodes = new Set<string>();
  const officialOwner = new Map<string, string>();
  const listCodes = new Set(doc.categoryLists.map((l) => l.code));
  doc.categories.forEach((c, i) => {
    if (categoryCodes.has(c.code)) err(['categories', i, 'code'], `category code "${c.code}" is used twice; codes must be unique`);
    categoryCodes.add(c.code);
    c.officialCodes.forEach((oc, j) => {
      const owner = officialOwner.get(oc);
      if (owner && owner !== c.code)
        err(['categories', i, 'officialCodes', j], `identity code ${oc} already belongs to category "${owner}"`);
      officialOwner.set(oc, c.code);
    });
    if (c.list && !listCodes.has(c.list))
      err(['categories', i, 'list'], `names the list "${c.list}", which is not in categoryLists`);
    checkBenefitAmount(c.benefit, feeFen, (m) => err(['categories', i, 'benefit', 'amountFen'], m));
    c.conditions.forEach((cond, j) => {
      if (cond.age?.min !== undefined && cond.age.below !== undefined && cond.age.min >= cond.age.below)
        err(['categories', i, 'conditions', j, 'age'], `minimum age ${cond.age.min} is not below the limit ${cond.age.below}`);
      const grades = cond.disability?.grades;
      if (grades && new Set(grades).size !== grades.length) err(['categories', i, 'conditions', j, 'disability', 'grades'], 'names a grade twice');
      if (cond.members && !cond.members.spouses && cond.members.children === null)
        err(['categories', i, 'conditions', j, 'members'], 'covers no one: neither the couple nor their children');
    });
  });
  const byCode = new Map(doc.categories.map((c) => [c.code, c]));
  doc.categories.forEach((c, i) => {
    if (c.benefit.kind !== 'same-as') return;
    const seen = new Set([c.code]);
    let target: string | undefined = c.benefit.category;
    while (target) {
      const t = byCode.get(target);
      if (!t) {
        err(['categories', i, 'benefit', 'category'], `refers to category "${target}", which does not exist`);
        return;
      }
      if (seen.has(target)) {
        err(['categories', i, 'benefit', 'category'], `"same as" forms a loop through category "${target}"`);
        return;
      }
      seen.add(target);
      target = t.benefit.kind === 'same-as' ? t.benefit.category : undefined;
    }
  });
  doc.categories.forEach((c, i) => {
    if (!c.printed) return;
    const subsidy = subsidyFenOf(c.benefit, feeFen, byCode);
    if (subsidy === null) return;
    if (c.printed.subsidyFen !== undefined && c.printed.subsidyFen !== subsidy)
      err(['categories', i, 'printed', 'subsidyFen'], `printed subsidy ${yuan(c.printed.subsidyFen)} does not match the benefit, which gives ${yuan(subsidy)} on a fee of ${yuan(feeFen)}`);
    if (c.printed.paymentFen !== undefined && c.printed.paymentFen !== feeFen - subsidy)
      err(['categories', i, 'printed', 'paymentFen'], `printed payment ${yuan(c.printed.paymentFen)} does not match the benefit, which leaves ${yuan(feeFen - subsidy)} to pay`);
  });

  // --- stacking
  const inOrder = new Set<string>();
  doc.stacking.order.forEach((code, i) => {
    if (!categoryCodes.has(code)) err(['stacking', 'order', i], `names category "${code}", which does not exist`);
    if (inOrder.has(code)) err(['stacking', 'order', i], `names category "${code}" twice`);
    inOrder.add(code);
  });
  if (doc.stacking.rule === 'priority-order' && doc.stacking.order.length === 0)
    err(['stacking', 'order'], 'a priority-order rule must list the categories in order');
  if (doc.stacking.rule === 'priority-order')
    doc.categories.forEach((c) => {
      if (!inOrder.has(c.code)) err(['stacking', 'order'], `does not place category "${c.code}"; a priority order must place every category`);
    });

  // --- special groups
  const groupCodes = new Set<string>();
  doc.specialGroups.forEach((g, i) => {
    if (groupCodes.has(g.code)) err(['specialGroups', i, 'code'], `group code "${g.code}" is used twice; codes must be unique`);
    groupCodes.add(g.code);
    g.rules.forEach((r, j) => {
      const at = ['specialGroups', i, 'rules', j];
      if (r.benefitStart === 'fixed-date' && !r.benefitStartDate)
        err([...at, 'benefitStartDate'], 'is required when benefits start on a fixed date');
      if (r.benefitStart === 'after-waiting' && (!r.waiting || r.waiting.kind === 'none'))
        err([...at, 'waiting'], 'must give a waiting period when benefits start after waiting');
      if (r.when.paidFrom && r.when.paidBy && r.when.paidFrom > r.when.paidBy)
        err([...at, 'when', 'paidBy'], `(${r.when.paidBy}) is before paidFrom (${r.when.paidFrom})`);
      if (r.benefitEnd && r.benefitEnd > `${year}-12-31`)
        err([...at, 'benefitEnd'], `(${r.benefitEnd}) is after the end of coverage year ${year}`);
    });
  });
  const checkGroups = (path: (string | number)[], codes: string[]) =>
    codes.forEach((g, i) => {
      if (!groupCodes.has(g)) err([...path, i], `names special group "${g}", which does not exist`);
    });

  // --- fees
  const surcharge = doc.fees.lateSurcharge;
  if (surcharge) {
    if (!inYear(surcharge.from, year))
      err(['fees', 'lateSurcharge', 'from'], `(${surcharge.from}) must fall inside coverage year ${year}`);
    checkGroups(['fees', 'lateSurcharge', 'exemptGroups'], surcharge.exemptGroups);
  }
  doc.fees.specialCases.forEach((s, i) => {
    if (!groupCodes.has(s.group)) err(['fees', 'specialCases', i, 'group'], `names special group "${s.group}", which does not exist`);
  });

  // --- windows
  const windowCodes = new Set<string>();
  doc.windows.forEach((w, i) => {
    const at = ['windows', i];
    if (windowCodes.has(w.code)) err([...at, 'code'], `window code "${w.code}" is used twice; codes must be unique`);
    windowCodes.add(w.code);
    if (w.from > w.to) err([...at, 'to'], `(${w.to}) is before the window opens (${w.from})`);
    const firstYear = Number(w.from.slice(0, 4));
    const lastYear = Number(w.to.slice(0, 4));
    if (firstYear < year - 1 || firstYear > year)
      err([...at, 'from'], `(${w.from}) must fall in ${year - 1} or ${year}, the years around coverage year ${year}`);
    if (lastYear < year - 1 || lastYear > year)
      err([...at, 'to'], `(${w.to}) must fall in ${year - 1} or ${year}, the years around coverage year ${year}`);
    if (i > 0 && w.from < doc.windows[i - 1]!.from)
      err([...at, 'from'], `(${w.from}) is before the previous window opens (${doc.windows[i - 1]!.from}); list windows in order`);
    if (w.benefitStart === 'fixed-date')
      err([...at, 'benefitStart'], 'a window has no date of its own to start benefits on; fixed dates belong to a special group’s rule (benefitStartDate)');
    if (w.benefitStart === 'after-waiting' && w.waiting.kind === 'none')
      err([...at, 'waiting'], 'must give a waiting period when benefits start after waiting');
    if (w.benefitStart !== 'after-waiting' && w.waiting.kind !== 'none')
      err([...at, 'waiting'], `a waiting period only applies when benefits start after waiting (here: ${w.benefitStart})`);
    if (w.kind === 'anytime' && w.who !== 'listed-groups')
      err([...at, 'who'], 'a window in which groups enroll at any time is open to the listed groups only (listed-groups)');
    if (w.who === 'listed-groups' && w.groups.length === 0)
      err([...at, 'groups'], 'must list the groups a listed-groups window is open to');
    checkGroups([...at, 'groups'], w.groups);
  });
  // Two payment windows open to everyone may not overlap: a payment date must fall in one of them only.
  const open = doc.windows.map((w, i) => ({ w, i })).filter(({ w }) => w.acceptsPayment && w.who === 'everyone');
  for (let a = 0; a < open.length; a++)
    for (let b = a + 1; b < open.length; b++) {
      const x = open[a]!, y = open[b]!;
      if (x.w.from <= y.w.to && y.w.from <= x.w.to)
        err(['windows', y.i, 'from'], `window "${y.w.code}" overlaps window "${x.w.code}"; windows open to everyone must not overlap`);
    }
  doc.paymentChannels.forEach((p, i) =>
    p.windows.forEach((w, j) => {
      if (!windowCodes.has(w)) err(['paymentChannels', i, 'windows', j], `names window "${w}", which does not exist`);
    }),
  );
  doc.milestones.forEach((m, i) => {
    if (m.from && m.from > m.on) err(['milestones', i, 'on'], `(${m.on}) is before the milestone starts (${m.from})`);
  });
  const dyn = doc.certification.dynamicReporting;
  if (dyn && dyn.from > dyn.to) err(['certification', 'dynamicReporting', 'to'], `(${dyn.to}) is before ${dyn.from}`);

  // --- certification
  doc.certification.newlyCertified.forEach((r, i) => {
    if (r.certifiedFrom && r.certifiedTo && r.certifiedFrom > r.certifiedTo)
      err(['certification', 'newlyCertified', i, 'certifiedTo'], `(${r.certifiedTo}) is before certifiedFrom (${r.certifiedFrom})`);
  });

  // --- coverage period and readings: each from its clause or, where the notice is silent, a convention explained in `conventions`
  const cp = doc.coveragePeriod;
  if (cp.from > cp.to) err(['coveragePeriod', 'to'], `(${cp.to}) is before the period starts (${cp.from})`);
  if (!inYear(cp.from, year) && !inYear(cp.to, year))
    err(['coveragePeriod'], `(${cp.from} – ${cp.to}) does not fall in coverage year ${year}`);
  const empty = doc.readings.emptyPaymentDate;
  if (!doc.windows.some((w) => w.code === empty.window && w.acceptsPayment))
    err(['readings', 'emptyPaymentDate', 'window'], `names window "${empty.window}", which is not a window taking payments`);
  const conventionPaths = new Set(doc.conventions.flatMap((c) => (c.path ? [c.path] : [])));
  const readings: [string, (string | number)[], { clause: string | null; convention: boolean }][] = [
    ['coveragePeriod', ['coveragePeriod'], cp],
    ['ageRule', ['ageRule'], doc.ageRule],
    ['stacking', ['stacking'], doc.stacking],
    ...Object.entries(doc.readings).map(([k, r]): [string, (string | number)[], { clause: string | null; convention: boolean }] => [`readings.${k}`, ['readings', k], r]),
    ...doc.certification.newlyCertified.map((r, i): [string, (string | number)[], { clause: string | null; convention: boolean }] => [
      `certification.newlyCertified[${i}]`,
      ['certification', 'newlyCertified', i],
      r,
    ]),
  ];
  for (const [name, at, r] of readings) {
    if (r.clause === null && !r.convention) err([...at, 'convention'], 'must be true where no clause decides the reading');
    const explained = [...conventionPaths].some((p) => name === p || name.startsWith(`${p}.`) || name.startsWith(`${p}[`));
    if (r.convention && !explained) err([...at, 'convention'], `is a convention: explain it in conventions, with path "${name}"`);
  }
  doc.conventions.forEach((c, i) => {
    if (c.path && resolvePath(doc, c.path) === undefined) err(['conventions', i, 'path'], `"${c.path}" is not a path of this document`);
  });

  // --- metadata
  const m = doc.metadata;
  if (m.validity?.until && m.validity.until < m.issuedOn)
    err(['metadata', 'validity', 'until'], `(${m.validity.until}) is before the notice was issued (${m.issuedOn})`);
  if (m.issuedOn > `${year}-12-31`)
    err(['metadata', 'issuedOn'], `(${m.issuedOn}) is after the end of coverage year ${year}`);

  // --- the notice's outline
  if (doc.outline) {
    const numbers = doc.outline.sections.map((x) => parseCnNumeral(x.number) ?? 0);
    numbers.forEach((n, i) => {
      if (i > 0 && n <= numbers[i - 1]!)
        err(['outline', 'sections', i, 'number'], `section ${doc.outline!.sections[i]!.number} comes after section ${doc.outline!.sections[i - 1]!.number}; list sections once each, in order`);
    });
    const listed = new Set(numbers);
    const seen = new Set<string>();
    doc.outline.headings.forEach((h, i) => {
      const p = parseClause(h.at);
      if (p.kind !== 'body' || p.steps.length < 2) err(['outline', 'headings', i, 'at'], `"${h.at}" is not the place of an item of the body (e.g. 五（一） or 三（三）1)`);
      else if (!listed.has(p.steps[0]!.n)) err(['outline', 'headings', i, 'at'], `"${h.at}" is in section ${cnNumeral(p.steps[0]!.n)}, which the outline does not list`);
      if (seen.has(h.at)) err(['outline', 'headings', i, 'at'], `"${h.at}" has two headings`);
      seen.add(h.at);
    });
  }

  // --- tables
  doc.quotaTables.forEach((t, i) => {
    const seen = new Set<string>();
    t.rows.forEach((r, j) => {
      if (seen.has(r.unit)) err(['quotaTables', i, 'rows', j, 'unit'], `unit "${r.unit}" appears twice in the table`);
      seen.add(r.unit);
    });
  });
});

export type ValidPolicyDocument = z.output<typeof ValidPolicyDocument>;

function checkBenefitAmount(b: Benefit, feeFen: number, report: (m: string) => void) {
  if ((b.kind === 'fixed-subsidy' || b.kind === 'reduction') && b.amountFen > feeFen)
    report(`a fixed subsidy of ${yuan(b.amountFen)} is more than the individual fee of ${yuan(feeFen)}`);
}

/**
 * The subsidy a benefit gives on a fee, in fen, rounded to the nearest fen (half up). Null where it
 * cannot be resolved (a same-as chain that breaks). This is the one formula; the engine uses it too.
 */
export function subsidyFenOf(
  benefit: Benefit,
  feeFen: number,
  byCode: ReadonlyMap<string, { benefit: Benefit }>,
  depth = 0,
): number | null {
  switch (benefit.kind) {
    case 'full':
      return feeFen;
    case 'percent':
      return percentOf(feeFen, benefit.percent);
    case 'fixed-subsidy':
    case 'reduction':
      return Math.min(benefit.amountFen, feeFen);
    case 'person-pays-percent':
      return feeFen - percentOf(feeFen, benefit.percent);
    case 'same-as': {
      const other = byCode.get(benefit.category);
      if (!other || depth > 20) return null;
      return subsidyFenOf(other.benefit, feeFen, byCode, depth + 1);
    }
  }
}

/** fen × percent / 100, exact in integers: percent has at most two decimals. */
export function percentOf(amountFen: number, pct: number): number {
  const basisPoints = Math.round(pct * 100); // 90% → 9000
  return Math.floor((amountFen * basisPoints + 5000) / 10000);
}

/** Money inside the API's messages: 500 元, 390.50 元 (format.ts, style `message`). */
export function yuan(fenAmount: number): string {
  return money(fenAmount, MONEY.message);
}

/** The value at `a.b[2].c` in a document, or undefined. */
function resolvePath(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const part of path.split(/\.|(?=\[)/)) {
    if (v === null || typeof v !== 'object') return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    v = index ? (Array.isArray(v) ? v[Number(index[1])] : undefined) : (v as Record<string, unknown>)[part];
  }
  return v;
}

function inYear(date: string, year: number): boolean {
  return date.startsWith(`${year}-`);
}
