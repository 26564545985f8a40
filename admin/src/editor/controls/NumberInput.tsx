import { useState } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { useTr } from '../../i18n';
import { fenToYuan, parseNumber, yuanToFen } from '../money';
import { isIntegerSchema, unwrap } from '../schema-walk';
import { emptied, useEditor, type FieldProps } from '../form/context';
import { useCommonProps } from '../form/parts';

type Kind = 'money' | 'percent' | 'number';

/**
 * Numbers keep the text being typed ("400.", "-") while the document gets the parsed value: money
 * in integer fen (typed in yuan), others as numbers. A text that is no number goes into the document
 * as it is, so the validation reports it at this field.
 */
function NumberField({ schema, path, value, kind }: FieldProps & { kind: Kind }) {
  const ctx = useEditor();
  const fieldProps = useCommonProps(path);
  const tr = useTr();
  const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' && kind === 'money' ? fenToYuan(v) : String(v));
  const [local, setLocal] = useState<{ text: string; value: unknown }>(() => ({ text: show(value), value }));
  const text = Object.is(local.value, value) ? local.text : show(value);
  const integer = kind === 'money' || isIntegerSchema(unwrap(schema).base);
  const unit = kind === 'money' ? tr('元', 'yuan') : kind === 'percent' ? '%' : undefined;
  return (
    <TextField
      {...fieldProps}
      value={text}
      slotProps={{
        htmlInput: { inputMode: integer && kind !== 'money' ? 'numeric' : 'decimal' },
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
      }}
      onChange={(e) => {
        const t = e.target.value;
        const parsed = kind === 'money' ? yuanToFen(t) : parseNumber(t);
        const stored = parsed === null ? emptied(schema, undefined) : parsed === undefined ? t : parsed;
        setLocal({ text: t, value: stored });
        ctx.update(path, stored);
      }}
    />
  );
}

/** Money: typed in yuan, stored in integer fen. */
export const MoneyInput = (props: FieldProps) => <NumberField {...props} kind="money" />;
export const PercentInput = (props: FieldProps) => <NumberField {...props} kind="percent" />;
export const NumberInput = (props: FieldProps) => <NumberField {...props} kind="number" />;
