import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { MAX_BODY_BYTES, MAX_QUERY_LENGTH } from './limits.js';

/**
 * `/graphql` straight on node:http: the request body is read and parsed here and handed to Apollo
 * Server's own HTTP entry point (`executeHTTPGraphQLRequest`), which does everything GraphQL-specific
 * (CSRF prevention, batching refused, GET, content negotiation, errors). Express stays in front of the
 * other routes; for `/graphql` its router, body parser and `res.send` cost about a fifth of a quote's time.
 *
 * Refusals made here answer in GraphQL's error shape with a code: 413 (`BODY_TOO_LARGE`,
 * `QUERY_TOO_LARGE`), 415 (`UNSUPPORTED_MEDIA_TYPE`: an encoding or charset that is not read), 400
 * (`BAD_REQUEST`: a body that is not JSON).
 */
export function graphqlHttpHandler<C extends BaseContext>(apollo: ApolloServer<C>, context: (req: IncomingMessage) => Promise<C>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = req.url ?? '/graphql';
      const q = url.indexOf('?');
      const search = q < 0 ? '' : url.slice(q);
      const method = (req.method ?? 'GET').toUpperCase();
      let body: unknown;
      if (method === 'POST') {
        const read = await readBody(req);
        if ('refused' in read) return refuse(res, read.refused.status, read.refused.code, read.refused.message);
        if (isJson(req.headers['content-type']) && read.text.length > 0) {
          try {
            body = JSON.parse(read.text);
          } catch (e) {
            return refuse(res, 400, 'BAD_REQUEST', `The request body is not valid JSON: ${(e as Error).message}`);
          }
        }
      }
      const query = queryText(body, method === 'GET' ? search : '');
      if (query.length > MAX_QUERY_LENGTH)
        return refuse(res, 413, 'QUERY_TOO_LARGE', `The query is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are accepted.`);

      const headers = new HeaderMap();
      for (const key in req.headers) {
        const value = req.headers[key];
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const request: HTTPGraphQLRequest = { method, headers, search, body };
      const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => context(req) });
      res.statusCode = response.status ?? 200;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      if (response.body.kind === 'complete') {
        res.setHeader('content-length', Buffer.byteLength(response.body.string));
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (e) {
      console.error(e);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    }
  };
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

function queryText(body: unknown, search: string): string {
  if (body && typeof body === 'object' && typeof (body as { query?: unknown }).query === 'string') return (body as { query: string }).query;
  return search ? (new URLSearchParams(search).get('query') ?? '') : '';
}

type Read = { text: string } | { refused: { status: number; code: string; message: string } };

/** The body as UTF-8 text, at most MAX_BODY_BYTES after decompression (gzip, deflate and br are read). */
async function readBody(req: IncomingMessage): Promise<Read> {
  const tooLarge = { refused: { status: 413, code: 'BODY_TOO_LARGE', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` } };
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    req.resume();
    return { refused: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `The request body's charset "${charset}" is not read; send UTF-8.` } };
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  let stream: Readable = req;
  if (encoding === 'gzip') stream = req.pipe(createGunzip());
  else if (encoding === 'deflate') stream = req.pipe(createInflate());
  else if (encoding === 'br') stream = req.pipe(createBrotliDecompress());
  else if (encoding !== 'identity') {
    req.resume();
    return { refused: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `The request body's encoding "${encoding}" is not read; send it as identity, gzip, deflate or br.` } };
  } else if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    req.resume();
    return tooLarge;
  }
  // plain events rather than `for await`: an async iterator over the stream costs more than the small body it reads
  return new Promise<Read>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (r: Read) => {
      stream.removeAllListeners('data');
      resolve(r);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        if (stream !== req) stream.destroy();
        req.resume();
        return finish(tooLarge);
      }
      chunks.push(chunk);
    });
    stream.once('end', () => finish({ text: (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8') }));
    stream.once('error', (e: Error) =>
      finish({ refused: { status: 400, code: 'BAD_REQUEST', message: `The request body could not be read (${encoding}): ${e.message}` } }),
    );
  });
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
