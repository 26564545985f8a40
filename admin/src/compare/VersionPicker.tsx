import { useEffect, useState } from 'react';
import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { gql } from '../api';
import { useTr } from '../i18n';
import { statusText, type Lang } from '../format';
import { Code, useLang } from '../ui';

/** A version as the pickers list it. */
export interface VersionOption {
  id: string;
  year: number;
  status: string;
  title: string;
  documentNumber: string;
  sourceVersionId: string | null;
  jurisdiction: { id: string; name: string };
}

const VERSIONS = `query { policyVersions { id year status title documentNumber sourceVersionId jurisdiction { id name } } }`;

/** Every version the user may read, across jurisdictions and years (sorted by jurisdiction, then newest year). */
export function useVersionOptions(): { versions: VersionOption[]; loading: boolean; error: string | null } {
  const [state, setState] = useState<{ versions: VersionOption[]; loading: boolean; error: string | null }>({ versions: [], loading: true, error: null });
  useEffect(() => {
    let live = true;
    gql<{ policyVersions: VersionOption[] }>(VERSIONS).then(
      (d) => {
        if (!live) return;
        const versions = [...d.policyVersions].sort(
          (x, y) => x.jurisdiction.name.localeCompare(y.jurisdiction.name, 'zh') || y.year - x.year || x.status.localeCompare(y.status),
        );
        setState({ versions, loading: false, error: null });
      },
      (e: Error) => live && setState({ versions: [], loading: false, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** `石狮市 2025 · 已发布 · 狮政办规〔2024〕5号`: what the input shows for a picked version. */
export function versionLabel(v: VersionOption, lang: Lang): string {
  return `${v.jurisdiction.name} ${v.year} · ${statusText(v.status, lang)} · ${v.documentNumber || v.title}`;
}

/** An Autocomplete over versions, grouped by jurisdiction; `value` and `onChange` are version ids. */
export function VersionPicker(props: {
  label: string;
  versions: VersionOption[];
  value: string | null;
  onChange: (id: string | null) => void;
  loading?: boolean;
  testId?: string;
  helperText?: string;
  placeholder?: string;
}) {
  const tr = useTr();
  const lang = useLang();
  const value = props.versions.find((v) => v.id === props.value) ?? null;
  return (
    <Autocomplete
      data-testid={props.testId}
      sx={{ minWidth: 320, flex: 1 }}
      options={props.versions}
      loading={props.loading}
      value={value}
      groupBy={(v) => v.jurisdiction.name}
      getOptionLabel={(v) => versionLabel(v, lang)}
      isOptionEqualToValue={(x, y) => x.id === y.id}
      filterOptions={(options, { inputValue }) => {
        const words = inputValue.trim().toLowerCase().split(/\s+/).filter(Boolean);
        return options.filter((o) => {
          const hay = `${versionLabel(o, lang)} ${o.title} ${o.id}`.toLowerCase();
          return words.every((w) => hay.includes(w));
        });
      }}
      onChange={(_e, v) => props.onChange(v?.id ?? null)}
      renderOption={({ key, ...rest }, v) => (
        <Box component="li" key={key} {...rest}>
          <Box>
            <Typography variant="body2">
              {v.jurisdiction.name} {v.year} · {statusText(v.status, lang)} · {v.documentNumber}
            </Typography>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {v.title}
              <Code>{v.id.slice(0, 8)}</Code>
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={props.label}
          placeholder={props.placeholder}
          helperText={props.helperText ?? (props.value && !value && !props.loading ? tr(`找不到版本 ${props.value}`, `No version ${props.value}`) : undefined)}
        />
      )}
    />
  );
}
