import { Box } from '@mui/material';
import { useTr } from '../../i18n';
import { fieldLabel, valueLabel } from '../labels';
import { pathKey, patternOf } from '../paths';
import { choiceIndex, choiceOptions, emptyOf, isDateSchema, literalValue, unwrap, type Schema } from '../schema-walk';
import { messagesAt, useEditor, type FieldProps } from '../form/context';
import { OptionSelect } from '../form/parts';
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
      <OptionSelect
        name={key}
        label={fieldLabel(path, ctx.lang)}
        value={String(index)}
        messages={isLiteral ? messages : []}
        options={options.map((o, i) => ({ value: String(i), label: optionLabel(o) }))}
        onChange={(i) => ctx.update(path, emptyOf(options[Number(i)]!))}
      />
      {isLiteral ? null : <TextInput schema={chosen} path={path} value={value} date={isDateSchema(unwrap(chosen).base)} />}
    </Box>
  );
}
