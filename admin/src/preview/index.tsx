import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Title, useNotify } from 'react-admin';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { gql } from '../api';
import { useTr } from '../i18n';
import { statusText } from '../compare/figures';
import { useVersionOptions, VersionPicker, versionLabel, type VersionOption } from '../compare/VersionPicker';
import {
  categoryRows,
  durationText,
  fundRows,
  isFinished,
  JOB_FIELDS,
  MEASURES,
  moneyFen,
  moneyText,
  moneyYuan,
  percentChange,
  signedInt,
  signedMoney,
  type Impact,
  type PersonChange,
  type PreviewJob,
} from './impact';

/*
 * #/preview?draft=<id>&cohort=<id>&baseline=<id>: the effect of a draft on a cohort before it is
 * published. startPreview runs in a worker on the API; the page polls previewJob every 300 ms.
 */

const DRAFT_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED'];
const POLL_MS = 300;
const COLOURS = { baseline: '#90a4ae', draft: '#1976d2', more: '#c62828', less: '#2e7d32', same: '#9e9e9e', notComparable: '#ff8f00' };

interface CohortOption {
  id: string;
  name: string;
  persons: number;
  jurisdiction: { id: string; name: string };
}

const START = `mutation ($draft: ID!, $cohort: ID!, $baseline: ID) { startPreview(draft: $draft, cohort: $cohort, baseline: $baseline) { ${JOB_FIELDS} } }`;
const POLL = `query ($id: ID!) { previewJob(id: $id) { ${JOB_FIELDS} } }`;
const CANCEL = `mutation ($id: ID!) { cancelPreview(id: $id) { ${JOB_FIELDS} } }`;

export function PreviewPage() {
  const tr = useTr();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const draftId = params.get('draft');
  const cohortId = params.get('cohort');
  const baselineId = params.get('baseline');
  const { versions, loading: versionsLoading, error: versionsError } = useVersionOptions();
  const [cohorts, setCohorts] = useState<CohortOption[]>([]);
  const [cohortsLoading, setCohortsLoading] = useState(true);
  const [job, setJob] = useState<PreviewJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    gql<{ cohorts: CohortOption[] }>(`query { cohorts { id name persons jurisdiction { id name } } }`)
      .then((d) => mounted.current && setCohorts(d.cohorts))
      .catch((e: Error) => mounted.current && setError(e.message))
      .finally(() => mounted.current && setCohortsLoading(false));
    return () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  // a finished result belongs to the versions and cohort it was computed for: drop it when they change
  useEffect(() => {
    setJob((j) => (j && isFinished(j.status) ? null : j));
  }, [draftId, cohortId, baselineId]);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const draft = versions.find((v) => v.id === draftId) ?? null;
  const cohort = cohorts.find((c) => c.id === cohortId) ?? null;
  const draftOptions = useMemo(() => versions.filter((v) => DRAFT_STATUSES.includes(v.status)), [versions]);
  const baselineOptions = useMemo(
    () => versions.filter((v) => v.id !== draftId && (!draft || v.jurisdiction.id === draft.jurisdiction.id)),
    [versions, draft, draftId],
  );
  const cohortOptions = useMemo(() => (draft ? cohorts.filter((c) => c.jurisdiction.id === draft.jurisdiction.id) : cohorts), [cohorts, draft]);
  const source = draft?.sourceVersionId ? versions.find((v) => v.id === draft.sourceVersionId) : undefined;
  const mismatch = draft && cohort && draft.jurisdiction.id !== cohort.jurisdiction.id;
  const running = !!job && !isFinished(job.status);

  const poll = (id: string) => {
    timer.current = setTimeout(async () => {
      try {
        const { previewJob } = await gql<{ previewJob: PreviewJob | null }>(POLL, { id });
        if (!mounted.current) return;
        if (!previewJob) {
          setError(tr('预览任务已不存在（服务器可能已重启），请重新开始。', 'The preview job is gone (the server may have restarted); start again.'));
          setJob(null);
          return;
        }
        setJob(previewJob);
        if (!isFinished(previewJob.status)) poll(id);
      } catch (e) {
        if (!mounted.current) return;
        setError((e as Error).message);
      }
    }, POLL_MS);
  };

  const start = async () => {
    if (!draftId || !cohortId) return;
    if (timer.current) clearTimeout(timer.current);
    setError(null);
    setJob(null);
    setStarting(true);
    try {
      const { startPreview } = await gql<{ startPreview: PreviewJob }>(START, { draft: draftId, cohort: cohortId, baseline: baselineId || null });
      if (!mounted.current) return;
      setJob(startPreview);
      if (!isFinished(startPreview.status)) poll(startPreview.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      if (mounted.current) setStarting(false);
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      const { cancelPreview } = await gql<{ cancelPreview: PreviewJob | null }>(CANCEL, { id: job.id });
      if (timer.current) clearTimeout(timer.current);
      if (mounted.current && cancelPreview) setJob(cancelPreview);
      notify(tr('预览已取消', 'Preview cancelled'), { type: 'info' });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const percent = job ? Math.round(job.progress * 100) : 0;

  return (
    <Box sx={{ p: 2 }}>
      <Title title={tr('影响预览', 'Impact preview')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {tr('预览草稿对参保人群的影响', 'Preview the effect of a draft on a cohort')}
          </Typography>
          {versionsError ? <Alert severity="error">{versionsError}</Alert> : null}
          <Stack spacing={2}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <VersionPicker
                testId="preview-draft"
                label={tr('草稿版本', 'Draft')}
                versions={draftOptions}
                loading={versionsLoading}
                value={draftId}
                onChange={(id) => set('draft', id)}
              />
              <Autocomplete
                data-testid="preview-cohort"
                sx={{ minWidth: 320, flex: 1 }}
                options={cohortOptions}
                loading={cohortsLoading}
                value={cohort}
                groupBy={(c) => c.jurisdiction.name}
                getOptionLabel={(c) => `${c.name}（${c.jurisdiction.name}，${c.persons.toLocaleString('en-US')} ${tr('人', 'persons')}）`}
                isOptionEqualToValue={(x, y) => x.id === y.id}
                onChange={(_e, c) => set('cohort', c?.id ?? null)}
                renderInput={(p) => (
                  <TextField
                    {...p}
                    label={tr('参保人群', 'Cohort')}
                    helperText={cohortId && !cohort && !cohortsLoading ? tr(`找不到参保人群 ${cohortId}`, `No cohort ${cohortId}`) : undefined}
                  />
                )}
              />
            </Stack>
            <VersionPicker
              testId="preview-baseline"
              label={tr('基准版本（可选）', 'Baseline (optional)')}
              placeholder={tr('默认：草稿的来源版本', 'Default: the version the draft was cloned from')}
              helperText={
                baselineId
                  ? undefined
                  : source
                    ? tr(`默认基准：${versionLabel(source, tr)}`, `Default baseline: ${versionLabel(source, tr)}`)
                    : tr('默认基准：草稿的来源版本（无来源时为同年度已发布版本）', 'Default: the version the draft was cloned from (else the one published for its year)')
              }
              versions={baselineOptions}
              loading={versionsLoading}
              value={baselineId}
              onChange={(id) => set('baseline', id)}
            />
            {mismatch ? (
              <Alert severity="warning">
                {tr(
                  `所选参保人群属于${cohort.jurisdiction.name}，草稿属于${draft.jurisdiction.name}：只能预览同一统筹地区的人群。`,
                  `The cohort belongs to ${cohort.jurisdiction.name} and the draft to ${draft.jurisdiction.name}: only a cohort of the same jurisdiction can be previewed.`,
                )}
              </Alert>
            ) : null}
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button variant="contained" onClick={start} disabled={!draftId || !cohortId || running || starting} data-testid="preview-start">
                {tr('开始预览', 'Start preview')}
              </Button>
              {running ? (
                <Button variant="outlined" color="warning" onClick={cancel} data-testid="preview-cancel">
                  {tr('取消', 'Cancel')}
                </Button>
              ) : null}
            </Stack>
            {running || starting ? (
              <Box data-testid="preview-progress">
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                  <LinearProgress variant={starting && !job ? 'indeterminate' : 'determinate'} value={percent} sx={{ flex: 1, height: 8, borderRadius: 4 }} />
                  <Typography variant="body2" sx={{ minWidth: 48 }}>
                    {percent}%
                  </Typography>
                </Stack>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                  {tr('正在按政策规则逐一计算每个人的应缴金额…', 'Computing what each person owes under both versions…')}
                </Typography>
              </Box>
            ) : null}
            {error ? <Alert severity="error">{error}</Alert> : null}
            {job?.status === 'failed' ? <Alert severity="error">{tr(`预览失败：${job.error ?? ''}`, `The preview failed: ${job.error ?? ''}`)}</Alert> : null}
            {job?.status === 'cancelled' ? <Alert severity="info">{tr('预览已取消。', 'The preview was cancelled.')}</Alert> : null}
          </Stack>
        </CardContent>
      </Card>
      {job?.status === 'done' && job.result ? <ImpactView impact={job.result} versions={versions} /> : null}
    </Box>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card sx={{ mb: 2 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

const num = (n: number) => n.toLocaleString('en-US');
const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
const diffColour = (fen: number) => (fen > 0 ? COLOURS.more : fen < 0 ? COLOURS.less : undefined);

function ImpactView({ impact, versions }: { impact: Impact; versions: VersionOption[] }) {
  const tr = useTr();
  const label = (id: string, side: Impact['draft']) => {
    const v = versions.find((x) => x.id === id);
    return v ? versionLabel(v, tr) : `${side.year} · ${statusText(side.status, tr)} · ${id.slice(0, 8)}`;
  };
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const t of [impact.baseline.totals, impact.draft.totals]) for (const c of t.byCategory) if (c.name) m.set(c.category, c.name);
    return m;
  }, [impact]);
  const d = impact.draft.totals;
  const b = impact.baseline.totals;
  const diff = impact.difference;

  return (
    <Box data-testid="preview-result">
      <Section title={tr('概况', 'Overview')}>
        <Stack spacing={0.5}>
          <Typography variant="body2">
            {tr('参保人群', 'Cohort')}：{impact.cohort.name}（{impact.cohort.jurisdiction.name}，{num(impact.persons)} {tr('人', 'persons')}）
          </Typography>
          <Typography variant="body2">
            {tr('草稿', 'Draft')}：{label(impact.draft.policyVersionId, impact.draft)}
          </Typography>
          <Typography variant="body2">
            {tr('基准版本', 'Baseline')}：{label(impact.baseline.policyVersionId, impact.baseline)}
          </Typography>
          <Typography variant="body2" data-testid="preview-duration">
            {tr('计算用时', 'Duration')}：{durationText(impact.durationMs, tr)}；{tr('不同情形数', 'distinct cases')}：{tr('草稿', 'draft')} {num(impact.draft.distinctCases)}，
            {tr('基准', 'baseline')} {num(impact.baseline.distinctCases)}
          </Typography>
        </Stack>
      </Section>

      <Section title={tr('总体对比', 'Totals')}>
        <Table size="small" data-testid="preview-totals">
          <TableHead>
            <TableRow>
              <TableCell>{tr('项目', 'Measure')}</TableCell>
              <TableCell sx={right}>{tr('基准版本', 'Baseline')}</TableCell>
              <TableCell sx={right}>{tr('草稿', 'Draft')}</TableCell>
              <TableCell sx={right}>{tr('差额', 'Difference')}</TableCell>
              <TableCell sx={right}>{tr('变化率', 'Change')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {MEASURES.map((m) => {
              const bv = b[m.key];
              const dv = d[m.key];
              const xv = diff[m.key];
              const bf = m.money ? moneyFen(bv as string) : (bv as number);
              const xf = m.money ? moneyFen(xv as string) : (xv as number);
              return (
                <TableRow key={m.key} data-measure={m.key}>
                  <TableCell>{tr(m.zh, m.en)}</TableCell>
                  <TableCell sx={right}>{m.money ? moneyText(bv as string) : num(bv as number)}</TableCell>
                  <TableCell sx={right}>{m.money ? moneyText(dv as string) : num(dv as number)}</TableCell>
                  <TableCell sx={{ ...right, color: xf !== 0 ? (xf > 0 ? COLOURS.more : COLOURS.less) : undefined, fontWeight: xf !== 0 ? 600 : undefined }}>
                    {m.money ? signedMoney(xv as string) : signedInt(xv as number)}
                  </TableCell>
                  <TableCell sx={right}>{percentChange(bf, xf)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Section>

      <PaysSection impact={impact} />
      <FundSection impact={impact} />
      <CategorySection impact={impact} />
      <UnitSection impact={impact} />
      <PersonsSection title={tr('变化最大的人', 'Largest changes')} rows={impact.largestChanges} names={names} testId="preview-largest" />
      <PersonsSection title={tr('变化示例（每种变化一人）', 'Examples (one person per distinct change)')} rows={impact.examples} names={names} testId="preview-examples" />
      <RefusalSection impact={impact} />
    </Box>
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
  return (
    <Section title={tr('谁多缴、谁少缴', 'Who pays more, who pays less')} testId="preview-pays">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
        <Table size="small" sx={{ maxWidth: 420 }}>
          <TableBody>
            {data.map((x) => (
              <TableRow key={x.key} data-pays={x.key}>
                <TableCell>
                  <Box component="span" sx={{ display: 'inline-block', width: 10, height: 10, bgcolor: x.colour, mr: 1, borderRadius: '2px' }} />
                  {x.name}
                </TableCell>
                <TableCell sx={right}>{num(x.value)}</TableCell>
                <TableCell sx={right}>{total ? `${((x.value / total) * 100).toFixed(1)}%` : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="caption" sx={{ color: 'text.secondary', maxWidth: 280 }}>
          {tr('无法比较：一个版本能计算、另一个版本拒绝计算的人。', 'Not comparable: answered by one version and refused by the other.')}
        </Typography>
        <Box sx={{ width: 320, height: 240 }}>
          {total > 0 ? (
            <ResponsiveContainer width="100%" height="100%">
              <PieChart>
                <Pie data={data.filter((x) => x.value > 0)} dataKey="value" nameKey="name" outerRadius={90} isAnimationActive={false}>
                  {data
                    .filter((x) => x.value > 0)
                    .map((x) => (
                      <Cell key={x.key} fill={x.colour} />
                    ))}
                </Pie>
                <Tooltip />
                <Legend />
              </PieChart>
            </ResponsiveContainer>
          ) : null}
        </Box>
      </Stack>
    </Section>
  );
}

function MoneyCell({ value, signed }: { value: string; signed?: boolean }) {
  const fen = moneyFen(value);
  return (
    <TableCell sx={{ ...right, color: signed ? diffColour(fen) : undefined }}>{signed ? signedMoney(value) : moneyText(value)}</TableCell>
  );
}

function CompareBars({ data }: { data: { name: string; baseline: number; draft: number }[] }) {
  const tr = useTr();
  if (data.length === 0) return null;
  return (
    <Box sx={{ width: '100%', height: Math.max(240, Math.min(480, 60 + data.length * 28)), mt: 2 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} width={90} tickFormatter={(v: number) => v.toLocaleString('en-US')} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(v))} />
          <Legend />
          <Bar dataKey="baseline" name={tr('基准版本', 'Baseline')} fill={COLOURS.baseline} isAnimationActive={false} />
          <Bar dataKey="draft" name={tr('草稿', 'Draft')} fill={COLOURS.draft} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

function FundSection({ impact }: { impact: Impact }) {
  const tr = useTr();
  const rows = fundRows(impact.baseline.totals, impact.draft.totals, impact.difference);
  return (
    <Section title={tr('按资金来源（资助参保金额，元）', 'By fund source (subsidies, CNY)')} testId="preview-funds">
      {rows.length === 0 ? (
        <Typography variant="body2">{tr('两个版本在这一人群中都没有资助参保金额。', 'Neither version pays any subsidy in this cohort.')}</Typography>
      ) : (
        <>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{tr('资金来源', 'Fund source')}</TableCell>
                <TableCell sx={right}>{tr('基准版本', 'Baseline')}</TableCell>
                <TableCell sx={right}>{tr('草稿', 'Draft')}</TableCell>
                <TableCell sx={right}>{tr('差额', 'Difference')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.key}>
                  <TableCell>{r.key}</TableCell>
                  <MoneyCell value={r.baseline} />
                  <MoneyCell value={r.draft} />
                  <MoneyCell value={r.difference} signed />
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <CompareBars data={rows.map((r) => ({ name: r.key, baseline: moneyYuan(r.baseline), draft: moneyYuan(r.draft) }))} />
        </>
      )}
    </Section>
  );
}

function CategorySection({ impact }: { impact: Impact }) {
  const tr = useTr();
  const rows = categoryRows(impact.baseline.totals, impact.draft.totals, impact.difference);
  return (
    <Section title={tr('按减免对象（资助参保）', 'By subsidy category')} testId="preview-categories">
      {rows.length === 0 ? (
        <Typography variant="body2">{tr('这一人群中没有享受资助的人。', 'Nobody in this cohort is subsidised.')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{tr('减免对象', 'Category')}</TableCell>
              <TableCell sx={right}>{tr('基准人数', 'Baseline persons')}</TableCell>
              <TableCell sx={right}>{tr('草稿人数', 'Draft persons')}</TableCell>
              <TableCell sx={right}>{tr('基准金额（元）', 'Baseline (CNY)')}</TableCell>
              <TableCell sx={right}>{tr('草稿金额（元）', 'Draft (CNY)')}</TableCell>
              <TableCell sx={right}>{tr('差额（元）', 'Difference (CNY)')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key}>
                <TableCell>
                  {r.name ?? r.key}
                  <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 1 }}>
                    {r.key}
                  </Typography>
                </TableCell>
                <TableCell sx={right}>{num(r.baselinePersons ?? 0)}</TableCell>
                <TableCell sx={right}>{num(r.draftPersons ?? 0)}</TableCell>
                <MoneyCell value={r.baseline} />
                <MoneyCell value={r.draft} />
                <MoneyCell value={r.difference} signed />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

function UnitSection({ impact }: { impact: Impact }) {
  const tr = useTr();
  if (impact.byUnit.length === 0) return null;
  return (
    <Section title={tr('按乡镇（社区）', 'By unit (township or community)')} testId="preview-units">
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{tr('单位', 'Unit')}</TableCell>
              <TableCell sx={right}>{tr('人数', 'Persons')}</TableCell>
              <TableCell sx={right}>{tr('任务数', 'Target')}</TableCell>
              <TableCell sx={right}>{tr('享受待遇人数（草稿）', 'Covered (draft)')}</TableCell>
              <TableCell sx={right}>{tr('完成率', 'Of target')}</TableCell>
              <TableCell sx={right}>{tr('个人缴费·基准（元）', 'Contributions, baseline')}</TableCell>
              <TableCell sx={right}>{tr('个人缴费·草稿（元）', 'Contributions, draft')}</TableCell>
              <TableCell sx={right}>{tr('个人缴费差额', 'Difference')}</TableCell>
              <TableCell sx={right}>{tr('资助差额', 'Subsidies difference')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {impact.byUnit.map((u) => (
              <TableRow key={u.unit} data-unit={u.unit}>
                <TableCell>{u.unit}</TableCell>
                <TableCell sx={right}>{num(u.persons)}</TableCell>
                <TableCell sx={right}>{u.target === null ? '—' : num(u.target)}</TableCell>
                <TableCell sx={right}>{num(u.draft.covered)}</TableCell>
                <TableCell sx={right}>{u.targetPercent === null ? '—' : `${u.targetPercent.toFixed(2)}%`}</TableCell>
                <MoneyCell value={u.baseline.individualContributions} />
                <MoneyCell value={u.draft.individualContributions} />
                <MoneyCell value={u.difference.individualContributions} signed />
                <MoneyCell value={u.difference.subsidies} signed />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {tr('个人缴费合计（元）', 'Individual contributions (CNY)')}
      </Typography>
      <CompareBars
        data={impact.byUnit.map((u) => ({ name: u.unit, baseline: moneyYuan(u.baseline.individualContributions), draft: moneyYuan(u.draft.individualContributions) }))}
      />
    </Section>
  );
}

function PersonsSection({ title, rows, names, testId }: { title: string; rows: PersonChange[]; names: Map<string, string>; testId: string }) {
  const tr = useTr();
  return (
    <Section title={title} testId={testId}>
      {rows.length === 0 ? (
        <Typography variant="body2">{tr('没有人的应缴金额发生变化。', "Nobody's amount due changes.")}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{tr('人员编号', 'Person')}</TableCell>
                <TableCell>{tr('单位', 'Unit')}</TableCell>
                <TableCell>{tr('减免对象', 'Categories')}</TableCell>
                <TableCell>{tr('特殊人群', 'Groups')}</TableCell>
                <TableCell>{tr('出生日期', 'Born')}</TableCell>
                <TableCell>{tr('缴费日期', 'Paid on')}</TableCell>
                <TableCell sx={right}>{tr('基准应缴（元）', 'Baseline due')}</TableCell>
                <TableCell sx={right}>{tr('草稿应缴（元）', 'Draft due')}</TableCell>
                <TableCell sx={right}>{tr('变化（元）', 'Change')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((p, i) => (
                <TableRow key={`${p.personId}-${i}`} data-person={p.personId}>
                  <TableCell>{p.personId}</TableCell>
                  <TableCell>{p.unit}</TableCell>
                  <TableCell>{p.categories.length ? p.categories.map((c) => (names.has(c) ? `${names.get(c)}（${c}）` : c)).join('、') : '—'}</TableCell>
                  <TableCell>{p.groups.length ? p.groups.join('、') : '—'}</TableCell>
                  <TableCell>{p.birthDate ?? '—'}</TableCell>
                  <TableCell>{p.paymentDate ?? tr('集中缴费期', 'central window')}</TableCell>
                  <MoneyCell value={p.baselineDue} />
                  <MoneyCell value={p.draftDue} />
                  <MoneyCell value={p.change} signed />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Section>
  );
}

function RefusalSection({ impact }: { impact: Impact }) {
  const tr = useTr();
  const sides = [
    { key: 'baseline', name: tr('基准版本', 'Baseline'), side: impact.baseline },
    { key: 'draft', name: tr('草稿', 'Draft'), side: impact.draft },
  ];
  const any = sides.some((s) => s.side.refusals.length || s.side.unknownCodes.length);
  if (!any) return null;
  return (
    <Section title={tr('无法计算的人与未知代码', 'Refusals and unknown codes')} testId="preview-refusals">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
        {sides.map(({ key, name, side }) => (
          <Box key={key} sx={{ flex: 1 }} data-side={key}>
            <Typography variant="subtitle2">{name}</Typography>
            {side.refusals.length ? (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{tr('拒绝原因', 'Reason')}</TableCell>
                    <TableCell sx={right}>{tr('人数', 'Persons')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {side.refusals.map((r) => (
                    <TableRow key={r.reason}>
                      <TableCell>{r.reason}</TableCell>
                      <TableCell sx={right}>{num(r.persons)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Typography variant="body2">{tr('没有无法计算的人。', 'Everyone was answered.')}</Typography>
            )}
            {side.unknownCodes.length ? (
              <>
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {tr('该版本不认识的代码（已忽略）：', 'Codes this version does not know (ignored):')}
                </Typography>
                <Table size="small">
                  <TableBody>
                    {side.unknownCodes.map((c) => (
                      <TableRow key={c.key}>
                        <TableCell>{c.key}</TableCell>
                        <TableCell sx={right}>{num(c.persons)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            ) : null}
          </Box>
        ))}
      </Stack>
    </Section>
  );
}
