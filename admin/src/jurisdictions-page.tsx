import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  IconButton,
  Link,
  List,
  ListItemButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { Title } from 'react-admin';
import { errorText, gql } from './api';
import { useTr } from './i18n';
import { useAbilities } from './permissions';
import { StatusChip } from './status';

/*
 * 统筹地区: the national division list (about 45,000 jurisdictions) as a tree that loads one level at a
 * time (jurisdictionChildren) and a search (searchJurisdictions), each jurisdiction with its policies;
 * for one without, "start this jurisdiction's rules from …" a version nearby (same city first).
 */

/** A jurisdiction as the tree and the search show it (also the jurisdiction picker's, pickers/JurisdictionPicker.tsx). */
export interface Node {
  id: string;
  code: string | null;
  name: string;
  level: string;
  kindLabel: string | null;
  childCount: number;
  publishedYears: number[];
  withPoliciesBelow: number;
  fullName?: string;
}

export const NODE = 'id code name level kindLabel childCount publishedYears withPoliciesBelow';

interface VersionRow {
  id: string;
  year: number;
  status: string;
  title: string;
  jurisdiction: { id: string; name: string; path: { id: string; name: string }[] };
}

const LEVELS: Record<string, [string, string]> = {
  PROVINCE: ['省', 'Province'],
  PREFECTURE: ['市', 'Prefecture'],
  COUNTY: ['县（市、区）', 'County'],
  TOWNSHIP: ['乡镇（街道）', 'Township'],
};

export function PolicyBadges({ n }: { n: Node }) {
  const tr = useTr();
  return (
    <>
      {n.publishedYears.length ? (
        <Chip size="small" color="success" label={`${tr('已发布', 'Published')} ${n.publishedYears.join('、')}`} data-testid="has-policies" />
      ) : null}
      {n.withPoliciesBelow > 0 ? (
        <Chip size="small" variant="outlined" color="success" label={tr(`下级 ${n.withPoliciesBelow} 个有政策`, `${n.withPoliciesBelow} below with policies`)} />
      ) : null}
    </>
  );
}

export function TreeNode({ n, depth, selected, onSelect }: { n: Node; depth: number; selected: string | null; onSelect: (n: Node) => void }) {
  const tr = useTr();
  const [open, setOpen] = useState(false);
  const [children, setChildren] = useState<Node[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = () => {
    setOpen(!open);
    if (!children)
      gql<{ jurisdictionChildren: { items: Node[] } }>(`query($p: ID!) { jurisdictionChildren(parent: $p, first: 200) { items { ${NODE} } } }`, { p: n.id }).then(
        (d) => setChildren(d.jurisdictionChildren.items),
        (e: Error) => setError(e.message),
      );
  };
  return (
    <Box data-testid="jurisdiction-node" data-name={n.name}>
      <Stack direction="row" spacing={1} sx={{ pl: depth * 3, alignItems: 'center', minHeight: 32, flexWrap: 'wrap' }}>
        <IconButton size="small" onClick={toggle} disabled={n.childCount === 0} aria-label={open ? tr('收起', 'Collapse') : tr('展开', 'Expand')} data-testid="expand">
          <Box component="span" sx={{ width: 16, display: 'inline-block', fontSize: 12 }}>
            {n.childCount === 0 ? '·' : open ? '▼' : '▶'}
          </Box>
        </IconButton>
        <Link component="button" underline="hover" onClick={() => onSelect(n)} sx={{ fontWeight: selected === n.id ? 700 : 500 }}>
          {n.name}
        </Link>
        {n.kindLabel ? <Chip size="small" variant="outlined" label={n.kindLabel} /> : null}
        {n.code ? (
          <Typography variant="caption" color="text.secondary">
            {n.code}
          </Typography>
        ) : null}
        <PolicyBadges n={n} />
      </Stack>
      {error ? <Typography color="error">{error}</Typography> : null}
      {open ? (
        children ? (
          children.map((c) => <TreeNode key={c.id} n={c} depth={depth + 1} selected={selected} onSelect={onSelect} />)
        ) : (
          <Box sx={{ pl: (depth + 1) * 3 + 1 }}>
            <CircularProgress size={14} />
          </Box>
        )
      ) : null}
    </Box>
  );
}

/** Versions of the jurisdiction, and where the drafter may: a first draft started from a version nearby. */
function Detail({ n, onStarted }: { n: Node; onStarted: (id: string) => void }) {
  const tr = useTr();
  const can = useAbilities().can;
  const [info, setInfo] = useState<{ fullName: string; path: { id: string }[] } | null>(null);
  const [own, setOwn] = useState<VersionRow[] | null>(null);
  const [published, setPublished] = useState<VersionRow[]>([]);
  const [from, setFrom] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setOwn(null);
    setFrom('');
    setError(null);
    const ref = n.code ?? n.name;
    gql<{ jurisdiction: { fullName: string; path: { id: string }[] }; own: VersionRow[]; published: VersionRow[] }>(
      `query($j: String!) { jurisdiction(codeOrName: $j) { fullName path { id } }
         own: policyVersions(jurisdiction: $j) { id year status title jurisdiction { id name path { id name } } }
         published: policyVersions(status: PUBLISHED) { id year status title jurisdiction { id name path { id name } } } }`,
      { j: ref },
    ).then(
      (d) => {
        setInfo(d.jurisdiction);
        setOwn(d.own);
        setPublished(d.published.filter((v) => v.jurisdiction.id !== n.id));
      },
      (e: Error) => setError(e.message),
    );
  }, [n.id]);

  // nearby first: the longest common part of the two paths (same city, then same province), then the newest year
  const nearby = useMemo(() => {
    const mine = info?.path.map((p) => p.id) ?? [];
    const shared = (v: VersionRow) => {
      let k = 0;
      while (k < mine.length && v.jurisdiction.path[k]?.id === mine[k]) k++;
      return k;
    };
    return published
      .map((v) => ({ v, k: shared(v) }))
      .sort((a, b) => b.k - a.k || b.v.year - a.v.year)
      .map(({ v, k }) => ({
        v,
        where: k >= 2 ? tr(`同属${v.jurisdiction.path[k - 1]!.name}`, `same ${v.jurisdiction.path[k - 1]!.name}`) : k === 1 ? tr('同省', 'same province') : tr('外省', 'other province'),
      }));
  }, [published, info]);
  useEffect(() => {
    if (!from && nearby[0]) {
      setFrom(nearby[0].v.id);
      setYear(String(nearby[0].v.year + 1));
    }
  }, [nearby]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await gql<{ createDraft: { id: string } }>(`mutation($f: ID!, $y: Int!, $j: String!) { createDraft(from: $f, year: $y, jurisdiction: $j) { id } }`, {
        f: from,
        y: Number(year),
        j: n.code ?? n.name,
      });
      onStarted(d.createDraft.id);
    } catch (e) {
      setError(errorText(e, tr));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined" data-testid="jurisdiction-detail">
      <CardContent>
        <Typography variant="h6">{n.name}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {info?.fullName ?? ''} {n.code ? `· ${tr('区划代码', 'Division code')} ${n.code}` : ''} {n.kindLabel ? `· ${n.kindLabel}` : ''} ·{' '}
          {LEVELS[n.level] ? tr(...LEVELS[n.level]!) : n.level}
        </Typography>
        {own === null && !error ? <CircularProgress size={16} /> : null}
        {own?.length ? (
          <Stack spacing={0.5} sx={{ mb: 2 }}>
            {own
              .slice()
              .sort((a, b) => b.year - a.year)
              .map((v) => (
                <Box key={v.id} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                  <Link component={RouterLink} to={`/policyVersions/${v.id}/show`}>
                    {v.year} · {v.title}
                  </Link>
                  <StatusChip status={v.status} />
                </Box>
              ))}
          </Stack>
        ) : own ? (
          <Typography sx={{ mb: 2 }}>{tr('尚无政策版本。', 'No policy version yet.')}</Typography>
        ) : null}
        {can('drafter', n.id) && nearby.length ? (
          <Box data-testid="start-from">
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {tr(`以其他地区的规则为基础，起草${n.name}的规则`, `Start ${n.name}'s rules from …`)}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
              <TextField
                select
                size="small"
                label={tr('来源版本（近邻优先）', 'Source version (nearby first)')}
                value={from}
                onChange={(e) => {
                  setFrom(e.target.value);
                  const v = published.find((x) => x.id === e.target.value);
                  if (v) setYear(String(v.year + 1));
                }}
                sx={{ minWidth: 360 }}
                slotProps={{ select: { MenuProps: { slotProps: { paper: { 'data-testid': 'source-options' } as object } } } }}
              >
                {nearby.map(({ v, where }) => (
                  <MenuItem key={v.id} value={v.id}>
                    {v.jurisdiction.name} {v.year}（{where}）
                  </MenuItem>
                ))}
              </TextField>
              <TextField size="small" type="number" label={tr('待遇年度', 'Coverage year')} value={year} onChange={(e) => setYear(e.target.value)} sx={{ width: 120 }} name="year" />
              <Button variant="contained" disabled={!from || busy} onClick={() => void start()}>
                {tr('创建草案', 'Create draft')}
              </Button>
            </Stack>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
              {tr(
                '草案沿用来源版本的内容；属于来源地区的名称、发文机关、主送单位、文号、领导小组、任务分解表等列为“待核对事项”，须逐项处理后才能提交审核。',
                'The draft copies the source; what belongs to the source jurisdiction is listed among the review items, to be settled before submission.',
              )}
            </Typography>
          </Box>
        ) : null}
        {error ? (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="start-error">
            {error}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** Jurisdictions as a lazily loaded tree with a search, each with its policies. */
/**
 * The search over every jurisdiction (by name or division code; one request per pause in typing) and
 * its results; `idle` shows while nothing is searched (the jurisdiction picker's tree).
 */
export function JurisdictionSearch({ onSelect, idle, autoFocus }: { onSelect: (n: Node) => void; idle?: ReactNode; autoFocus?: boolean }) {
  const tr = useTr();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ total: number; items: Node[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    const q = query.trim();
    if (!q) return setResults(null);
    timer.current = setTimeout(() => {
      gql<{ searchJurisdictions: { total: number; items: Node[] } }>(`query($q: String!) { searchJurisdictions(query: $q, first: 30) { total items { ${NODE} fullName } } }`, { q }).then(
        (d) => setResults(d.searchJurisdictions),
        (e: Error) => setError(e.message),
      );
    }, 120); // typing pauses: one request per pause, not per key
  }, [query]);
  return (
    <>
      {error ? <Typography color="error">{error}</Typography> : null}
      <TextField
        fullWidth
        autoFocus={autoFocus}
        size="small"
        label={tr('搜索统筹地区（名称或区划代码）', 'Search jurisdictions (name or code)')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'jurisdiction-search' } }}
        sx={{ my: 1 }}
      />
      {results ? (
        <Box data-testid="jurisdiction-search-results" sx={{ mb: 2 }}>
          <Typography variant="caption" color="text.secondary">
            {tr(`共 ${results.total} 个结果${results.total > results.items.length ? `，显示前 ${results.items.length} 个` : ''}`, `${results.total} found`)}
          </Typography>
          <List dense>
            {results.items.map((n) => (
              <ListItemButton key={n.id} onClick={() => onSelect(n)} data-testid="search-result" data-name={n.name}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography>{n.fullName}</Typography>
                  {n.code ? (
                    <Typography variant="caption" color="text.secondary">
                      {n.code}
                    </Typography>
                  ) : null}
                  {n.kindLabel ? <Chip size="small" variant="outlined" label={n.kindLabel} /> : null}
                  <PolicyBadges n={n} />
                </Stack>
              </ListItemButton>
            ))}
          </List>
        </Box>
      ) : (
        idle
      )}
    </>
  );
}

export function JurisdictionTree() {
  const tr = useTr();
  const navigate = useNavigate();
  const [roots, setRoots] = useState<Node[] | null>(null);
  const [withPolicies, setWithPolicies] = useState<Node[]>([]);
  const [selected, setSelected] = useState<Node | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ jurisdictionChildren: { items: Node[] }; searchJurisdictions: { items: Node[] } }>(
      `{ jurisdictionChildren { items { ${NODE} } } searchJurisdictions(hasPolicies: true, first: 50) { items { ${NODE} } } }`,
    ).then(
      (d) => {
        setRoots(d.jurisdictionChildren.items);
        setWithPolicies(d.searchJurisdictions.items);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={tr('统筹地区', 'Jurisdictions')} />
      <Card>
        <CardContent>
          {error ? <Typography color="error">{error}</Typography> : null}
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {tr('全国统计用区划（国家统计局 2023 年）：省、市、县、乡镇（街道）共约 4.5 万个，逐级展开或搜索。', 'The national division list (2023): about 45,000 jurisdictions; expand level by level or search.')}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }} data-testid="with-policies">
            <Typography variant="subtitle2">{tr('已有政策：', 'With policies: ')}</Typography>
            {withPolicies.map((n) => (
              <Chip key={n.id} size="small" color="success" variant="outlined" label={n.name} onClick={() => setSelected(n)} />
            ))}
          </Stack>
          <JurisdictionSearch onSelect={setSelected} />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
            <Box data-testid="jurisdiction-tree">
              {roots === null && !error ? <Typography>{tr('加载中…', 'Loading…')}</Typography> : null}
              {(roots ?? []).map((n) => (
                <TreeNode key={n.id} n={n} depth={0} selected={selected?.id ?? null} onSelect={setSelected} />
              ))}
            </Box>
            <Box>{selected ? <Detail n={selected} onStarted={(id) => navigate(`/policyVersions/${id}/show`)} /> : null}</Box>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
