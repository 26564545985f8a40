import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Box, Button, CircularProgress, Stack } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DescriptionIcon from '@mui/icons-material/Description';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { PolicyDocument, describeIssues, toIssues } from '../../../policy-schemas/index';
import { ApiError, gql } from '../api';
import { useTr } from '../i18n';
import { NoticeView } from './NoticeView';
import { noticeDocx, noticeFileName } from './docx';

export { NoticeView, type NoticeViewProps } from './NoticeView';
export { noticeDocx, noticeDocument, noticeFileName, type NoticeDocxOptions } from './docx';
export { buildNotice, type NoticeModel } from './model';

const QUERY = `query($id: ID!){ policyVersion(id:$id){ id year status title jurisdiction{ name } document } }`;

interface VersionData {
  id: string;
  year: number;
  status: string;
  title: string;
  jurisdiction: { name: string };
  document: unknown;
}

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'not-found' }
  | { kind: 'invalid'; issues: string }
  | { kind: 'ready'; version: VersionData; document: PolicyDocument };

/** Stamp for versions that are not (or no longer) the published rules. */
function watermarkFor(status: string): string | null {
  if (status === 'PUBLISHED') return null;
  if (status === 'SUPERSEDED') return '已被取代 SUPERSEDED';
  return '草案 DRAFT';
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

/** `#/policyVersions/:id/notice`: the version rendered as its annual notice, to print or download. */
export function NoticePage() {
  const { id = '' } = useParams();
  const tr = useTr();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [pdfHint, setPdfHint] = useState(false);
  const [busy, setBusy] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    setPdfHint(false);
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

  const downloadDocx = async () => {
    if (!ready) return;
    setBusy(true);
    setDownloadError(null);
    try {
      const blob = await noticeDocx(ready.document, { watermark });
      const url = URL.createObjectURL(blob);
      const a = window.document.createElement('a');
      a.href = url;
      a.download = noticeFileName(ready.document);
      window.document.body.appendChild(a);
      a.click();
      a.remove();
      // Revoke later: some browsers start reading the URL only after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setDownloadError((e as Error).message ?? String(e));
    } finally {
      setBusy(false);
    }
  };

  const printToPdf = () => {
    setPdfHint(true);
    // Let the hint paint before the (blocking) print dialog opens.
    setTimeout(() => window.print(), 150);
  };

  return (
    <Box sx={{ py: 2 }}>
      <style>{PAGE_PRINT_CSS}</style>
      <Stack className="notice-toolbar" direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <Button component="a" href={`#/policyVersions/${encodeURIComponent(id)}/show`} startIcon={<ArrowBackIcon />}>
          {tr('返回', 'Back')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<PrintIcon />} disabled={!ready} onClick={() => window.print()}>
          {tr('打印', 'Print')}
        </Button>
        <Button variant="outlined" startIcon={<DescriptionIcon />} disabled={!ready || busy} onClick={() => void downloadDocx()}>
          {tr('下载 DOCX', 'Download DOCX')}
        </Button>
        <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={!ready} onClick={printToPdf}>
          {tr('下载 PDF', 'Download PDF')}
        </Button>
      </Stack>
      {pdfHint ? (
        <Alert className="notice-hint" severity="info" onClose={() => setPdfHint(false)} sx={{ mb: 1 }}>
          {tr(
            '在打印对话框的“目标打印机”中选择“另存为 PDF”（Save as PDF），纸张选 A4，即可保存为 PDF 文件。',
            'In the print dialog choose “Save as PDF” as the destination (paper size A4) to save the notice as a PDF file.',
          )}
        </Alert>
      ) : null}
      {downloadError ? (
        <Alert className="notice-hint" severity="error" onClose={() => setDownloadError(null)} sx={{ mb: 1 }}>
          {tr('生成 DOCX 失败：', 'Could not generate the DOCX: ')}
          {downloadError}
        </Alert>
      ) : null}
      {watermark ? (
        <Alert className="notice-hint" severity="warning" sx={{ mb: 1 }}>
          {tr('此版本尚未发布（或已被取代），打印件和下载文件均带有水印。', 'This version is not the published one: prints and downloads carry a watermark.')}
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
      {ready ? <NoticeView document={ready.document} watermark={watermark} /> : null}
    </Box>
  );
}
