import { useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { Alert, Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { MONEY, dateTime, money } from '../../../policy-schemas/format';
import { errorText, gql } from '../api';
import { useTr } from '../i18n';
import { useAbilities } from '../permissions';

/*
 * 审核要点: what the approver decides on, beside the review items (review-items.tsx) — the submission's
 * note, the changes against the source version, the questions the notice leaves open, and the latest
 * impact preview (cohort, when, totals; whether the draft changed since, in which case approving needs
 * a new one). Approval records that preview (approve defaults to the latest one). For published
 * versions: the corrections between notices, and 发布更正 for drafters.
 */

interface Totals {
  persons: number;
  draftIndividualContributions: string;
  baselineIndividualContributions: string;
  draftSubsidies: string;
  baselineSubsidies: string;
  draftGovernmentSubsidy: string;
  baselineGovernmentSubsidy: string;
  paysMore: number;
  paysLess: number;
  paysSame: number;
}
interface Preview {
  job: string;
  revision: number;
  current: boolean;
  cohortName: string;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  totals: Totals | null;
  approvedAt: string | null;
}
interface Question {
  code: string;
  path: string;
  clause: string | null;
  question: string;
  suggestion: string;
}
interface Correction {
  kind: 'AMENDMENT' | 'ERRATA';
  version: { id: string; documentNumber: string; status: string; year: number };
}
interface ReviewData {
  submission: { by: string | null; at: string; comment: string | null } | null;
  openQuestions: Question[];
  latestPreview: Preview | null;
  approvedPreview: Preview | null;
  corrects: Correction | null;
  correctedBy: Correction[];
}

const PREVIEW = 'job revision current cohortName startedBy startedAt finishedAt status approvedAt totals { persons draftIndividualContributions baselineIndividualContributions draftSubsidies baselineSubsidies draftGovernmentSubsidy baselineGovernmentSubsidy paysMore paysLess paysSame }';
const CORRECTION = 'kind version { id documentNumber status year }';
const QUERY = `query($id: ID!) { policyVersion(id: $id) {
  submission { by at comment } openQuestions { code path clause question suggestion }
  latestPreview { ${PREVIEW} } approvedPreview { ${PREVIEW} } corrects { ${CORRECTION} } correctedBy { ${CORRECTION} } } }`;

/** Money on the wire is yuan as a decimal string; shown as notices write it. */
const yuan = (s: string) => money(Math.round(Number(s) * 100), { ...MONEY.table, unit: 'yuan' });

function PreviewCard({ p, title }: { p: Preview; title: string }) {
  const tr = useTr();
  const t = p.totals;
  const row = (label: string, draft: string, base: string) => (
    <TableRow key={label}>
      <TableCell>{label}</TableCell>
      <TableCell align="right">{yuan(draft)}</TableCell>
      <TableCell align="right">{yuan(base)}</TableCell>
      <TableCell align="right">{yuan(String(Number(draft) - Number(base)))}</TableCell>
    </TableRow>
  );
  return (
    <Box sx={{ mb: 1 }} data-testid={`preview-${p.approvedAt ? 'approved' : 'latest'}`}>
      <Typography variant="subtitle2">
        {title}：{tr('人群', 'Cohort')}「{p.cohortName}」，{p.finishedAt ? dateTime(p.finishedAt) : dateTime(p.startedAt)}
        {p.startedBy ? `，${p.startedBy}` : ''}，{tr(`修订${p.revision}`, `revision ${p.revision}`)}{' '}
        <Chip size="small" label={p.status === 'done' ? tr('已完成', 'done') : p.status === 'running' ? tr('进行中', 'running') : tr('未完成', p.status)} />
        {p.approvedAt ? <Chip size="small" color="success" sx={{ ml: 1 }} label={`${tr('审核依据', 'approved on')} ${dateTime(p.approvedAt)}`} /> : null}
      </Typography>
      {!p.current ? (
        <Alert severity="warning" sx={{ my: 1 }} data-testid="preview-outdated">
          {tr('草案在此次预览之后已修改，审核通过前须重新运行影响预览。', 'The draft changed after this preview; run a new preview before approving.')}
        </Alert>
      ) : null}
      {t ? (
        <Table size="small" sx={{ maxWidth: 720 }}>
          <TableHead>
            <TableRow>
              <TableCell>{tr(`合计（${t.persons}人）`, `Totals (${t.persons} persons)`)}</TableCell>
              <TableCell align="right">{tr('草案', 'Draft')}</TableCell>
              <TableCell align="right">{tr('基准', 'Baseline')}</TableCell>
              <TableCell align="right">{tr('差额', 'Difference')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {row(tr('个人缴费', 'Individual contributions'), t.draftIndividualContributions, t.baselineIndividualContributions)}
            {row(tr('资助金额', 'Subsidies'), t.draftSubsidies, t.baselineSubsidies)}
            {row(tr('财政补助', 'Government subsidy'), t.draftGovernmentSubsidy, t.baselineGovernmentSubsidy)}
            <TableRow>
              <TableCell colSpan={4}>
                {tr(`多缴 ${t.paysMore} 人，少缴 ${t.paysLess} 人，不变 ${t.paysSame} 人`, `${t.paysMore} pay more, ${t.paysLess} less, ${t.paysSame} the same`)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
}

export function ReviewPanel({ version }: { version: { id: string; status: string; revision: number; year: number; sourceVersionId: string | null; jurisdiction: { id: string } } }) {
  const tr = useTr();
  const navigate = useNavigate();
  const can = useAbilities().can;
  const [data, setData] = useState<ReviewData | null>(null);
  const [changes, setChanges] = useState<{ summary: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<null | { kind: 'ERRATA' | 'AMENDMENT'; number: string }>(null);

  useEffect(() => {
    let live = true;
    gql<{ policyVersion: ReviewData | null }>(QUERY, { id: version.id }).then(
      (d) => live && setData(d.policyVersion),
      (e: unknown) => live && setError(errorText(e, tr)),
    );
    if (version.sourceVersionId)
      gql<{ compareVersions: { summary: string }[] }>(`query($a: ID!, $b: ID!) { compareVersions(a: $a, b: $b) { summary } }`, { a: version.sourceVersionId, b: version.id }).then(
        (d) => live && setChanges(d.compareVersions),
        () => live && setChanges(null),
      );
    return () => {
      live = false;
    };
  }, [version.id, version.revision, version.status]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return null;
  const inWork = ['DRAFT', 'IN_REVIEW', 'APPROVED'].includes(version.status);
  const createCorrection = async () => {
    if (!correcting) return;
    try {
      const d = await gql<{ createCorrection: { id: string } }>(`mutation($o: ID!, $k: CorrectionKind!, $n: String!) { createCorrection(of: $o, kind: $k, documentNumber: $n) { id } }`, {
        o: version.id,
        k: correcting.kind,
        n: correcting.number,
      });
      navigate(`/policyVersions/${d.createCorrection.id}/show`);
    } catch (e) {
      setError(errorText(e, tr));
    }
  };
  const kindWord = (k: string) => (k === 'ERRATA' ? tr('更正', 'Errata') : tr('修订', 'Amendment'));

  return (
    <Box sx={{ my: 2 }} data-testid="review-panel">
      {data.corrects ? (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="corrects">
          {tr('本版本是对', 'This version is the ')}
          <RouterLink to={`/policyVersions/${data.corrects.version.id}/show`}>{data.corrects.version.documentNumber}</RouterLink>
          {tr(`的${kindWord(data.corrects.kind)}`, ` ${kindWord(data.corrects.kind).toLowerCase()} of it`)}
        </Alert>
      ) : null}
      {data.correctedBy.length ? (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="corrected-by">
          {tr('本通知已被更正或修订：', 'Corrected by: ')}
          {data.correctedBy.map((c, i) => (
            <span key={c.version.id}>
              {i ? '、' : ''}
              <RouterLink to={`/policyVersions/${c.version.id}/show`}>{c.version.documentNumber}</RouterLink>（{kindWord(c.kind)}）
            </span>
          ))}
        </Alert>
      ) : null}
      {inWork ? (
        <>
          <Typography variant="h6" sx={{ mt: 1 }}>
            {tr('审核要点', 'For the reviewer')}
          </Typography>
          {data.submission ? (
            <Box sx={{ mb: 1 }} data-testid="submission">
              <Typography variant="subtitle2">
                {tr('提交说明', 'Submission')}：{data.submission.by ?? '—'}，{dateTime(data.submission.at)}
              </Typography>
              <Typography variant="body2">{data.submission.comment ?? tr('（无说明）', '(no comment)')}</Typography>
            </Box>
          ) : null}
          {changes ? (
            <Box sx={{ mb: 1 }} data-testid="changes">
              <Typography variant="subtitle2">{tr(`与来源版本相比的变更（${changes.length}项）`, `Changes against the source (${changes.length})`)}</Typography>
              <ul style={{ margin: '4px 0' }}>
                {changes.slice(0, 30).map((c, i) => (
                  <li key={i}>{c.summary}</li>
                ))}
              </ul>
              {changes.length > 30 ? (
                <Button size="small" component={RouterLink} to={`/compare?a=${version.sourceVersionId}&b=${version.id}`}>
                  {tr('查看全部变更', 'All changes')}
                </Button>
              ) : null}
            </Box>
          ) : null}
          {data.latestPreview ? <PreviewCard p={data.latestPreview} title={tr('最新影响预览', 'Latest impact preview')} /> : (
            <Alert severity="info" sx={{ mb: 1 }}>
              {tr('尚未对本版本运行影响预览。', 'No impact preview has been run on this version.')}{' '}
              <RouterLink to={`/preview?draft=${version.id}`}>{tr('运行影响预览', 'Run a preview')}</RouterLink>
            </Alert>
          )}
          {data.approvedPreview ? <PreviewCard p={data.approvedPreview} title={tr('审核时所依据的预览', 'Preview approved on')} /> : null}
        </>
      ) : null}
      {data.openQuestions.length ? (
        <Box sx={{ mb: 1 }} data-testid="open-questions">
          <Typography variant="subtitle2">{tr(`通知未明确的问题（${data.openQuestions.length}项）`, `Questions the notice leaves open (${data.openQuestions.length})`)}</Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{tr('条款', 'Clause')}</TableCell>
                <TableCell>{tr('问题', 'Question')}</TableCell>
                <TableCell>{tr('建议表述', 'Suggested wording')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.openQuestions.map((q, i) => (
                <TableRow key={i}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{q.clause ?? '—'}</TableCell>
                  <TableCell>{q.question}</TableCell>
                  <TableCell>{q.suggestion}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : null}
      {version.status === 'PUBLISHED' && can('drafter', version.jurisdiction.id) ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }}>
          {correcting ? (
            <>
              <TextField size="small" label={tr('更正文件的文号', 'Document number of the correction')} value={correcting.number} onChange={(e) => setCorrecting({ ...correcting, number: e.target.value })} />
              <Button variant="contained" disabled={!correcting.number.trim()} onClick={() => void createCorrection()}>
                {tr(`新建${kindWord(correcting.kind)}草案`, `New ${kindWord(correcting.kind).toLowerCase()} draft`)}
              </Button>
              <Button onClick={() => setCorrecting(null)}>{tr('取消', 'Cancel')}</Button>
            </>
          ) : (
            <>
              <Button size="small" variant="outlined" onClick={() => setCorrecting({ kind: 'ERRATA', number: '' })}>
                {tr('发布更正', 'Errata')}
              </Button>
              <Button size="small" variant="outlined" onClick={() => setCorrecting({ kind: 'AMENDMENT', number: '' })}>
                {tr('修订重发', 'Amendment')}
              </Button>
            </>
          )}
        </Stack>
      ) : null}
    </Box>
  );
}
