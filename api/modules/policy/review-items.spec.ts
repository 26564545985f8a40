import { describe, expect, it } from 'vitest';
import { validatePolicyDocument, type PolicyDocument } from '../../../policy-schemas/index.js';
import { readSeed } from '../../../seeds/index.js';
import { cloneForward } from './clone-forward.js';
import { computeReviewItems, FIGURE_CHANGE_SHARE, nameForms } from './review-items.js';

const seed = (file: string) => {
  const r = validatePolicyDocument(readSeed(file));
  if (!r.ok) throw new Error(file);
  return r.document;
};

function items(source: PolicyDocument, draft: PolicyDocument, opts: { cross?: boolean; names?: string[] } = {}) {
  return computeReviewItems({
    draft: { document: draft, year: draft.coverageYear, jurisdictionName: opts.cross ? '南安市' : source.jurisdiction.name },
    source: { document: source, year: source.coverageYear, jurisdictionName: source.jurisdiction.name, sameJurisdiction: !opts.cross },
    clonedIssuedOn: null,
    sourceNames: opts.names ?? [],
    published: [],
    townships: null,
    acknowledgements: new Map(),
  });
}

describe('review items', () => {
  it('an agency named after the source (石狮市民政局) is listed, blocking, in a clone across jurisdictions', () => {
    const source = seed('shishi-2025.json');
    source.categories[0]!.agency = '石狮市民政局';
    const { document } = cloneForward(source, 2026);
    const found = items(source, document, { cross: true, names: nameForms('石狮市') }).find((i) => i.path === 'categories[0].agency')!;
    expect(found).toMatchObject({ kind: 'source-jurisdiction', blocking: true, settled: false, current: '石狮市民政局' });
    expect(found.label).toBe(`减免对象「${source.categories[0]!.name}」认定部门`);
    expect(found.check).toBe('写有来源统筹地区的名称“石狮市”：“石狮市民政局”。本版本属于南安市，请改为本地的名称或机构');
  });

  it('the roster and the quota tables block across jurisdictions, and are only to be checked within one', () => {
    const shishi = seed('shishi-2024.json');
    const roster = cloneForward(shishi, 2025).document;
    expect(items(shishi, roster).find((i) => i.key === 'roster')).toMatchObject({ blocking: false, settled: false });
    expect(items(shishi, roster, { cross: true, names: nameForms('石狮市') }).find((i) => i.key === 'roster')).toMatchObject({ blocking: true });
    const lingyuan = seed('lingyuan-2022.json');
    const tables = cloneForward(lingyuan, 2023).document;
    expect(items(lingyuan, tables).find((i) => i.key === 'quota-table:quotaTables:ying-can-bao-ren-wu')).toMatchObject({ blocking: false, settled: false });
    expect(items(lingyuan, tables, { cross: true, names: nameForms('灵源街道') }).find((i) => i.key === 'quota-table:quotaTables:ying-can-bao-ren-wu')).toMatchObject({ blocking: true });
  });

  it(`a subsidy moved by more than ${FIGURE_CHANGE_SHARE * 100}% is listed, found by the category's code wherever it moved`, () => {
    const source = seed('wuhe-2024.json');
    const { document } = cloneForward(source, 2025);
    const i = document.categories.findIndex((c) => c.benefit.kind === 'fixed-subsidy');
    const moved = document.categories.splice(i, 1)[0]!;
    (moved.benefit as { amountFen: number }).amountFen = 50000;
    document.categories.unshift(moved);
    const figure = items(source, document).find((x) => x.key === `figure:categories:${moved.code}:amount`)!;
    expect(figure).toMatchObject({ path: 'categories[0].benefit.amountFen', settled: false, current: 50000 });
  });

  it('short forms of names', () => {
    expect(nameForms('石狮市')).toEqual(['石狮市', '石狮']);
    expect(nameForms('灵源街道')).toEqual(['灵源街道', '灵源']);
    expect(nameForms('五河县')).toEqual(['五河县', '五河']);
    expect(nameForms('新疆维吾尔自治区')).toEqual(['新疆维吾尔自治区', '新疆']);
  });
});
