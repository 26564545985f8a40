import { useCallback, useContext, useRef, type ReactNode } from 'react';
import { Box, Button, Chip, FormHelperText, IconButton, MenuItem, Paper, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import { useTr } from '../../i18n';
import { fieldLabel } from '../labels';
import { pathKey, type Path } from '../paths';
import { elementOf, emptyOf, unwrap, type Schema } from '../schema-walk';
import { CompactContext, messagesAt, useEditor, type EditorContextValue } from './context';

/*
 * The pieces the controls are made of: the frame of a group or list, its header, the issues under a
 * field, the buttons of a list item, and the props every single input shares.
 */

/** A top-level part in an outlined card, anything deeper indented under a rule. */
export function Frame({ path, children }: { path: Path; children: ReactNode }) {
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

/** The title of a group or a list: larger for a top-level part. */
export function FrameTitle({ path, lang }: { path: Path; lang: EditorContextValue['lang'] }) {
  const top = path.length === 1;
  return (
    <Typography variant={top ? 'h6' : 'subtitle2'} component={top ? 'h3' : 'div'} color={top ? undefined : 'text.secondary'}>
      {fieldLabel(path, lang)}
    </Typography>
  );
}

export function IssueLines({ messages }: { messages: string[] }) {
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

export function ErrorCount({ n }: { n: number }) {
  const tr = useTr();
  if (n === 0) return null;
  return <Chip size="small" color="error" variant="outlined" icon={<ErrorOutlineIcon />} label={n} title={tr(`${n} 处问题`, `${n} issue(s)`)} sx={{ ml: 1 }} />;
}

/** What an empty list shows. */
export function Empty() {
  const tr = useTr();
  return (
    <Typography variant="body2" color="text.secondary">
      {tr('（空）', '(empty)')}
    </Typography>
  );
}

export function ListHeader({ path, count, onAdd, issues, onExpandAll }: { path: Path; count: number; onAdd: () => void; issues: number; onExpandAll?: (open: boolean) => void }) {
  const ctx = useEditor();
  const tr = useTr();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
      <FrameTitle path={path} lang={ctx.lang} />
      <Typography variant="body2" color="text.secondary">
        {tr(`（${count}项）`, `(${count})`)}
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

export function moveItem(list: unknown[], from: number, to: number): unknown[] {
  const copy = list.slice();
  const [x] = copy.splice(from, 1);
  copy.splice(to, 0, x);
  return copy;
}

export function ItemButtons({ index, count, onMove, onRemove }: { index: number; count: number; onMove: (to: number) => void; onRemove: () => void }) {
  const tr = useTr();
  const button = (title: string, disabled: boolean, onClick: () => void, icon: ReactNode) => (
    <Tooltip title={title}>
      <span>
        <IconButton size="small" disabled={disabled} onClick={onClick} aria-label={title}>
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );
  return (
    <Box sx={{ display: 'flex', flexShrink: 0 }}>
      {button(tr('上移', 'Move up'), index === 0, () => onMove(index - 1), <ArrowUpwardIcon fontSize="small" />)}
      {button(tr('下移', 'Move down'), index === count - 1, () => onMove(index + 1), <ArrowDownwardIcon fontSize="small" />)}
      {button(tr('删除', 'Remove'), false, onRemove, <DeleteOutlineIcon fontSize="small" />)}
    </Box>
  );
}

/**
 * A list's items and the ways to change them, with callbacks that never change (so typing in one
 * item re-renders that item only). `onRemove` may refuse (a confirmation); `onMoved` and `onRemoved`
 * follow a change (the cards kept open move with their items).
 */
export function useListEditing(
  schema: Schema,
  path: Path,
  value: unknown,
  hooks: { confirmRemove?: (list: unknown[], index: number) => boolean; onMoved?: (from: number, to: number) => void; onRemoved?: (index: number) => void } = {},
) {
  const ctx = useEditor();
  const u = unwrap(schema);
  const list = Array.isArray(value) ? value : Array.isArray(u.defaultValue) ? (u.defaultValue as unknown[]) : [];
  const element = elementOf(schema);
  const latest = useRef({ list, ctx, path, hooks });
  latest.current = { list, ctx, path, hooks };
  const move = useCallback((from: number, to: number) => {
    const { list, ctx, path, hooks } = latest.current;
    ctx.update(path, moveItem(list, from, to));
    hooks.onMoved?.(from, to);
  }, []);
  const remove = useCallback((index: number) => {
    const { list, ctx, path, hooks } = latest.current;
    if (hooks.confirmRemove && !hooks.confirmRemove(list, index)) return;
    ctx.update(
      path,
      list.filter((_, i) => i !== index),
    );
    hooks.onRemoved?.(index);
  }, []);
  const add = () => ctx.update(path, [...list, emptyOf(element)]);
  return { ctx, list, element, move, remove, add };
}

/** Name (the document path), label, and the issues at this path as the helper text. */
export function useCommonProps(path: Path, hint?: string) {
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

/** A choice among fixed options that is not a field of its own (the kind of a union, which alternative of a choice). */
export function OptionSelect(props: { name: string; label: string; value: string; messages: string[]; options: { value: string; label: ReactNode }[]; onChange: (value: string) => void }) {
  return (
    <TextField
      select
      size="small"
      fullWidth
      name={props.name}
      label={props.label}
      value={props.value}
      error={props.messages.length > 0}
      helperText={props.messages.join('；') || undefined}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {props.options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
