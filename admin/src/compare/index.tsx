import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { gql } from '../api';
import { useTr } from '../i18n';
import { countKinds, filterChanges, groupBySection, KIND_NAMES, sideBySide, type Change, type Line } from './changes';
import { figureRows, FIGURES_FIELDS, type VersionFigures } from './figures';
import { useVersionOptions, VersionPicker, versionLabel } from './VersionPicker';
import { Code, DataTable, Page, Section, useLang } from '../ui';

/*
 * #/compare?a=<versionId>&b=<versionId>: what changed from version a to version b (compareVersions),
 * grouped by section, with the key figures of both versions side by side for orientation.
 */

const COMPARE = `query ($a: ID!, $b: ID!) { compareVersions(a: $a, b: $b) { path kind before after label summary } }`;
const FIGURES = `query ($id: ID!) { policyVersion(id: $id) { ${FIGURES_FIELDS} } }`;

export function ComparePage() {
  const tr = useTr();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const a = params.get('a');
  const b = params.get('b');
  const { versions, loading: versionsLoading, error: versionsError } = useVersionOptions();
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [figures, setFigures] = useState<{ a: VersionFigures | null; b: VersionFigures | null }>({ a: null, b: null });
  const [filter, setFilter] = useState('');
  const [raw, setRaw] = useState(false);

  const pick = (which: 'a' | 'b', id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set(which, id);
    else next.delete(which);
    setParams(next, { replace: true });
  };
  const swap = () => {
    const next = new URLSearchParams(params);
    if (b) next.set('a', b);
    else next.delete('a');
    if (a) next.set('b', a);
    else next.delete('b');
    setParams(next, { replace: true });
  };

  useEffect(() => {
    setChanges(null);
    setError(null);
    if (!a || !b) return;
    let live = true;
    setLoading(true);
    gql<{ compareVersions: Change[] }>(COMPARE, { a, b })
      .then((d) => live && setChanges(d.compareVersions))
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [a, b]);

  useEffect(() => {
    let live = true;
    const load = (id: string | null) =>
      id ? gql<{ policyVersion: VersionFigures | null }>(FIGURES, { id }).then((d) => d.policyVersion).catch(() => null) : Promise.resolve(null);
    setFigures({ a: null, b: null });
    Promise.all([load(a), load(b)]).then(([fa, fb]) => live && setFigures({ a: fa, b: fb }));
    return () => {
      live = false;
    };
  }, [a, b]);

  const shown = useMemo(() => (changes ? filterChanges(changes, filter) : []), [changes, filter]);
  const sections = useMemo(() => groupBySection(shown), [shown]);
  const kinds = useMemo(() => countKinds(changes ?? []), [changes]);
  const va = versions.find((v) => v.id === a);
  const vb = versions.find((v) => v.id === b);

  return (
    <Page title={tr('版本对比', 'Compare versions')}>
      <Section title={tr('选择要比较的两个版本', 'Pick the two versions to compare')}>
          {versionsError ? <Alert severity="error">{versionsError}</Alert> : null}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'center' }}>
            <VersionPicker testId="compare-a" label={tr('基准版本（比较自）', 'Version A (from)')} versions={versions} loading={versionsLoading} value={a} onChange={(id) => pick('a', id)} />
            <Button onClick={swap} startIcon={<SwapHorizIcon />} disabled={!a && !b}>
              {tr('交换', 'Swap')}
            </Button>
            <VersionPicker testId="compare-b" label={tr('对比版本（比较至）', 'Version B (to)')} versions={versions} loading={versionsLoading} value={b} onChange={(id) => pick('b', id)} />
          </Stack>
      </Section>

      {!a || !b ? (
        <Alert severity="info">{tr('请选择两个版本：列出从基准版本到对比版本的全部变化。', 'Pick two versions: every change from version A to version B is listed.')}</Alert>
      ) : null}

      {a || b ? <KeyFigures a={figures.a} b={figures.b} /> : null}

      {error ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      ) : null}
      {loading ? <CircularProgress /> : null}

      {changes ? (
        <Card>
          <CardContent>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="h6">{tr('变化', 'Changes')}</Typography>
                {va && vb ? (
                  <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                    {versionLabel(va, lang)} → {versionLabel(vb, lang)}
                  </Typography>
                ) : null}
              </Box>
              <TextField
                sx={{ width: { xs: '100%', md: 320 } }}
                size="small"
                label={tr('筛选', 'Filter')}
                placeholder={tr('字段、摘要或数值', 'field, summary or value')}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'compare-filter' } }}
              />
              <FormControlLabel control={<Switch checked={raw} onChange={(e) => setRaw(e.target.checked)} />} label={tr('原始 JSON', 'Raw JSON')} />
            </Stack>
            <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
              <Typography data-testid="compare-count" variant="body2">
                {filter.trim()
                  ? tr(`共 ${changes.length} 处变化，筛选后 ${shown.length} 处`, `${shown.length} of ${changes.length} changes`)
                  : tr(`共 ${changes.length} 处变化`, `${changes.length} changes`)}
              </Typography>
              {Object.entries(KIND_NAMES).map(([k, [zh, en, colour]]) =>
                kinds[k] ? <Chip key={k} size="small" label={`${tr(zh, en)} ${kinds[k]}`} sx={{ bgcolor: colour, color: '#fff' }} /> : null,
              )}
            </Stack>
            {changes.length === 0 ? <Alert severity="success">{tr('两个版本的内容相同。', 'The two versions have the same content.')}</Alert> : null}
            {changes.length > 0 && shown.length === 0 ? <Alert severity="info">{tr('没有符合筛选条件的变化。', 'No change matches the filter.')}</Alert> : null}
            <Box data-testid="compare-changes">
              {sections.map((s) => (
                <Box key={s.key} sx={{ mb: 3 }} data-section={s.key}>
                  <Typography variant="subtitle1" sx={{ fontWeight: 600, borderBottom: 1, borderColor: 'divider', mb: 1 }}>
                    {tr(s.zh, s.en)}（{s.changes.length}）
                  </Typography>
                  <DataTable
                    fixed
                    rows={s.changes}
                    rowKey={(c, i) => `${c.path}-${c.kind}-${i}`}
                    rowProps={(c) => ({ 'data-path': c.path })}
                    columns={[
                      { head: tr('类型', 'Kind'), sx: { width: 96 }, cell: (c) => <KindChip kind={c.kind} /> },
                      {
                        head: tr('字段', 'Field'),
                        sx: { width: '18%' },
                        cell: (c) => (
                          <>
                            <Typography variant="body2">{c.label}</Typography>
                            <Code block>{c.path}</Code>
                          </>
                        ),
                      },
                      {
                        head: tr('摘要', 'Summary'),
                        sx: { width: '26%' },
                        cell: (c) => (
                          <Typography variant="body2" data-testid="change-summary" sx={{ wordBreak: 'break-word' }}>
                            {c.summary}
                          </Typography>
                        ),
                      },
                      { head: tr('修改前（基准版本）', 'Before (A)'), cell: (c) => <Side change={c} side="before" raw={raw} /> },
                      { head: tr('修改后（对比版本）', 'After (B)'), cell: (c) => <Side change={c} side="after" raw={raw} /> },
                    ]}
                  />
                </Box>
              ))}
            </Box>
          </CardContent>
        </Card>
      ) : null}
    </Page>
  );
}

function KindChip({ kind }: { kind: string }) {
  const tr = useTr();
  const k = KIND_NAMES[kind];
  return <Chip size="small" label={k ? tr(k[0], k[1]) : kind} sx={{ bgcolor: k?.[2] ?? 'grey.500', color: '#fff' }} data-kind={kind} />;
}

/** One side of a change: its lines (the differing ones marked), or its JSON. */
function Side({ change, side, raw }: { change: Change; side: 'before' | 'after'; raw: boolean }) {
  const lang = useLang();
  const sides = useMemo(() => sideBySide(change.before, change.after, change.path, lang), [change, lang]);
  return raw ? <RawValue value={change[side]} /> : <Lines lines={sides[side]} tone={side} />;
}

const valueBox = { fontFamily: 'monospace', fontSize: 12, maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word', m: 0 } as const;

function RawValue({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <Typography variant="body2">—</Typography>;
  return (
    <Box component="pre" sx={valueBox} data-code>
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}

function Lines({ lines, tone }: { lines: Line[]; tone: 'before' | 'after' }) {
  if (lines.length === 0) return <Typography variant="body2">—</Typography>;
  const highlight = tone === 'before' ? 'rgba(198, 40, 40, 0.12)' : 'rgba(46, 125, 50, 0.14)';
  return (
    <Box sx={{ ...valueBox, fontFamily: 'inherit', fontSize: 13 }}>
      {lines.map((l, i) => (
        <Box key={i} data-changed={l.changed ? 'true' : undefined} sx={{ bgcolor: l.changed ? highlight : undefined, px: 0.5, borderRadius: 0.5 }}>
          {l.label ? (
            <Box component="span" sx={{ color: 'text.secondary' }} title={l.key}>
              {l.label}：
            </Box>
          ) : null}
          {l.text}
        </Box>
      ))}
    </Box>
  );
}

function KeyFigures({ a, b }: { a: VersionFigures | null; b: VersionFigures | null }) {
  const tr = useTr();
  const rows = figureRows(a, b, tr, useLang());
  return (
    <Card sx={{ mb: 2 }} data-testid="compare-figures">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {tr('主要参数对照', 'Key figures side by side')}
        </Typography>
        <DataTable
          rows={rows}
          rowKey={(r) => r.label}
          rowProps={(r) => (r.differs ? { sx: { bgcolor: 'rgba(255, 160, 0, 0.12)' }, 'data-differs': 'true' } : {})}
          columns={[
            { head: tr('项目', 'Item'), sx: { width: '20%' }, cell: (r) => (r.differs ? <b>{r.label}</b> : r.label) },
            { head: tr('基准版本', 'Version A'), cell: (r) => r.a },
            { head: tr('对比版本', 'Version B'), cell: (r) => r.b },
          ]}
        />
      </CardContent>
    </Card>
  );
}
