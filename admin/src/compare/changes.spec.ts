import { describe, expect, it } from 'vitest';
import { countKinds, filterChanges, flatten, groupBySection, lineLabel, sectionOf, sideBySide, type Change } from './changes';
import { figureRows, type VersionFigures } from './figures';

const change = (path: string, kind: string, label: string, summary: string, before: unknown = undefined, after: unknown = undefined): Change => ({
  path,
  kind,
  label,
  summary,
  before,
  after,
});

const CHANGES: Change[] = [
  change('windows[extended].to', 'changed', '参保缴费期「延长参保缴费期」截止日', '参保缴费期「延长参保缴费期」截止日 2025-02-28 → 2025-03-31', '2025-02-28', '2025-03-31'),
  change('fees.individual.amountFen', 'changed', '个人缴费标准', '个人缴费标准 400 → 420（+5.0%）', 40000, 42000),
  change('categories[di-bao].benefit', 'changed', '减免对象「低保」补助方式', '减免对象「低保」补助方式 资助90% → 资助95%', { kind: 'percent', percent: 90 }, { kind: 'percent', percent: 95 }),
  change('categories[te-kun]', 'renamed', '减免对象「特困人员」', '减免对象「特困人员」更名：特困人员 → 特困供养人员', '特困人员', '特困供养人员'),
  change('fees.government.amountFen', 'changed', '财政补助标准', '财政补助标准 670 → 700（+4.5%）', 67000, 70000),
  change('metadata.documentNumber', 'changed', '文号', '文号 狮政办规〔2024〕5号 → 狮政办规〔2025〕3号'),
  change('zzUnknown', 'added', 'zzUnknown', '新增 zzUnknown', undefined, 1),
];

describe('grouping changes by section', () => {
  it('takes the top-level part of a path, before a dot or a bracket', () => {
    expect(sectionOf('categories[te-kun].name')).toBe('categories');
    expect(sectionOf('fees.individual.amountFen')).toBe('fees');
    expect(sectionOf('coverageYear')).toBe('coverageYear');
    expect(sectionOf('windows[extended]')).toBe('windows');
  });

  it('groups in document order with Chinese names, keeping the API order inside a section', () => {
    const groups = groupBySection(CHANGES);
    expect(groups.map((g) => [g.key, g.zh])).toEqual([
      ['metadata', '文件信息'],
      ['fees', '筹资标准'],
      ['categories', '减免对象'],
      ['windows', '参保缴费期'],
      ['zzUnknown', 'zzUnknown'],
    ]);
    expect(groups[1]!.changes.map((c) => c.summary)).toEqual(['个人缴费标准 400 → 420（+5.0%）', '财政补助标准 670 → 700（+4.5%）']);
    expect(groups.reduce((n, g) => n + g.changes.length, 0)).toBe(CHANGES.length);
  });
});

describe('filtering changes', () => {
  it('matches labels, summaries, section names, kinds and values; every word must match', () => {
    expect(filterChanges(CHANGES, '400 → 420').map((c) => c.path)).toEqual(['fees.individual.amountFen']);
    expect(filterChanges(CHANGES, '筹资标准').map((c) => c.path)).toEqual(['fees.individual.amountFen', 'fees.government.amountFen']);
    expect(filterChanges(CHANGES, '更名').map((c) => c.path)).toEqual(['categories[te-kun]']);
    expect(filterChanges(CHANGES, 'percent 95').map((c) => c.path)).toEqual(['categories[di-bao].benefit']);
    expect(filterChanges(CHANGES, 'FEES government').map((c) => c.path)).toEqual(['fees.government.amountFen']);
    expect(filterChanges(CHANGES, '  ')).toHaveLength(CHANGES.length);
    expect(filterChanges(CHANGES, '不存在的字段')).toEqual([]);
  });

  it('counts kinds', () => {
    expect(countKinds(CHANGES)).toEqual({ changed: 5, renamed: 1, added: 1 });
  });
});

describe('before and after side by side', () => {
  it('shows fen as yuan, options and fields by their Chinese names, and marks only the lines that differ', () => {
    const s = sideBySide({ kind: 'fixed-subsidy', amountFen: 32000, note: 'x' }, { kind: 'fixed-subsidy', amountFen: 34050, note: 'x' }, 'categories[di-bao].benefit');
    expect(s.before).toEqual([
      { key: 'kind', label: '补助类型', text: '定额资助', changed: false },
      { key: 'amountFen', label: '金额', text: '320元', changed: true },
      { key: 'note', label: '说明', text: 'x', changed: false },
    ]);
    expect(s.after[1]).toEqual({ key: 'amountFen', label: '金额', text: '340.50元', changed: true });
  });

  it('marks every line of an added value, and leaves the missing side empty', () => {
    const s = sideBySide(null, { code: 'new', waitingExempt: true, rules: [{ when: { paidFrom: '2025-09-01' } }] }, 'specialGroups[new]');
    expect(s.before).toEqual([]);
    expect(s.after).toEqual([
      { key: 'code', label: '代码', text: 'new', changed: true },
      { key: 'waitingExempt', label: '免等待期', text: '是', changed: true },
      { key: 'rules[0].when.paidFrom', label: '待遇规则 1·适用条件·缴费起始日', text: '2025年9月1日', changed: true },
    ]);
  });

  it('reads a plain fen value by the field its path names', () => {
    const s = sideBySide(40000, 42000, 'fees.individual.amountFen');
    expect(s.before).toEqual([{ key: '', label: '', text: '400元', changed: true }]);
    expect(s.after).toEqual([{ key: '', label: '', text: '420元', changed: true }]);
    expect(sideBySide(3, 4, 'windows[c].waiting.months').after[0]!.text).toBe('4');
  });

  it('flattens plain values to one line, dates as 年月日', () => {
    expect(flatten('2025-02-28', 'windows.to')).toEqual([{ key: '', text: '2025年2月28日' }]);
    expect(flatten(true)).toEqual([{ key: '', text: '是' }]);
    expect(flatten('2025-02-28', 'windows.to', 'en')).toEqual([{ key: '', text: '2025-02-28' }]);
  });

  it('labels the lines by the registry, English on the switch', () => {
    expect(lineLabel('certification', 'dynamicReporting.to')).toBe('动态报送期·截止日');
    expect(lineLabel('certification', 'dynamicReporting.to', 'en')).toBe('Dynamic reporting·To');
    expect(lineLabel('fees', 'zzUnknown')).toBe('zzUnknown');
  });
});

describe('key figures', () => {
  const tr = (zh: string) => zh;
  const v = (individual: string, windows: VersionFigures['windows']): VersionFigures => ({
    id: individual,
    year: 2025,
    status: 'PUBLISHED',
    title: 't',
    documentNumber: 'n',
    issuedOn: '2024-10-28',
    jurisdiction: { name: '石狮市' },
    fees: { individual, government: '670.00', governmentBasis: 'FLOOR', totalFinancing: null, lateSurcharge: { from: '2025-07-01', amountDue: '1070.00' } },
    windows,
  });
  const w = (code: string, to: string) => ({
    code,
    kind: 'CENTRAL',
    name: code === 'c' ? '集中参保缴费期' : '延长参保缴费期',
    from: '2024-09-01',
    to,
    benefitStart: 'COVERAGE_START',
    waiting: { kind: 'NONE', days: null, months: null, nthMonth: null },
  });

  it('marks differing figures and matches windows by code, listing a window only one side has', () => {
    const rows = figureRows(v('400.00', [w('c', '2024-12-31')]), v('420.00', [w('c', '2024-12-31'), w('e', '2025-02-28')]), tr);
    const row = (label: string) => rows.find((r) => r.label === label)!;
    expect(row('个人缴费标准')).toEqual({ label: '个人缴费标准', a: '400.00元', b: '420.00元', differs: true });
    expect(row('财政补助标准')).toMatchObject({ a: '不低于670.00元', differs: false });
    expect(row('补缴加收')).toMatchObject({ a: '2025年7月1日起应缴1,070.00元', differs: false });
    expect(row('发文日期')).toMatchObject({ a: '2024年10月28日' });
    expect(row('状态')).toMatchObject({ a: '已发布' });
    expect(row('缴费期「集中参保缴费期」')).toMatchObject({ a: '2024年9月1日至2024年12月31日；待遇起始：待遇年度1月1日起', differs: false });
    expect(row('缴费期「延长参保缴费期」')).toMatchObject({ a: '（无此缴费期）', differs: true });
  });
});
