import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicyDocument, validatePolicyDocument } from '../../policy-schemas/index.js';
import { allNodes, schemaNode, type Schema, type SchemaNode } from '../../policy-schemas/walk.js';
import { readSeed, SEEDS } from '../../seeds/index.js';
import { compilePolicy } from './compile.js';
import { impact } from './impact.js';
import { ColumnsBuilder } from './impact/columns.js';
import { quote } from './quote.js';
import { QuoteError } from './quote/error.js';
import type { QuoteRequest } from './quote/person.js';
import { REFUND_REQUEST_REASONS, refundDecision } from './refund.js';

/*
 * Every rule the schema can express is read by the engine, or it is not a rule (issue 13 item 2):
 * - a path of the document the engine reads must be set by some seed, and each value a read enum or
 *   union can take must occur in some seed — a rule no notice uses is removed from the schema, not
 *   kept half-supported;
 * - a path a seed sets must be read by the engine, unless it is listed below as what a reader, not a
 *   quote, needs (with the reason): a rule of a notice the engine ignores fails here.
 * What the engine reads is recorded by running it on documents wrapped in a Proxy: compiling each
 * seed, quoting every input of its case table (test/quote-cases/), asking every refund, previewing.
 */

/** Paths a seed sets that no quote depends on: what they are for. A pattern is a path, a path and everything below, or `*.key`. */
const DESCRIPTIVE: [pattern: string, reason: string][] = [
  ['schemaVersion', 'the shape, checked by validation'],
  ['jurisdiction.code', 'the document’s place in the store'],
  ...(['title', 'kind', 'planTitle', 'issuers', 'issuedOn', 'printed', 'addressees', 'copiedTo', 'basis', 'validity', 'disclosure', 'interpretedBy', 'higherRulesPrevail', 'attachments'].map(
    (k): [string, string] => [`metadata.${k}`, 'the notice as a document: the trace names it by its number only'],
  )),
  ['eligibility', 'who may enroll: certified by registration, not quoted'],
  ['targets', 'campaign targets'],
  ['categoryLists', 'printed lists and their declared counts, checked by validation'],
  ['milestones', 'campaign dates that are not payment windows'],
  ['workFunding', 'funding of the campaign work'],
  ['responsibilities', 'department duties'],
  ['schedule', 'phases of the campaign'],
  ['definitions', 'terms of the notice'],
  ['paymentChannels', 'where to pay'],
  ['registration', 'how to register'],
  ['fundTransfers', 'transfers between funds'],
  ['supplementaryInsurance', 'commercial insurance offered'],
  ['workRequirements', 'work requirements'],
  ['leadGroup', 'the lead group’s roster'],
  ['quotaTables', 'enrollment targets by unit (the preview reads the draft’s, not the engine)'],
  ['activationTables', 'e-voucher activation targets'],
  ['conventions', 'the readings adopted, explained (each reading itself is a field the engine reads)'],
  ['notes', 'remarks'],
  ['outline', 'the notice’s own sections and headings, for the issued text'],
  ['*.unstated', 'what the notice leaves unsaid (open questions for the officer)'],
  ['*.note', 'remarks'],
  ['*.notes', 'remarks'],
  ...(['coveragePeriod', 'readings.waitingExemptStart', 'readings.monthEnd', 'readings.emptyPaymentDate', 'ageRule', 'certification.newlyCertified'].map(
    (p): [string, string] => [`${p}.convention`, 'whether a reading is a convention (validation links it to its entry of conventions)'],
  )),
  ['coveragePeriod.clause', 'where the reading comes from'],
  ['readings.waitingExemptStart.clause', 'where the reading comes from'],
  ['readings.monthEnd.clause', 'where the reading comes from'],
  ['readings.emptyPaymentDate.clause', 'where the reading comes from'],
  ['ageRule.clause', 'where the reading comes from'],
  ['fees.government.basis', 'floor or fixed: how the notice words the subsidy; the surcharge adds the amount either way'],
  ['fees.government.split', 'the subsidy’s split by level of government'],
  ['fees.government.borneBy', 'who bears the subsidy'],
  ['fees.government.clause', 'the amount is read; its clause is the fee’s'],
  ['fees.totalFinancing', '筹资标准 as printed'],
  ['fees.criticalIllness', 'serious-illness insurance paid by the fund'],
  ['fees.specialCases.code', 'the case’s identity in comparisons'],
  ['categories.printed', 'amounts printed beside a benefit, checked by validation'],
  ['categories.list', 'the printed list a category belongs to'],
  ['categories.endsWhen', 'the notice’s words; the rule is categories.conditions.members.children.untilMarried'],
  ['certification.agencies', 'the agencies, listed'],
  ['certification.reportBy', 'a deadline for the agencies'],
  ['certification.dynamicReporting', 'a reporting period for the agencies'],
  ['certification.refusal', 'the consequence of refusing to pay'],
  ['specialGroups.kind', 'a classification for readers and the console'],
  ['specialGroups.registrationVenue', 'where the group registers'],
  ['windows.note', 'what the notice says of the window’s users that no quote checks'],
  ['eligibility.groups', 'who may enroll'],
];

const described = (path: string) =>
  DESCRIPTIVE.some(([p]) => (p.startsWith('*.') ? path.endsWith(p.slice(1)) || path === p.slice(2) : path === p || path.startsWith(`${p}.`)));

/** A document wrapped so that every property read is recorded, by schema path (no list indices). */
function recording(doc: unknown, reads: Set<string>): unknown {
  const cache = new WeakMap<object, Map<string, object>>();
  const wrap = (value: unknown, path: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    let byPath = cache.get(value);
    if (!byPath) cache.set(value, (byPath = new Map()));
    const known = byPath.get(path);
    if (known) return known;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return v;
        if (Array.isArray(target)) return /^\d+$/.test(key) ? wrap(v, path) : v;
        const at = path ? `${path}.${key}` : key;
        reads.add(at);
        return wrap(v, at);
      },
    });
    byPath.set(path, proxy);
    return proxy;
  };
  return wrap(doc, '');
}

/** Every path a raw seed sets (objects and leaves), and the values at each. */
function setIn(raw: unknown): Map<string, Set<unknown>> {
  const out = new Map<string, Set<unknown>>();
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, path));
    if (path) {
      if (!out.has(path)) out.set(path, new Set());
      if (v === null || typeof v !== 'object') out.get(path)!.add(v);
    }
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(raw, '');
  return out;
}

const caseDir = new URL('../../test/quote-cases/', import.meta.url);
const tables = readdirSync(caseDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, caseDir), 'utf8')) as { jurisdiction: string; year: number; cases: { input: Record<string, unknown> }[] });

/** The enum inputs of the case tables as the engine takes them (GraphQL's RURAL → rural). */
const engineInput = (input: Record<string, unknown>): QuoteRequest =>
  Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' && /^[A-Z_]+$/.test(v) ? v.toLowerCase().replace(/_/g, '-') : v])) as unknown as QuoteRequest;

const reads = new Set<string>();
const seedsSet = new Map<string, Set<unknown>>();
for (const seed of SEEDS) {
  const raw = readSeed(seed.file);
  for (const [path, values] of setIn(raw)) {
    if (!seedsSet.has(path)) seedsSet.set(path, new Set());
    for (const v of values) seedsSet.get(path)!.add(v);
  }
  const r = validatePolicyDocument(raw);
  if (!r.ok) throw new Error(`${seed.file} is invalid`);
  const p = compilePolicy(recording(r.document, reads) as PolicyDocument);
  const table = tables.find((t) => t.jurisdiction === r.document.jurisdiction.name && t.year === r.document.coverageYear)!;
  for (const c of table.cases) {
    const input = engineInput(c.input);
    const run = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (!(e instanceof QuoteError)) throw e;
      }
    };
    run(() => quote(p, input));
    for (const reason of REFUND_REQUEST_REASONS)
      run(() => refundDecision(p, { ...input, reason, eventDate: (input.certifications?.[0]?.certifiedOn as string | undefined) ?? input.paymentDate }));
  }
  // a preview over a small cohort: persons without a payment date pay as the document reads it
  const cohort = new ColumnsBuilder();
  cohort.add(1, 'u', null, null, '', () => [], '', () => []);
  impact(p, p, cohort.build());
}

const nodes = allNodes(schemaNode(PolicyDocument as unknown as Schema));
const nodeAt = new Map<string, SchemaNode>(nodes.map((n) => [n.path, n]));

/** Paths the engine reads that no seed sets. */
function unset(read: Set<string>, set: Map<string, Set<unknown>>): string[] {
  return [...read].filter((p) => nodeAt.has(p) && !set.has(p)).sort();
}

/** Values of enums and unions the engine reads that no seed uses (one schema used at several places, e.g. the waiting rule of windows and of group rules, is one rule). */
function unusedValues(read: Set<string>, set: Map<string, Set<unknown>>): string[] {
  const usedBySchema = new Map<unknown, Set<unknown>>();
  for (const n of nodes) if (n.values) for (const v of set.get(n.path) ?? []) (usedBySchema.get(n.schema) ?? usedBySchema.set(n.schema, new Set()).get(n.schema)!).add(v);
  const out: string[] = [];
  for (const path of read) {
    const n = nodeAt.get(path);
    if (!n?.values || n.kind === 'union') continue;
    for (const v of n.values) if (!usedBySchema.get(n.schema)?.has(v)) out.push(`${path}=${String(v)}`);
  }
  return out.sort();
}

/** Leaves a seed sets that the engine never reads and that are not listed as descriptive. */
function ignoredLeaves(read: Set<string>, set: Map<string, Set<unknown>>): string[] {
  return [...set.keys()]
    .filter((p) => {
      const n = nodeAt.get(p);
      // objects and lists of objects: their leaves are checked
      if (!n || n.kind === 'object' || n.kind === 'union' || (n.kind === 'list' && ['object', 'union'].includes(n.element!.kind))) return false;
      return !read.has(p) && !described(p);
    })
    .sort();
}

describe('the engine reads every rule the seeds set, and no rule no seed sets', () => {
  it('records what it reads, and each check finds what it looks for', () => {
    expect(reads.has('fees.individual.amountFen')).toBe(true);
    expect(reads.has('categories.conditions.members.children.untilMarried')).toBe(true);
    expect(reads.has('leadGroup.members')).toBe(false);
    expect(described('categories.notes')).toBe(true);
    expect(described('categories.conditions.age.min')).toBe(false);
    const set = (entries: [string, unknown[]][]) => new Map(entries.map(([p, v]) => [p, new Set(v)]));
    expect(unset(new Set(['windows.condition', 'fees.individual.amountFen']), set([['fees.individual.amountFen', [40_000]]]))).toEqual(['windows.condition']);
    expect(unusedValues(new Set(['stacking.rule']), set([['stacking.rule', ['highest', 'priority-order']]]))).toEqual(['stacking.rule=single-most-favourable']);
    expect(ignoredLeaves(new Set(['fees.individual.amountFen']), set([['categories.conditions.age.min', [60]], ['categories.notes', ['x']], ['fees.individual.amountFen', [1]]]))).toEqual([
      'categories.conditions.age.min',
    ]);
  });

  it('every path the engine reads is set by some seed', () => {
    expect(unset(reads, seedsSet), 'the engine reads these, but no notice sets them: remove them from the schema').toEqual([]);
  });

  it('every value of an enum or union the engine reads occurs in some seed', () => {
    expect(unusedValues(reads, seedsSet), 'the engine handles these values, but no notice uses them: remove them from the schema').toEqual([]);
  });

  it('every path a seed sets is read by the engine, or is listed as what readers need', () => {
    expect(ignoredLeaves(reads, seedsSet), 'a seed sets these, but the engine never reads them: read them, or list them in DESCRIPTIVE with the reason').toEqual([]);
  });

  it('nothing listed as descriptive is read by the engine (the list says what it is)', () => {
    const both = [...reads].filter((p) => nodeAt.has(p) && nodeAt.get(p)!.kind !== 'object' && described(p));
    expect(both.sort()).toEqual([]);
  });
});
