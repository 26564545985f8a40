import { createContext, memo, useCallback, useContext, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Chip,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  IconButton,
  InputAdornment,
  MenuItem,
  Paper,
  Switch,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTr } from '../i18n';
import { fieldLabel, itemSubtitle, itemTitle, valueLabel, type Lang } from './labels';
import { fenToYuan, parseNumber, yuanToFen } from './money';
import { isWithin, pathKey, patternOf, type Path } from './paths';
import {
  choiceIndex,
  choiceOptions,
  controlFor,
  discriminatorOf,
  elementOf,
  emptyOf,
  enumValues,
  isDateSchema,
  isIntegerSchema,
  literalValue,
  objectEntries,
  refOptions,
  switchVariant,
  unwrap,
  variantOf,
  variantOptions,
  type Control,
  type RefOption,
  type Schema,
} from './schema-walk';

const noSubscribe = () => () => {};

/*
 * The controls of the form. `Field` looks at a node of the schema (controlFor) and renders its editor;
 * objects and lists render their children through `Field` again, so the whole document is reached.
 * Every input is named by its document path (`fees.individual.amountFen`), the path the validation
 * issues use: an issue is shown at the input of the same name.
 */

export interface EditorContextValue {
  update: (path: Path, value: unknown) => void;
  /** Messages (already translated) by path. */
  issues: ReadonlyMap<string, string[]>;
  /** The cards that are open, by path. */
  expanded: ReadonlySet<string>;
  setExpanded: (key: string, open: boolean) => void;
  /** Keep cards open across a move or removal in a list: old index → new index (undefined: gone). */
  reindex: (listKey: string, map: (i: number) => number | undefined) => void;
  lang: Lang;
}

export const EditorContext = createContext<EditorContextValue | null>(null);
/**
 * The whole document, for the fields that choose among codes defined elsewhere in it. A store rather
 * than a context: a context holding the document would make React visit the whole form on every
 * keystroke to find its few readers.
 */
export interface DocStore {
  get: () => unknown;
  subscribe: (listener: () => void) => () => void;
}

export const DocStoreContext = createContext<DocStore | null>(null);

/** A store whose value is set after each render of the editor. */
export function createDocStore(initial: unknown): DocStore & { set: (doc: unknown) => void } {
  let doc = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => doc,
    set: (next) => {
      if (next === doc) return;
      doc = next;
      listeners.forEach((l) => l());
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('EditorContext missing');
  return ctx;
}

/** Lists of things and groups of fields take a whole row; single inputs share rows. */
const BLOCK: ReadonlySet<Control> = new Set(['object', 'object-list', 'table', 'list', 'enum-set', 'variant', 'unsupported']);
/** Texts that are sentences rather than names or codes get a whole row too. */
const WIDE_KEYS = new Set([
  'title',
  'planTitle',
  'label',
  'name',
  'note',
  'description',
  'purpose',
  'consequence',
  'reference',
  'text',
  'choice',
  'reason',
  'action',
  'condition',
  'event',
  'countingNote',
  'item',
  'place',
  'body',
  'fundedBy',
  'hostedBy',
  'for',
  'topic',
  'term',
]);

function isWide(schema: Schema, path: Path): boolean {
  const control = controlFor(schema, path);
  if (BLOCK.has(control)) return true;
  const key = path[path.length - 1];
  return control === 'text' && typeof key === 'string' && WIDE_KEYS.has(key);
}

const gridSx = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
  gap: 2,
  alignItems: 'start',
} as const;

function messagesAt(ctx: EditorContextValue, key: string): string[] {
  return ctx.issues.get(key) ?? [];
}

function issuesWithin(ctx: EditorContextValue, key: string): number {
  let n = 0;
  for (const [p, list] of ctx.issues) if (isWithin(p, key)) n += list.length;
  return n;
}

/** The value an emptied input leaves: null where allowed, else absent where allowed, else `fallback`. */
function emptied(schema: Schema, fallback: unknown): unknown {
  const u = unwrap(schema);
  if (u.nullable) return null;
  if (u.optional) return undefined;
  return fallback;
}

// ---------------------------------------------------------------- dispatch

interface FieldProps {
  schema: Schema;
  path: Path;
  value: unknown;
}

function FieldImpl({ schema, path, value }: FieldProps) {
  switch (controlFor(schema, path)) {
    case 'object':
      return <ObjectGroup schema={schema} path={path} value={value} />;
    case 'variant':
      return <ObjectGroup schema={schema} path={path} value={value} />;
    case 'object-list':
      return <ObjectList schema={schema} path={path} value={value} />;
    case 'table':
      return <TableList schema={schema} path={path} value={value} />;
    case 'list':
      return <PrimitiveList schema={schema} path={path} value={value} />;
    case 'enum-set':
      return <EnumSet schema={schema} path={path} value={value} />;
    case 'choice':
      return <ChoiceInput schema={schema} path={path} value={value} />;
    case 'text':
      return <TextInput schema={schema} path={path} value={value} />;
    case 'date':
      return <TextInput schema={schema} path={path} value={value} date />;
    case 'ref':
      return <RefInput schema={schema} path={path} value={value} />;
    case 'money':
      return <NumberInput schema={schema} path={path} value={value} kind="money" />;
    case 'percent':
      return <NumberInput schema={schema} path={path} value={value} kind="percent" />;
    case 'number':
      return <NumberInput schema={schema} path={path} value={value} kind="number" />;
    case 'switch':
      return <SwitchInput schema={schema} path={path} value={value} />;
    case 'select':
      return <SelectInput schema={schema} path={path} value={value} />;
    case 'literal':
      return <LiteralInput schema={schema} path={path} value={value} />;
    default:
      return <Unsupported path={path} />;
  }
}

/** A field of the document; re-rendered only when its value (or the issues, language …) change. */
export const Field = memo(
  FieldImpl,
  (a, b) => a.value === b.value && a.schema === b.schema && pathKey(a.path) === pathKey(b.path),
);

/** The fields of an object (or of the chosen kind of a union), laid out in a grid. */
export function FieldsGrid({ schema, path, value }: FieldProps) {
  const u = unwrap(schema);
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  let entries = objectEntries(schema);
  let kindSelect: ReactNode = null;
  if (u.def.type === 'union') {
    const disc = discriminatorOf(schema);
    kindSelect = <KindSelect schema={schema} path={path} value={value} />;
    entries = (variantOf(schema, value) ? objectEntries(variantOf(schema, value)!.schema) : []).filter(([k]) => k !== disc);
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
        <Chip key={k} size="small" color="error" variant="outlined" label={k} onDelete={() => ctx.update([...path, k], undefined)} />
      ))}
    </Box>
  );
}

// ---------------------------------------------------------------- groups

function IssueLines({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <>
      {messages.map((m, i) => (
        <FormHelperText key={i} error>
          {m}
        </FormHelperText>
      ))}
    </>
  );
}

function ErrorCount({ n }: { n: number }) {
  const tr = useTr();
  if (n === 0) return null;
  return (
    <Chip
      size="small"
      color="error"
      variant="outlined"
      icon={<ErrorOutlineIcon />}
      label={n}
      title={tr(`${n} 处问题`, `${n} issue(s)`)}
      sx={{ ml: 1 }}
    />
  );
}

/**
 * A group of fields under a title (an object, or a union of kinds). Where the document may leave the
 * group out (nullable or optional), a switch adds it — starting from empty values — or clears it.
 */
function ObjectGroup({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const tr = useTr();
  const u = unwrap(schema);
  const key = pathKey(path);
  const v = value === undefined && u.hasDefault ? u.defaultValue : value;
  const present = v !== null && v !== undefined;
  const canClear = u.nullable || u.optional;
  const top = path.length === 1;
  const title = fieldLabel(path, ctx.lang);
  const body = present ? <FieldsGrid schema={schema} path={path} value={v} /> : null;
  const header = (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: present ? 1.5 : 0 }}>
      <Typography variant={top ? 'h6' : 'subtitle2'} component={top ? 'h3' : 'div'} color={top ? undefined : 'text.secondary'}>
        {title}
      </Typography>
      {canClear ? (
        <FormControlLabel
          sx={{ ml: 1 }}
          control={
            <Switch
              size="small"
              name={key}
              checked={present}
              onChange={(e) => ctx.update(path, e.target.checked ? emptyOf(schema) : u.nullable ? null : undefined)}
            />
          }
          label={
            <Typography variant="body2" color="text.secondary">
              {present ? tr('有', 'Present') : tr('无（未规定）', 'None (not set)')}
            </Typography>
          }
        />
      ) : null}
      {!present || top ? <ErrorCount n={issuesWithin(ctx, key)} /> : null}
    </Box>
  );
  const content = (
    <>
      {header}
      <IssueLines messages={messagesAt(ctx, key)} />
      {body}
    </>
  );
  if (top)
    return (
      <Paper variant="outlined" sx={{ p: 2 }} data-path={key}>
        {content}
      </Paper>
    );
  return (
    <Box data-path={key} sx={{ borderLeft: 3, borderColor: 'divider', pl: 2, py: 0.5 }}>
      {content}
    </Box>
  );
}

function KindSelect({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const disc = discriminatorOf(schema);
  const p = [...path, disc];
  const key = pathKey(p);
  const pattern = patternOf(p);
  const current = value && typeof value === 'object' ? String((value as Record<string, unknown>)[disc] ?? '') : '';
  const options = variantOptions(schema).map((o) => o.value);
  const messages = messagesAt(ctx, key);
  return (
    <TextField
      select
      size="small"
      fullWidth
      name={key}
      label={fieldLabel(p, ctx.lang)}
      value={options.includes(current) ? current : ''}
      error={messages.length > 0}
      helperText={messages.join('；') || undefined}
      onChange={(e) => ctx.update(path, switchVariant(schema, value, e.target.value))}
    >
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {valueLabel(pattern, o, ctx.lang)}
        </MenuItem>
      ))}
    </TextField>
  );
}

// ---------------------------------------------------------------- lists

function ListHeader({
  path,
  count,
  onAdd,
  issues,
  onExpandAll,
}: {
  path: Path;
  count: number;
  onAdd: () => void;
  issues: number;
  onExpandAll?: (open: boolean) => void;
}) {
  const ctx = useEditor();
  const tr = useTr();
  const top = path.length === 1;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
      <Typography variant={top ? 'h6' : 'subtitle2'} component={top ? 'h3' : 'div'} color={top ? undefined : 'text.secondary'}>
        {fieldLabel(path, ctx.lang)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {tr(`（${count} 项）`, `(${count})`)}
      </Typography>
      <ErrorCount n={issues} />
      <Box sx={{ flex: 1 }} />
      {onExpandAll && count > 1 ? (
        <>
          <Button size="small" color="inherit" onClick={() => onExpandAll(true)}>
            {tr('全部展开', 'Expand all')}
          </Button>
          <Button size="small" color="inherit" onClick={() => onExpandAll(false)}>
            {tr('全部收起', 'Collapse all')}
          </Button>
        </>
      ) : null}
      <Button size="small" startIcon={<AddIcon />} onClick={onAdd}>
        {tr('添加', 'Add')}
      </Button>
    </Box>
  );
}

function ListFrame({ path, children }: { path: Path; children: ReactNode }) {
  const key = pathKey(path);
  if (path.length === 1)
    return (
      <Paper variant="outlined" sx={{ p: 2 }} data-path={key}>
        {children}
      </Paper>
    );
  return (
    <Box data-path={key} sx={{ borderLeft: 3, borderColor: 'divider', pl: 2, py: 0.5 }}>
      {children}
    </Box>
  );
}

function moveItem(list: unknown[], from: number, to: number): unknown[] {
  const copy = list.slice();
  const [x] = copy.splice(from, 1);
  copy.splice(to, 0, x);
  return copy;
}

function ItemButtons({ index, count, onMove, onRemove }: { index: number; count: number; onMove: (to: number) => void; onRemove: () => void }) {
  const tr = useTr();
  return (
    <Box sx={{ display: 'flex', flexShrink: 0 }}>
      <Tooltip title={tr('上移', 'Move up')}>
        <span>
          <IconButton size="small" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={tr('上移', 'Move up')}>
            <ArrowUpwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={tr('下移', 'Move down')}>
        <span>
          <IconButton size="small" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={tr('下移', 'Move down')}>
            <ArrowDownwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={tr('删除', 'Remove')}>
        <IconButton size="small" onClick={onRemove} aria-label={tr('删除', 'Remove')}>
          <DeleteOutlineIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
}

/** A list of objects: one collapsible card per item, titled by its name, label or code. */
function ObjectList({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const tr = useTr();
  const key = pathKey(path);
  const u = unwrap(schema);
  const list = Array.isArray(value) ? value : Array.isArray(u.defaultValue) ? (u.defaultValue as unknown[]) : [];
  const element = elementOf(schema);
  const pattern = patternOf(path);
  // the cards get callbacks that never change, so typing in one card re-renders that card only
  const latest = useRef({ list, ctx, tr, path });
  latest.current = { list, ctx, tr, path };
  const move = useCallback((from: number, to: number) => {
    const { list, ctx, path } = latest.current;
    ctx.update(path, moveItem(list, from, to));
    ctx.reindex(pathKey(path), (i) => (i === from ? to : i === to ? from : i));
  }, []);
  const remove = useCallback(
    (index: number) => {
      const { list, ctx, tr, path } = latest.current;
      const title = itemTitle(list[index], index, pattern, ctx.lang);
      if (!window.confirm(tr(`删除「${title}」？`, `Remove "${title}"?`))) return;
      ctx.update(
        path,
        list.filter((_, i) => i !== index),
      );
      ctx.reindex(pathKey(path), (i) => (i === index ? undefined : i > index ? i - 1 : i));
    },
    [pattern],
  );
  const add = () => {
    ctx.update(path, [...list, emptyOf(element)]);
    ctx.setExpanded(pathKey([...path, list.length]), true);
  };
  return (
    <ListFrame path={path}>
      <ListHeader
        path={path}
        count={list.length}
        onAdd={add}
        issues={issuesWithin(ctx, key)}
        onExpandAll={(open) => list.forEach((_, i) => ctx.setExpanded(pathKey([...path, i]), open))}
      />
      <IssueLines messages={messagesAt(ctx, key)} />
      {list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {tr('（空）', '(empty)')}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {list.map((item, i) => (
          <ItemCard key={i} schema={element} path={[...path, i]} value={item} index={i} count={list.length} onMove={move} onRemove={remove} />
        ))}
      </Box>
    </ListFrame>
  );
}

interface ItemCardProps extends FieldProps {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

function ItemCardImpl({ schema, path, value, index, count, onMove, onRemove }: ItemCardProps) {
  const ctx = useEditor();
  const tr = useTr();
  const key = pathKey(path);
  const open = ctx.expanded.has(key);
  const errors = issuesWithin(ctx, key);
  const title = itemTitle(value, index, patternOf(path), ctx.lang);
  const subtitle = itemSubtitle(value);
  return (
    <Paper variant="outlined" data-path={key} sx={{ borderColor: errors ? 'error.main' : undefined }}>
      <Box
        sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1, py: 0.5, cursor: 'pointer', bgcolor: 'action.hover' }}
        onClick={() => ctx.setExpanded(key, !open)}
      >
        <IconButton size="small" aria-label={open ? tr('收起', 'Collapse') : tr('展开', 'Expand')} aria-expanded={open}>
          {open ? <ExpandLessIcon fontSize="small" /> : <ExpandMoreIcon fontSize="small" />}
        </IconButton>
        <Typography variant="body2" sx={{ flex: 1, minWidth: 0, fontWeight: 500 }} noWrap>
          {title || tr('（未命名）', '(untitled)')}
          {subtitle ? (
            <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1.5 }}>
              {subtitle}
            </Typography>
          ) : null}
        </Typography>
        <ErrorCount n={errors} />
        <Box onClick={(e) => e.stopPropagation()}>
          <ItemButtons index={index} count={count} onMove={(to) => onMove(index, to)} onRemove={() => onRemove(index)} />
        </Box>
      </Box>
      {open ? (
        <Box sx={{ p: 2 }}>
          <IssueLines messages={messagesAt(ctx, key)} />
          <FieldsGrid schema={schema} path={path} value={value} />
        </Box>
      ) : null}
    </Paper>
  );
}

const ItemCard = memo(
  ItemCardImpl,
  (a, b) =>
    a.value === b.value &&
    a.schema === b.schema &&
    a.index === b.index &&
    a.count === b.count &&
    a.onMove === b.onMove &&
    a.onRemove === b.onRemove &&
    pathKey(a.path) === pathKey(b.path),
);

/** Texts that read as sentences get the wide columns of a table. */
const WIDE_COLUMNS = new Set([...WIDE_KEYS, 'unit', 'post', 'department', 'fund', 'actor']);

/**
 * A list of small flat objects (table rows, roster members, refund reasons …): one row of inputs per
 * item under a header of column labels, rather than a card each.
 */
function TableList({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const tr = useTr();
  const key = pathKey(path);
  const u = unwrap(schema);
  const list = Array.isArray(value) ? value : Array.isArray(u.defaultValue) ? (u.defaultValue as unknown[]) : [];
  const element = elementOf(schema);
  const entries = objectEntries(element);
  const latest = useRef({ list, ctx, path });
  latest.current = { list, ctx, path };
  const move = useCallback((from: number, to: number) => {
    const { list, ctx, path } = latest.current;
    ctx.update(path, moveItem(list, from, to));
  }, []);
  const remove = useCallback((index: number) => {
    const { list, ctx, path } = latest.current;
    ctx.update(
      path,
      list.filter((_, i) => i !== index),
    );
  }, []);
  const columns = [
    'minmax(2.5em, auto)',
    ...entries.map(([k, child]) => {
      const c = controlFor(child, [...path, 0, k]);
      if (c === 'switch') return 'minmax(64px, auto)';
      if (c === 'select' || c === 'ref' || c === 'date') return 'minmax(150px, 1fr)';
      return WIDE_COLUMNS.has(k) ? 'minmax(180px, 3fr)' : 'minmax(96px, 1fr)';
    }),
    'auto',
  ].join(' ');
  return (
    <ListFrame path={path}>
      <ListHeader path={path} count={list.length} onAdd={() => ctx.update(path, [...list, emptyOf(element)])} issues={issuesWithin(ctx, key)} />
      <IssueLines messages={messagesAt(ctx, key)} />
      {list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {tr('（空）', '(empty)')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Box sx={{ display: 'grid', gridTemplateColumns: columns, columnGap: 1, rowGap: 1, alignItems: 'start', minWidth: 'min-content' }}>
            <span />
            {entries.map(([k]) => (
              <Typography key={k} variant="caption" color="text.secondary" sx={{ px: 0.5 }}>
                {fieldLabel([...path, 0, k], ctx.lang)}
              </Typography>
            ))}
            <span />
            <CompactContext.Provider value={true}>
              {list.map((item, i) => (
                <TableRow key={i} schema={element} path={[...path, i]} value={item} index={i} count={list.length} onMove={move} onRemove={remove} />
              ))}
            </CompactContext.Provider>
          </Box>
        </Box>
      )}
    </ListFrame>
  );
}

function TableRowImpl({ schema, path, value, index, count, onMove, onRemove }: ItemCardProps) {
  const ctx = useEditor();
  const key = pathKey(path);
  const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const own = messagesAt(ctx, key);
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ pt: 1, textAlign: 'right' }} data-path={key}>
        {index + 1}
      </Typography>
      {objectEntries(schema).map(([k, child]) => (
        <Box key={k} sx={{ minWidth: 0 }}>
          <Field schema={child} path={[...path, k]} value={obj[k]} />
        </Box>
      ))}
      <ItemButtons index={index} count={count} onMove={(to) => onMove(index, to)} onRemove={() => onRemove(index)} />
      {own.length ? (
        <Box sx={{ gridColumn: '1 / -1', mt: -1 }}>
          <IssueLines messages={own} />
        </Box>
      ) : null}
    </>
  );
}

const TableRow = memo(
  TableRowImpl,
  (a, b) =>
    a.value === b.value &&
    a.schema === b.schema &&
    a.index === b.index &&
    a.count === b.count &&
    a.onMove === b.onMove &&
    a.onRemove === b.onRemove &&
    pathKey(a.path) === pathKey(b.path),
);

/** A list of single values (texts, codes, dates): one input per item, with add / remove / move. */
function PrimitiveList({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const key = pathKey(path);
  const u = unwrap(schema);
  const list = Array.isArray(value) ? value : Array.isArray(u.defaultValue) ? (u.defaultValue as unknown[]) : [];
  const element = elementOf(schema);
  const tr = useTr();
  return (
    <ListFrame path={path}>
      <ListHeader path={path} count={list.length} onAdd={() => ctx.update(path, [...list, emptyOf(element)])} issues={issuesWithin(ctx, key)} />
      <IssueLines messages={messagesAt(ctx, key)} />
      {list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {tr('（空）', '(empty)')}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {list.map((item, i) => (
          <Box key={i} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
            <Box sx={{ flex: 1 }}>
              <Field schema={element} path={[...path, i]} value={item} />
            </Box>
            <ItemButtons
              index={i}
              count={list.length}
              onMove={(to) => ctx.update(path, moveItem(list, i, to))}
              onRemove={() =>
                ctx.update(
                  path,
                  list.filter((_, j) => j !== i),
                )
              }
            />
          </Box>
        ))}
      </Box>
    </ListFrame>
  );
}

/** A set of options (refund reasons): one checkbox per option, kept in the schema's order. */
function EnumSet({ schema, path, value }: FieldProps) {
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

// ---------------------------------------------------------------- inputs

/** Inside a table row the column header names the field: the input has no label of its own. */
const CompactContext = createContext(false);

/** Name (the document path), label, and the issues at this path as the helper text. */
function useCommonProps(path: Path, hint?: string) {
  const ctx = useEditor();
  const compact = useContext(CompactContext);
  const key = pathKey(path);
  const messages = messagesAt(ctx, key);
  const label = fieldLabel(path, ctx.lang);
  return {
    name: key,
    label: compact ? undefined : label,
    hiddenLabel: compact,
    title: compact ? label : undefined,
    size: 'small' as const,
    fullWidth: true,
    error: messages.length > 0,
    helperText: messages.join('；') || (compact ? undefined : hint),
  };
}

function TextInput({ schema, path, value, date }: FieldProps & { date?: boolean }) {
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

/**
 * Numbers keep the text being typed ("400.", "-") while the document gets the parsed value: money
 * in integer fen (typed in yuan), others as numbers. A text that is no number goes into the document
 * as it is, so the validation reports it at this field.
 */
function NumberInput({ schema, path, value, kind }: FieldProps & { kind: 'money' | 'percent' | 'number' }) {
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

function SwitchInput({ path, value }: FieldProps) {
  const ctx = useEditor();
  const key = pathKey(path);
  const messages = messagesAt(ctx, key);
  const compact = useContext(CompactContext);
  const label = fieldLabel(path, ctx.lang);
  return (
    <FormControl error={messages.length > 0} sx={{ pt: 0.5 }} title={compact ? label : undefined}>
      <FormControlLabel
        control={<Switch name={key} checked={value === true} onChange={(e) => ctx.update(path, e.target.checked)} />}
        label={compact ? '' : label}
      />
      {messages.length ? <FormHelperText error>{messages.join('；')}</FormHelperText> : null}
    </FormControl>
  );
}

function SelectInput({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const fieldProps = useCommonProps(path);
  const tr = useTr();
  const u = unwrap(schema);
  const pattern = patternOf(path);
  const options = enumValues(schema);
  const current = value === null || value === undefined ? '' : String(value);
  const unknown = current !== '' && !options.includes(current);
  return (
    <TextField
      {...fieldProps}
      select
      value={current}
      onChange={(e) => ctx.update(path, e.target.value === '' ? emptied(schema, undefined) : e.target.value)}
    >
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
      {unknown ? <MenuItem value={current}>{current}</MenuItem> : null}
    </TextField>
  );
}

/** The code of another part of the document (a category, a special group, a window): chosen among those that exist. */
function RefInput({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const fieldProps = useCommonProps(path);
  const tr = useTr();
  const store = useContext(DocStoreContext);
  const pattern = patternOf(path);
  // the options as text: this field re-renders only when the codes or names it offers change
  const optionsJson = useSyncExternalStore(store?.subscribe ?? noSubscribe, () => JSON.stringify(refOptions(store?.get(), pattern)));
  const options = useMemo(() => JSON.parse(optionsJson) as RefOption[], [optionsJson]);
  const current = value === null || value === undefined ? '' : String(value);
  const unknown = current !== '' && !options.some((o) => o.code === current);
  return (
    <TextField
      {...fieldProps}
      select
      value={current}
      onChange={(e) => ctx.update(path, e.target.value === '' ? emptied(schema, '') : e.target.value)}
    >
      <MenuItem value="">
        <em>{tr('（请选择）', '(choose)')}</em>
      </MenuItem>
      {options.map((o) => (
        <MenuItem key={o.code} value={o.code}>
          {o.name ? `${o.name}（${o.code}）` : o.code}
        </MenuItem>
      ))}
      {unknown ? <MenuItem value={current}>{tr(`${current}（不存在）`, `${current} (missing)`)}</MenuItem> : null}
    </TextField>
  );
}

/** A value the schema fixes: shown, not editable. */
function LiteralInput({ schema, path, value }: FieldProps) {
  const ctx = useEditor();
  const tr = useTr();
  const fieldProps = useCommonProps(path, tr('固定值', 'Fixed value'));
  const fixed = literalValue(schema);
  // a document that lacks the fixed value (or has another) gets a button that sets it
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

/** A plain union (a fixed value or a date): which one, then the input of a date or text. */
function ChoiceInput({ schema, path, value }: FieldProps) {
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

function Unsupported({ path }: { path: Path }) {
  const tr = useTr();
  return (
    <Typography color="error" variant="body2">
      {tr(`字段 ${pathKey(path)} 暂无编辑控件`, `No editor for ${pathKey(path)}`)}
    </Typography>
  );
}
