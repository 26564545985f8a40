import { memo, type ComponentType, type ReactNode } from 'react';
import { Box, Chip, Typography } from '@mui/material';
import { useTr } from '../../i18n';
import { pathKey, type Path } from '../paths';
import { controlFor, discriminatorOf, objectEntries, unwrap, variantOf, type Control } from '../schema-walk';
import { ChoiceInput } from '../controls/ChoiceInput';
import { EnumSet } from '../controls/EnumSet';
import { LiteralInput } from '../controls/LiteralInput';
import { MoneyInput, NumberInput, PercentInput } from '../controls/NumberInput';
import { KindSelect, ObjectGroup } from '../controls/ObjectGroup';
import { ObjectList } from '../controls/ObjectList';
import { PrimitiveList } from '../controls/PrimitiveList';
import { RefInput } from '../controls/RefInput';
import { SelectInput } from '../controls/SelectInput';
import { SwitchInput } from '../controls/SwitchInput';
import { TableList } from '../controls/TableList';
import { DateInput, TextInput } from '../controls/TextInput';
import { useEditor, type FieldProps } from './context';
import { gridSx, isWide } from './layout';

/*
 * The form is the schema walked: `Field` looks at a node of the schema (controlFor, schema-walk.ts)
 * and renders the control of its kind (controls/, one module each); groups and lists render their
 * children through `Field` again, so the whole document is reached. Every input is named by its
 * document path (`fees.individual.amountFen`), the path the validation issues use: an issue is shown
 * at the input of the same name.
 */

function Unsupported({ path }: { path: Path }) {
  const tr = useTr();
  return (
    <Typography color="error" variant="body2">
      {tr(`字段 ${pathKey(path)} 暂无编辑控件`, `No editor for ${pathKey(path)}`)}
    </Typography>
  );
}

/** The control of each kind (looked up when rendering: the controls render `Field` in turn). */
function controlComponent(control: Control): ComponentType<FieldProps> {
  switch (control) {
    case 'object':
    case 'variant':
      return ObjectGroup;
    case 'object-list':
      return ObjectList;
    case 'table':
      return TableList;
    case 'list':
      return PrimitiveList;
    case 'enum-set':
      return EnumSet;
    case 'choice':
      return ChoiceInput;
    case 'text':
      return TextInput;
    case 'date':
      return DateInput;
    case 'ref':
      return RefInput;
    case 'money':
      return MoneyInput;
    case 'percent':
      return PercentInput;
    case 'number':
      return NumberInput;
    case 'switch':
      return SwitchInput;
    case 'select':
      return SelectInput;
    case 'literal':
      return LiteralInput;
    default:
      return Unsupported;
  }
}

function FieldImpl(props: FieldProps) {
  const Control = controlComponent(controlFor(props.schema, props.path));
  return <Control {...props} />;
}

/** A field of the document; re-rendered only when its value (or the issues, language …) change. */
export const Field = memo(FieldImpl, (a, b) => a.value === b.value && a.schema === b.schema && pathKey(a.path) === pathKey(b.path));

/** The fields of an object (or of the chosen kind of a union), laid out in a grid. */
export function FieldsGrid({ schema, path, value }: FieldProps) {
  const u = unwrap(schema);
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  let entries = objectEntries(schema);
  let kindSelect: ReactNode = null;
  if (u.def.type === 'union') {
    const disc = discriminatorOf(schema);
    kindSelect = <KindSelect schema={schema} path={path} value={value} />;
    const chosen = variantOf(schema, value);
    entries = (chosen ? objectEntries(chosen.schema) : []).filter(([k]) => k !== disc);
  }
  const known = new Set(u.def.type === 'union' ? [discriminatorOf(schema), ...entries.map(([k]) => k)] : entries.map(([k]) => k));
  const unknown = Object.keys(obj).filter((k) => !known.has(k) && obj[k] !== undefined);
  return (
    <Box sx={gridSx}>
      {unknown.length ? <UnknownKeys path={path} keys={unknown} /> : null}
      {kindSelect}
      {entries.map(([k, child]) => {
        const p = [...path, k];
        return (
          <Box key={k} sx={isWide(child, p) ? { gridColumn: '1 / -1' } : undefined}>
            <Field schema={child} path={p} value={obj[k]} />
          </Box>
        );
      })}
    </Box>
  );
}

/** Keys the schema does not know (from an older document, say): the API refuses them, so offer to remove them. */
function UnknownKeys({ path, keys }: { path: Path; keys: string[] }) {
  const ctx = useEditor();
  const tr = useTr();
  return (
    <Box sx={{ gridColumn: '1 / -1', display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2" color="error">
        {tr('文档中有本结构不认识的字段（保存前须删除）：', 'Fields the schema does not know (remove them to save):')}
      </Typography>
      {keys.map((k) => (
        <Chip key={k} size="small" color="error" variant="outlined" label={<span data-code>{k}</span>} onDelete={() => ctx.update([...path, k], undefined)} />
      ))}
    </Box>
  );
}
