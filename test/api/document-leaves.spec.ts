import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLEnumType, GraphQLObjectType, getNamedType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { readSeed, SEEDS } from '../../seeds/index.js';
import { PolicyDocument, servedAt, validatePolicyDocument } from '../../policy-schemas/index.js';
import { allNodes, schemaNode, type Schema } from '../../policy-schemas/walk.js';
import { graphqlSchema } from '../../api/graphql/schema.js';
import { startTestApi, type TestApi } from '../helpers/api.js';

/*
 * Every part of a policy document can be read over the API as a typed field: every leaf of the zod
 * schema has a field, and every value of the five seeds comes back over HTTP at its place, as Money,
 * Date, an enum or as it is stored. A key added to document.ts without a way to the API fails here.
 */

let api: TestApi;
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await graphqlSchema();
  api = await startTestApi();
});
afterAll(async () => api?.close());

type Seg = string | number;

/** The named type reached from PolicyVersion along a path of field names (indices skipped). */
function typeAt(path: readonly Seg[]): GraphQLNamedType | undefined {
  let type: GraphQLNamedType = schema.getType('PolicyVersion')!;
  for (const seg of path) {
    if (typeof seg === 'number') continue;
    if (!(type instanceof GraphQLObjectType)) return undefined;
    const field = type.getFields()[seg];
    if (!field) return undefined;
    type = getNamedType(field.type);
  }
  return type;
}

/** A selection of every field of a type, recursively (the jurisdiction tree and the raw document left out). */
function selection(type: GraphQLNamedType, seen: string[] = []): string {
  if (!(type instanceof GraphQLObjectType)) return '';
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => a.type.toString().endsWith('!'))) continue;
    if (type.name === 'PolicyVersion' && f.name === 'document') continue;
    if (type.name === 'Jurisdiction' && (f.name === 'parent' || f.name === 'children')) continue;
    const named = getNamedType(f.type);
    if (named instanceof GraphQLObjectType) {
      if (seen.includes(named.name)) continue;
      parts.push(`${f.name} { ${selection(named, [...seen, type.name])} }`);
    } else parts.push(f.name);
  }
  return parts.join(' ');
}

function leaves(value: unknown, path: Seg[] = []): { path: Seg[]; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [{ path, value }];
  if (Array.isArray(value)) return value.length === 0 ? [{ path, value }] : value.flatMap((v, i) => leaves(v, [...path, i]));
  // an empty object (a rule's `when: {}`) holds nothing to find
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
}

const wireMoney = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** A stored value as the API sends it, by the type of its field. */
function onTheWire(value: unknown, type: GraphQLNamedType | undefined): unknown {
  if (type?.name === 'Money' && typeof value === 'number') return wireMoney(value);
  if (type instanceof GraphQLEnumType && typeof value === 'string') return value.replace(/-/g, '_').toUpperCase();
  return value;
}

function at(root: unknown, path: readonly Seg[]): unknown {
  let cur: any = root;
  for (const seg of path) cur = cur?.[seg];
  return cur;
}

describe('every leaf of the schema', () => {
  it('has a field of the API', () => {
    const problems: string[] = [];
    const nodes = allNodes(schemaNode(PolicyDocument as unknown as Schema));
    expect(nodes.length).toBeGreaterThan(350);
    for (const n of nodes) {
      const place = servedAt(n.path.split('.'));
      if (!place) {
        problems.push(`${n.path}: not served`);
        continue;
      }
      if (place.fields) {
        const owner = typeAt(place.path);
        for (const f of place.fields) if (!(owner instanceof GraphQLObjectType) || !owner.getFields()[f]) problems.push(`${n.path}: no field ${f}`);
      } else if (!typeAt(place.path)) problems.push(`${n.path}: no field at ${place.path.join('.')}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('every value of the five seeds', () => {
  const versions: Record<string, [string, number]> = {
    'shishi-2024.json': ['石狮市', 2024],
    'shishi-2025.json': ['石狮市', 2025],
    'lingyuan-2022.json': ['灵源街道', 2022],
    'meishan-2024.json': ['眉山市', 2024],
    'wuhe-2024.json': ['五河县', 2024],
  };

  it.each(SEEDS.map((s) => s.file))('comes back over HTTP at its place: %s', async (file) => {
    const [jurisdiction, year] = versions[file]!;
    const parsed = validatePolicyDocument(readSeed(file));
    if (!parsed.ok) throw new Error(`${file} is invalid`);
    // one request per top-level field, so that no single query meets the API's size limits
    const version = schema.getType('PolicyVersion') as GraphQLObjectType;
    const served: Record<string, unknown> = {};
    for (const f of Object.values(version.getFields())) {
      if (f.name === 'document') continue;
      const sub = selection(getNamedType(f.type), ['PolicyVersion']);
      const r = await api.gql(`query($j: String!, $y: Int!) { policy(jurisdiction: $j, year: $y) { ${f.name}${sub ? ` { ${sub} }` : ''} } }`, { j: jurisdiction, y: year });
      expect(r.errors, f.name).toBeUndefined();
      served[f.name] = r.data.policy[f.name];
    }

    const all = leaves(parsed.document);
    expect(all.length).toBeGreaterThan(300);
    const problems: string[] = [];
    for (const leaf of all) {
      const where = leaf.path.join('.');
      const place = servedAt(leaf.path);
      if (!place) {
        problems.push(`${where}: not served`);
        continue;
      }
      if (place.fields) {
        // an absent part inlined into its parent: everything made from it is empty
        const owner = at(served, place.path) as Record<string, unknown>;
        for (const f of place.fields)
          if (!(owner[f] === null || owner[f] === false || (Array.isArray(owner[f]) && (owner[f] as unknown[]).length === 0)))
            problems.push(`${where}: ${f} is ${JSON.stringify(owner[f])}, expected empty`);
        continue;
      }
      const got = at(served, place.path);
      const want = onTheWire(leaf.value, typeAt(place.path));
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${where} → ${place.path.join('.')}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
    expect(problems).toEqual([]);
  });
});
