import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Card, CardContent, Link, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { currentUser, gql } from './api';
import { useTr } from './i18n';
import { StatusChip } from './status';
import { roleText } from './format';
import { DataTable, useLang } from './ui';

interface Row {
  id: string;
  year: number;
  status: string;
  title: string;
  updatedAt: string;
  jurisdiction: { name: string };
}

/** The first screen: who I am, and the versions that need me (drafts, reviews), then the latest published. */
export function Dashboard() {
  const tr = useTr();
  const lang = useLang();
  const user = currentUser();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ policyVersions: Row[] }>(`{ policyVersions { id year status title updatedAt jurisdiction { name } } }`).then(
      (d) => setRows(d.policyVersions),
      (e: Error) => setError(e.message),
    );
  }, []);
  const open = (rows ?? []).filter((r) => ['DRAFT', 'IN_REVIEW', 'APPROVED'].includes(r.status));
  const published = (rows ?? []).filter((r) => r.status === 'PUBLISHED');
  const table = (list: Row[], testId: string) => (
    <DataTable
      rows={list}
      rowKey={(r) => r.id}
      testId={testId}
      columns={[
        { head: tr('统筹地区', 'Jurisdiction'), cell: (r) => r.jurisdiction.name },
        { head: tr('年度', 'Year'), cell: (r) => r.year },
        { head: tr('状态', 'Status'), cell: (r) => <StatusChip status={r.status} /> },
        {
          head: tr('标题', 'Title'),
          cell: (r) => (
            <Link component={RouterLink} to={`/policyVersions/${r.id}/show`}>
              {r.title}
            </Link>
          ),
        },
      ]}
    />
  );
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }} data-testid="dashboard">
      <Title title={tr('城乡居民医保参保缴费政策', 'Resident medical insurance enrollment rules')} />
      <Card>
        <CardContent>
          <Typography variant="h6">
            {tr('欢迎', 'Welcome')}，{user?.displayName ?? ''}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {tr('角色', 'Roles')}：{user?.roles.map((r) => roleText(r, lang)).join(tr('、', ', '))}　{tr('负责地区', 'Jurisdictions')}：{user?.jurisdictions.map((j) => j.name).join('、') || '—'}
          </Typography>
        </CardContent>
      </Card>
      {error ? <Typography color="error">{error}</Typography> : null}
      <Card>
        <CardContent>
          <Typography variant="subtitle1" gutterBottom>
            {tr('进行中的版本（草案、审核中、已审核）', 'Versions in progress (draft, in review, approved)')}
          </Typography>
          {rows === null ? <Typography>{tr('加载中…', 'Loading…')}</Typography> : open.length ? table(open, 'open-versions') : <Typography>{tr('无', 'None')}</Typography>}
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="subtitle1" gutterBottom>
            {tr('现行有效的版本', 'Published versions')}
          </Typography>
          {rows === null ? null : table(published, 'published-versions')}
        </CardContent>
      </Card>
    </Box>
  );
}
