import { Button, InputAdornment, TextField } from '@mui/material';
import { useTr } from '../../i18n';
import { valueLabel } from '../labels';
import { patternOf } from '../paths';
import { literalValue, unwrap } from '../schema-walk';
import { useEditor, type FieldProps } from '../form/context';
import { useCommonProps } from '../form/parts';

/** A value the schema fixes: shown, not editable; a document that lacks it gets a button that sets it. */
export function LiteralInput({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const tr = useTr();
  const fieldProps = useCommonProps(path, tr('固定值', 'Fixed value'));
  const fixed = literalValue(schema);
  const wrong = value !== fixed && !(value === undefined && unwrap(schema).optional);
  return (
    <TextField
      {...fieldProps}
      value={valueLabel(patternOf(path), fixed, ctx.lang)}
      disabled={!wrong}
      slotProps={{
        htmlInput: { readOnly: true },
        input: wrong
          ? {
              endAdornment: (
                <InputAdornment position="end">
                  <Button size="small" onClick={() => ctx.update(path, fixed)}>
                    {tr('设为固定值', 'Set')}
                  </Button>
                </InputAdornment>
              ),
            }
          : undefined,
      }}
    />
  );
}
