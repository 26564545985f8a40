import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useNotify, useRefresh } from 'react-admin';
import { errorText, gql } from '../api';
import { useTr } from '../i18n';
import { useAbilities } from '../permissions';

export interface VersionSummary {
  id: string;
  year: number;
  status: string;
  revision: number;
  sourceVersionId: string | null;
  jurisdiction: { id: string; name: string };
}

interface ActionDef {
  key: string;
  label: string;
  title: string;
  /** Fields asked for in the dialog. */
  fields: { name: string; label: string; type?: string; required?: boolean; initial?: string; helper?: string }[];
  run(values: Record<string, string>): Promise<string | void>;
  color?: 'primary' | 'success' | 'warning' | 'error';
}

/**
 * The workflow as buttons: clone as next year, edit, submit, approve, reject, publish. Which buttons
 * show follows the user's roles and jurisdictions (the API refuses anything else anyway, and its
 * message is shown as it comes).
 */
export function WorkflowButtons({ version }: { version: VersionSummary }) {
  const tr = useTr();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const can = useAbilities().can;
  const [open, setOpen] = useState<ActionDef | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const j = version.jurisdiction.id;
  const s = version.status;
  const comment = { name: 'comment', label: tr('说明（可选）', 'Comment (optional)') };

  const actions: ActionDef[] = [];
  if (can('drafter', j))
    actions.push({
      key: 'clone',
      label: tr('克隆为下一年', 'Clone as next year'),
      title: tr('以本版本为底稿，新建下一年度草案', 'New draft for another year from this version'),
      fields: [{ name: 'year', label: tr('待遇年度', 'Coverage year'), type: 'number', required: true, initial: String(version.year + 1), helper: tr('日期按年份差自动顺延，请复核文号和名单', 'Dates move by the year difference; review the document number and roster') }],
      run: async (v) => {
        const d = await gql<{ createDraft: { id: string } }>(`mutation ($from: ID!, $year: Int!) { createDraft(from: $from, year: $year) { id } }`, {
          from: version.id,
          year: Number(v.year),
        });
        navigate(`/policyVersions/${d.createDraft.id}`);
        return tr('已新建草案', 'Draft created');
      },
    });
  // a step of the review with an optional comment: the mutation of that name, then what to say
  const step = (key: string, mutation: string, label: string, done: string, color?: ActionDef['color']): ActionDef => ({
    key,
    label,
    title: label,
    color,
    fields: [comment],
    run: async (v) => {
      await gql(`mutation ($id: ID!, $comment: String) { ${mutation}(id: $id, comment: $comment) { id } }`, { id: version.id, comment: v.comment || null });
      return done;
    },
  });
  if (s === 'DRAFT' && can('drafter', j)) actions.push(step('submit', 'submitForReview', tr('提交审核', 'Submit for review'), tr('已提交审核', 'Submitted for review')));
  if (s === 'IN_REVIEW' && can('approver', j)) actions.push(step('approve', 'approve', tr('审核通过', 'Approve'), tr('已审核通过', 'Approved'), 'success'));
  if ((s === 'IN_REVIEW' || s === 'APPROVED') && can('approver', j))
    actions.push({
      key: 'reject',
      label: tr('退回修改', 'Reject'),
      title: tr('退回草案（请说明原因）', 'Send back to draft (say why)'),
      color: 'warning',
      fields: [{ name: 'comment', label: tr('退回原因', 'Reason'), required: true }],
      run: async (v) => {
        await gql(`mutation ($id: ID!, $comment: String!) { reject(id: $id, comment: $comment) { id } }`, { id: version.id, comment: v.comment });
        return tr('已退回', 'Sent back');
      },
    });
  if (s === 'APPROVED' && can('approver', j))
    actions.push({
      key: 'publish',
      label: tr('发布', 'Publish'),
      title: tr('发布后本版本不可再修改；同一地区同一年度已发布的版本将被取代', 'Once published this version never changes; the version published for the same jurisdiction and year is superseded'),
      color: 'success',
      fields: [{ name: 'effectiveFrom', label: tr('生效日期（可选）', 'Effective from (optional)'), type: 'date' }],
      run: async (v) => {
        await gql(`mutation ($id: ID!, $effectiveFrom: Date) { publish(id: $id, effectiveFrom: $effectiveFrom) { id } }`, {
          id: version.id,
          effectiveFrom: v.effectiveFrom || null,
        });
        return tr('已发布', 'Published');
      },
    });

  const start = (a: ActionDef) => {
    setValues(Object.fromEntries(a.fields.map((f) => [f.name, f.initial ?? ''])));
    setError(null);
    setOpen(a);
  };
  const confirm = async () => {
    if (!open) return;
    const missing = open.fields.find((f) => f.required && !values[f.name]?.trim());
    if (missing) return setError(`${missing.label}：${tr('必填', 'required')}`);
    setBusy(true);
    try {
      const msg = await open.run(values);
      setOpen(null);
      if (msg) notify(msg, { type: 'success' });
      refresh();
    } catch (e) {
      setError(errorText(e, tr));
    } finally {
      setBusy(false);
    }
  };

  const links: ReactNode[] = [];
  if (s === 'DRAFT' && can('drafter', j))
    links.push(
      <Button key="edit" variant="contained" onClick={() => navigate(`/policyVersions/${version.id}`)}>
        {tr('编辑', 'Edit')}
      </Button>,
    );

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="workflow">
      {links}
      {actions.map((a) => (
        <Button key={a.key} variant={a.key === 'clone' ? 'outlined' : 'contained'} color={a.color ?? 'primary'} onClick={() => start(a)}>
          {a.label}
        </Button>
      ))}
      <Dialog open={!!open} onClose={() => !busy && setOpen(null)} fullWidth maxWidth="sm">
        <DialogTitle>{open?.label}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {open?.title}
          </Typography>
          {open?.fields.map((f) => (
            <TextField
              key={f.name}
              name={f.name}
              label={f.label}
              type={f.type ?? 'text'}
              value={values[f.name] ?? ''}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              required={f.required}
              helperText={f.helper}
              fullWidth
              multiline={f.name === 'comment'}
              slotProps={{ inputLabel: { shrink: true } }}
              sx={{ mb: 2 }}
            />
          ))}
          {error ? (
            <Typography color="error" data-testid="workflow-error">
              {error}
            </Typography>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(null)} disabled={busy}>
            {tr('取消', 'Cancel')}
          </Button>
          <Button variant="contained" onClick={confirm} disabled={busy}>
            {tr('确定', 'Confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
