import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { bodyTooLarge, DEFAULT_LIMITS, queryTooLong, timedOut, type RequestLimits } from './limits.js';
import type { RequestInfo } from './context.js';
import { httpRefusal } from '../i18n/plugin.js';

/**
 * `/graphql` straight on node:http: the request body is read and parsed here and handed to Apollo
 * Server's own HTTP entry point (`executeHTTPGraphQLRequest`), which does everything GraphQL-specific
 * (CSRF prevention, batching refused, GET, content negotiation, errors). Express stays in front of the
 * other routes; for `/graphql` its router, body parser and `res.send` cost about a fifth of a quote's time.
 *
 * Refusals made here answer in GraphQL's error shape with a code: 413 (`LIMIT_EXCEEDED`: body bytes,
 * query length), 415 (`UNSUPPORTED_MEDIA_TYPE`: an encoding or charset that is not read), 400
 * (`BAD_REQUEST`: a body that is not JSON), 503 (`LIMIT_EXCEEDED`: the request's time limit, answered
 * when it passes even while the work goes on; the `quotes` resolver stops at the deadline too).
 * Every answer carries the API's security headers.
 */
export interface GraphqlHttpOptions {
  limits?: RequestLimits;
  /** Headers set on every answer (security headers: see api/security-headers.ts). */
  headers?: readonly (readonly [string, string])[];
  /** How many reverse proxies in front of the API append to X-Forwarded-For (0: the socket's peer is the client). */
  trustProxy?: number;
}

export interface GraphqlHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /**
   * Resolves when no request is being worked on. A request answered by its time limit may still be at
   * work (until it next looks at its deadline) though its connection is gone, so stopping waits for this
   * before letting go of the database.
   */
  idle(): Promise<void>;
}

export function graphqlHttpHandler<C extends BaseContext>(
  apollo: ApolloServer<C>,
  context: (req: IncomingMessage, info: RequestInfo) => Promise<C>,
  opts: GraphqlHttpOptions = {},
): GraphqlHandler {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const headers = opts.headers ?? [];
  const trustProxy = opts.trustProxy ?? 0;
  let working = 0;
  let waiting: (() => void)[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    working++;
    try {
      await handle(req, res);
    } finally {
      if (--working === 0 && waiting.length) {
        for (const w of waiting) w();
        waiting = [];
      }
    }
  };
  handler.idle = () => (working === 0 ? Promise.resolve() : new Promise<void>((r) => waiting.push(r)));
  return handler;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of headers) res.setHeader(k, v);
    const deadline = performance.now() + limits.timeoutMs;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      // the work may go on until it next looks at the deadline: the connection is not reused meanwhile
      res.setHeader('connection', 'close');
      refuseWith(res, timedOut(limits.timeoutMs));
    }, limits.timeoutMs);
    try {
      const url = req.url ?? '/graphql';
      const q = url.indexOf('?');
      const search = q < 0 ? '' : url.slice(q);
      const method = (req.method ?? 'GET').toUpperCase();
      let body: unknown;
      if (method === 'POST') {
        const read = await readBody(req, limits);
        if ('refused' in read) return refuse(res, read.refused.status, read.refused.code, read.refused.message, read.refused.extensions);
        if (isJson(req.headers['content-type']) && read.text.length > 0) {
          try {
            body = JSON.parse(read.text);
          } catch (e) {
            return refuse(res, 400, 'BAD_REQUEST', `The request body is not valid JSON: ${(e as Error).message}`);
          }
        }
      }
      const query = queryText(body, method === 'GET' ? search : '');
      if (query.length > limits.maxQueryLength) return refuseWith(res, queryTooLong(query.length, limits));

      const headers = new HeaderMap();
      for (const key in req.headers) {
        const value = req.headers[key];
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const request: HTTPGraphQLRequest = { method, headers, search, body };
      const info: RequestInfo = { clientAddress: clientAddress(req, trustProxy), deadline, timeoutMs: limits.timeoutMs };
      const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => context(req, info) });
      // past the time limit the caller has had its answer
      if (res.headersSent) return;
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
      else if (!res.writableEnded) res.destroy();
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The client: the socket's peer, or with `trustProxy` proxies in front, the address the outermost of them saw. */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const peer = req.socket.remoteAddress ?? '';
  if (trustProxy <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((h) => h.trim()).filter(Boolean);
  // each proxy appends the address it received from: the last `trustProxy` entries were written by ours
  return hops.length >= trustProxy ? hops[hops.length - trustProxy]! : (hops[0] ?? peer);
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

type Read = { text: string } | { refused: { status: number; code: string; message: string; extensions?: Record<string, unknown> } };

/** The body as UTF-8 text, at most `maxBodyBytes` after decompression (gzip, deflate and br are read). */
async function readBody(req: IncomingMessage, limits: RequestLimits): Promise<Read> {
  // built only when refused: a GraphQLError captures a stack, which would cost every request
  const tooLarge = (): Read => {
    const limit = bodyTooLarge(limits);
    return { refused: { status: 413, code: 'LIMIT_EXCEEDED', message: limit.message, extensions: limit.extensions } };
  };
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
  } else if (Number(req.headers['content-length'] ?? 0) > limits.maxBodyBytes) {
    req.resume();
    return tooLarge();
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
      if (size > limits.maxBodyBytes) {
        if (stream !== req) stream.destroy();
        req.resume();
        return finish(tooLarge());
      }
      chunks.push(chunk);
    });
    stream.once('end', () => finish({ text: (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8') }));
    stream.once('error', (e: Error) =>
      finish({ refused: { status: 400, code: 'BAD_REQUEST', message: `The request body could not be read (${encoding}): ${e.message}` } }),
    );
  });
}

function refuse(res: ServerResponse, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  if (res.headersSent) return; // the time limit answered first
  const { http: _http, ...rest } = extensions;
  // the words in the request's language, with a stable reason (looked up only when refusing)
  const said = httpRefusal(code, message, rest, res.req?.headers['accept-language']);
  const text = JSON.stringify({ errors: [{ message: said.message, extensions: { ...rest, code, reason: said.reason } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function refuseWith(res: ServerResponse, error: GraphQLError): void {
  const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
  refuse(res, status, String(error.extensions.code), error.message, error.extensions);
}
