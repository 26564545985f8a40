import { TextField } from '@mui/material';
import { emptied, useEditor, type FieldProps } from '../form/context';
import { useCommonProps } from '../form/parts';

/** A text, or a date (the browser's date input: the value stays YYYY-MM-DD). */
export function TextInput({ schema, path, value, date }: FieldProps & { date?: boolean }) {
  const ctx = useEditor();
  const fieldProps = useCommonProps(path);
  const text = value === null || value === undefined ? '' : String(value);
  return (
    <TextField
      {...fieldProps}
      type={date ? 'date' : 'text'}
      value={text}
      slotProps={date ? { inputLabel: { shrink: true } } : undefined}
      onChange={(e) => {
        const t = e.target.value;
        ctx.update(path, t === '' ? emptied(schema, '') : t);
      }}
    />
  );
}

export function DateInput(props: FieldProps) {
  return <TextInput {...props} date />;
}
