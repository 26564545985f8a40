import { useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, Stack, Tooltip as MuiTooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { gql } from '../api';
import { useTr } from '../i18n';
import { changeText, countText, dateText, exactMoney, fenOf, format, moneyText, percentText, shareText, statusText } from '../format';
import { Code, DataTable, Money, Named, Section, useLang, type Column } from '../ui';
import { versionLabel, type VersionOption } from '../compare/VersionPicker';
import { CAUSES, categoryRows, durationText, fundRows, MEASURES, measureOf, summaryText, type AmountRow, type Impact, type ImpactTotals, type PersonChange } from './impact';
import { buildWorkbook, workbookName, type CodeNames } from './workbook';
import { refusalText } from './refusals';

/*
 * A finished preview: what it says in a sentence, then the totals (and, for next year's draft, how
 * much of the difference comes from moving the population a year), each distinct change with its
 * persons, the money by fund source, category and unit, examples with both payment dates, refusals.
 */

const COLOURS = { baseline: '#90a4ae', draft: '#1976d2', more: '#c62828', less: '#2e7d32', same: '#9e9e9e', notComparable: '#ff8f00' };

/** Names of the categories and special groups of both versions (the preview gives codes). */
function useCodeNames(ids: string[]): CodeNames {
  const [names, setNames] = useState<CodeNames>({ categories: new Map(), groups: new Map() });
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    const q = `query ($id: ID!) { policyVersion(id: $id) { categories { code name } specialGroups { code name } } }`;
    Promise.all(ids.map((id) => gql<{ policyVersion: { categories: { code: string; name: string }[]; specialGroups: { code: string; name: string }[] } | null }>(q, { id }).catch(() => null))).then(
      (all) => {
        if (!live) return;
        const categories = new Map<string, string>();
        const groups = new Map<string, string>();
        for (const v of all) {
          for (const c of v?.policyVersion?.categories ?? []) if (!categories.has(c.code)) categories.set(c.code, c.name);
          for (const g of v?.policyVersion?.specialGroups ?? []) if (!groups.has(g.code)) groups.set(g.code, g.name);
        }
        setNames({ categories, groups });
      },
    );
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}

export function ImpactView({ impact, versions }: { impact: Impact; versions: VersionOption[] }) {
  const tr = useTr();
  const lang = useLang();
  const names = useCodeNames([impact.draft.policyVersionId, impact.baseline.policyVersionId]);
  for (const t of [impact.baseline.totals, impact.draft.totals]) for (const c of t.byCategory) if (c.name && !names.categories.has(c.category)) names.categories.set(c.category, c.name);
  const label = (side: Impact['draft']) => {
    const v = versions.find((x) => x.id === side.policyVersionId);
    return v ? versionLabel(v, lang) : `${side.year} · ${statusText(side.status, lang)}`;
  };
  const [exporting, setExporting] = useState(false);
  const exportWorkbook = async () => {
    setExporting(true);
    try {
      const mod = await import('exceljs');
      const excel = ((mod as { default?: unknown }).default ?? mod) as Parameters<typeof buildWorkbook>[0];
      const buffer = await buildWorkbook(excel, impact, names, lang).xlsx.writeBuffer();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      a.download = workbookName(impact, lang);
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Box data-testid="preview-result">
      <Section
        title={tr('概况', 'Overview')}
        action={
          <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void exportWorkbook()} disabled={exporting} data-testid="preview-export">
            {tr('导出 XLSX', 'Export XLSX')}
          </Button>
        }
      >
        <Alert severity="info" icon={false} sx={{ mb: 1.5, fontSize: 15 }} data-testid="preview-summary">
          {summaryText(impact, lang)}
        </Alert>
        <Stack spacing={0.5}>
          <Typography variant="body2">
            {tr('参保人群', 'Cohort')}：{impact.cohort.name}（{impact.cohort.jurisdiction.name}，{countText(impact.persons)}
            {tr('人', ' persons')}）
          </Typography>
          <Typography variant="body2">
            {tr('草案', 'Draft')}：{label(impact.draft)}
          </Typography>
          <Typography variant="body2">
            {tr('基准版本', 'Baseline')}：{label(impact.baseline)}
          </Typography>
          {impact.populationEffect ? (
            <Typography variant="body2" color="text.secondary">
              {tr(
                `草案为${impact.draft.year}年度、基准为${impact.baseline.year}年度：人群按草案年度测算（缴费日期顺延${impact.yearsMoved}年，出生日期不变，即每人长${impact.yearsMoved}岁）。人群变化是基准规则在顺延后人群上的结果减去在原人群上的结果，其余为规则变化。`,
                `The draft is for ${impact.draft.year}, the baseline for ${impact.baseline.year}: the cohort is moved ${impact.yearsMoved} year(s) for the draft (payment dates move, birth dates stay). The population effect is the baseline's rules on the moved cohort minus on the cohort as given; the rest is the rules' effect.`,
              )}
            </Typography>
          ) : null}
          <Typography variant="body2" data-testid="preview-duration">
            {tr('计算用时', 'Duration')}：{durationText(impact.durationMs, lang)}；{tr('不同情形数', 'distinct cases')}：{tr('草案', 'draft')}
            {countText(impact.draft.distinctCases)}，{tr('基准', 'baseline')}
            {countText(impact.baseline.distinctCases)}
          </Typography>
        </Stack>
      </Section>

      <TotalsSection impact={impact} />
      <PaysSection impact={impact} />
      <ChangeGroupsSection impact={impact} names={names} />
      <SubsidySections impact={impact} names={names} />
      <UnitSection impact={impact} />
      <PersonsSection title={tr('变化最大的人', 'Largest changes')} rows={impact.largestChanges} names={names} testId="preview-largest" />
      <RefusalSection impact={impact} />
    </Box>
  );
}

function TotalsSection({ impact }: { impact: Impact }) {
  const tr = useTr();
  const d = impact.draft.totals;
  const b = impact.baseline.totals;
  const pop = impact.populationEffect;
  const value = (t: ImpactTotals, m: (typeof MEASURES)[number], signed = false) =>
    m.money ? <Money value={t[m.key] as string} signed={signed} /> : countText(t[m.key] as number, signed);
  const columns: Column<(typeof MEASURES)[number]>[] = [
    { head: tr('项目', 'Measure'), cell: (m) => tr(m.zh, m.en) },
    { head: tr('基准版本', 'Baseline'), figure: true, cell: (m) => value(b, m) },
    { head: tr('草案', 'Draft'), figure: true, cell: (m) => value(d, m) },
    { head: tr('差额', 'Difference'), figure: true, sign: (m) => measureOf(impact.difference, m.key), cell: (m) => value(impact.difference, m, true) },
    { head: tr('变化率', 'Change'), figure: true, cell: (m) => changeText(measureOf(b, m.key), measureOf(d, m.key)) },
  ];
  if (pop)
    columns.push(
      { head: tr('其中：人群变化', 'of which: population'), figure: true, sign: (m) => measureOf(pop, m.key), cell: (m) => value(pop, m, true) },
      { head: tr('其中：规则变化', 'of which: rules'), figure: true, sign: (m) => measureOf(impact.rulesEffect, m.key), cell: (m) => value(impact.rulesEffect, m, true) },
    );
  return (
    <Section title={tr('总体对比', 'Totals')} testId="preview-totals-section">
      <DataTable rows={MEASURES} columns={columns} rowKey={(m) => m.key} testId="preview-totals" />
    </Section>
  );
}

function PaysSection({ impact }: { impact: Impact }) {
  const tr = useTr();
  const data = [
    { key: 'more', name: tr('多缴', 'Pay more'), value: impact.paysMore, colour: COLOURS.more },
    { key: 'less', name: tr('少缴', 'Pay less'), value: impact.paysLess, colour: COLOURS.less },
    { key: 'same', name: tr('不变', 'Same'), value: impact.paysSame, colour: COLOURS.same },
    { key: 'not-comparable', name: tr('无法比较', 'Not comparable'), value: impact.notComparable, colour: COLOURS.notComparable },
  ];
  const total = data.reduce((s, x) => s + x.value, 0);
  const shown = data.filter((x) => x.value > 0);
  return (
    <Section title={tr('谁多缴、谁少缴', 'Who pays more, who pays less')} testId="preview-pays">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
        <Box sx={{ maxWidth: 420, flex: 1 }}>
          <DataTable
            rows={data}
            rowKey={(x) => x.key}
            columns={[
              {
                head: tr('类别', 'Kind'),
                cell: (x) => (
                  <>
                    <Box component="span" sx={{ display: 'inline-block', width: 10, height: 10, bgcolor: x.colour, mr: 1, borderRadius: '2px' }} />
                    {x.name}
                  </>
                ),
              },
              { head: tr('人数', 'Persons'), figure: true, cell: (x) => countText(x.value) },
              { head: tr('占比', 'Share'), figure: true, cell: (x) => shareText(x.value, total) },
            ]}
          />
        </Box>
        <Typography variant="caption" sx={{ color: 'text.secondary', maxWidth: 280 }}>
          {tr('无法比较：一个版本能计算、另一个版本拒绝计算的人。', 'Not comparable: answered by one version and refused by the other.')}
        </Typography>
        <Box sx={{ width: 320, height: 240 }}>
          {total > 0 ? (
            <ResponsiveContainer width="100%" height="100%">
              <PieChart>
                <Pie data={shown} dataKey="value" nameKey="name" outerRadius={90} isAnimationActive={false}>
                  {shown.map((x) => (
                    <Cell key={x.key} fill={x.colour} />
                  ))}
                </Pie>
                <Tooltip formatter={(v) => `${countText(Number(v))}${tr('人', ' persons')}`} />
                <Legend />
              </PieChart>
            </ResponsiveContainer>
          ) : null}
        </Box>
      </Stack>
    </Section>
  );
}

const codesText = (codes: string[], names: Map<string, string>) => (codes.length ? codes.map((c) => names.get(c) ?? c).join('、') : '—');

function ChangeGroupsSection({ impact, names }: { impact: Impact; names: CodeNames }) {
  const tr = useTr();
  const lang = useLang();
  const changing = impact.paysMore + impact.paysLess;
  return (
    <Section title={tr('变化分组（每种变化一组，附示例一人）', 'Each distinct change, with one example person')} testId="preview-change-groups">
      {impact.changeGroups.length === 0 ? (
        <Typography variant="body2">{tr('没有人的应缴金额发生变化。', "Nobody's amount due changes.")}</Typography>
      ) : (
        <>
          <DataTable
            rows={impact.changeGroups}
            rowKey={(g) => `${g.baselineDue}-${g.draftDue}`}
            testId="preview-groups"
            columns={[
              {
                head: tr('应缴变化', 'Amount due'),
                cell: (g) => (
                  <>
                    <Money value={g.baselineDue} /> → <Money value={g.draftDue} />
                  </>
                ),
              },
              { head: tr('每人变化', 'Per person'), figure: true, sign: (g) => fenOf(g.change), cell: (g) => <Money value={g.change} signed /> },
              { head: tr('人数', 'Persons'), figure: true, cell: (g) => countText(g.persons) },
              { head: tr('占变化者', 'Of those changing'), figure: true, cell: (g) => shareText(g.persons, changing) },
              { head: tr('合计', 'Total'), figure: true, sign: (g) => fenOf(g.total), cell: (g) => <Money value={g.total} signed /> },
              {
                head: tr('原因', 'Cause'),
                cell: (g) => <Chip size="small" variant="outlined" color={g.cause === 'RULES' ? 'primary' : g.cause === 'POPULATION' ? 'warning' : 'secondary'} label={tr(...CAUSES[g.cause])} />,
              },
              { head: tr('示例人员', 'Example'), cell: (g) => <Code>{g.example.personId}</Code> },
              { head: tr('减免对象 / 特殊人群', 'Categories / groups'), cell: (g) => `${codesText(g.example.categories, names.categories)} / ${codesText(g.example.groups, names.groups)}` },
              { head: tr('出生日期', 'Born'), cell: (g) => dateText(g.example.birthDate, lang) },
              { head: tr('缴费日期：基准 → 草案', 'Pays: baseline → draft'), cell: (g) => paymentDates(g.example, lang) },
            ]}
          />
          <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block', mt: 1 }}>
            {tr(
              '规则变化：基准规则下顺延后的人群应缴不变，差额全由草案规则带来；人群变化：草案规则与基准规则对顺延后的人群应缴相同，差额全由人群顺延一年带来（如新生儿满周岁）。',
              'Rules: the baseline’s rules give the moved population what they gave before; population: the draft’s rules give what the baseline’s give the moved population (a baby is no longer under one, say).',
            )}
          </Typography>
        </>
      )}
    </Section>
  );
}

function paymentDates(p: PersonChange, lang: 'zh' | 'en') {
  return `${dateText(p.baselinePaymentDate, lang)} → ${dateText(p.draftPaymentDate, lang)}`;
}

/** Bars of both sides per item, amounts in fen on an axis in 万元. */
function CompareBars({ data }: { data: { name: string; baseline: number; draft: number }[] }) {
  const tr = useTr();
  if (data.length === 0) return null;
  return (
    <Box sx={{ width: '100%', height: Math.max(240, Math.min(480, 60 + data.length * 28)), mt: 2 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
          <YAxis
            tick={{ fontSize: 11 }}
            width={80}
            tickFormatter={(v: number) => format.money(Math.round(v), format.MONEY.axis)}
            label={{ value: tr('万元', '10,000 yuan'), angle: -90, position: 'insideLeft', fontSize: 11 }}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${moneyText(v)}${moneyText(v) === exactMoney(v) ? '' : `（${exactMoney(v)}）`}` : String(v))} />
          <Legend />
          <Bar dataKey="baseline" name={tr('基准版本', 'Baseline')} fill={COLOURS.baseline} isAnimationActive={false} />
          <Bar dataKey="draft" name={tr('草案', 'Draft')} fill={COLOURS.draft} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

/** The three money columns of a row of both sides. */
function sideColumns<R extends { baseline: string; draft: string; difference: string }>(tr: (zh: string, en: string) => string): Column<R>[] {
  return [
    { head: tr('基准版本', 'Baseline'), figure: true, cell: (r) => <Money value={r.baseline} /> },
    { head: tr('草案', 'Draft'), figure: true, cell: (r) => <Money value={r.draft} /> },
    { head: tr('差额', 'Difference'), figure: true, sign: (r) => fenOf(r.difference), cell: (r) => <Money value={r.difference} signed /> },
  ];
}

/** Money of both sides by a key (fund source, category): its table, and bars where asked. */
function AmountSection<R extends AmountRow>(props: { title: string; testId: string; rows: R[]; empty: string; lead: Column<R>[]; bars?: boolean }) {
  const tr = useTr();
  return (
    <Section title={props.title} testId={props.testId}>
      <DataTable rows={props.rows} rowKey={(r) => r.key} empty={props.empty} columns={[...props.lead, ...sideColumns<R>(tr)]} />
      {props.bars ? <CompareBars data={props.rows.map((r) => ({ name: r.key, baseline: fenOf(r.baseline), draft: fenOf(r.draft) }))} /> : null}
    </Section>
  );
}

/** The subsidies by fund source (with bars) and by category (with persons). */
function SubsidySections({ impact, names }: { impact: Impact; names: CodeNames }) {
  const tr = useTr();
  const t = [impact.baseline.totals, impact.draft.totals, impact.difference] as const;
  const persons = (side: 'baselinePersons' | 'draftPersons', head: string): Column<AmountRow> => ({ head, figure: true, cell: (r) => countText(r[side] ?? 0) });
  const sections = [
    {
      testId: 'preview-funds',
      title: tr('按资金来源（资助参保金额）', 'By fund source (subsidies)'),
      rows: fundRows(...t),
      empty: tr('两个版本在这一人群中都没有资助参保金额。', 'Neither version pays any subsidy in this cohort.'),
      lead: [{ head: tr('资金来源', 'Fund source'), cell: (r: AmountRow) => r.key }],
      bars: true,
    },
    {
      testId: 'preview-categories',
      title: tr('按减免对象（资助参保）', 'By subsidy category'),
      rows: categoryRows(...t),
      empty: tr('这一人群中没有享受资助的人。', 'Nobody in this cohort is subsidised.'),
      lead: [
        { head: tr('减免对象', 'Category'), cell: (r: AmountRow) => <Named name={r.name ?? names.categories.get(r.key)} code={r.key} /> },
        persons('baselinePersons', tr('基准人数', 'Baseline persons')),
        persons('draftPersons', tr('草案人数', 'Draft persons')),
      ],
      bars: false,
    },
  ];
  return (
    <>
      {sections.map((x) => (
        <AmountSection key={x.testId} {...x} />
      ))}
    </>
  );
}

function UnitSection({ impact }: { impact: Impact }) {
  const tr = useTr();
  if (impact.byUnit.length === 0) return null;
  // the three money columns of a unit are its individual contributions
  const rows = impact.byUnit.map((u) => ({
    u,
    baseline: u.baseline.individualContributions,
    draft: u.draft.individualContributions,
    difference: u.difference.individualContributions,
    subsidies: u.difference.subsidies,
  }));
  return (
    <Section title={tr('按乡镇（社区）', 'By unit (township or community)')} testId="preview-units">
      <DataTable
        rows={rows}
        rowKey={(r) => r.u.unit}
        columns={[
          { head: tr('单位', 'Unit'), cell: ({ u }) => u.unit },
          { head: tr('人数', 'Persons'), figure: true, cell: ({ u }) => countText(u.persons) },
          { head: tr('任务数', 'Target'), figure: true, cell: ({ u }) => (u.target === null ? '—' : countText(u.target)) },
          { head: tr('享受待遇人数（草案）', 'Covered (draft)'), figure: true, cell: ({ u }) => countText(u.draft.covered) },
          { head: tr('完成率', 'Of target'), figure: true, cell: ({ u }) => (u.targetPercent === null ? '—' : percentText(u.targetPercent, 2)) },
          ...sideColumns<(typeof rows)[number]>(tr).map((c) => ({ ...c, head: `${tr('个人缴费', 'Contributions')}·${c.head}` })),
          { head: tr('资助差额', 'Subsidies difference'), figure: true, sign: (r) => fenOf(r.subsidies), cell: (r) => <Money value={r.subsidies} signed /> },
        ]}
      />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {tr('个人缴费合计', 'Individual contributions')}
      </Typography>
      <CompareBars data={impact.byUnit.map((u) => ({ name: u.unit, baseline: fenOf(u.baseline.individualContributions), draft: fenOf(u.draft.individualContributions) }))} />
    </Section>
  );
}

function PersonsSection({ title, rows, names, testId }: { title: string; rows: PersonChange[]; names: CodeNames; testId: string }) {
  const tr = useTr();
  const lang = useLang();
  return (
    <Section title={title} testId={testId}>
      {rows.length === 0 ? (
        <Typography variant="body2">{tr('没有人的应缴金额发生变化。', "Nobody's amount due changes.")}</Typography>
      ) : (
        <DataTable
          rows={rows}
          rowKey={(p, i) => `${p.personId}-${i}`}
          columns={[
            { head: tr('人员编号', 'Person'), cell: (p) => <Code>{p.personId}</Code> },
            { head: tr('单位', 'Unit'), cell: (p) => p.unit },
            { head: tr('减免对象', 'Categories'), cell: (p) => codesText(p.categories, names.categories) },
            { head: tr('特殊人群', 'Groups'), cell: (p) => codesText(p.groups, names.groups) },
            { head: tr('出生日期', 'Born'), cell: (p) => dateText(p.birthDate, lang) },
            { head: tr('缴费日期：基准 → 草案', 'Pays: baseline → draft'), cell: (p) => paymentDates(p, lang) },
            { head: tr('基准应缴', 'Baseline due'), figure: true, cell: (p) => <Money value={p.baselineDue} /> },
            { head: tr('草案应缴', 'Draft due'), figure: true, cell: (p) => <Money value={p.draftDue} /> },
            { head: tr('变化', 'Change'), figure: true, sign: (p) => fenOf(p.change), cell: (p) => <Money value={p.change} signed /> },
          ]}
        />
      )}
    </Section>
  );
}

function RefusalSection({ impact }: { impact: Impact }) {
  const tr = useTr();
  const lang = useLang();
  const sides = [
    { key: 'baseline', name: tr('基准版本', 'Baseline'), side: impact.baseline },
    { key: 'draft', name: tr('草案', 'Draft'), side: impact.draft },
  ];
  if (!sides.some((s) => s.side.refusals.length || s.side.unknownCodes.length)) return null;
  return (
    <Section title={tr('无法计算的人与未知代码', 'Refusals and unknown codes')} testId="preview-refusals">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
        {sides.map(({ key, name, side }) => (
          <Box key={key} sx={{ flex: 1 }} data-side={key}>
            <Typography variant="subtitle2">{name}</Typography>
            {side.refusals.length ? (
              <DataTable
                rows={side.refusals}
                rowKey={(r) => r.reason}
                columns={[
                  {
                    head: tr('拒绝原因', 'Reason'),
                    cell: (r) => (
                      <MuiTooltip title={r.reason}>
                        <span>{refusalText(r.reason, lang)}</span>
                      </MuiTooltip>
                    ),
                  },
                  { head: tr('人数', 'Persons'), figure: true, cell: (r) => countText(r.persons) },
                ]}
              />
            ) : (
              <Typography variant="body2">{tr('没有无法计算的人。', 'Everyone was answered.')}</Typography>
            )}
            {side.unknownCodes.length ? (
              <>
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {tr('该版本不认识的代码（已忽略）：', 'Codes this version does not know (ignored):')}
                </Typography>
                <DataTable
                  rows={side.unknownCodes}
                  rowKey={(c) => c.key}
                  columns={[
                    { head: tr('代码', 'Code'), cell: (c) => <Code>{c.key}</Code> },
                    { head: tr('人数', 'Persons'), figure: true, cell: (c) => countText(c.persons) },
                  ]}
                />
              </>
            ) : null}
          </Box>
        ))}
      </Stack>
    </Section>
  );
}

