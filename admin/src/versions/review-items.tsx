import { useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useRefresh } from 'react-admin';
import type { ReviewItemOf } from '../../../policy-schemas/review-item';
import { errorText, gql } from '../api';
import { useTr } from '../i18n';
import { useAbilities } from '../permissions';

/** As the API sends it: kinds and settlements by their GraphQL names, times as ISO strings. */
type ReviewItem = ReviewItemOf<string, 'CHANGED' | 'ACKNOWLEDGED', string>;

const ITEMS = 'reviewItems { key kind path label check blocking acknowledgeable settled settledHow settledBy settledAt comment }';

/**
 * 待核对事项: what the draft still takes from its source (another year, another jurisdiction), each in
 * Chinese with what to check; blocking ones hold up 提交审核 until changed or acknowledged (确认无误).
 */
export function ReviewItems({ version }: { version: { id: string; status: string; revision: number; jurisdiction: { id: string } } }) {
  const tr = useTr();
  const refresh = useRefresh();
  const can = useAbilities().can;
  const [items, setItems] = useState<ReviewItem[] | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [showSettled, setShowSettled] = useState(false);
  const load = () =>
    gql<{ policyVersion: { reviewItems: ReviewItem[] } | null }>(`query($id: ID!) { policyVersion(id: $id) { ${ITEMS} } }`, { id: version.id }).then(
      (d) => setItems(d.policyVersion?.reviewItems ?? []),
      (e: Error) => setError(e.message),
    );
  useEffect(() => {
    void load();
  }, [version.id, version.revision, version.status]);
  if (!['DRAFT', 'IN_REVIEW', 'APPROVED'].includes(version.status) || !items?.length) return null;
  const open = items.filter((i) => !i.settled);
  const blocking = open.filter((i) => i.blocking);
  const mayAck = version.status === 'DRAFT' && can('drafter', version.jurisdiction.id);
  const acknowledge = async (keys: string[]) => {
    setError(null);
    try {
      await gql(`mutation($id: ID!, $k: [String!]!, $c: String) { acknowledgeReviewItems(id: $id, keys: $k, comment: $c) { id } }`, { id: version.id, k: keys, c: comment || null });
      await load();
      refresh();
    } catch (e) {
      setError(errorText(e, tr));
    }
  };
  const shown = showSettled ? items : open;
  return (
    <Box sx={{ mb: 2 }} data-testid="review-items">
      <Alert severity={blocking.length ? 'error' : open.length ? 'warning' : 'success'} sx={{ mb: 1 }} data-testid="review-summary">
        {blocking.length
          ? tr(`待核对事项：${open.length} 项未处理，其中 ${blocking.length} 项须处理后才能提交审核。`, `${open.length} review items open, ${blocking.length} blocking submission.`)
          : open.length
            ? tr(`待核对事项：${open.length} 项建议核对（不影响提交）。`, `${open.length} review items to consider (not blocking).`)
            : tr(`待核对事项已全部处理（共 ${items.length} 项）。`, `All ${items.length} review items settled.`)}
      </Alert>
      {shown.length ? (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{tr('事项', 'Item')}</TableCell>
              <TableCell>{tr('核对要点', 'What to check')}</TableCell>
              <TableCell>{tr('状态', 'State')}</TableCell>
              {mayAck ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((i) => (
              <TableRow key={i.key} data-testid="review-item" data-key={i.key}>
                <TableCell sx={{ minWidth: 160 }}>
                  <Typography variant="body2">{i.label}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    <code>{i.path}</code>
                  </Typography>
                </TableCell>
                <TableCell>{i.check}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {i.settled ? (
                    <Chip size="small" color="success" label={i.settledHow === 'ACKNOWLEDGED' ? tr(`${i.settledBy} 已确认`, `acknowledged by ${i.settledBy}`) : tr('已修改', 'changed')} />
                  ) : i.blocking ? (
                    <Chip size="small" color="error" label={tr('须处理', 'blocking')} />
                  ) : (
                    <Chip size="small" color="warning" variant="outlined" label={tr('建议核对', 'to check')} />
                  )}
                </TableCell>
                {mayAck ? (
                  <TableCell>
                    {!i.settled && i.acknowledgeable ? (
                      <Button size="small" onClick={() => void acknowledge([i.key])}>
                        {tr('确认无误', 'Acknowledge')}
                      </Button>
                    ) : !i.settled ? (
                      <Typography variant="caption">{tr('须修改', 'must change')}</Typography>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button size="small" onClick={() => setShowSettled(!showSettled)}>
          {showSettled ? tr('只看未处理', 'Open only') : tr(`显示已处理（${items.length - open.length}）`, `Show settled (${items.length - open.length})`)}
        </Button>
        {mayAck && open.some((i) => i.acknowledgeable) ? (
          <>
            <TextField size="small" label={tr('确认说明', 'Comment')} value={comment} onChange={(e) => setComment(e.target.value)} sx={{ minWidth: 240 }} />
            <Button size="small" variant="outlined" onClick={() => void acknowledge(open.filter((i) => i.acknowledgeable).map((i) => i.key))} data-testid="acknowledge-all">
              {tr('全部确认无误', 'Acknowledge all')}
            </Button>
          </>
        ) : null}
      </Stack>
      {error ? (
        <Typography color="error" data-testid="review-error">
          {error}
        </Typography>
      ) : null}
    </Box>
  );
}
