import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { Button as RaButton, CreateButton, Datagrid, FunctionField, LinkBase, List, Show, TextField as RaTextField, Title, TopToolbar, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, LinearProgress, List as MuiList, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import QueryStatsIcon from '@mui/icons-material/QueryStats';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ApiError, authHeaders, errorText, gql } from '../api';
import { useTr } from '../i18n';
import { loadJurisdictions, type JurisdictionNode } from '../jurisdictions';
import { useAbilities } from '../permissions';
import { countText, dateTimeText, shareText } from '../format';
import { Code, DataTable, Named, NamedList, useLang, type Column } from '../ui';
import { JurisdictionFilter, JurisdictionPicker, jurisdictionKey, type JurisdictionRef } from '../pickers/JurisdictionPicker';
import { bytesText, COLUMNS, CREATE_IMPORT_JOB, CSV_HEADER, errorPlace, importJobId, readUploadResponse, uploadUrl, type UploadOutcome } from './upload';

/*
 * 参保人群: imported CSV files of persons, used to preview a draft's effect (#/preview?cohort=<id>).
 * List and show go through the dataProvider (resource `cohorts`); the upload streams the file to
 * `POST /cohorts` with XMLHttpRequest, for its upload progress, while polling the import's progress.
 */

/** `#/preview?cohort=<id>`: preview a draft on this cohort. */
function PreviewLink({ id }: { id: string | number | undefined }) {
  const tr = useTr();
  if (id === undefined) return null;
  return (
    <RaButton
      component={LinkBase}
      label={tr('预览', 'Preview')}
      to={`/preview?cohort=${encodeURIComponent(String(id))}`}
      onClick={(e: MouseEvent) => e.stopPropagation()}
      data-testid="cohort-preview"
    >
      <QueryStatsIcon />
    </RaButton>
  );
}

function RowPreview() {
  const record = useRecordContext();
  return <PreviewLink id={record?.id} />;
}

function UploadButton() {
  const tr = useTr();
  return <CreateButton label={tr('上传人群', 'Upload cohort')} icon={<UploadFileIcon />} />;
}

function ListActions() {
  return (
    <TopToolbar>
      <UploadButton />
    </TopToolbar>
  );
}

function EmptyCohorts() {
  const tr = useTr();
  return (
    <Box sx={{ textAlign: 'center', mt: 6 }}>
      <Typography variant="h6" gutterBottom>
        {tr('还没有参保人群', 'No cohort yet')}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        {tr('上传一个人员 CSV 文件，用来预览草案对参保人群的影响。', 'Upload a CSV file of persons to preview the effect of a draft on them.')}
      </Typography>
      <UploadButton />
    </Box>
  );
}

export function CohortList() {
  const tr = useTr();
  const lang = useLang();
  const filters = [<JurisdictionFilter key="jurisdiction" source="jurisdiction" label={tr('统筹地区', 'Jurisdiction')} alwaysOn />];
  return (
    <List filters={filters} actions={<ListActions />} empty={<EmptyCohorts />} sort={{ field: 'createdAt', order: 'DESC' }} title={tr('参保人群', 'Cohorts')}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <RaTextField source="name" />
        <RaTextField source="jurisdiction.name" sortBy="jurisdiction.name" />
        <FunctionField source="persons" textAlign="right" render={(r: { persons: number }) => countText(r.persons)} />
        <FunctionField source="createdAt" render={(r: { createdAt: string }) => dateTimeText(r.createdAt, lang)} />
        <RowPreview />
      </Datagrid>
    </List>
  );
}

function ShowActions() {
  const record = useRecordContext();
  return (
    <TopToolbar>
      <PreviewLink id={record?.id} />
    </TopToolbar>
  );
}

function CohortTitle() {
  const tr = useTr();
  const record = useRecordContext<{ name: string }>();
  return <>{record ? tr(`参保人群：${record.name}`, `Cohort: ${record.name}`) : tr('参保人群', 'Cohort')}</>;
}

export function CohortShow() {
  return (
    <Show actions={<ShowActions />} title={<CohortTitle />}>
      <CohortDetails />
    </Show>
  );
}

interface Vocabulary {
  year: number;
  units: string[];
  categories: { code: string; name: string; officialCodes: string[] }[];
  groups: { code: string; name: string }[];
}

/** Units and codes of the newest published policy of a jurisdiction: what an imported file is checked against. */
function useVocabulary(jurisdiction: string | undefined): { vocabulary: Vocabulary | null; loading: boolean } {
  const [state, setState] = useState<{ vocabulary: Vocabulary | null; loading: boolean }>({ vocabulary: null, loading: false });
  useEffect(() => {
    if (!jurisdiction) return setState({ vocabulary: null, loading: false });
    let live = true;
    setState({ vocabulary: null, loading: true });
    gql<{
      policyVersions: {
        year: number;
        jurisdiction: { name: string };
        categories: { code: string; name: string; officialCodes: string[] }[];
        specialGroups: { code: string; name: string }[];
        quotaTables: { rows: { unit: string }[] }[];
      }[];
    }>(
      `query ($j: String!) { policyVersions(jurisdiction: $j, status: PUBLISHED) { year jurisdiction { name } categories { code name officialCodes } specialGroups { code name } quotaTables { rows { unit } } } }`,
      { j: jurisdiction },
    )
      .then((d) => {
        if (!live) return;
        const own = d.policyVersions.filter((v) => v.jurisdiction.name === jurisdiction);
        const newest = own.reduce<(typeof own)[number] | null>((best, v) => (!best || v.year > best.year ? v : best), null);
        setState({
          loading: false,
          vocabulary: newest
            ? {
                year: newest.year,
                units: newest.quotaTables[0] ? newest.quotaTables[0].rows.map((r) => r.unit) : [newest.jurisdiction.name],
                categories: newest.categories,
                groups: newest.specialGroups,
              }
            : null,
        });
      })
      .catch(() => live && setState({ vocabulary: null, loading: false }));
    return () => {
      live = false;
    };
  }, [jurisdiction]);
  return state;
}

function CohortDetails() {
  const tr = useTr();
  const lang = useLang();
  const record = useRecordContext<{
    id: string;
    name: string;
    persons: number;
    createdAt: string;
    units: string[];
    jurisdiction: { id: string; name: string };
    byUnit?: { key: string; persons: number }[];
    byCategory?: { key: string; persons: number }[];
  }>();
  const { vocabulary } = useVocabulary(record?.jurisdiction.name);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of vocabulary?.categories ?? []) {
      m.set(c.code, c.name);
      for (const o of c.officialCodes) m.set(o, c.name);
    }
    return m;
  }, [vocabulary]);
  if (!record) return null;
  const byUnit = record.byUnit ?? [];
  const byCategory = record.byCategory ?? [];
  const categorised = byCategory.reduce((s, c) => s + c.persons, 0);
  const countColumns: Column<{ persons: number }>[] = [
    { head: tr('人数', 'Persons'), figure: true, cell: (x) => countText(x.persons) },
    { head: tr('占比', 'Share'), figure: true, cell: (x) => shareText(x.persons, record.persons) },
  ];
  return (
    <CardContent>
      <Typography variant="h5" gutterBottom>
        {record.name}
      </Typography>
      <Stack direction="row" spacing={4} sx={{ mb: 3, flexWrap: 'wrap' }} data-testid="cohort-counts">
        <Figure label={tr('统筹地区', 'Jurisdiction')} value={record.jurisdiction.name} />
        <Figure label={tr('人数', 'Persons')} value={countText(record.persons)} />
        <Figure label={tr('单位数', 'Units')} value={String(byUnit.length)} />
        <Figure label={tr('减免对象代码数', 'Category codes')} value={String(byCategory.length)} />
        <Figure label={tr('导入时间', 'Imported')} value={dateTimeText(record.createdAt, lang)} />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h6">{tr('按乡镇（社区）', 'By unit')}</Typography>
          <DataTable rows={byUnit} rowKey={(u) => u.key} testId="cohort-by-unit" columns={[{ head: tr('单位', 'Unit'), cell: (u) => u.key }, ...countColumns]} />
        </Box>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h6">{tr('按减免对象', 'By category')}</Typography>
          <DataTable
            rows={byCategory}
            rowKey={(c) => c.key}
            testId="cohort-by-category"
            empty={tr('没有人属于减免对象。', 'Nobody belongs to a subsidy category.')}
            columns={[{ head: tr('减免对象', 'Category'), cell: (c) => <Named name={names.get(c.key)} code={c.key} /> }, ...countColumns]}
          />
          {categorised > 0 ? (
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {tr('属于多个减免对象的人在每个对象中各计一次。', 'A person in several categories is counted in each.')}
            </Typography>
          ) : null}
        </Box>
      </Stack>
    </CardContent>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {label}
      </Typography>
      <Typography variant="h6">{value}</Typography>
    </Box>
  );
}

interface ImportProgress {
  status: string;
  rows: number;
  bytes: number;
}

export function CohortCreate() {
  const tr = useTr();
  const notify = useNotify();
  const redirect = useRedirect();
  const abilities = useAbilities();
  const [jurisdictions, setJurisdictions] = useState<JurisdictionNode[]>([]);
  const [jurisdiction, setJurisdiction] = useState<JurisdictionRef | null>(null);
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [server, setServer] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const pollRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    loadJurisdictions().then(
      (all) => mounted.current && setJurisdictions(all),
      (e: Error) => mounted.current && setProblems([e.message]),
    );
    return () => {
      mounted.current = false;
      if (pollRef.current) clearTimeout(pollRef.current);
      xhrRef.current?.abort();
    };
  }, []);

  // the user's own jurisdiction first, once both are known
  const user = abilities.user;
  useEffect(() => {
    if (jurisdiction || !jurisdictions.length || !user?.jurisdictions.length) return;
    const own = jurisdictions.find((j) => j.id === user.jurisdictions[0]!.id);
    if (own) setJurisdiction({ id: own.id, code: own.code, name: own.name });
  }, [jurisdictions, user, jurisdiction]);

  const { vocabulary, loading: vocabularyLoading } = useVocabulary(jurisdiction?.name);
  const mayUpload = !!jurisdiction && (abilities.has('admin') || abilities.can('drafter', jurisdiction.id) || abilities.can('approver', jurisdiction.id));

  const stopPolling = () => {
    if (pollRef.current) clearTimeout(pollRef.current);
    pollRef.current = null;
  };

  const poll = (job: string) => {
    pollRef.current = setTimeout(async () => {
      try {
        // null until the server has checked the request and started reading the file
        const { cohortImport: j } = await gql<{ cohortImport: ImportProgress | null }>(`query ($job: ID!) { cohortImport(job: $job) { status rows bytes } }`, { job });
        if (j && mounted.current) setServer({ status: j.status, rows: j.rows, bytes: j.bytes });
      } catch {
        // progress is informative only; the upload's own answer decides
      }
      if (mounted.current && pollRef.current !== null) poll(job);
    }, 500);
  };

  const upload = async () => {
    const missing: string[] = [];
    if (!name.trim()) missing.push(tr('请填写名称。', 'Enter a name.'));
    if (!jurisdiction) missing.push(tr('请选择统筹地区。', 'Pick a jurisdiction.'));
    if (!file) missing.push(tr('请选择 CSV 文件。', 'Choose a CSV file.'));
    setProblems(missing);
    setOutcome(null);
    if (missing.length || !jurisdiction || !file) return;
    // the server makes the job (and refuses one to a caller who may not import here)
    let job: string;
    try {
      job = importJobId(await gql(CREATE_IMPORT_JOB, { jurisdiction: jurisdictionKey(jurisdiction) }));
    } catch (e) {
      setOutcome({ kind: 'refused', status: e instanceof ApiError ? (e.status ?? 0) : 0, message: errorText(e, tr), errors: [], totalErrors: 0 });
      return;
    }
    if (!mounted.current) return;
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open('POST', uploadUrl(document.baseURI, jurisdictionKey(jurisdiction), name.trim(), job));
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.upload.onprogress = (e) => {
      if (mounted.current) setSent({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    };
    const finish = (o: UploadOutcome | null) => {
      stopPolling();
      xhrRef.current = null;
      if (!mounted.current) return;
      setUploading(false);
      setOutcome(o);
      if (o?.kind === 'imported') {
        notify(tr(`已导入参保人群「${name.trim()}」：${o.persons} 人`, `Cohort "${name.trim()}" imported: ${o.persons} persons`), { type: 'success' });
        redirect('show', 'cohorts', o.id);
      }
    };
    xhr.onload = () => finish(readUploadResponse(xhr.status, xhr.responseText));
    xhr.onerror = () => finish(readUploadResponse(0, ''));
    xhr.onabort = () => {
      finish(null);
      if (mounted.current) notify(tr('已取消上传，没有导入任何人员。', 'Upload cancelled; nothing was imported.'), { type: 'info' });
    };
    setUploading(true);
    setSent({ loaded: 0, total: file.size });
    setServer(null);
    poll(job);
    xhr.send(file);
  };

  const sentPercent = sent && sent.total ? Math.round((sent.loaded / sent.total) * 100) : 0;
  const checkedPercent = server && file?.size ? Math.min(100, Math.round((server.bytes / file.size) * 100)) : 0;
  const example = useMemo(() => exampleCsv(vocabulary), [vocabulary]);

  return (
    <Box sx={{ p: 2 }}>
      <Title title={tr('上传参保人群', 'Upload a cohort')} />
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Card sx={{ flex: 1, width: '100%' }}>
          <CardContent>
            <Typography variant="h6" gutterBottom>
              {tr('上传参保人群', 'Upload a cohort')}
            </Typography>
            <Stack spacing={2} sx={{ maxWidth: 560 }}>
              <TextField
                label={tr('名称', 'Name')}
                value={name}
                onChange={(e) => setName(e.target.value)}
                disabled={uploading}
                required
                slotProps={{ htmlInput: { name: 'name', 'data-testid': 'cohort-name' } }}
              />
              <JurisdictionPicker
                label={tr('统筹地区', 'Jurisdiction')}
                value={jurisdiction}
                onChange={setJurisdiction}
                disabled={uploading}
                required
                name="jurisdiction"
                testId="cohort-jurisdiction"
              />
              {jurisdiction && !mayUpload && user ? (
                <Alert severity="warning">
                  {tr(
                    `上传${jurisdiction.name}的参保人群需要该地区的起草人或审核人权限；服务器会拒绝无权限的上传。`,
                    `Uploading a cohort of ${jurisdiction.name} needs a drafter or approver of it; the server refuses others.`,
                  )}
                </Alert>
              ) : null}
              <Box>
                <Typography variant="body2" sx={{ mb: 0.5 }}>
                  {tr('CSV 文件（UTF-8）', 'CSV file (UTF-8)')}
                </Typography>
                <input
                  type="file"
                  accept=".csv,text/csv"
                  name="file"
                  data-testid="cohort-file"
                  disabled={uploading}
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
                {file ? (
                  <Typography variant="caption" sx={{ display: 'block', color: 'text.secondary' }}>
                    {file.name} · {bytesText(file.size)}
                  </Typography>
                ) : null}
              </Box>
              <Stack direction="row" spacing={2}>
                <Button variant="contained" onClick={() => void upload()} disabled={uploading} startIcon={<UploadFileIcon />} data-testid="cohort-upload">
                  {tr('上传', 'Upload')}
                </Button>
                {uploading ? (
                  <Button variant="outlined" color="warning" onClick={() => xhrRef.current?.abort()}>
                    {tr('取消上传', 'Cancel upload')}
                  </Button>
                ) : null}
              </Stack>
              {problems.length ? (
                <Alert severity="warning">
                  {problems.map((p) => (
                    <div key={p}>{p}</div>
                  ))}
                </Alert>
              ) : null}
              {uploading && sent ? (
                <Box data-testid="cohort-upload-progress">
                  <Typography variant="body2">
                    {tr('上传', 'Sent')}：{bytesText(sent.loaded)} / {bytesText(sent.total)}（{sentPercent}%）
                  </Typography>
                  <LinearProgress variant="determinate" value={sentPercent} sx={{ height: 8, borderRadius: 4, mb: 1 }} />
                  <Typography variant="body2">
                    {server
                      ? tr(`服务器已检查 ${countText(server.rows)} 行（${bytesText(server.bytes)}）`, `Server checked ${countText(server.rows)} rows (${bytesText(server.bytes)})`)
                      : tr('等待服务器开始检查…', 'Waiting for the server to start checking…')}
                  </Typography>
                  <LinearProgress variant={server ? 'determinate' : 'indeterminate'} value={checkedPercent} color="secondary" sx={{ height: 8, borderRadius: 4 }} />
                </Box>
              ) : null}
              {outcome?.kind === 'refused' ? <Refusal outcome={outcome} /> : null}
            </Stack>
          </CardContent>
        </Card>
        <Card sx={{ flex: 1, width: '100%' }} data-testid="cohort-columns">
          <CardContent>
            <Typography variant="h6" gutterBottom>
              {tr('文件格式', 'File format')}
            </Typography>
            <Typography variant="body2" gutterBottom>
              {tr('UTF-8 编码的 CSV 文件，每行一人，第一行必须正好是：', 'A UTF-8 CSV file, one person a line; the first line must be exactly:')}
            </Typography>
            <Box component="pre" data-code sx={{ bgcolor: 'action.hover', p: 1, borderRadius: 1, fontSize: 13, overflowX: 'auto' }}>
              {CSV_HEADER}
            </Box>
            <DataTable
              rows={COLUMNS}
              rowKey={(c) => c.name}
              columns={[
                { head: tr('列', 'Column'), cell: (c) => <Code>{c.name}</Code> },
                { head: tr('必填', 'Required'), cell: (c) => (c.required ? tr('是', 'yes') : tr('否', 'no')) },
                { head: tr('说明', 'Meaning'), cell: (c) => tr(c.zh, c.en) },
              ]}
            />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {tr(
                '任何一行有错（日期、代码、单位、重复编号等），整个文件都不导入，并按行号列出全部错误。',
                'Any error (a date, a code, a unit, a duplicate id …) refuses the whole file, with every error listed by line number.',
              )}
            </Typography>
            {jurisdiction ? (
              <Box sx={{ mt: 2 }} data-testid="cohort-vocabulary">
                {vocabularyLoading ? <LinearProgress /> : null}
                {!vocabularyLoading && !vocabulary ? (
                  <Alert severity="warning">
                    {tr(`${jurisdiction.name}尚无已发布的政策，无法核对代码，服务器将拒绝上传。`, `${jurisdiction.name} has no published policy to check codes against; the server will refuse the file.`)}
                  </Alert>
                ) : null}
                {vocabulary ? (
                  <>
                    <Typography variant="subtitle2">
                      {tr(`${jurisdiction.name}（按 ${vocabulary.year} 年度已发布政策核对）`, `${jurisdiction.name} (checked against the published ${vocabulary.year} policy)`)}
                    </Typography>
                    <Typography variant="body2" sx={{ mt: 1 }}>
                      <b>{tr('单位', 'Units')}</b>
                      <Code>unit</Code>：{vocabulary.units.join('、')}
                    </Typography>
                    <Typography variant="body2" component="div" sx={{ mt: 1 }}>
                      <b>{tr('减免对象', 'Categories')}</b>
                      <Code>categories</Code>：
                      <NamedList items={vocabulary.categories.map((c) => ({ name: c.name, code: [c.code, ...c.officialCodes].join('/') }))} />
                    </Typography>
                    <Typography variant="body2" component="div" sx={{ mt: 1 }}>
                      <b>{tr('特殊人群', 'Special groups')}</b>
                      <Code>groups</Code>：
                      <NamedList items={vocabulary.groups} />
                    </Typography>
                    <Button size="small" sx={{ mt: 1 }} href={`data:text/csv;charset=utf-8,${encodeURIComponent(example)}`} download="cohort-example.csv">
                      {tr('下载示例文件', 'Download an example file')}
                    </Button>
                  </>
                ) : null}
              </Box>
            ) : null}
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
}

function Refusal({ outcome }: { outcome: Extract<UploadOutcome, { kind: 'refused' }> }) {
  const tr = useTr();
  const title =
    outcome.status === 401
      ? tr('请先登录。', 'Log in first.')
      : outcome.status === 403
        ? tr('没有权限上传这一地区的参保人群。', 'You may not upload a cohort of this jurisdiction.')
        : outcome.status === 0
          ? tr('上传中断，没有导入任何人员。', 'The upload was interrupted; nothing was imported.')
          : tr('文件被拒绝，没有导入任何人员。', 'The file was refused; nothing was imported.');
  return (
    <Alert severity="error" data-testid="cohort-upload-refused">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Typography variant="body2">{outcome.message}</Typography>
      {outcome.errors.length ? (
        <>
          <MuiList dense data-testid="cohort-upload-errors" sx={{ maxHeight: 360, overflow: 'auto' }}>
            {outcome.errors.map((e, i) => (
              <ListItem key={i} disableGutters data-line={e.line}>
                <ListItemText primary={`${errorPlace(e, tr)}：${e.message}`} />
              </ListItem>
            ))}
          </MuiList>
          {outcome.totalErrors > outcome.errors.length ? (
            <Typography variant="caption">
              {tr(`共 ${outcome.totalErrors} 个错误，仅列出前 ${outcome.errors.length} 个。`, `${outcome.totalErrors} errors; the first ${outcome.errors.length} are listed.`)}
            </Typography>
          ) : null}
        </>
      ) : null}
    </Alert>
  );
}

/** A two-line example with the jurisdiction's own unit and codes. */
function exampleCsv(v: Vocabulary | null): string {
  if (!v) return `${CSV_HEADER}\n`;
  const unit = v.units[0] ?? '';
  const unit2 = v.units[1] ?? unit;
  const cat = v.categories[0]?.code ?? '';
  return `${CSV_HEADER}\nP000001,${unit},1980-05-01,,,\nP000002,${unit2},1956-03-12,${cat},,${v.year - 1}-10-15\n`;
}
