import { memo } from 'react';
import { Box, Typography } from '@mui/material';
import { fieldLabel } from '../labels';
import { pathKey } from '../paths';
import { controlFor, objectEntries } from '../schema-walk';
import { CompactContext, issuesWithin, messagesAt, sameItem, useEditor, type FieldProps } from '../form/context';
import { Field } from '../form/Field';
import { WIDE_COLUMNS } from '../form/layout';
import { Empty, Frame, IssueLines, ItemButtons, ListHeader, useListEditing } from '../form/parts';
import type { ItemProps } from './ObjectList';

/**
 * A list of small flat objects (table rows, roster members, refund reasons …): one row of inputs per
 * item under a header of column labels, rather than a card each.
 */
export function TableList({ schema, path, value }: FieldProps) {
  const key = pathKey(path);
  const { ctx, list, element, move, remove, add } = useListEditing(schema, path, value);
  const entries = objectEntries(element);
  const columns = [
    'minmax(2.5em, auto)',
    ...entries.map(([k, child]) => {
      const c = controlFor(child, [...path, 0, k]);
      if (c === 'switch') return 'minmax(64px, auto)';
      if (c === 'select' || c === 'ref' || c === 'date') return 'minmax(150px, 1fr)';
      return WIDE_COLUMNS.has(k) ? 'minmax(180px, 3fr)' : 'minmax(96px, 1fr)';
    }),
    'auto',
  ].join(' ');
  return (
    <Frame path={path}>
      <ListHeader path={path} count={list.length} onAdd={add} issues={issuesWithin(ctx, key)} />
      <IssueLines messages={messagesAt(ctx, key)} />
      {list.length === 0 ? (
        <Empty />
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Box sx={{ display: 'grid', gridTemplateColumns: columns, columnGap: 1, rowGap: 1, alignItems: 'start', minWidth: 'min-content' }}>
            <span />
            {entries.map(([k]) => (
              <Typography key={k} variant="caption" color="text.secondary" sx={{ px: 0.5 }}>
                {fieldLabel([...path, 0, k], ctx.lang)}
              </Typography>
            ))}
            <span />
            <CompactContext.Provider value={true}>
              {list.map((item, i) => (
                <TableRow key={i} schema={element} path={[...path, i]} value={item} index={i} count={list.length} onMove={move} onRemove={remove} />
              ))}
            </CompactContext.Provider>
          </Box>
        </Box>
      )}
    </Frame>
  );
}

function TableRowImpl({ schema, path, value, index, count, onMove, onRemove }: ItemProps) {
  const ctx = useEditor();
  const key = pathKey(path);
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const own = messagesAt(ctx, key);
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ pt: 1, textAlign: 'right' }} data-path={key}>
        {index + 1}
      </Typography>
      {objectEntries(schema).map(([k, child]) => (
        <Box key={k} sx={{ minWidth: 0 }}>
          <Field schema={child} path={[...path, k]} value={obj[k]} />
        </Box>
      ))}
      <ItemButtons index={index} count={count} onMove={(to) => onMove(index, to)} onRemove={() => onRemove(index)} />
      {own.length ? (
        <Box sx={{ gridColumn: '1 / -1', mt: -1 }}>
          <IssueLines messages={own} />
        </Box>
      ) : null}
    </>
  );
}

const TableRow = memo(TableRowImpl, sameItem);
