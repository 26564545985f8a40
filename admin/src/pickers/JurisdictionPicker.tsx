import { useEffect, useState } from 'react';
import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import ClearIcon from '@mui/icons-material/Clear';
import { useInput } from 'react-admin';
import { gql } from '../api';
import { useTr } from '../i18n';
import { JurisdictionSearch, NODE, TreeNode, type Node } from '../jurisdictions-page';

/*
 * Choosing a jurisdiction among the 45,000 of the national division list: a field that opens the
 * lazy tree of the 统筹地区 page (one level at a time) with its search, rather than a flat list. Used
 * by the filters of the lists, the cohort upload and the users' jurisdictions.
 */

/** A jurisdiction as the pickers hand it back; the API takes its code, or its name where it has none. */
export interface JurisdictionRef {
  id: string;
  code: string | null;
  name: string;
}

const refOf = (n: Node): JurisdictionRef => ({ id: n.id, code: n.code, name: n.name });

/** What the API's `jurisdiction` arguments take: the division code, else the exact name. */
export const jurisdictionKey = (j: JurisdictionRef) => j.code ?? j.name;

/** The dialog: the search of the 统筹地区 page over every jurisdiction, and its tree to browse level by level. */
function PickDialog({ open, title, onClose, onPick }: { open: boolean; title: string; onClose: () => void; onPick: (j: JurisdictionRef) => void }) {
  const tr = useTr();
  const [roots, setRoots] = useState<Node[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open || roots) return;
    gql<{ jurisdictionChildren: { items: Node[] } }>(`{ jurisdictionChildren { items { ${NODE} } } }`).then(
      (d) => setRoots(d.jurisdictionChildren.items),
      (e: Error) => setError(e.message),
    );
  }, [open, roots]);
  const pick = (n: Node) => onPick(refOf(n));
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" data-testid="jurisdiction-picker">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {error ? <Typography color="error">{error}</Typography> : null}
        <JurisdictionSearch
          autoFocus
          onSelect={pick}
          idle={
            <Box data-testid="picker-tree">
              {roots === null && !error ? <Typography>{tr('加载中…', 'Loading…')}</Typography> : null}
              {(roots ?? []).map((n) => (
                <TreeNode key={n.id} n={n} depth={0} selected={null} onSelect={pick} />
              ))}
            </Box>
          }
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{tr('取消', 'Cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** One jurisdiction: a field showing its name that opens the tree with search. */
export function JurisdictionPicker(props: {
  label: string;
  value: JurisdictionRef | null;
  onChange: (j: JurisdictionRef | null) => void;
  name?: string;
  testId?: string;
  disabled?: boolean;
  required?: boolean;
  sx?: Record<string, unknown>;
}) {
  const tr = useTr();
  const [open, setOpen] = useState(false);
  return (
    <>
      <TextField
        size="small"
        label={props.label}
        value={props.value?.name ?? ''}
        placeholder={tr('点击选择', 'Click to choose')}
        required={props.required}
        disabled={props.disabled}
        onClick={() => !props.disabled && setOpen(true)}
        sx={{ minWidth: 220, ...props.sx }}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: { readOnly: true, name: props.name, 'data-testid': props.testId, style: { cursor: 'pointer' } },
          input: props.value
            ? {
                endAdornment: (
                  <InputAdornment position="end">
                    <IconButton
                      size="small"
                      aria-label={tr('清除', 'Clear')}
                      onClick={(e) => {
                        e.stopPropagation();
                        props.onChange(null);
                      }}
                    >
                      <ClearIcon fontSize="small" />
                    </IconButton>
                  </InputAdornment>
                ),
              }
            : undefined,
        }}
      />
      <PickDialog
        open={open}
        title={props.label}
        onClose={() => setOpen(false)}
        onPick={(j) => {
          props.onChange(j);
          setOpen(false);
        }}
      />
    </>
  );
}

/** Several jurisdictions (a user's): chips, and a button that adds one from the tree with search. */
export function JurisdictionsPicker({ label, value, onChange, testId }: { label: string; value: JurisdictionRef[]; onChange: (js: JurisdictionRef[]) => void; testId?: string }) {
  const tr = useTr();
  const [open, setOpen] = useState(false);
  return (
    <Box data-testid={testId}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        {label}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        {value.map((j) => (
          <Chip key={j.id} label={j.name} onDelete={() => onChange(value.filter((x) => x.id !== j.id))} data-name={j.name} />
        ))}
        <Button size="small" onClick={() => setOpen(true)}>
          {tr('添加地区', 'Add a jurisdiction')}
        </Button>
      </Stack>
      <PickDialog
        open={open}
        title={label}
        onClose={() => setOpen(false)}
        onPick={(j) => {
          if (!value.some((x) => x.id === j.id)) onChange([...value, j]);
          setOpen(false);
        }}
      />
    </Box>
  );
}

/** Names of the jurisdictions a filter has named by code or name (a filter is kept in the address). */
const known = new Map<string, string>();

/** A list's jurisdiction filter (react-admin input): keeps the code (else the name) the API takes. */
export function JurisdictionFilter({ source, label }: { source: string; label: string; alwaysOn?: boolean }) {
  const { field } = useInput({ source });
  const key = typeof field.value === 'string' && field.value ? field.value : null;
  const value = key ? { id: key, code: key, name: known.get(key) ?? key } : null;
  return (
    <JurisdictionPicker
      label={label}
      value={value}
      testId={`filter-${source}`}
      onChange={(j) => {
        if (j) known.set(jurisdictionKey(j), j.name);
        field.onChange(j ? jurisdictionKey(j) : '');
      }}
      sx={{ mb: '4px', mt: '8px' }}
    />
  );
}
