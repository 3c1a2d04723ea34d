import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The page may load code, styles and fonts only from this origin and talk only to this origin.
 * No inline script or style anywhere, so an injected `<script>` or `onerror=` does nothing.
 * `blob:` images are the receipt originals, fetched with the bearer token and shown from memory.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the app never answers with its page: the API and the operator's routes keep their 404s. */
const SERVER_PREFIXES = ['/v1', '/docs', '/health', '/metrics', '/admin', '/assets'];

const YEAR_SECONDS = 365 * 24 * 3600;

function isAppRoute(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // `/docs` also covers `/docs-json`: no page path starts with these.
  if (SERVER_PREFIXES.some((prefix) => req.path.startsWith(prefix))) return false;
  // Only a browser navigating here asks for HTML by name; a script (or curl, which sends no
  // Accept) at an unknown path gets the API's JSON 404, not a page.
  return (req.get('accept') ?? '').includes('text/html');
}

/** Server settings the page needs before its first request. */
export interface WebAppSettings {
  /** MAX_UPLOAD_BYTES: the upload panel refuses a larger file before sending it. */
  maxUploadBytes: number;
}

/**
 * The settings as <meta> tags in the page's head (web/src/server-settings.ts reads them): no
 * inline script, which the CSP forbids, and no extra request before the first screen.
 */
function withSettings(html: string, settings: WebAppSettings): string {
  const tags = `<meta name="rv-max-upload-bytes" content="${settings.maxUploadBytes}" />`;
  return html.replace('</head>', `${tags}\n  </head>`);
}

/**
 * Serves the built web app (Vite output in `dir`): hashed files under `/assets` are cached for
 * a year (a new build has new names), and every other page path gets index.html, never cached,
 * so the browser picks up a new build on the next load. Returns false when nothing is built.
 */
export function serveWebApp(
  app: NestExpressApplication,
  dir: string,
  settings: WebAppSettings,
): boolean {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;

  app.useStaticAssets(join(root, 'assets'), {
    prefix: '/assets',
    index: false,
    immutable: true,
    maxAge: YEAR_SECONDS * 1000,
    setHeaders: (res: Response) => res.setHeader('X-Content-Type-Options', 'nosniff'),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isAppRoute(req)) return next();
    // Read on each request: `npm run dev` rebuilds it while the API runs, and it is 1 KB.
    readFile(indexFile, 'utf8').then((html) => {
      res
        .status(200)
        .type('html')
        .set({
          'Cache-Control': 'no-cache',
          'Content-Security-Policy': WEB_APP_CSP,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cross-Origin-Opener-Policy': 'same-origin',
        })
        .send(withSettings(html, settings));
    }, next);
  });
  return true;
}
