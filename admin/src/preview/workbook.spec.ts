import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Impact, ImpactTotals } from './impact';
import { buildWorkbook, workbookName } from './workbook';

const t = (individualContributions: string, extra: Partial<ImpactTotals> = {}): ImpactTotals => ({
  persons: 3,
  covered: 3,
  individualContributions,
  surchargeRevenue: '0.00',
  subsidies: '360.00',
  governmentSubsidy: '2010.00',
  byFundSource: [{ fundSource: '医疗救助资金', amount: '360.00' }],
  byCategory: [{ category: 'di-bao', name: '最低生活保障对象', persons: 1, amount: '360.00' }],
  ...extra,
});
const person = { personId: 'P6', unit: '石狮市', categories: [], groups: ['newborn'], birthDate: '2025-05-10', paymentDate: '2025-08-01', baselinePaymentDate: '2025-08-01', draftPaymentDate: '2026-08-01', baselineDue: '400.00', draftDue: '1090.00', change: '690.00' };
const impact = {
  cohort: { id: 'c', name: '手算 样本', persons: 3, jurisdiction: { name: '石狮市' } },
  persons: 3,
  baseline: { policyVersionId: 'b', year: 2025, status: 'PUBLISHED', totals: t('840.00'), refusals: [], unknownCodes: [], distinctCases: 3 },
  draft: { policyVersionId: 'd', year: 2026, status: 'DRAFT', totals: t('1550.00'), refusals: [], unknownCodes: [], distinctCases: 3 },
  difference: t('710.00', { subsidies: '0.00' }),
  yearsMoved: 1,
  populationEffect: t('670.00', { subsidies: '0.00' }),
  rulesEffect: t('40.00', { subsidies: '0.00' }),
  changeGroups: [
    { baselineDue: '400.00', draftDue: '420.00', change: '20.00', persons: 1, total: '20.00', cause: 'RULES', example: { ...person, personId: 'P1', groups: [], draftDue: '420.00' } },
    { baselineDue: '400.00', draftDue: '1090.00', change: '690.00', persons: 1, total: '690.00', cause: 'BOTH', example: person },
  ],
  byUnit: [{ unit: '石狮市', persons: 3, target: null, targetPercent: null, baseline: t('840.00'), draft: t('1550.00'), difference: t('710.00') }],
  paysMore: 2,
  paysLess: 0,
  paysSame: 1,
  notComparable: 0,
  largestChanges: [person],
  examples: [person],
  durationMs: 12,
} as unknown as Impact;

describe('the preview as a workbook', () => {
  it('writes totals with both effects, funds, categories, units and change groups, amounts as exact yuan', async () => {
    const wb = buildWorkbook(ExcelJS, impact, { categories: new Map(), groups: new Map([['newborn', '一周岁以内的新生儿']]) });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.worksheets.map((w) => w.name)).toEqual(['总体', '资金来源', '减免对象', '乡镇（社区）', '变化分组']);
    const totals = back.getWorksheet('总体')!;
    expect(totals.getRow(1).values).toEqual([undefined, '项目', '基准（2025 · 已发布）', '草案（2026 · 草案）', '差额', '其中：人群变化', '其中：规则变化']);
    expect(totals.getRow(4).values).toEqual([undefined, '个人缴费合计', 840, 1550, 710, 670, 40]);
    expect(totals.getRow(4).getCell(2).numFmt).toBe('#,##0.00');
    const groups = back.getWorksheet('变化分组')!;
    expect(groups.getRow(3).values).toEqual([undefined, 400, 1090, 690, 1, 690, '规则与人群', 'P6', '', '一周岁以内的新生儿', '2025年5月10日', '2025年8月1日', '2026年8月1日']);
    expect(back.getWorksheet('减免对象')!.getRow(2).values).toEqual([undefined, '最低生活保障对象', 'di-bao', 1, 1, 360, 360, 360]);
  });

  it('is named after the jurisdiction, the versions and the cohort', () => {
    expect(workbookName(impact)).toBe('影响预览-石狮市-2026年草案-对比2025年-手算_样本.xlsx');
  });
});
