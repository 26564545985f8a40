import { Box } from '@mui/material';
import { pathKey } from '../paths';
import { issuesWithin, messagesAt, type FieldProps } from '../form/context';
import { Field } from '../form/Field';
import { Empty, Frame, IssueLines, ItemButtons, ListHeader, useListEditing } from '../form/parts';

/** A list of single values (texts, codes, dates): one input per item, with add / remove / move. */
export function PrimitiveList({ schema, path, value }: FieldProps) {
  const key = pathKey(path);
  const { ctx, list, element, move, remove, add } = useListEditing(schema, path, value);
  return (
    <Frame path={path}>
      <ListHeader path={path} count={list.length} onAdd={add} issues={issuesWithin(ctx, key)} />
      <IssueLines messages={messagesAt(ctx, key)} />
      {list.length === 0 ? <Empty /> : null}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {list.map((item, i) => (
          <Box key={i} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
            <Box sx={{ flex: 1 }}>
              <Field schema={element} path={[...path, i]} value={item} />
            </Box>
            <ItemButtons index={i} count={list.length} onMove={(to) => move(i, to)} onRemove={() => remove(i)} />
          </Box>
        ))}
      </Box>
    </Frame>
  );
}
