import { useContext } from 'react';
import { FormControl, FormControlLabel, FormHelperText, Switch } from '@mui/material';
import { fieldLabel } from '../labels';
import { pathKey } from '../paths';
import { CompactContext, messagesAt, useEditor, type FieldProps } from '../form/context';

/** Yes or no. */
export function SwitchInput({ path, value }: FieldProps) {
  const ctx = useEditor();
  const key = pathKey(path);
  const messages = messagesAt(ctx, key);
  const compact = useContext(CompactContext);
  const label = fieldLabel(path, ctx.lang);
  return (
    <FormControl error={messages.length > 0} sx={{ pt: 0.5 }} title={compact ? label : undefined}>
      <FormControlLabel control={<Switch name={key} checked={value === true} onChange={(e) => ctx.update(path, e.target.checked)} />} label={compact ? '' : label} />
      {messages.length ? <FormHelperText error>{messages.join('；')}</FormHelperText> : null}
    </FormControl>
  );
}
