import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Card, CardContent, Chip, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { gql } from './api';
import { useTr } from './i18n';
import { StatusChip } from './status';

interface Node {
  id: string;
  code: string | null;
  name: string;
  level: string;
  note: string | null;
  parentId: string | null;
}

interface VersionRow {
  id: string;
  year: number;
  status: string;
  title: string;
  jurisdiction: { id: string };
}

const LEVELS: Record<string, [string, string]> = {
  PROVINCE: ['省', 'Province'],
  PREFECTURE: ['市', 'Prefecture'],
  COUNTY: ['县（市、区）', 'County'],
  TOWNSHIP: ['乡镇（街道）', 'Township'],
};

/** Jurisdictions as a tree (province → prefecture → county → township), each with its versions. */
export function JurisdictionTree() {
  const tr = useTr();
  const [nodes, setNodes] = useState<Node[] | null>(null);
  const [versions, setVersions] = useState<VersionRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gql<{ jurisdictions: (Omit<Node, 'parentId'> & { parent: { id: string } | null })[]; policyVersions: VersionRow[] }>(
      `{ jurisdictions { id code name level note parent { id } } policyVersions { id year status title jurisdiction { id } } }`,
    ).then(
      (d) => {
        setNodes(d.jurisdictions.map((j) => ({ ...j, parentId: j.parent?.id ?? null })));
        setVersions(d.policyVersions);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  const render = (parentId: string | null, depth: number) =>
    (nodes ?? [])
      .filter((n) => n.parentId === parentId)
      .map((n) => {
        const own = versions.filter((v) => v.jurisdiction.id === n.id).sort((a, b) => b.year - a.year);
        return (
          <Box key={n.id} sx={{ pl: depth * 3 }} data-testid="jurisdiction-node">
            <ListItem disableGutters sx={{ alignItems: 'flex-start' }}>
              <ListItemText
                primary={
                  <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Link component={RouterLink} to={`/policyVersions?filter=${encodeURIComponent(JSON.stringify({ jurisdiction: n.code ?? n.name }))}`}>
                      <Typography component="span" variant="subtitle1" sx={{ fontWeight: 600 }}>
                        {n.name}
                      </Typography>
                    </Link>
                    <Chip size="small" variant="outlined" label={LEVELS[n.level] ? tr(...LEVELS[n.level]!) : n.level} />
                    {n.code ? <Typography variant="caption" color="text.secondary">{n.code}</Typography> : null}
                  </Box>
                }
                secondary={
                  <>
                    {n.note ? <span>{n.note} </span> : null}
                    {own.map((v) => (
                      <Box component="span" key={v.id} sx={{ mr: 1.5, display: 'inline-flex', gap: 0.5, alignItems: 'center' }}>
                        <Link component={RouterLink} to={`/policyVersions/${v.id}/show`}>
                          {v.year}
                        </Link>
                        <StatusChip status={v.status} />
                      </Box>
                    ))}
                  </>
                }
              />
            </ListItem>
            {render(n.id, depth + 1)}
          </Box>
        );
      });

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={tr('统筹地区', 'Jurisdictions')} />
      <CardContent>
        {error ? <Typography color="error">{error}</Typography> : null}
        {nodes === null && !error ? <Typography>{tr('加载中…', 'Loading…')}</Typography> : <List dense>{render(null, 0)}</List>}
      </CardContent>
    </Card>
  );
}
