import { MenuItem, TextField } from '@mui/material';
import { useTr } from '../../i18n';
import { valueLabel } from '../labels';
import { patternOf } from '../paths';
import { enumValues, unwrap } from '../schema-walk';
import { emptied, useEditor, type FieldProps } from '../form/context';
import { useCommonProps } from '../form/parts';

/** One of the schema's options, each by its label from the registry. */
export function SelectInput({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const fieldProps = useCommonProps(path);
  const tr = useTr();
  const u = unwrap(schema);
  const pattern = patternOf(path);
  const options = enumValues(schema);
  const current = value === null || value === undefined ? '' : String(value);
  const unknown = current !== '' && !options.includes(current);
  return (
    <TextField {...fieldProps} select value={current} onChange={(e) => ctx.update(path, e.target.value === '' ? emptied(schema, undefined) : e.target.value)}>
      {u.nullable || u.optional ? (
        <MenuItem value="">
          <em>{u.nullable ? tr('（未规定）', '(not set)') : tr('（无）', '(none)')}</em>
        </MenuItem>
      ) : null}
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {valueLabel(pattern, o, ctx.lang)}
        </MenuItem>
      ))}
      {unknown ? (
        <MenuItem value={current}>
          <span data-code>{current}</span>
        </MenuItem>
      ) : null}
    </TextField>
  );
}
