import { Box, MenuItem, TextField } from '@mui/material';
import { useTr } from '../../i18n';
import { fieldLabel, valueLabel } from '../labels';
import { pathKey, patternOf } from '../paths';
import { choiceIndex, choiceOptions, emptyOf, isDateSchema, literalValue, unwrap, type Schema } from '../schema-walk';
import { messagesAt, useEditor, type FieldProps } from '../form/context';
import { TextInput } from './TextInput';

/** A plain union (a fixed value or a date): which one, then the input of a date or text. */
export function ChoiceInput({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const tr = useTr();
  const key = pathKey(path);
  const pattern = patternOf(path);
  const options = choiceOptions(schema);
  const index = choiceIndex(schema, value);
  const chosen = options[index]!;
  const isLiteral = unwrap(chosen).def.type === 'literal';
  const optionLabel = (o: Schema) => {
    const t = unwrap(o).def.type;
    if (t === 'literal') return valueLabel(pattern, literalValue(o), ctx.lang);
    if (isDateSchema(unwrap(o).base)) return tr('指定日期', 'A date');
    return t === 'number' ? tr('数值', 'A number') : tr('文本', 'A text');
  };
  const messages = messagesAt(ctx, key);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: isLiteral ? '1fr' : '1fr 1fr', gap: 1 }}>
      <TextField
        select
        size="small"
        fullWidth
        name={key}
        label={fieldLabel(path, ctx.lang)}
        value={String(index)}
        error={isLiteral && messages.length > 0}
        helperText={(isLiteral && messages.join('；')) || undefined}
        onChange={(e) => ctx.update(path, emptyOf(options[Number(e.target.value)]!))}
      >
        {options.map((o, i) => (
          <MenuItem key={i} value={String(i)}>
            {optionLabel(o)}
          </MenuItem>
        ))}
      </TextField>
      {isLiteral ? null : <TextInput schema={chosen} path={path} value={value} date={isDateSchema(unwrap(chosen).base)} />}
    </Box>
  );
}
