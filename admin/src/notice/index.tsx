import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Box, Button, CircularProgress, FormControlLabel, Stack, Switch } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DescriptionIcon from '@mui/icons-material/Description';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { PolicyDocument, describeIssues, toIssues } from '../../../policy-schemas/index';
import type { CorrectionOf } from '../../../policy-schemas/notice/index';
import { ApiError, authHeaders, gql } from '../api';
import { useTr } from '../i18n';
import { NoticeView } from './NoticeView';

export { NoticeView, type NoticeViewProps } from './NoticeView';

const QUERY = `query($id: ID!){ policyVersion(id:$id){ id year status revision title jurisdiction{ name } document
  corrects { kind version { documentNumber title issuedOn } } } }`;

interface VersionData {
  id: string;
  year: number;
  status: string;
  revision: number;
  title: string;
  jurisdiction: { name: string };
  document: unknown;
  corrects: { kind: 'AMENDMENT' | 'ERRATA'; version: { documentNumber: string; title: string; issuedOn: string } } | null;
}

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'not-found' }
  | { kind: 'invalid'; issues: string }
  | { kind: 'ready'; version: VersionData; document: PolicyDocument };

/** Stamp for versions that are not (or no longer) the published rules (the server's files carry the same). */
function watermarkFor(status: string): string | null {
  if (status === 'PUBLISHED') return null;
  if (status === 'SUPERSEDED') return '已被取代';
  return '草案';
}

/** The file the server made, saved under the name it gives (jurisdiction, year, status, revision). */
async function download(url: string, fallback: string): Promise<void> {
  const res = await fetch(url, { headers: authHeaders() });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `HTTP ${res.status}`);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]!) : fallback;
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = window.document.createElement('a');
  a.href = href;
  a.download = name;
  window.document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/*
 * While printing, only the notice is on paper: the toolbar and react-admin's own chrome (app bar,
 * menu, paddings) are hidden. The notice's page CSS (A4, margins) is in NoticeView.
 */
const PAGE_PRINT_CSS = `
@media print {
  .notice-toolbar, .notice-hint, .MuiAppBar-root, .RaSidebar-root, [class*="RaSidebar"], .MuiDrawer-root, header.MuiAppBar-root { display: none !important; }
  .RaLayout-appFrame, .RaLayout-contentWithSidebar, .RaLayout-content, #main-content, main { margin: 0 !important; padding: 0 !important; }
  body { background: #fff !important; }
}
`;

/** `#/policyVersions/:id/notice`: the version rendered as its annual notice, to print or download (PDF and DOCX made by the server). */
export function NoticePage() {
  const { id = '' } = useParams();
  const tr = useTr();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [annotated, setAnnotated] = useState(false);
  const [busy, setBusy] = useState<null | 'pdf' | 'docx'>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    gql<{ policyVersion: VersionData | null }>(QUERY, { id })
      .then((data) => {
        if (!live) return;
        const v = data.policyVersion;
        if (!v) return setState({ kind: 'not-found' });
        // The API stores validated documents; parsing here fills defaults and guards the renderer.
        const parsed = PolicyDocument.safeParse(v.document);
        if (!parsed.success) return setState({ kind: 'invalid', issues: describeIssues(toIssues(parsed.error)) });
        setState({ kind: 'ready', version: v, document: parsed.data });
      })
      .catch((e: unknown) => {
        if (live) setState({ kind: 'error', message: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [id]);

  const ready = state.kind === 'ready' ? state : null;
  const watermark = ready ? watermarkFor(ready.version.status) : null;
  const correctionOf: CorrectionOf | null = ready?.version.corrects
    ? { kind: ready.version.corrects.kind === 'ERRATA' ? 'errata' : 'amendment', ...ready.version.corrects.version }
    : null;

  const fetchFile = async (format: 'pdf' | 'docx') => {
    if (!ready) return;
    setBusy(format);
    setDownloadError(null);
    try {
      const url = new URL(`policy-versions/${encodeURIComponent(id)}/notice.${format}${annotated ? '?annotated=1' : ''}`, window.document.baseURI).toString();
      await download(url, `${ready.version.jurisdiction.name}-${ready.version.year}-通知.${format}`);
    } catch (e) {
      setDownloadError((e as Error).message ?? String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box sx={{ py: 2 }}>
      <style>{PAGE_PRINT_CSS}</style>
      <Stack className="notice-toolbar" direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <Button component="a" href={`#/policyVersions/${encodeURIComponent(id)}/show`} startIcon={<ArrowBackIcon />}>
          {tr('返回', 'Back')}
        </Button>
        <FormControlLabel
          sx={{ ml: 1 }}
          control={<Switch checked={annotated} onChange={(e) => setAnnotated(e.target.checked)} />}
          label={tr('注释版（条款出处、备注、约定）', 'Annotated (clauses, notes, conventions)')}
        />
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<PrintIcon />} disabled={!ready} onClick={() => window.print()}>
          {tr('打印', 'Print')}
        </Button>
        <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={!ready || busy !== null} onClick={() => void fetchFile('pdf')}>
          {busy === 'pdf' ? tr('正在生成…', 'Generating…') : tr('下载 PDF', 'Download PDF')}
        </Button>
        <Button variant="outlined" startIcon={<DescriptionIcon />} disabled={!ready || busy !== null} onClick={() => void fetchFile('docx')}>
          {busy === 'docx' ? tr('正在生成…', 'Generating…') : tr('下载 DOCX', 'Download DOCX')}
        </Button>
      </Stack>
      {downloadError ? (
        <Alert className="notice-hint" severity="error" onClose={() => setDownloadError(null)} sx={{ mb: 1 }}>
          {tr('下载失败：', 'Download failed: ')}
          {downloadError}
        </Alert>
      ) : null}
      {watermark ? (
        <Alert className="notice-hint" severity="warning" sx={{ mb: 1 }}>
          {tr('此版本尚未发布（或已被取代），打印件和下载文件均带有水印。', 'This version is not the published one: prints and downloads carry a watermark.')}
        </Alert>
      ) : null}
      {annotated ? (
        <Alert className="notice-hint" severity="info" sx={{ mb: 1 }}>
          {tr('注释版供起草、审核与审计使用：每条注明原通知条款出处、录入备注和约定，不是正式印发文本。', 'The annotated view is for drafters, reviewers and auditors: clauses, notes and conventions beside the text; it is not the issued notice.')}
        </Alert>
      ) : null}
      {state.kind === 'loading' ? (
        <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }}>
          <CircularProgress aria-label={tr('加载中', 'Loading')} />
        </Box>
      ) : null}
      {state.kind === 'error' ? <Alert severity="error">{state.message}</Alert> : null}
      {state.kind === 'not-found' ? (
        <Alert severity="error">{tr(`找不到政策版本 #${id}，或无权查看。`, `Policy version #${id} was not found, or you may not read it.`)}</Alert>
      ) : null}
      {state.kind === 'invalid' ? (
        <Alert severity="error">
          {tr('该版本的文档不符合格式，无法生成通知：', 'The document of this version does not match the schema: ')}
          {state.issues}
        </Alert>
      ) : null}
      {ready ? <NoticeView document={ready.document} watermark={watermark} annotated={annotated} correctionOf={correctionOf} /> : null}
    </Box>
  );
}
