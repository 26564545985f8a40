import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Tab, Tabs, Typography } from '@mui/material';
import { ShowBase, Title, useRecordContext } from 'react-admin';
import { gql } from '../api';
import { useTr } from '../i18n';
import { NoticeView } from '../notice/NoticeView';
import { StatusChip } from '../status';
import { WorkflowButtons } from './workflow';
import { ReviewItems } from './review-items';
import { ReviewPanel } from '../notice/review';
import { actionName, DiffLines } from '../history';
import { messageZh } from '../editor/messages';
import { autoChangeReason, autoValue } from './auto-changes';
import { versionFileName } from './file-name';
import type { VersionHeader } from './types';
import { dateText, dateTimeText } from '../format';
import { Code, DataTable, useLang } from '../ui';

interface VersionRecord extends VersionHeader {
  revision: number;
  contentHash: string;
  publishedAt: string | null;
  effectiveFrom: string | null;
  supersededAt: string | null;
  sourceVersionId: string | null;
  sourceAmended: boolean;
  createdBy: string | null;
  updatedBy: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  publishedBy: string | null;
  reviewComment: string | null;
  editedBy: string[];
  updatedAt: string;
  autoChanges: { path: string; label: string; before: unknown; after: unknown; reason: string }[];
  warnings: { path: string; code: string; message: string }[];
  jurisdiction: { id: string; name: string; code: string | null };
  document: any;
}

export function PolicyVersionShow() {
  return (
    <ShowBase>
      <VersionPage />
    </ShowBase>
  );
}

function VersionPage() {
  const tr = useTr();
  const lang = useLang();
  const v = useRecordContext<VersionRecord>();
  const [tab, setTab] = useState(0);
  // react-admin may first render the row from a list (without the document) while the record loads
  if (!v || !v.document) return <Typography sx={{ m: 2 }}>{tr('加载中…', 'Loading…')}</Typography>;
  const people = [
    [tr('创建', 'Created'), v.createdBy],
    [tr('编辑', 'Edited'), v.editedBy.join('、') || null],
    [tr('提交', 'Submitted'), v.submittedBy],
    [tr('审核', 'Approved'), v.approvedBy],
    [tr('发布', 'Published'), v.publishedBy],
  ].filter(([, who]) => who);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={tr(`${v.jurisdiction.name}${v.year}年度`, `${v.jurisdiction.name} ${v.year}`)} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: "wrap", alignItems: "center" }}>
            <Typography variant="h6" data-testid="version-title">
              {v.title}
            </Typography>
            <StatusChip status={v.status} />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {[
              v.jurisdiction.name,
              tr(`${v.year}年度`, `coverage year ${v.year}`),
              v.documentNumber,
              tr(`修订${v.revision}`, `revision ${v.revision}`),
              v.publishedAt ? tr(`发布于${dateTimeText(v.publishedAt)}`, `published ${dateTimeText(v.publishedAt, lang)}`) : null,
              v.effectiveFrom ? tr(`${dateText(v.effectiveFrom)}起生效`, `effective ${dateText(v.effectiveFrom, lang)}`) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {people.map(([what, who]) => `${what}：${who}`).join('　')}
          </Typography>
          {v.sourceAmended ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {tr('克隆来源已被新发布的版本取代，请对比后确认本草案是否需要同步修改。', 'The version this draft was cloned from has since been superseded; compare before going on.')}
            </Alert>
          ) : null}
          {v.reviewComment ? (
            <Alert severity="info" sx={{ mb: 2 }}>
              {tr('审核意见', 'Review comment')}：{v.reviewComment}
            </Alert>
          ) : null}
          <ReviewItems version={v} />
          <ReviewPanel version={v} />
          <WorkflowButtons version={v} />
          <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
            <Button component={RouterLink} to={`/policyVersions/${v.id}/notice`} size="small">
              {tr('通知全文（打印 / 下载）', 'Notice (print / download)')}
            </Button>
            {v.sourceVersionId ? (
              <Button component={RouterLink} to={`/compare?a=${v.sourceVersionId}&b=${v.id}`} size="small">
                {tr('与来源版本对比', 'Compare with source')}
              </Button>
            ) : (
              <Button component={RouterLink} to={`/compare?b=${v.id}`} size="small">
                {tr('对比', 'Compare')}
              </Button>
            )}
            {['DRAFT', 'IN_REVIEW', 'APPROVED'].includes(v.status) ? (
              <Button component={RouterLink} to={`/preview?draft=${v.id}`} size="small">
                {tr('影响预览', 'Impact preview')}
              </Button>
            ) : null}
            <Button size="small" onClick={() => void exportVersion(v, lang)}>
              {tr('导出 JSON', 'Export JSON')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <Tabs value={tab} onChange={(_, t: number) => setTab(t)} variant="scrollable">
          <Tab label={tr('通知', 'Notice')} />
          <Tab label={`${tr('提示', 'Warnings')} (${v.warnings.length})`} />
          <Tab label={`${tr('自动变更', 'Automatic changes')} (${v.autoChanges.length})`} />
          <Tab label={tr('历史', 'History')} />
        </Tabs>
        <CardContent>
          {tab === 0 ? <NoticeView document={v.document} /> : null}
          {tab === 1 ? (
            v.warnings.length ? (
              v.warnings.map((w, i) => (
                <Alert key={i} severity="warning" sx={{ mb: 1 }}>
                  {lang === 'zh' ? messageZh(w.message) : w.message}
                  <Code>{w.path}</Code>
                </Alert>
              ))
            ) : (
              <Typography>{tr('无', 'None')}</Typography>
            )
          ) : null}
          {tab === 2 ? (
            <DataTable
              rows={v.autoChanges}
              rowKey={(c, i) => `${c.path}-${i}`}
              testId="auto-changes"
              columns={[
                {
                  head: tr('字段', 'Field'),
                  cell: (c) => (
                    <>
                      {c.label}
                      <Code block>{c.path}</Code>
                    </>
                  ),
                },
                { head: tr('原值', 'Before'), cell: (c) => autoValue(c.before, c.path, lang) },
                { head: tr('新值', 'After'), cell: (c) => autoValue(c.after, c.path, lang) },
                { head: tr('原因', 'Reason'), cell: (c) => autoChangeReason(c.reason, lang) },
              ]}
            />
          ) : null}
          {/* every action (approve, publish, an acknowledgement …) saves the version: the history follows */}
          {tab === 3 ? <VersionHistory id={v.id} version={`${v.status}-${v.revision}-${v.updatedAt}`} /> : null}
        </CardContent>
      </Card>
    </Box>
  );
}

async function exportVersion(v: VersionRecord, lang: 'zh' | 'en') {
  const d = await gql<{ exportPolicyVersion: unknown }>(`query ($id: ID!) { exportPolicyVersion(id: $id) }`, { id: v.id });
  const blob = new Blob([JSON.stringify(d.exportPolicyVersion, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = versionFileName(v, 'json', lang);
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

interface Entry {
  id: string;
  at: string;
  username: string | null;
  action: string;
  comment: string | null;
  diff: { path?: string; summary?: string; label?: string }[] | null;
}

function VersionHistory({ id, version }: { id: string; version: string }) {
  const tr = useTr();
  const lang = useLang();
  const name = actionName(tr);
  const [rows, setRows] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ auditLog: Entry[] }>(`query ($id: ID!) { auditLog(policyVersionId: $id, limit: 500) { id at username action comment diff } }`, { id }).then(
      (d) => setRows(d.auditLog),
      (e: Error) => setError(e.message),
    );
  }, [id, version]);
  if (error) return <Typography color="error">{error}</Typography>;
  if (!rows) return <Typography>{tr('加载中…', 'Loading…')}</Typography>;
  return (
    <DataTable
      rows={rows}
      rowKey={(r) => r.id}
      testId="version-history"
      columns={[
        { head: tr('时间', 'When'), sx: { whiteSpace: 'nowrap' }, cell: (r) => dateTimeText(r.at, lang) },
        { head: tr('用户', 'User'), cell: (r) => r.username ?? '—' },
        { head: tr('操作', 'Action'), cell: (r) => <Chip size="small" label={name(r.action)} /> },
        { head: tr('说明与变更', 'Comment and changes'), cell: (r) => <DiffLines comment={r.comment} diff={r.diff} max={20} /> },
      ]}
    />
  );
}
