import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/*
 * Security headers, by helmet, on every answer: the console (HTML and its assets), `/graphql`, and the
 * other routes. Beside helmet's defaults (nosniff, X-Frame-Options, HSTS, Cross-Origin-*-Policy, …):
 * - Content-Security-Policy. The console loads only its own scripts (vite emits no inline script) and
 *   talks only to its own origin; styles allow 'unsafe-inline' because MUI (emotion) and the notice view
 *   insert <style> elements at run time. `frame-ancestors 'none'`: no page may frame the console
 *   (clickjacking). No `upgrade-insecure-requests`: `npm start` serves plain HTTP on localhost, where it
 *   would send the browser to https:// assets that do not exist.
 * - The API answers JSON only: `default-src 'none'`, so nothing it sends can run or load as a page.
 * - Referrer-Policy `no-referrer`: a URL of the console (ids of versions, cohorts) never leaves in a Referer.
 */

const common: HelmetOptions = {
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
};

export const CONSOLE_HEADERS: HelmetOptions = {
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
};

export const API_HEADERS: HelmetOptions = {
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"] },
  },
};

/**
 * The headers helmet sets for these options, computed once: `/graphql` is served on node:http without
 * middleware, and setting a fixed list costs less per request than running helmet's middleware.
 */
export function headerList(options: HelmetOptions): [string, string][] {
  const headers: [string, string][] = [];
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => void headers.push([name.toLowerCase(), String(value)]),
    removeHeader: () => {},
    getHeader: () => undefined,
  } as unknown as ServerResponse;
  helmet(options)({ headers: {} } as IncomingMessage, res, () => {});
  return headers;
}
