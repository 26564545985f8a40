import { memo } from 'react';
import { Box, IconButton, Paper, Typography } from '@mui/material';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTr } from '../../i18n';
import { itemSubtitle, itemTitle } from '../labels';
import { pathKey, patternOf } from '../paths';
import { issuesWithin, messagesAt, sameItem, useEditor, type FieldProps } from '../form/context';
import { FieldsGrid } from '../form/Field';
import { Empty, ErrorCount, Frame, IssueLines, ItemButtons, ListHeader, useListEditing } from '../form/parts';

/** A list of objects: one collapsible card per item, titled by its name, label or code. */
export function ObjectList({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const tr = useTr();
  const key = pathKey(path);
  const pattern = patternOf(path);
  const { list, element, move, remove, add } = useListEditing(schema, path, value, {
    confirmRemove: (items, index) => {
      const title = itemTitle(items[index], index, pattern, ctx.lang);
      return window.confirm(tr(`删除「${title}」？`, `Remove "${title}"?`));
    },
    // the cards kept open move with their items
    onMoved: (from, to) => ctx.reindex(key, (i) => (i === from ? to : i === to ? from : i)),
    onRemoved: (index) => ctx.reindex(key, (i) => (i === index ? undefined : i > index ? i - 1 : i)),
  });
  return (
    <Frame path={path}>
      <ListHeader
        path={path}
        count={list.length}
        onAdd={() => {
          add();
          ctx.setExpanded(pathKey([...path, list.length]), true);
        }}
        issues={issuesWithin(ctx, key)}
        onExpandAll={(open) => list.forEach((_, i) => ctx.setExpanded(pathKey([...path, i]), open))}
      />
      <IssueLines messages={messagesAt(ctx, key)} />
      {list.length === 0 ? <Empty /> : null}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {list.map((item, i) => (
          <ItemCard key={i} schema={element} path={[...path, i]} value={item} index={i} count={list.length} onMove={move} onRemove={remove} />
        ))}
      </Box>
    </Frame>
  );
}

export interface ItemProps extends FieldProps {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

function ItemCardImpl({ schema, path, value, index, count, onMove, onRemove }: ItemProps) {
  const ctx = useEditor();
  const tr = useTr();
  const key = pathKey(path);
  const open = ctx.expanded.has(key);
  const errors = issuesWithin(ctx, key);
  const title = itemTitle(value, index, patternOf(path), ctx.lang);
  const subtitle = itemSubtitle(value, ctx.lang);
  return (
    <Paper variant="outlined" data-path={key} sx={{ borderColor: errors ? 'error.main' : undefined }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1, py: 0.5, cursor: 'pointer', bgcolor: 'action.hover' }} onClick={() => ctx.setExpanded(key, !open)}>
        <IconButton size="small" aria-label={open ? tr('收起', 'Collapse') : tr('展开', 'Expand')} aria-expanded={open}>
          {open ? <ExpandLessIcon fontSize="small" /> : <ExpandMoreIcon fontSize="small" />}
        </IconButton>
        <Typography variant="body2" sx={{ flex: 1, minWidth: 0, fontWeight: 500 }} noWrap>
          {title || tr('（未命名）', '(untitled)')}
          {subtitle.code ? (
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1.5, fontFamily: 'monospace' }} data-code>
              {subtitle.code}
            </Typography>
          ) : null}
          {subtitle.text ? (
            <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1.5 }}>
              {subtitle.text}
            </Typography>
          ) : null}
        </Typography>
        <ErrorCount n={errors} />
        <Box onClick={(e) => e.stopPropagation()}>
          <ItemButtons index={index} count={count} onMove={(to) => onMove(index, to)} onRemove={() => onRemove(index)} />
        </Box>
      </Box>
      {open ? (
        <Box sx={{ p: 2 }}>
          <IssueLines messages={messagesAt(ctx, key)} />
          <FieldsGrid schema={schema} path={path} value={value} />
        </Box>
      ) : null}
    </Paper>
  );
}

const ItemCard = memo(ItemCardImpl, sameItem);
