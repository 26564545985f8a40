import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PolicyDocument } from '../../../policy-schemas/index';
import { anchorOf, cardsAround, checkDraft, isShownAtField, mergeIssues } from './issues';
import { collectControls } from './schema-walk';
import { TABS, tabOfPath } from './tabs';

const seed = (name: string): any => JSON.parse(readFileSync(new URL(`../../../seeds/${name}.json`, import.meta.url), 'utf8'));
const tab = (zh: string) => TABS.find((t) => t.zh === zh)!;

describe('tabs', () => {
  it('put every top-level key of the document in exactly one tab', () => {
    const keys = Object.keys(PolicyDocument.shape);
    expect(keys.length).toBeGreaterThan(25);
    const placed = TABS.flatMap((t) => t.keys);
    expect([...placed].sort()).toEqual([...keys].sort());
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('follow the notice, with Chinese names and English ones', () => {
    expect(TABS.map((t) => t.zh)).toEqual([
      '文件信息',
      '参保范围',
      '筹资标准',
      '减免对象',
      '缴费时间',
      '特殊群体',
      '退费',
      '参保登记',
      '缴费渠道',
      '工作要求',
      '领导小组',
      '附件',
      '说明',
    ]);
    expect(TABS.every((t) => /^[A-Z][a-z ]+$/.test(t.en))).toBe(true);
    expect(new Set(TABS.map((t) => t.id)).size).toBe(TABS.length);
  });

  it('find the tab of an issue path', () => {
    expect(tabOfPath('fees.individual.amountFen')).toBe(tab('筹资标准'));
    expect(tabOfPath('categories[3].benefit.amountFen')).toBe(tab('减免对象'));
    expect(tabOfPath('windows')).toBe(tab('缴费时间'));
    expect(tabOfPath('supplementaryInsurance.voluntary')).toBe(tab('工作要求'));
    expect(tabOfPath('(document)')).toBeUndefined();
  });
});

describe('where issues are shown', () => {
  const doc = seed('shishi-2025');
  const controls = collectControls(PolicyDocument, doc);

  it('at the field when its tab is open and the cards around it are expanded', () => {
    const fees = tab('筹资标准');
    expect(isShownAtField('fees.individual.amountFen', controls, fees, new Set())).toBe(true);
    expect(isShownAtField('fees.individual.amountFen', controls, tab('文件信息'), new Set())).toBe(false);
    const subsidies = tab('减免对象');
    expect(cardsAround('categories[2].benefit.percent', controls)).toEqual(['categories[2]']);
    expect(isShownAtField('categories[2].name', controls, subsidies, new Set())).toBe(false);
    expect(isShownAtField('categories[2].name', controls, subsidies, new Set(['categories[2]']))).toBe(true);
    // a list's own issue shows at the list, which is always on screen
    expect(isShownAtField('stacking.order', controls, subsidies, new Set())).toBe(true);
    // nested cards: a rule of a special group
    expect(cardsAround('specialGroups[0].rules[0].benefitStart', controls)).toEqual(['specialGroups[0]', 'specialGroups[0].rules[0]']);
  });

  it('in the summary, with the nearest field to jump to, when the field is not in the form', () => {
    // the benefit of a full subsidy has no amount: an issue there has no input of its own
    expect(controls.has('categories[0].benefit.amountFen')).toBe(false);
    expect(anchorOf('categories[0].benefit.amountFen', controls)).toBe('categories[0].benefit');
    expect(isShownAtField('categories[0].benefit.amountFen', controls, tab('减免对象'), new Set(['categories[0]']))).toBe(false);
    expect(anchorOf('(document)', controls)).toBeUndefined();
  });

  it('once, whether the form or the API found them', () => {
    const a = { path: 'fees.individual.amountFen', message: 'must not be negative' };
    const b = { path: 'coverageYear', message: 'x' };
    expect(mergeIssues([a], [a, b])).toEqual([a, b]);
  });

  it('include what the API fixes for a draft: its year and its jurisdiction', () => {
    const frame = { year: 2025, jurisdictionName: '石狮市' };
    expect(checkDraft(doc, frame).issues).toEqual([]);
    const moved = { ...doc, coverageYear: 2026, jurisdiction: { ...doc.jurisdiction, name: '晋江市' } };
    expect(checkDraft(moved, frame).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['coverageYear', 'jurisdiction.name']));
  });
});
