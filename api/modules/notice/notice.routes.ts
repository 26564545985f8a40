import type { IncomingMessage } from 'node:http';
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { message } from '../../i18n/render.js';
import { PolicyDocument } from '../../../policy-schemas/index.js';
import { buildNotice, noticeFileName, type CorrectionOf } from '../../../policy-schemas/notice/index.js';
import type { Context } from '../../graphql/context.js';
import { contentHash } from '../policy/content-hash.js';
import { readableVersion } from '../policy/policy.resolver.js';
import type { IPolicyVersion } from '../policy/policy-version.entity.js';
import { correctionOf } from './correction.js';
import { noticeDocx } from './docx.js';
import { noticePdf } from './pdf.js';

/*
 * GET /policy-versions/<id>/notice.pdf and …/notice.docx (?annotated=1 for the annotated view): the
 * notice of a version as files, made by the server. Whoever may read the version may have its notice
 * (published ones anyone, drafts as `policyVersion(id)` decides); for anyone else the version does not
 * exist (404). Versions that are not the published rules carry a watermark. Files are kept in a small
 * cache by content hash (a published version never changes), so a second click costs nothing.
 */

type Format = 'pdf' | 'docx';
const TYPES: Record<Format, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Stamp for versions that are not (or no longer) the published rules. */
export function watermarkFor(status: string): string | null {
  if (status === 'published') return null;
  if (status === 'superseded') return '已被取代';
  return '草案';
}

/** The notice file of a version the caller may read. */
export async function noticeFile(v: IPolicyVersion, format: Format, annotated: boolean, correction: CorrectionOf | null): Promise<Buffer> {
  const doc = PolicyDocument.parse(v.document);
  const model = buildNotice(doc, { annotated, correctionOf: correction });
  const watermark = watermarkFor(v.status);
  return format === 'pdf' ? noticePdf(model, { watermark }) : noticeDocx(model, { watermark });
}

/** The last files made, by version, content hash, status, view and format (at most `size`, the oldest dropped first). */
class FileCache {
  private readonly files = new Map<string, Buffer>();
  constructor(private readonly size = 24) {}
  get(key: string): Buffer | undefined {
    const f = this.files.get(key);
    if (f) {
      this.files.delete(key);
      this.files.set(key, f);
    }
    return f;
  }
  set(key: string, f: Buffer) {
    this.files.set(key, f);
    while (this.files.size > this.size) this.files.delete(this.files.keys().next().value!);
  }
}

export function registerNoticeRoutes(app: Express, contextOf: (req: IncomingMessage) => Promise<Context>) {
  const cache = new FileCache();
  const handle = (format: Format) => async (req: Request, res: Response) => {
    let ctx: Context;
    try {
      ctx = await contextOf(req);
    } catch (e) {
      // the context put the refusal in the request's language already
      if (e instanceof GraphQLError) return void res.status(401).json({ error: e.message, code: 'UNAUTHENTICATED', reason: e.extensions.reason ?? 'TOKEN_INVALID' });
      throw e;
    }
    const id = String(req.params.id ?? '');
    const annotated = req.query.annotated === '1' || req.query.annotated === 'true';
    try {
      const v = /^[0-9a-f-]{36}$/i.test(id) ? await readableVersion(ctx, id) : null;
      if (!v) return void res.status(404).json({ error: message('NO_SUCH_POLICY_VERSION', { id }, ctx.lang), code: 'NOT_FOUND', reason: 'NO_SUCH_POLICY_VERSION' });
      if (contentHash(v.document) !== v.contentHash)
        return void res.status(500).json({ error: message('CONTENT_HASH_BROKEN', { id: v.id }, ctx.lang), code: 'INTEGRITY_ERROR', reason: 'CONTENT_HASH_BROKEN' });
      const correction = await correctionOf(ctx.em, v);
      const key = `${v.id}/${v.contentHash}/${v.status}/${annotated ? 'a' : 'i'}/${format}/${correction?.documentNumber ?? ''}`;
      let file = cache.get(key);
      if (!file) cache.set(key, (file = await noticeFile(v, format, annotated, correction)));
      const doc = v.document as PolicyDocument;
      res.setHeader('Content-Type', TYPES[format]);
      res.setHeader('Cache-Control', 'private, no-cache');
      res.setHeader('ETag', `"${v.contentHash.slice(0, 16)}-${v.revision}-${annotated ? 'a' : 'i'}-${format}"`);
      res.attachment(noticeFileName(doc, { status: v.status, revision: v.revision }, format, annotated));
      res.setHeader('Content-Type', TYPES[format]);
      res.end(file);
    } catch (e) {
      console.error(e);
      res.status(500).json({ error: message('NOTICE_FAILED', {}, ctx.lang), code: 'INTERNAL', reason: 'NOTICE_FAILED' });
    }
  };
  app.get('/policy-versions/:id/notice.pdf', handle('pdf'));
  app.get('/policy-versions/:id/notice.docx', handle('docx'));
}
