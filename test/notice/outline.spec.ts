import { describe, expect, it } from 'vitest';
import { buildNotice, noticeText, sectionHeadings } from '../../policy-schemas/notice/index.js';
import { labelOf, parseClause } from '../../policy-schemas/notice/clause.js';
import { haveSources, normalize, renderedOutline, SOURCE_DIR, sourceOutline, sourceText } from './source-outline.js';
import { loadSeed, SEED_NAMES } from './seeds.js';
import { SHISHI_2025_SECTIONS } from './facts.js';

/*
 * Each seed renders with the outline of its source notice: the same section headings in the same
 * order, the same items under each section (grouped and numbered as the notice numbers them), the
 * same sub-items under each item, and the item headings the document records are the notice's words.
 * The source texts are ../shared/seeds/ beside the repository (as in CI).
 */
if (!haveSources) console.warn(`test/notice/outline.spec.ts: skipped, the source notices are not at ${SOURCE_DIR}`);

describe.skipIf(!haveSources)('each seed keeps its source notice’s outline', () => {
  it.each(SEED_NAMES)('%s: section headings, in order', (name) => {
    const src = sourceOutline(name);
    expect(src.headings.length).toBeGreaterThanOrEqual(6);
    expect(sectionHeadings(buildNotice(loadSeed(name))).map(normalize)).toEqual(src.headings.map(normalize));
  });

  it.each(SEED_NAMES)('%s: the items of each section and the sub-items of each item, numbered as the source', (name) => {
    const src = sourceOutline(name);
    const got = renderedOutline(buildNotice(loadSeed(name)));
    expect(Object.values(src.items).flat().length).toBeGreaterThan(10);
    expect(got.items).toEqual(src.items);
    expect(got.subItems).toEqual(src.subItems);
  });

  it.each(SEED_NAMES)('%s: every item heading of the outline is printed in the source at its place', (name) => {
    const doc = loadSeed(name);
    const text = normalize(sourceText(name));
    const missing = (doc.outline?.headings ?? []).filter((h) => {
      const p = parseClause(h.at);
      if (p.kind !== 'body') return true;
      return !text.includes(normalize(labelOf(p.steps[p.steps.length - 1]!) + h.title));
    });
    expect(missing).toEqual([]);
  });

  it('石狮市 2025: eight sections with 筹资标准及资金来源, no 特殊群体参保, no 工作时间节点, eleven items under 四', () => {
    const m = buildNotice(loadSeed('shishi-2025'));
    expect(sectionHeadings(m)).toEqual(SHISHI_2025_SECTIONS);
    const text = noticeText(m);
    expect(text).not.toContain('特殊群体参保');
    expect(text).not.toContain('工作时间节点');
    expect(renderedOutline(m).items['四']).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）', '（十一）']);
  });

  it('the comparison fails when the outline drifts (a renamed section, a regrouped item)', () => {
    const doc = loadSeed('shishi-2025');
    doc.outline!.sections[2]!.title = '筹资标准';
    doc.categories[1]!.clause = '四（十二）';
    const got = renderedOutline(buildNotice(doc));
    const src = sourceOutline('shishi-2025');
    expect(got.headings).not.toEqual(src.headings);
    expect(got.items['四']).not.toEqual(src.items['四']);
  });
});
