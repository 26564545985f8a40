import { readdirSync, readFileSync } from 'node:fs';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { upgradeDocument, validatePolicyDocument, type PolicyDocument } from '../../policy-schemas/index.js';
import { messageIn } from '../graphql/errors.js';
import { contentHash } from '../modules/policy/content-hash.js';
import { storedDocument } from '../modules/policy/policy-cache.js';
import { seededPolicy, type SeedFile } from '../../test/engine/seeded.js';
import { compilePolicy } from './compile.js';
import { quote } from './quote.js';
import { QuoteError } from './quote/error.js';
import type { QuoteRequest } from './quote/person.js';

/*
 * Documents stored in schema version 1 (every database made before readings became data holds the
 * five seeds so) stay readable: the stored JSON and its hash never change, the document is upgraded
 * on reading, and the upgraded document quotes as the current seeds do wherever no new fact is given.
 * test/fixtures/schema-v1-seeds.json holds the five seeds as version 1 stored them (validated).
 */

const V1 = JSON.parse(readFileSync(new URL('../../test/fixtures/schema-v1-seeds.json', import.meta.url), 'utf8')) as Record<SeedFile, Record<string, unknown>>;
const caseDir = new URL('../../test/quote-cases/', import.meta.url);
const tables = readdirSync(caseDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, caseDir), 'utf8')) as { jurisdiction: string; year: number; cases: { input: Record<string, unknown> }[] });
const FACTS = ['certifications', 'disability', 'residence', 'householdRole', 'sex', 'maritalStatus', 'insuredEarlierInYear'];

const outcome = (f: () => ReturnType<typeof quote>) => {
  try {
    const q = f();
    return { due: q.amountDueFen, fee: q.individualFeeFen, subsidy: q.subsidyTotalFen, surcharge: q.surchargeFen, start: q.benefitStart, end: q.benefitEnd, covers: q.coversCoverageYear };
  } catch (e) {
    if (e instanceof QuoteError) return { refused: e.field };
    throw e;
  }
};

describe('schema version 1 documents, upgraded on reading', () => {
  it.each(Object.keys(V1) as SeedFile[])('%s: upgrades to a valid document, leaving the stored one as it was', (file) => {
    const stored = structuredClone(V1[file]);
    const up = validatePolicyDocument(stored);
    expect(up.ok && up.document.schemaVersion).toBe(2);
    expect(stored).toEqual(V1[file]);
    // every reading the engine used to apply is written out as a convention
    const doc = upgradeDocument(stored) as PolicyDocument;
    expect(doc.coveragePeriod).toEqual({ from: `${doc.coverageYear}-01-01`, to: `${doc.coverageYear}-12-31`, clause: null, convention: true });
    expect(doc.conventions.filter((c) => c.path?.startsWith('readings.')).map((c) => c.path)).toEqual(['readings.waitingExemptStart', 'readings.monthEnd', 'readings.emptyPaymentDate']);
    // as the store reads it: checked against the stored hash, then upgraded
    expect(storedDocument({ id: file, document: V1[file], contentHash: contentHash(V1[file]) }).schemaVersion).toBe(2);
    // an altered row is refused: outside a request in the default language (zh-CN), in English when asked
    const altered = (() => {
      try {
        storedDocument({ id: file, document: { ...V1[file], coverageYear: 1999 }, contentHash: contentHash(V1[file]) });
      } catch (e) {
        return e as GraphQLError;
      }
    })();
    expect(altered?.extensions).toEqual({ code: 'INTEGRITY_ERROR', reason: 'CONTENT_HASH_BROKEN' });
    expect(altered!.message).toBe(`版本 ${file} 与其内容哈希不符，不予提供`);
    expect(messageIn(altered!, 'en')).toBe(`policy version ${file} does not match its content hash; it is not served`);
  });

  it.each(Object.keys(V1) as SeedFile[])('%s: quotes every case without new facts as the current seed does', (file) => {
    const upgraded = validatePolicyDocument(V1[file]);
    if (!upgraded.ok) throw new Error('invalid');
    const old = compilePolicy(upgraded.document);
    const now = seededPolicy(file);
    const table = tables.find((t) => t.jurisdiction === now.doc.jurisdiction.name && t.year === now.year)!;
    const inputs = table.cases.map((c) => c.input).filter((i) => !FACTS.some((k) => k in i)) as unknown as QuoteRequest[];
    expect(inputs.length).toBeGreaterThan(20);
    for (const input of inputs) expect(outcome(() => quote(old, input)), JSON.stringify(input)).toEqual(outcome(() => quote(now, input)));
  });

  it('Meishan: the groups that enrolled at any time get a window of their own, ahead of the ordinary residents’ window', () => {
    const doc = upgradeDocument(V1['meishan-2024.json']) as PolicyDocument;
    expect(doc.windows.map((w) => [w.code, w.kind, w.from, w.to])).toEqual([
      ['central', 'central', '2023-09-01', '2024-02-29'],
      ['anytime', 'anytime', '2023-09-01', '2024-12-31'],
      ['fei-ji-zhong', 'off-window', '2024-03-01', '2024-12-31'],
    ]);
    expect(doc.windows[1]!.groups).toEqual(['xin-diao-ru', 'xin-qian-ru', 'xing-man-shi-fang', 'tui-yi-jun-ren', 'newborn']);
    expect(doc.windows[2]!.note).toBe('当年度未参加过任何基本医保的普通居民');
    expect(doc.categories.find((c) => c.code === 'di-shou-ru')!.conditions[2]!.disability).toEqual({ grades: [3, 4], text: '三、四级残疾人' });
  });

  it('a document of the current version is left as it is', () => {
    const doc = seededPolicy('wuhe-2024.json').doc;
    expect(upgradeDocument(doc)).toBe(doc);
  });
});
