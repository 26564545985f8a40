import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Benefit, PolicyDocument, WaitingRule, validatePolicyDocument } from '../../../policy-schemas/index';
import { chineseLabel, hasValueLabelZh } from './labels';
import { getIn, parsePath, pathKey, patternOf, setIn, type Path } from './paths';
import { collectControls, controlFor, elementOf, emptyOf, enumValues, literalValue, switchVariant, unwrap, walkSchema, type Control, type Schema } from './schema-walk';

const SEEDS = ['shishi-2025', 'shishi-2024', 'wuhe-2024', 'meishan-2024', 'lingyuan-2022'];
const seed = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../seeds/${name}.json`, import.meta.url), 'utf8'));

/** Every leaf of a JSON value: primitives, nulls, and empty lists or objects. */
function leaves(value: unknown, path: Path = []): { path: string; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [{ path: pathKey(path), value }];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  if (entries.length === 0) return [{ path: pathKey(path), value }];
  return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
}

/** Controls that edit a value themselves (the rest are groups and lists). */
const INPUTS: ReadonlySet<Control> = new Set(['text', 'date', 'ref', 'money', 'percent', 'number', 'switch', 'select', 'literal', 'choice', 'enum-set']);

describe('every part of a document has an editor', () => {
  it('gives every leaf of the Shishi 2025 notice an input of the right kind', () => {
    const doc = seed('shishi-2025');
    const controls = collectControls(PolicyDocument, doc);
    const all = leaves(doc);
    expect(all.length).toBeGreaterThan(300);
    const missing = all.filter((l) => !controls.has(l.path)).map((l) => l.path);
    expect(missing).toEqual([]);
    for (const { path, value } of all) {
      const control = controls.get(path)!;
      expect(control, path).not.toBe('unsupported');
      if (value === null) continue; // an absent part: its group's switch, or an input left empty
      if (typeof value === 'object') {
        expect(['object-list', 'table', 'list', 'enum-set', 'object'], path).toContain(control);
        continue;
      }
      expect(INPUTS.has(control), `${path} (${control})`).toBe(true);
      // and the input suits the value it holds
      if (control === 'money') expect(Number.isInteger(value), path).toBe(true);
      if (control === 'date') expect(value, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (control === 'switch') expect(typeof value, path).toBe('boolean');
      if (control === 'number' || control === 'percent') expect(typeof value, path).toBe('number');
      if (control === 'text' || control === 'ref') expect(typeof value, path).toBe('string');
    }
  });

  it('does so for the four other notices too', () => {
    for (const name of SEEDS.slice(1)) {
      const doc = seed(name);
      const controls = collectControls(PolicyDocument, doc);
      const missing = leaves(doc).filter((l) => !controls.has(l.path) || controls.get(l.path) === 'unsupported');
      expect(missing.map((l) => l.path), name).toEqual([]);
    }
  });

  it('picks the control each kind of field needs', () => {
    const controls = collectControls(PolicyDocument, seed('shishi-2025'));
    const expected: Record<string, Control> = {
      schemaVersion: 'literal',
      coverageYear: 'number',
      'metadata.title': 'text',
      'metadata.kind': 'select',
      'metadata.issuedOn': 'date',
      'metadata.issuers': 'list',
      'metadata.issuers[0]': 'text',
      'metadata.validity': 'object',
      'metadata.validity.from': 'choice',
      'metadata.validity.until': 'date',
      'fees.individual.amountFen': 'money',
      'fees.government.basis': 'select',
      'fees.lateSurcharge.amount': 'literal',
      'fees.lateSurcharge.exemptNeedy': 'switch',
      'fees.lateSurcharge.exemptGroups[0]': 'ref',
      categories: 'object-list',
      'eligibility.groups': 'table',
      'eligibility.groups[0].label': 'text',
      'metadata.basis': 'table',
      windows: 'object-list',
      'categories[0].benefit': 'variant',
      'categories[0].benefit.kind': 'select',
      'categories[3].benefit.percent': 'percent',
      'stacking.order': 'list',
      'ageRule.referenceDate': 'variant',
      'windows[0].waiting': 'variant',
      'windows[0].benefitStart': 'select',
      'workFunding[0].tiers[0].ratePerPersonFen': 'money',
      leadGroup: 'object',
    };
    for (const [path, control] of Object.entries(expected)) expect(controls.get(path), path).toBe(control);
  });

  it('has a control, a Chinese label and Chinese option labels for every node of the schema', () => {
    const problems: string[] = [];
    let nodes = 0;
    walkSchema(PolicyDocument, (path, schema, control) => {
      nodes++;
      if (path.length === 0) return;
      const pattern = patternOf(path);
      if (control === 'unsupported') problems.push(`${pattern}: no control`);
      if (typeof path[path.length - 1] === 'string' && !chineseLabel(pattern)) problems.push(`${pattern}: no Chinese label`);
      if (control === 'select' || control === 'enum-set')
        for (const v of enumValues(schema).length ? enumValues(schema) : [literalValue(schema)])
          if (!hasValueLabelZh(pattern, v)) problems.push(`${pattern}=${String(v)}: no Chinese label`);
      if (control === 'literal' && typeof literalValue(schema) === 'string' && !hasValueLabelZh(pattern, literalValue(schema)))
        problems.push(`${pattern}=${String(literalValue(schema))}: no Chinese label`);
      if (control === 'choice')
        for (const o of unwrap(schema).def.options ?? [])
          if (unwrap(o).def.type === 'literal' && !hasValueLabelZh(pattern, literalValue(o))) problems.push(`${pattern}: literal without label`);
    });
    expect(nodes).toBeGreaterThan(250);
    expect(problems).toEqual([]);
  });

  it('reads money, dates and percents from the schema', () => {
    const controls = new Map<string, Control>();
    walkSchema(PolicyDocument, (path, _s, control) => controls.set(patternOf(path), control));
    const money = [...controls].filter(([, c]) => c === 'money').map(([p]) => p);
    expect(money.every((p) => /Fen$/.test(p))).toBe(true);
    expect(money).toEqual(
      expect.arrayContaining(['fees.individual.amountFen', 'fees.criticalIllness.individualFen', 'workFunding.tiers.ratePerPersonFen', 'categories.printed.subsidyFen']),
    );
    expect(controls.get('certification.cutoff')).toBe('date');
    expect(controls.get('targets.percent')).toBe('percent');
    expect(controls.get('refund.rules.reasons')).toBe('enum-set');
  });
});

describe('new values', () => {
  /** Issues that mean the shape is wrong (a wrong type, an unknown key), not that a field is still empty. */
  const shapeIssues = (issues: { path: string; message: string }[]) =>
    issues.filter((i) => /^(Invalid input: expected \w+, received (?!undefined)|Unrecognized key|Invalid option|Invalid discriminator)/.test(i.message));

  it('starts an empty document of the right shape', () => {
    const empty = emptyOf(PolicyDocument);
    const result = validatePolicyDocument(empty);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(shapeIssues(result.issues)).toEqual([]);
    expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['metadata.title', 'windows', 'eligibility.groups']));
  });

  it('starts every new list item, and every part switched on, with the right shape', () => {
    const problems: string[] = [];
    walkSchema(PolicyDocument, (path, schema, control) => {
      const targets: Schema[] = [];
      if (control === 'object-list' || control === 'table' || control === 'list') targets.push(elementOf(schema));
      const u = unwrap(schema);
      if ((u.nullable || u.optional) && (control === 'object' || control === 'variant')) targets.push(schema);
      for (const t of targets) {
        const v = emptyOf(t);
        const parsed = (unwrap(t).base as z.ZodType).safeParse(v);
        if (parsed.success) continue;
        const bad = shapeIssues(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
        if (bad.length) problems.push(`${patternOf(path)}: ${JSON.stringify(bad)}`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('keeps the fields two kinds share when the kind changes', () => {
    const benefit = Benefit as unknown as Schema;
    expect(switchVariant(benefit, { kind: 'fixed-subsidy', amountFen: 32000 }, 'reduction')).toEqual({ kind: 'reduction', amountFen: 32000 });
    expect(switchVariant(benefit, { kind: 'fixed-subsidy', amountFen: 32000 }, 'percent')).toEqual({ kind: 'percent', percent: 0 });
    expect(switchVariant(benefit, { kind: 'full' }, 'same-as')).toEqual({ kind: 'same-as', category: '' });
    const waiting = WaitingRule as unknown as Schema;
    expect(switchVariant(waiting, { kind: 'none' }, 'months')).toEqual({ kind: 'months', months: 1, convention: 'same-day-of-month-clamped' });
    expect(switchVariant(waiting, { kind: 'none' }, 'nth-month')).toEqual({ kind: 'nth-month', n: 2, convention: 'payment-month-is-first' });
  });

  it('treats a date or "on issue" as a choice, starting from the fixed value', () => {
    const from = ['metadata', 'validity', 'from'];
    const validity = PolicyDocument.shape.metadata.shape.validity.unwrap().shape.from as unknown as Schema;
    expect(controlFor(validity, from)).toBe('choice');
    expect(emptyOf(validity)).toBe('on-issue');
  });
});

describe('paths', () => {
  it('writes and reads the paths of the API issues', () => {
    expect(pathKey(['categories', 2, 'conditions', 0, 'age'])).toBe('categories[2].conditions[0].age');
    expect(parsePath('categories[2].conditions[0].age')).toEqual(['categories', 2, 'conditions', 0, 'age']);
    expect(patternOf(['categories', 2, 'name'])).toBe('categories.name');
  });

  it('updates one field and shares everything else', () => {
    const doc = seed('shishi-2025') as any;
    const next = setIn(doc, ['fees', 'individual', 'amountFen'], 40010) as any;
    expect(next.fees.individual.amountFen).toBe(40010);
    expect(doc.fees.individual.amountFen).toBe(40000);
    expect(next.categories).toBe(doc.categories);
    expect(next.fees.government).toBe(doc.fees.government);
    expect(next.fees).not.toBe(doc.fees);
    const removed = setIn(next, ['metadata', 'planTitle'], undefined) as any;
    expect('planTitle' in removed.metadata).toBe(false);
    const created = setIn({}, ['specialGroups', 0, 'rules', 0, 'when', 'paidFrom'], '2025-01-01') as any;
    expect(created).toEqual({ specialGroups: [{ rules: [{ when: { paidFrom: '2025-01-01' } }] }] });
    expect(getIn(created, parsePath('specialGroups[0].rules[0].when.paidFrom'))).toBe('2025-01-01');
  });
});
