import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useNotify } from 'react-admin';
import { Alert, Autocomplete, Box, Button, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { gql } from '../api';
import { useTr } from '../i18n';
import { countText } from '../format';
import { Page, Section, useLang } from '../ui';
import { useAbilities } from '../permissions';
import { useVersionOptions, VersionPicker, versionLabel } from '../compare/VersionPicker';
import { isFinished, JOB_FIELDS, type PreviewJob } from './impact';
import { ImpactView } from './ImpactView';

/*
 * #/preview?draft=<id>&cohort=<id>&baseline=<id>: the effect of a draft on a cohort before it is
 * published. startPreview runs in a worker on the API; the page polls previewJob every 300 ms.
 */

const DRAFT_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED'];
const POLL_MS = 300;

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
  const lang = useLang();
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
  // a preview is run by the jurisdiction's drafters and approvers (and admins); auditors read (api/modules/jobs/job-access.ts)
  const abilities = useAbilities();
  const mayRun = !draft || abilities.has('admin') || abilities.can('drafter', draft.jurisdiction.id) || abilities.can('approver', draft.jurisdiction.id);

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
    <Page title={tr('影响预览', 'Impact preview')}>
      <Section title={tr('预览草案对参保人群的影响', 'Preview the effect of a draft on a cohort')}>
          {versionsError ? <Alert severity="error">{versionsError}</Alert> : null}
          <Stack spacing={2}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <VersionPicker
                testId="preview-draft"
                label={tr('草案', 'Draft')}
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
                getOptionLabel={(c) => `${c.name}（${c.jurisdiction.name}，${countText(c.persons)}${tr('人', ' persons')}）`}
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
              placeholder={tr('默认：草案的来源版本', 'Default: the version the draft was cloned from')}
              helperText={
                baselineId
                  ? undefined
                  : source
                    ? tr(`默认基准：${versionLabel(source, lang)}`, `Default baseline: ${versionLabel(source, lang)}`)
                    : tr('默认基准：草案的来源版本（无来源时为同年度已发布版本）', 'Default: the version the draft was cloned from (else the one published for its year)')
              }
              versions={baselineOptions}
              loading={versionsLoading}
              value={baselineId}
              onChange={(id) => set('baseline', id)}
            />
            {mismatch ? (
              <Alert severity="warning">
                {tr(
                  `所选参保人群属于${cohort.jurisdiction.name}，草案属于${draft.jurisdiction.name}：只能预览同一统筹地区的人群。`,
                  `The cohort belongs to ${cohort.jurisdiction.name} and the draft to ${draft.jurisdiction.name}: only a cohort of the same jurisdiction can be previewed.`,
                )}
              </Alert>
            ) : null}
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button variant="contained" onClick={start} disabled={!draftId || !cohortId || running || starting || !mayRun} data-testid="preview-start">
                {tr('开始预览', 'Start preview')}
              </Button>
              {running ? (
                <Button variant="outlined" color="warning" onClick={cancel} data-testid="preview-cancel">
                  {tr('取消', 'Cancel')}
                </Button>
              ) : null}
            </Stack>
            {!mayRun ? (
              <Alert severity="info" data-testid="preview-not-allowed">
                {tr(
                  `预览由${draft?.jurisdiction.name ?? '该地区'}的起草人或审核人运行；审计人可查看版本、参保人群和对比结果。`,
                  `Previews are run by the drafters and approvers of ${draft?.jurisdiction.name ?? 'the jurisdiction'}; auditors read versions, cohorts and comparisons.`,
                )}
              </Alert>
            ) : null}
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
      </Section>
      {job?.status === 'done' && job.result ? <ImpactView impact={job.result} versions={versions} /> : null}
    </Page>
  );
}

