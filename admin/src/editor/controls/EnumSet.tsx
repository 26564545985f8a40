import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel } from '@mui/material';
import { fieldLabel, valueLabel } from '../labels';
import { isWithin, pathKey, patternOf } from '../paths';
import { enumValues } from '../schema-walk';
import { useEditor, type FieldProps } from '../form/context';

/** A set of options (refund reasons): one checkbox per option, kept in the schema's order. */
export function EnumSet({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const key = pathKey(path);
  const pattern = patternOf(path);
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  const options = enumValues(schema);
  const messages = Array.from(ctx.issues).flatMap(([p, m]) => (isWithin(p, key) ? m : []));
  const toggle = (option: string, on: boolean) => {
    const extra = list.filter((x) => !options.includes(String(x)));
    ctx.update(path, [...options.filter((o) => (o === option ? on : list.includes(o))), ...extra]);
  };
  return (
    <FormControl component="fieldset" error={messages.length > 0} data-path={key}>
      <FormLabel component="legend">{fieldLabel(path, ctx.lang)}</FormLabel>
      <FormGroup row>
        {options.map((o) => (
          <FormControlLabel
            key={o}
            control={<Checkbox name={key} value={o} checked={list.includes(o)} onChange={(e) => toggle(o, e.target.checked)} />}
            label={valueLabel(pattern, o, ctx.lang)}
          />
        ))}
      </FormGroup>
      {messages.length ? <FormHelperText error>{messages.join('；')}</FormHelperText> : null}
    </FormControl>
  );
}
