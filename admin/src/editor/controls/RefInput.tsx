import { useContext, useMemo, useSyncExternalStore } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useTr } from '../../i18n';
import { Code } from '../../ui';
import { patternOf } from '../paths';
import { refOptions, type RefOption } from '../schema-walk';
import { DocStoreContext, emptied, useEditor, type FieldProps } from '../form/context';
import { useCommonProps } from '../form/parts';

const noSubscribe = () => () => {};

/** The code of another part of the document (a category, a special group, a window): chosen among those that exist, by name. */
export function RefInput({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const fieldProps = useCommonProps(path);
  const tr = useTr();
  const store = useContext(DocStoreContext);
  const pattern = patternOf(path);
  // the options as text: this field re-renders only when the codes or names it offers change
  const optionsJson = useSyncExternalStore(store?.subscribe ?? noSubscribe, () => JSON.stringify(refOptions(store?.get(), pattern)));
  const options = useMemo(() => JSON.parse(optionsJson) as RefOption[], [optionsJson]);
  const current = value === null || value === undefined ? '' : String(value);
  const unknown = current !== '' && !options.some((o) => o.code === current);
  return (
    <TextField {...fieldProps} select value={current} onChange={(e) => ctx.update(path, e.target.value === '' ? emptied(schema, '') : e.target.value)}>
      <MenuItem value="">
        <em>{tr('（请选择）', '(choose)')}</em>
      </MenuItem>
      {options.map((o) => (
        <MenuItem key={o.code} value={o.code}>
          {o.name || null}
          <Code>{o.code}</Code>
        </MenuItem>
      ))}
      {unknown ? (
        <MenuItem value={current}>
          {tr('（不存在）', '(missing)')}
          <Code>{current}</Code>
        </MenuItem>
      ) : null}
    </TextField>
  );
}
