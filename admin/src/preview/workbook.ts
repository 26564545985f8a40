import type { Workbook } from 'exceljs';
import { dateText, fenOf, statusText, type Lang } from '../format';
import { CAUSES, categoryRows, fundRows, MEASURES, measureOf, summaryText, type Impact, type ImpactTotals, type PersonChange } from './impact';

/*
 * The preview as an .xlsx workbook, made with exceljs (a maintained library for the format; see the
 * README): 总体 (totals, the population and rules effects), 资金来源, 减免对象, 乡镇, 变化分组 (each
 * distinct change with its persons and an example with both payment dates). Amounts are exact numbers
 * of yuan with two decimals (the page shows 万元; a workbook is for further sums), counts are numbers.
 * Pure: the page hands in the exceljs module, so the same builder runs in a test.
 */

type ExcelJs = { Workbook: new () => Workbook };

/** Names of the codes a preview shows: categories and special groups of both versions. */
export interface CodeNames {
  categories: Map<string, string>;
  groups: Map<string, string>;
}

const YUAN = '#,##0.00';
const COUNT = '#,##0';

const yuan = (m: string) => fenOf(m) / 100;

export function buildWorkbook(excel: ExcelJs, impact: Impact, names: CodeNames, lang: Lang = 'zh'): Workbook {
  const zh = lang === 'zh';
  const t = (a: string, b: string) => (zh ? a : b);
  const wb = new excel.Workbook();
  wb.creator = t('城乡居民医保参保缴费政策', 'Resident medical insurance enrollment rules');
  wb.created = new Date(0); // the workbook's content depends on the preview only

  const sheet = (name: string, columns: { header: string; width: number; money?: boolean; count?: boolean }[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.money ? { numFmt: YUAN } : c.count ? { numFmt: COUNT } : {} }));
    ws.getRow(1).font = { bold: true };
    return ws;
  };

  // 总体
  const side = (s: Impact['draft']) => `${s.year} · ${statusText(s.status, lang)}`;
  const effects = impact.populationEffect ? [impact.populationEffect, impact.rulesEffect] : [];
  const totals = sheet(t('总体', 'Totals'), [
    { header: t('项目', 'Measure'), width: 22 },
    { header: `${t('基准', 'Baseline')}（${side(impact.baseline)}）`, width: 22 },
    { header: `${t('草案', 'Draft')}（${side(impact.draft)}）`, width: 22 },
    { header: t('差额', 'Difference'), width: 18 },
    ...(effects.length ? [{ header: t('其中：人群变化', 'of which: population'), width: 18 }, { header: t('其中：规则变化', 'of which: rules'), width: 18 }] : []),
  ]);
  for (const m of MEASURES) {
    const v = (x: ImpactTotals) => (m.money ? measureOf(x, m.key) / 100 : measureOf(x, m.key));
    const row = totals.addRow([t(m.zh, m.en), v(impact.baseline.totals), v(impact.draft.totals), v(impact.difference), ...effects.map(v)]);
    row.numFmt = m.money ? YUAN : COUNT;
  }
  totals.addRow([]);
  for (const [label, n] of [
    [t('多缴人数', 'Pay more'), impact.paysMore],
    [t('少缴人数', 'Pay less'), impact.paysLess],
    [t('不变人数', 'Pay the same'), impact.paysSame],
    [t('无法比较人数', 'Not comparable'), impact.notComparable],
  ] as const)
    totals.addRow([label, n]).getCell(2).numFmt = COUNT;
  totals.addRow([]);
  totals.addRow([t('参保人群', 'Cohort'), `${impact.cohort.name}（${impact.cohort.jurisdiction.name}）`]);
  totals.addRow([t('概要', 'Summary'), summaryText(impact, lang)]);

  // 资金来源
  const funds = sheet(t('资金来源', 'Fund sources'), [
    { header: t('资金来源', 'Fund source'), width: 24 },
    { header: t('基准（元）', 'Baseline (yuan)'), width: 18, money: true },
    { header: t('草案（元）', 'Draft (yuan)'), width: 18, money: true },
    { header: t('差额（元）', 'Difference (yuan)'), width: 18, money: true },
  ]);
  for (const r of fundRows(impact.baseline.totals, impact.draft.totals, impact.difference)) funds.addRow([r.key, yuan(r.baseline), yuan(r.draft), yuan(r.difference)]);

  // 减免对象
  const cats = sheet(t('减免对象', 'Categories'), [
    { header: t('减免对象', 'Category'), width: 30 },
    { header: t('代码', 'Code'), width: 16 },
    { header: t('基准人数', 'Baseline persons'), width: 12, count: true },
    { header: t('草案人数', 'Draft persons'), width: 12, count: true },
    { header: t('基准资助（元）', 'Baseline (yuan)'), width: 18, money: true },
    { header: t('草案资助（元）', 'Draft (yuan)'), width: 18, money: true },
    { header: t('差额（元）', 'Difference (yuan)'), width: 18, money: true },
  ]);
  for (const r of categoryRows(impact.baseline.totals, impact.draft.totals, impact.difference))
    cats.addRow([r.name ?? names.categories.get(r.key) ?? r.key, r.key, r.baselinePersons ?? 0, r.draftPersons ?? 0, yuan(r.baseline), yuan(r.draft), yuan(r.difference)]);

  // 乡镇
  const units = sheet(t('乡镇（社区）', 'Units'), [
    { header: t('单位', 'Unit'), width: 20 },
    { header: t('人数', 'Persons'), width: 12, count: true },
    { header: t('任务数', 'Target'), width: 12, count: true },
    { header: t('享受待遇人数（草案）', 'Covered (draft)'), width: 16, count: true },
    { header: t('完成率（%）', 'Of target (%)'), width: 12 },
    { header: t('个人缴费·基准（元）', 'Contributions, baseline (yuan)'), width: 20, money: true },
    { header: t('个人缴费·草案（元）', 'Contributions, draft (yuan)'), width: 20, money: true },
    { header: t('个人缴费差额（元）', 'Contributions difference (yuan)'), width: 20, money: true },
    { header: t('资助差额（元）', 'Subsidies difference (yuan)'), width: 18, money: true },
  ]);
  for (const u of impact.byUnit)
    units.addRow([
      u.unit,
      u.persons,
      u.target,
      u.draft.covered,
      u.targetPercent,
      yuan(u.baseline.individualContributions),
      yuan(u.draft.individualContributions),
      yuan(u.difference.individualContributions),
      yuan(u.difference.subsidies),
    ]);

  // 变化分组
  const groups = sheet(t('变化分组', 'Change groups'), [
    { header: t('基准应缴（元）', 'Baseline due (yuan)'), width: 16, money: true },
    { header: t('草案应缴（元）', 'Draft due (yuan)'), width: 16, money: true },
    { header: t('每人变化（元）', 'Change per person (yuan)'), width: 16, money: true },
    { header: t('人数', 'Persons'), width: 10, count: true },
    { header: t('合计（元）', 'Total (yuan)'), width: 18, money: true },
    { header: t('原因', 'Cause'), width: 14 },
    { header: t('示例人员', 'Example person'), width: 16 },
    { header: t('减免对象', 'Categories'), width: 24 },
    { header: t('特殊人群', 'Special groups'), width: 24 },
    { header: t('出生日期', 'Born'), width: 16 },
    { header: t('基准缴费日', 'Pays (baseline)'), width: 16 },
    { header: t('草案缴费日', 'Pays (draft)'), width: 16 },
  ]);
  const list = (codes: string[], m: Map<string, string>) => codes.map((c) => m.get(c) ?? c).join('、');
  for (const g of impact.changeGroups) {
    const p: PersonChange = g.example;
    groups.addRow([
      yuan(g.baselineDue),
      yuan(g.draftDue),
      yuan(g.change),
      g.persons,
      yuan(g.total),
      t(...CAUSES[g.cause]),
      p.personId,
      list(p.categories, names.categories),
      list(p.groups, names.groups),
      dateText(p.birthDate, lang),
      dateText(p.baselinePaymentDate, lang),
      dateText(p.draftPaymentDate, lang),
    ]);
  }
  return wb;
}

/** `影响预览-石狮市-2026年草案-对比2025年-石狮市2026测算人群.xlsx` */
export function workbookName(impact: Impact, lang: Lang = 'zh'): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');
  const d = impact.draft;
  const b = impact.baseline;
  return lang === 'zh'
    ? safe(`影响预览-${impact.cohort.jurisdiction.name}-${d.year}年${statusText(d.status)}-对比${b.year}年-${impact.cohort.name}.xlsx`)
    : safe(`impact-${impact.cohort.jurisdiction.name}-${d.year}-${statusText(d.status, 'en')}-against-${b.year}-${impact.cohort.name}.xlsx`);
}
