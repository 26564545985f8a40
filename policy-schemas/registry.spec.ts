import { describe, expect, it } from 'vitest';
import { PolicyDocument } from './document.js';
import { REGISTRY, SECTIONS, loadRegistry, pathLabel, pathValueLabel } from './registry.js';
import file from './registry.json' with { type: 'json' };
import { documentShape } from './presentation.js';
import { allNodes, itemOf, schemaNode, type Schema, type SchemaNode } from './walk.js';

const nodes = allNodes(schemaNode(PolicyDocument as unknown as Schema));
const byPath = new Map<string, SchemaNode>(nodes.map((n) => [n.path, n]));

describe('the registry', () => {
  it('has an entry for every path of the schema, and none for a path the schema lacks', () => {
    expect(nodes.length).toBeGreaterThan(350);
    expect(nodes.filter((n) => !REGISTRY[n.path]).map((n) => n.path)).toEqual([]);
    expect(Object.keys(REGISTRY).filter((p) => !byPath.has(p))).toEqual([]);
  });

  it('gives each a Chinese label, an English label and one line of description', () => {
    const bad = Object.entries(REGISTRY).filter(
      ([, e]) => !/[\u4e00-\u9fff]/.test(e.zh) || !/^[A-Z0-9]/.test(e.en) || e.description.length < 5 || e.description.includes('\n'),
    );
    expect(bad.map(([p]) => p)).toEqual([]);
  });

  it('labels every option value of an enum, literal or choice, and no other', () => {
    const problems: string[] = [];
    for (const n of nodes) {
      const item = itemOf(n);
      const values = REGISTRY[n.path]!.values;
      const expected = item.kind === 'enum' || item.kind === 'choice' || (item.kind === 'literal' && typeof item.values?.[0] === 'string') ? (item.values ?? []).map(String) : [];
      const given = Object.keys(values ?? {});
      if (expected.join() !== given.join()) problems.push(`${n.path}: values ${given.join(',') || '(none)'}, schema has ${expected.join(',') || '(none)'}`);
      for (const [v, label] of Object.entries(values ?? {}))
        if (!/[\u4e00-\u9fff]/.test(label[0]) || !label[1]) problems.push(`${n.path}=${v}: needs Chinese and English labels`);
    }
    expect(problems).toEqual([]);
  });

  it('names a GraphQL type for every object (or says how it is served), and an enum type for every enum', () => {
    const problems: string[] = [];
    for (const n of nodes) {
      const e = REGISTRY[n.path]!;
      const item = itemOf(n);
      const objectLike = item.kind === 'object' || item.kind === 'union';
      if (objectLike && !e.type && !e.graphql?.flatten && !e.graphql?.servedByVersion) problems.push(`${n.path}: an object with no type`);
      if (!objectLike && (e.type || e.graphql?.flatten)) problems.push(`${n.path}: a type or flatten rule on a ${item.kind}`);
      const enumLike = item.kind === 'enum';
      if (enumLike && !e.enum && !e.graphql?.asString) problems.push(`${n.path}: an enum with no enum type`);
      if (!enumLike && (e.enum || e.graphql?.asString)) problems.push(`${n.path}: an enum rule on a ${item.kind}`);
      const main = e.graphql?.flatten?.main;
      if (main && !item.children?.some((c) => c.key === main)) problems.push(`${n.path}: flatten main ${main} is no key of it`);
    }
    expect(problems).toEqual([]);
    // and the GraphQL shape builds from it (a type named twice must agree with itself)
    expect(() => documentShape()).not.toThrow();
  });

  it('reads labels by path, list indices or not, and option values by path', () => {
    expect(pathLabel('fees.individual.amountFen')).toBe('个人缴费标准');
    expect(pathLabel('categories[2].benefit.kind', 'en')).toBe('Kind');
    expect(pathLabel('nowhere')).toBeUndefined();
    expect(pathValueLabel('windows.kind', 'central')).toBe('集中缴费期');
    expect(pathValueLabel('categories.fundSource.kind', 'township')).toBe('乡镇政府');
    expect(pathValueLabel('fees.government.split.level', 'township')).toBe('乡镇');
    // a value known elsewhere in the document, at a path that does not list it
    expect(pathValueLabel('somewhere', 'death', 'en')).toBe('Death');
    expect(pathValueLabel('windows.kind', 'unknown')).toBeUndefined();
  });

  it('groups the top-level keys into sections, each key in exactly one', () => {
    const keys = Object.keys(PolicyDocument.shape);
    const placed = SECTIONS.flatMap((s) => s.keys);
    expect([...placed].sort()).toEqual([...keys].sort());
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('resolves the shorthands of registry.json: a shared entry, a value set, a group under a path', () => {
    expect(REGISTRY['metadata.basis.clause']).toEqual(file.shared.clause);
    expect(REGISTRY['fees.individual.clause']).toEqual({ ...file.shared.clause, description: 'The clause that sets the individual fee.' });
    expect(REGISTRY['windows.waiting.kind']!.values).toEqual(file.values.waitingKind);
    expect(REGISTRY['quotaTables.printedTotal.target']).toEqual(REGISTRY['quotaTables.rows.target']);
    expect(REGISTRY['readings.monthEnd.convention']).toEqual(file.shared.readingConvention);
  });

  it('refuses a registry file with a mistake, naming the entry', () => {
    const withEntry = (entries: Record<string, unknown>) => ({ ...file, entries: { ...file.entries, ...entries } });
    expect(() => loadRegistry(withEntry({ 'fees.x': { like: 'nothing' } }))).toThrow('registry.json fees.x: no shared entry "nothing"');
    expect(() => loadRegistry(withEntry({ 'fees.x': { zh: '费', en: 'Fee', description: 'A fee.', values: 'nothing' } }))).toThrow('registry.json fees.x: no value set "nothing"');
    expect(() => loadRegistry(withEntry({ 'fees.x.*': 'nothing' }))).toThrow('registry.json fees.x.*: no group "nothing"');
    expect(() => loadRegistry(withEntry({ 'fees.x': 'reading' }))).toThrow('registry.json fees.x: a group ("reading") stands at a key <path>.*');
    expect(() => loadRegistry(withEntry({ 'fees.x': { zh: '费', description: 'No English label.' } }))).toThrow(/registry\.json fees\.x: [\s\S]*at en/);
    expect(() => loadRegistry(withEntry({ 'fees.x': { zh: '费', en: 'Fee', description: 'A fee.', colour: 'red' } }))).toThrow(/colour/);
    expect(() => loadRegistry({ ...file, shared: { ...file.shared, a: { like: 'b' }, b: { like: 'a' } }, entries: { x: { like: 'a' } } })).toThrow('goes round in a circle');
    expect(() => loadRegistry(file)).not.toThrow();
  });
});
