import { Datagrid, FunctionField, List, TextField, TextInput, type ListProps } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { Chip, Link, Typography } from '@mui/material';
import { useTr } from './i18n';
import { dateTimeText } from './format';
import { Code, useLang } from './ui';

const ACTIONS: Record<string, [string, string]> = {
  'create-draft': ['新建草案', 'Draft created'],
  'update-draft': ['修改草案', 'Draft edited'],
  submitForReview: ['提交审核', 'Submitted'],
  approve: ['审核通过', 'Approved'],
  reject: ['退回', 'Rejected'],
  publish: ['发布', 'Published'],
  supersede: ['被取代', 'Superseded'],
  import: ['导入版本', 'Imported'],
  'import-cohort': ['导入人群', 'Cohort imported'],
  login: ['登录', 'Logged in'],
  'create-user': ['新建用户', 'User created'],
  'update-user': ['修改用户', 'User changed'],
  'create-api-key': ['新建密钥', 'API key created'],
  'revoke-api-key': ['吊销密钥', 'API key revoked'],
  'change-password': ['修改密码', 'Password changed'],
  'login-failed': ['登录失败', 'Login failed'],
  'login-throttled': ['登录受限', 'Login throttled'],
  'acknowledge-review-items': ['确认待核对事项', 'Review items acknowledged'],
  'approve-preview': ['确认影响预览', 'Preview approved on'],
  'create-correction': ['新建更正', 'Correction started'],
};

export function actionName(tr: (zh: string, en: string) => string) {
  return (action: string) => (ACTIONS[action] ? tr(...ACTIONS[action]!) : action);
}

interface Entry {
  id: string;
  at: string;
  username: string | null;
  action: string;
  policyVersionId: string | null;
  jurisdiction: string | null;
  comment: string | null;
  diff: { summary?: string; path?: string }[] | null;
}

/** Who changed what, when: the audit log, newest first (the API limits it to what the user may see). */
export function HistoryList(props: ListProps) {
  const tr = useTr();
  const lang = useLang();
  const name = actionName(tr);
  const filters = [
    <TextInput key="j" source="jurisdiction" label={tr('统筹地区', 'Jurisdiction')} alwaysOn />,
    <TextInput key="u" source="username" label={tr('用户', 'User')} alwaysOn />,
    <TextInput key="v" source="policyVersionId" label={tr('版本号', 'Version id')} />,
  ];
  return (
    <List {...props} filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField source="at" render={(r: Entry) => dateTimeText(r.at, lang)} />
        <TextField source="username" />
        <FunctionField source="action" render={(r: Entry) => <Chip size="small" label={name(r.action)} />} />
        <TextField source="jurisdiction" />
        <FunctionField
          source="policyVersionId"
          render={(r: Entry) =>
            r.policyVersionId ? (
              <Link component={RouterLink} to={`/policyVersions/${r.policyVersionId}/show`}>
                {tr('查看版本', 'View version')}
                <Code>{r.policyVersionId.slice(0, 8)}</Code>
              </Link>
            ) : null
          }
        />
        <FunctionField source="comment" sortable={false} render={(r: Entry) => <DiffLines comment={r.comment} diff={r.diff} max={5} />} />
      </Datagrid>
    </List>
  );
}

/** An entry's comment and the summaries of what it changed (the first `max`, then how many more). */
export function DiffLines({ comment, diff, max }: { comment: string | null; diff: { summary?: string; path?: string }[] | null; max: number }) {
  return (
    <>
      {comment ? <div>{comment}</div> : null}
      {Array.isArray(diff)
        ? diff.slice(0, max).map((c, i) => (
            <Typography key={i} variant="body2" color="text.secondary">
              {c.summary ?? c.path}
            </Typography>
          ))
        : null}
      {Array.isArray(diff) && diff.length > max ? <Typography variant="body2">… +{diff.length - max}</Typography> : null}
    </>
  );
}
