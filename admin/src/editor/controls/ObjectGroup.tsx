import { Box, FormControlLabel, Switch, Typography } from '@mui/material';
import { useTr } from '../../i18n';
import { fieldLabel, valueLabel } from '../labels';
import { pathKey, patternOf } from '../paths';
import { discriminatorOf, emptyOf, switchVariant, unwrap, variantOptions } from '../schema-walk';
import { issuesWithin, messagesAt, useEditor, type FieldProps } from '../form/context';
import { FieldsGrid } from '../form/Field';
import { ErrorCount, Frame, FrameTitle, IssueLines, OptionSelect } from '../form/parts';

/**
 * A group of fields under a title (an object, or a union of kinds). Where the document may leave the
 * group out (nullable or optional), a switch adds it — starting from empty values — or clears it.
 */
export function ObjectGroup({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const tr = useTr();
  const u = unwrap(schema);
  const key = pathKey(path);
  const v = value === undefined && u.hasDefault ? u.defaultValue : value;
  const present = v !== null && v !== undefined;
  return (
    <Frame path={path}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: present ? 1.5 : 0 }}>
        <FrameTitle path={path} lang={ctx.lang} />
        {u.nullable || u.optional ? (
          <FormControlLabel
            sx={{ ml: 1 }}
            control={<Switch size="small" name={key} checked={present} onChange={(e) => ctx.update(path, e.target.checked ? emptyOf(schema) : u.nullable ? null : undefined)} />}
            label={
              <Typography variant="body2" color="text.secondary">
                {present ? tr('有', 'Present') : tr('无（未规定）', 'None (not set)')}
              </Typography>
            }
          />
        ) : null}
        {!present || path.length === 1 ? <ErrorCount n={issuesWithin(ctx, key)} /> : null}
      </Box>
      <IssueLines messages={messagesAt(ctx, key)} />
      {present ? <FieldsGrid schema={schema} path={path} value={v} /> : null}
    </Frame>
  );
}

/** The kind of a union (补助类型, 等待期类型): choosing another keeps the fields both kinds share. */
export function KindSelect({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const disc = discriminatorOf(schema);
  const p = [...path, disc];
  const key = pathKey(p);
  const pattern = patternOf(p);
  const current = value && typeof value === 'object' ? String((value as Record<string, unknown>)[disc] ?? '') : '';
  const options = variantOptions(schema).map((o) => o.value);
  return (
    <OptionSelect
      name={key}
      label={fieldLabel(p, ctx.lang)}
      value={options.includes(current) ? current : ''}
      messages={messagesAt(ctx, key)}
      options={options.map((o) => ({ value: o, label: valueLabel(pattern, o, ctx.lang) }))}
      onChange={(kind) => ctx.update(path, switchVariant(schema, value, kind))}
    />
  );
}
