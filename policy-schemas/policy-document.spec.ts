import { describe, expect, it } from 'vitest';
import { readSeed } from '../seeds/index.js';
import { percentOf, validatePolicyDocument, type ValidationIssue } from './index.js';

/** A valid document to break one field at a time. */
const base = () => structuredClone(readSeed('shishi-2025.json')) as any;

function issuesOf(doc: unknown): ValidationIssue[] {
  const r = validatePolicyDocument(doc);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.issues;
}

describe('an invalid document is refused with the field and the reason', () => {
  it('a negative fee', () => {
    const d = base();
    d.fees.individual.amountFen = -100;
    expect(issuesOf(d)).toContainEqual({ path: 'fees.individual.amountFen', message: 'must not be negative' });
  });

  it('money that is not whole fen', () => {
    const d = base();
    d.fees.government.amountFen = 670.5;
    expect(issuesOf(d)).toContainEqual({ path: 'fees.government.amountFen', message: 'must be a whole number of fen' });
  });

  it('a date that does not exist, and a date in the wrong format', () => {
    const d = base();
    d.windows[1].to = '2025-02-29';
    d.metadata.issuedOn = '2024/10/28';
    const issues = issuesOf(d);
    expect(issues).toContainEqual({ path: 'windows[1].to', message: 'is not a real calendar date' });
    expect(issues).toContainEqual({ path: 'metadata.issuedOn', message: 'must be a date written YYYY-MM-DD' });
  });

  it('a window that closes before it opens', () => {
    const d = base();
    d.windows[0].to = '2024-08-01';
    expect(issuesOf(d)).toContainEqual({ path: 'windows[0].to', message: '(2024-08-01) is before the window opens (2024-09-01)' });
  });

  it('windows out of order, overlapping, or far from the coverage year', () => {
    const d = base();
    d.windows[2].from = '2025-02-01';
    d.windows[0].from = '2019-09-01';
    const issues = issuesOf(d).map((i) => `${i.path}: ${i.message}`);
    expect(issues).toContain('windows[0].from: (2019-09-01) must fall in 2024 or 2025, the years around coverage year 2025');
    expect(issues).toContain('windows[2].from: window "back-payment" overlaps window "extended"; windows open to everyone must not overlap');
  });

  it('a percent above 100', () => {
    const d = base();
    d.categories.find((c: any) => c.code === 'di-bao').benefit.percent = 120;
    expect(issuesOf(d)).toContainEqual({ path: 'categories[3].benefit.percent', message: 'must be between 0 and 100' });
  });

  it('a fixed subsidy above the fee', () => {
    const d = base();
    d.categories[0].benefit = { kind: 'fixed-subsidy', amountFen: 50000 };
    expect(issuesOf(d)).toContainEqual({
      path: 'categories[0].benefit.amountFen',
      message: 'a fixed subsidy of 500 元 is more than the individual fee of 400 元',
    });
  });

  it('two categories with one code', () => {
    const d = base();
    d.categories[1].code = d.categories[0].code;
    expect(issuesOf(d)).toContainEqual({ path: 'categories[1].code', message: 'category code "te-kun" is used twice; codes must be unique' });
  });

  it('a stacking order that names a category that does not exist', () => {
    const d = base();
    d.stacking = { ...d.stacking, rule: 'priority-order', order: [...d.categories.map((c: any) => c.code), 'no-such'] };
    expect(issuesOf(d)).toContainEqual({ path: 'stacking.order[15]', message: 'names category "no-such", which does not exist' });
  });

  it('"same as" a category that does not exist, or in a loop', () => {
    const d = base();
    d.categories[0].benefit = { kind: 'same-as', category: 'gu-er' };
    d.categories[1].benefit = { kind: 'same-as', category: 'te-kun' };
    d.categories[2].benefit = { kind: 'same-as', category: 'missing' };
    const issues = issuesOf(d);
    expect(issues).toContainEqual({ path: 'categories[0].benefit.category', message: '"same as" forms a loop through category "te-kun"' });
    expect(issues).toContainEqual({ path: 'categories[2].benefit.category', message: 'refers to category "missing", which does not exist' });
  });

  it('a surcharge exemption for a group that does not exist, and a surcharge outside the year', () => {
    const d = base();
    d.fees.lateSurcharge.exemptGroups.push('martians');
    d.fees.lateSurcharge.from = '2026-07-01';
    const issues = issuesOf(d);
    expect(issues).toContainEqual({ path: 'fees.lateSurcharge.exemptGroups[4]', message: 'names special group "martians", which does not exist' });
    expect(issues).toContainEqual({ path: 'fees.lateSurcharge.from', message: '(2026-07-01) must fall inside coverage year 2025' });
  });

  it('a rule without its clause, and an unknown field', () => {
    const d = base();
    delete d.categories[0].clause;
    d.fees.individual.amountYuan = 400;
    const issues = issuesOf(d);
    expect(issues).toContainEqual({ path: 'categories[0].clause', message: 'must name the clause of the notice it comes from, e.g. 三（二）' });
    expect(issues.find((i) => i.path === 'fees.individual')?.message).toMatch(/amountYuan/);
  });

  it('a waiting window without a waiting period', () => {
    const d = base();
    d.windows[2].waiting = { kind: 'none' };
    expect(issuesOf(d)).toContainEqual({ path: 'windows[2].waiting', message: 'must give a waiting period when benefits start after waiting' });
  });

  it('a printed amount that contradicts its percent', () => {
    const d = base();
    d.categories[3].printed = { subsidyFen: 35000 };
    expect(issuesOf(d)).toContainEqual({
      path: 'categories[3].printed.subsidyFen',
      message: 'printed subsidy 350 元 does not match the benefit, which gives 360 元 on a fee of 400 元',
    });
  });

  it('not an object at all', () => {
    expect(issuesOf('hello')[0]!.path).toBe('(document)');
  });
});

describe('money arithmetic is exact integer fen', () => {
  it.each([
    [40000, 90, 36000],
    [39000, 90, 35100],
    [39000, 70, 27300],
    [38000, 75, 28500],
    [38000, 25, 9500],
    [33000, 30, 9900],
    [1, 50, 1], // half a fen rounds up
    [333, 33.33, 111],
  ])('%i fen at %s percent is %i fen', (amount, pct, expected) => {
    expect(percentOf(amount, pct)).toBe(expected);
  });
});
