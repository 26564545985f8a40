import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Title, useBlocker, useCanBlock, useLocaleState, useNotify } from 'react-admin';
import { Alert, AlertTitle, Badge, Box, Button, Chip, CircularProgress, Collapse, Link, List, ListItemButton, ListItemText, Paper, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import SaveIcon from '@mui/icons-material/Save';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { PolicyDocument } from '../../../policy-schemas/index';
import { ApiError, gql } from '../api';
import { useTr } from '../i18n';
import { createDocStore, DocStoreContext, EditorContext, type EditorContextValue } from './form/context';
import { Field } from './form/Field';
import { isScalar } from './form/layout';
import { anchorOf, cardsAround, checkDraft, isShownAtField, mergeIssues, type Issue } from './issues';
import { fieldLabel, type Lang } from './labels';
import { translateMessage } from './messages';
import { isWithin, parsePath, pathKey, setIn, type Path } from './paths';
import { collectControls, objectEntries, type Control } from './schema-walk';
import { TABS, tabOfPath } from './tabs';
import { dateTimeText, statusText } from '../format';

/*
 * The document editor (`#/policyVersions/:id`): a draft's whole document as a form generated from the
 * schema, checked as it is typed by the same function the API runs, saved with the revision it was
 * read at so that nobody overwrites a colleague's save unknowingly.
 */

const LOAD = `query($id: ID!){ policyVersion(id:$id){ id year status revision title jurisdiction{ id name } document } }`;
const SAVE = `mutation($id: ID!, $revision: Int!, $document: JSON!, $comment: String){ updateDraft(id:$id, revision:$revision, document:$document, comment:$comment){ id revision } }`;

interface Version {
  id: string;
  year: number;
  status: string;
  revision: number;
  title: string;
  jurisdiction: { id: string; name: string };
  document: unknown;
}

const SHAPE = objectEntries(PolicyDocument);

export function PolicyEditPage() {
  const { id } = useParams();
  const tr = useTr();
  const [version, setVersion] = useState<Version | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // every load starts the form afresh, even when the revision is the same (on the same tab)
  const [loadNo, setLoadNo] = useState(0);
  const [tab, setTab] = useState(0);

  const load = useCallback(async () => {
    if (!id) return;
    setLoadError(null);
    try {
      const data = await gql<{ policyVersion: Version | null }>(LOAD, { id });
      if (!data.policyVersion) setLoadError(`policy version ${id} not found`);
      setVersion(data.policyVersion);
      setLoadNo((n) => n + 1);
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, [id]);

  useEffect(() => {
    setVersion(null);
    void load();
  }, [load]);

  const showHref = `#/policyVersions/${encodeURIComponent(id ?? '')}/show`;
  if (loadError)
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="error" action={<Button href={showHref}>{tr('查看', 'View')}</Button>}>
          {tr('无法加载此版本：', 'Could not load this version: ')}
          {loadError}
        </Alert>
      </Box>
    );
  if (!version)
    return (
      <Box sx={{ p: 4, display: 'flex', justifyContent: 'center' }}>
        <CircularProgress />
      </Box>
    );
  // the API's enum is upper case (DRAFT, IN_REVIEW …)
  const status = version.status.toLowerCase();
  if (status !== 'draft') {
    const zh = statusText(status);
    const en = statusText(status, 'en');
    return (
      <Box sx={{ p: 2 }}>
        <Alert
          severity="info"
          action={
            <Button href={showHref} startIcon={<VisibilityIcon />}>
              {tr('查看', 'View')}
            </Button>
          }
        >
          <AlertTitle>{version.title}</AlertTitle>
          {tr(`此版本的状态是「${zh}」，只有草案可以编辑。`, `This version is ${en.toLowerCase()}; only drafts can be edited.`)}{' '}
          <Link href={showHref}>{tr('查看此版本', 'View this version')}</Link>
        </Alert>
      </Box>
    );
  }
  return <DraftEditor key={loadNo} version={version} reload={load} showHref={showHref} tab={tab} setTab={setTab} />;
}

interface DraftEditorProps {
  version: Version;
  reload: () => Promise<void>;
  showHref: string;
  tab: number;
  setTab: (tab: number) => void;
}

function DraftEditor({ version, reload, showHref, tab, setTab }: DraftEditorProps) {
  const tr = useTr();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const lang: Lang = locale === 'en' ? 'en' : 'zh';

  const [doc, setDoc] = useState<unknown>(version.document);
  /** The document as last loaded or saved. */
  const [savedDoc, setSavedDoc] = useState<unknown>(version.document);
  const [revision, setRevision] = useState(version.revision);
  const baseline = useRef(JSON.stringify(version.document));
  const [dirty, setDirty] = useState(false);
  const [expanded, setExpandedSet] = useState<ReadonlySet<string>>(() => new Set());
  const [checked, setChecked] = useState<{ issues: Issue[]; warnings: { path: string; message: string }[]; controls: Map<string, Control> }>(
    () => ({ ...checkDraft(version.document, frameOf(version)), controls: collectControls(PolicyDocument, version.document) }),
  );
  const [pending, setPending] = useState(false);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [showWarnings, setShowWarnings] = useState(false);

  // ---- editing
  const [docStore] = useState(() => createDocStore(version.document));
  useEffect(() => docStore.set(doc), [docStore, doc]);
  const update = useCallback((path: Path, value: unknown) => {
    setDoc((d: unknown) => setIn(d, path, value));
    setServerIssues((s) => (s.length ? [] : s));
  }, []);
  const setExpanded = useCallback((key: string, open: boolean) => {
    setExpandedSet((s) => {
      if (s.has(key) === open) return s;
      const next = new Set(s);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const reindex = useCallback((listKey: string, map: (i: number) => number | undefined) => {
    setExpandedSet((s) => {
      const next = new Set<string>();
      const prefix = parsePath(listKey).length;
      for (const k of s) {
        if (!isWithin(k, listKey) || k === listKey) {
          next.add(k);
          continue;
        }
        const segs = parsePath(k);
        const to = map(segs[prefix] as number);
        if (to === undefined) continue;
        segs[prefix] = to;
        next.add(pathKey(segs));
      }
      return next;
    });
  }, []);

  // ---- validation: the API's own rules, a moment after the last keystroke
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    setPending(true);
    const t = setTimeout(() => {
      const next = checkDraft(doc, frameOf(version));
      setChecked((prev) => ({
        // the same issues keep their identity, so the fields do not all re-render after each keystroke
        issues: JSON.stringify(prev.issues) === JSON.stringify(next.issues) ? prev.issues : next.issues,
        warnings: JSON.stringify(prev.warnings) === JSON.stringify(next.warnings) ? prev.warnings : next.warnings,
        controls: collectControls(PolicyDocument, doc),
      }));
      setDirty(JSON.stringify(doc) !== baseline.current);
      setPending(false);
    }, 200);
    return () => clearTimeout(t);
  }, [doc, version]);

  const allIssues = useMemo(() => mergeIssues(checked.issues, serverIssues), [checked.issues, serverIssues]);
  const issueMap = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const i of allIssues) m.set(i.path, [...(m.get(i.path) ?? []), translateMessage(i.message, lang)]);
    return m;
  }, [allIssues, lang]);
  const activeTab = TABS[tab]!;
  const hidden = allIssues.filter((i) => !isShownAtField(i.path, checked.controls, activeTab, expanded));
  const perTab = TABS.map((t) => allIssues.filter((i) => tabOfPath(i.path) === t).length);

  const ctx = useMemo<EditorContextValue>(
    () => ({ update, issues: issueMap, expanded, setExpanded, reindex, lang }),
    [update, issueMap, expanded, setExpanded, reindex, lang],
  );

  // ---- jumping to a field named in the summary
  const jump = (path: string) => {
    const anchor = anchorOf(path, checked.controls) ?? path;
    const t = tabOfPath(anchor);
    if (t) setTab(TABS.indexOf(t));
    const cards = cardsAround(anchor, checked.controls);
    if (checked.controls.get(anchor) === 'object-list' || /\[\d+\]$/.test(anchor)) cards.push(anchor);
    setExpandedSet((s) => new Set([...s, ...cards]));
    setFocusPath(anchor);
  };
  useEffect(() => {
    if (!focusPath) return;
    const t = setTimeout(() => {
      const sel = `[name="${CSS.escape(focusPath)}"], [data-path="${CSS.escape(focusPath)}"]`;
      const el = document.querySelector<HTMLElement>(sel);
      if (el) {
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
        if (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden') el.focus({ preventScroll: true });
      }
      setFocusPath(null);
    }, 50);
    return () => clearTimeout(t);
  }, [focusPath, tab, expanded]);

  // ---- saving
  const unsaved = doc !== savedDoc && (dirty || pending);
  const canSave = allIssues.length === 0 && !pending && !saving;
  const save = async () => {
    if (!canSave) return;
    setSaving(true);
    setConflict(null);
    try {
      const data = await gql<{ updateDraft: { id: string; revision: number } }>(SAVE, {
        id: version.id,
        revision,
        document: doc,
        comment: comment.trim() || null,
      });
      const next = data.updateDraft.revision;
      setRevision(next);
      baseline.current = JSON.stringify(doc);
      setSavedDoc(doc);
      setDirty(false);
      setComment('');
      setServerIssues([]);
      const msg = tr(`已保存（修订${next}）`, `Saved (revision ${next})`);
      notify(msg, { type: 'success', messageArgs: { _: msg } });
    } catch (e) {
      const err = e as ApiError;
      if (err instanceof ApiError && err.code === 'CONFLICT') setConflict(err.message);
      else if (err instanceof ApiError && err.issues.length) {
        setServerIssues(err.issues);
        const msg = tr(`服务器拒绝保存：${err.issues.length} 处问题`, `The server refused the document: ${err.issues.length} issue(s)`);
        notify(msg, { type: 'error', messageArgs: { _: msg } });
      } else {
        const msg = tr(`保存失败：${err.message}`, `Save failed: ${err.message}`);
        notify(msg, { type: 'error', messageArgs: { _: msg } });
      }
    } finally {
      setSaving(false);
    }
  };
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const reloadDraft = () => {
    if (unsaved && !window.confirm(tr('重新加载会丢弃本页未保存的修改，继续吗？', 'Reloading discards your unsaved changes. Continue?'))) return;
    void reload();
  };

  // warn before leaving with unsaved changes
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);

  const obj = (doc && typeof doc === 'object' ? doc : {}) as Record<string, unknown>;
  const unknownTop = Object.keys(obj).filter((k) => !SHAPE.some(([s]) => s === k));
  const entries = SHAPE.filter(([k]) => activeTab.keys.includes(k));

  return (
    // inline-size containment: long titles and lines never widen the page beyond the layout
    <Box sx={{ p: { xs: 1, md: 2 }, pb: 8, contain: 'inline-size', width: '100%', boxSizing: 'border-box' }}>
      <Title title={tr(`编辑${version.jurisdiction.name}${version.year}年度草案`, `Edit the ${version.year} draft of ${version.jurisdiction.name}`)} />
      {unsaved ? <LeaveGuard /> : null}
      {/* header */}
      <Paper
        sx={{
          p: 2,
          mb: 2,
          display: 'grid',
          gap: 2,
          alignItems: 'center',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) auto' },
        }}
      >
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h6" component="h2" title={version.title}>
            {version.title}
          </Typography>
          <Box sx={{ mt: 0.5, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip size="small" label={statusText('draft', lang)} color="warning" variant="outlined" />
            <Typography variant="body2" color="text.secondary">
              {version.jurisdiction.name} · {tr(`${version.year}年度`, `${version.year}`)} · {tr(`修订${revision}`, `revision ${revision}`)}
            </Typography>
            {unsaved ? <Chip size="small" label={tr('有未保存的修改', 'Unsaved changes')} color="info" /> : null}
          </Box>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
          <TextField
            name="comment"
            size="small"
            label={tr('修改说明', 'Comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            sx={{ width: 260 }}
          />
          <Button href={showHref} startIcon={<VisibilityIcon />}>
            {tr('查看', 'View')}
          </Button>
          <Button
            variant="contained"
            onClick={() => void save()}
            disabled={!canSave}
            startIcon={saving ? <CircularProgress size={16} color="inherit" /> : <SaveIcon />}
          >
            {tr('保存', 'Save')}
          </Button>
        </Box>
      </Paper>

      {conflict ? (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" onClick={reloadDraft}>
              {tr('重新加载', 'Reload')}
            </Button>
          }
        >
          <AlertTitle>{tr('保存冲突：草案已被他人修改', 'Conflict: someone else saved this draft')}</AlertTitle>
          {lang === 'zh' ? conflictZh(conflict) : conflict}
        </Alert>
      ) : null}

      {hidden.length > 0 ? (
        <Alert severity="error" sx={{ mb: 2 }} icon={<ErrorOutlineIcon />}>
          <AlertTitle>
            {allIssues.length === hidden.length
              ? tr(`有 ${allIssues.length} 处问题需要修改后才能保存`, `${allIssues.length} issue(s) to fix before saving`)
              : tr(
                  `有 ${allIssues.length} 处问题需要修改后才能保存（其中 ${hidden.length} 处不在当前页面）`,
                  `${allIssues.length} issue(s) to fix before saving (${hidden.length} not on this page)`,
                )}
          </AlertTitle>
          <List dense disablePadding sx={{ maxHeight: 240, overflow: 'auto' }}>
            {hidden.slice(0, 100).map((i, n) => {
              const t = tabOfPath(i.path);
              return (
                <ListItemButton key={n} onClick={() => jump(i.path)} sx={{ py: 0 }}>
                  <ListItemText
                    primary={`${t ? (lang === 'zh' ? t.zh : t.en) + ' › ' : ''}${issueLabel(i.path, lang)}：${translateMessage(i.message, lang)}`}
                    secondary={i.path}
                  />
                </ListItemButton>
              );
            })}
          </List>
        </Alert>
      ) : null}

      {checked.warnings.length > 0 ? (
        <Alert severity="info" sx={{ mb: 2 }} action={<Button onClick={() => setShowWarnings((s) => !s)}>{showWarnings ? tr('收起', 'Hide') : tr('查看', 'Show')}</Button>}>
          {tr(`有 ${checked.warnings.length} 条提示（不影响保存）`, `${checked.warnings.length} warning(s) (saving is allowed)`)}
          <Collapse in={showWarnings}>
            <List dense disablePadding>
              {checked.warnings.map((w, n) => (
                <ListItemButton key={n} onClick={() => jump(w.path)} sx={{ py: 0 }}>
                  <ListItemText primary={`${issueLabel(w.path, lang)}：${translateMessage(w.message, lang)}`} secondary={w.path} />
                </ListItemButton>
              ))}
            </List>
          </Collapse>
        </Alert>
      ) : null}

      {unknownTop.length ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {tr('文档中有本结构不认识的部分（保存前须删除）：', 'Parts the schema does not know (remove them to save):')}
          {unknownTop.map((k) => (
            <Chip key={k} size="small" sx={{ ml: 1 }} label={k} onDelete={() => update([k], undefined)} />
          ))}
        </Alert>
      ) : null}

      <EditorTabs tab={tab} setTab={setTab} counts={perTab.join(',')} lang={lang} />

      <EditorContext.Provider value={ctx}>
        <DocStoreContext.Provider value={docStore}>
          <Stack spacing={2}>
            {entries.some(([, s]) => isScalar(s)) ? (
              <Paper variant="outlined" sx={{ p: 2 }}>
                <Typography variant="h6" component="h3" sx={{ mb: 1.5 }}>
                  {tr('基本信息', 'Basics')}
                </Typography>
                <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 2 }}>
                  {entries
                    .filter(([, s]) => isScalar(s))
                    .map(([k, s]) => (
                      <Field key={k} schema={s} path={[k]} value={obj[k]} />
                    ))}
                </Box>
              </Paper>
            ) : null}
            {entries
              .filter(([, s]) => !isScalar(s))
              .map(([k, s]) => (
                <Field key={k} schema={s} path={[k]} value={obj[k]} />
              ))}
          </Stack>
        </DocStoreContext.Provider>
      </EditorContext.Provider>
    </Box>
  );
}

function frameOf(v: Version) {
  return { year: v.year, jurisdictionName: v.jurisdiction.name };
}

/** The label of an issue's field, with the item numbers: 减免对象 3 › 名称. */
function issueLabel(path: string, lang: Lang): string {
  if (path === '(document)') return lang === 'zh' ? '整个文件' : 'Document';
  const segs = parsePath(path);
  const parts: string[] = [];
  for (let n = 1; n <= segs.length; n++) {
    const s = segs[n - 1]!;
    if (typeof s === 'number') parts[parts.length - 1] += ` ${s + 1}`;
    else parts.push(fieldLabel(segs.slice(0, n), lang));
  }
  return parts.join(' › ');
}

/** The API's conflict message (English, with who saved and when) in Chinese. */
function conflictZh(message: string): string {
  const m = /is out of date: (.*) saved revision (\d+) at ([^;]+);/.exec(message);
  if (m) {
    const when = Number.isNaN(Date.parse(m[3]!)) ? m[3] : dateTimeText(m[3]!);
    return `${m[1]} 已于 ${when} 保存了修订${m[2]}。您的修改尚未保存（没有覆盖任何内容）：请重新加载草案后再修改。`;
  }
  const s = /is now (\w+); it can no longer be edited/.exec(message);
  if (s) return `此版本的状态已变为「${statusText(s[1]!)}」，不能再编辑。`;
  return message;
}

/** Asks before leaving the page inside the console while there are unsaved changes. */
function LeaveGuard() {
  const canBlock = useCanBlock();
  return canBlock ? <Blocker /> : null;
}

function Blocker() {
  const tr = useTr();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname);
  const latest = useRef({ blocker, tr });
  latest.current = { blocker, tr };
  useEffect(() => {
    const { blocker: b, tr: t } = latest.current;
    if (b.state !== 'blocked') return;
    if (window.confirm(t('有未保存的修改，确定离开吗？', 'You have unsaved changes. Leave anyway?'))) b.proceed();
    else b.reset();
  }, [blocker.state]);
  return null;
}

/** The tab bar, re-rendered only when the tab, the error counts or the language change (MUI's Tabs measure the page). */
const EditorTabs = memo(function EditorTabs({ tab, setTab, counts, lang }: { tab: number; setTab: (t: number) => void; counts: string; lang: Lang }) {
  const perTab = counts.split(',').map(Number);
  return (
    <Paper sx={{ mb: 2, position: 'sticky', top: 48, zIndex: 2 }}>
      <Tabs value={tab} onChange={(_, v: number) => setTab(v)} variant="scrollable" scrollButtons="auto">
        {TABS.map((t, i) => (
          <Tab
            key={t.id}
            value={i}
            sx={perTab[i] ? { color: 'error.main' } : undefined}
            label={
              <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                <span>{lang === 'zh' ? t.zh : t.en}</span>
                {perTab[i] ? (
                  <Badge
                    aria-hidden
                    color="error"
                    badgeContent={perTab[i]}
                    max={99}
                    sx={{ '& .MuiBadge-badge': { position: 'static', transform: 'none' } }}
                  >
                    <ErrorOutlineIcon fontSize="small" color="error" />
                  </Badge>
                ) : null}
              </Box>
            }
          />
        ))}
      </Tabs>
    </Paper>
  );
});
