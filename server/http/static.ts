import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env';

// Files whose name does not change when their content does must be revalidated every time,
// or an installed PWA would keep an old service worker forever.
const ALWAYS_REVALIDATE = /^\/(index\.html|console\.html|console|sw\.js|registerSW\.js|manifest\.webmanifest|workbox-[\w-]+\.js)?$/;

const isApi = (path: string) => path.startsWith('/api/') || path === '/api' || path.startsWith('/epcis/');

/** The page a client route is drawn by: the console's own entry under /console, else the handheld's. */
export function entryFor(path: string): 'console.html' | 'index.html' {
  return path === '/console' || path.startsWith('/console/') ? 'console.html' : 'index.html';
}

/** Serves the built PWA: console.html under /console, index.html for other client routes (never for /api). */
export function mountPwa(app: Hono<AppEnv>, staticDir: string): void {
  app.use('*', async (c, next) => {
    if (isApi(c.req.path)) return next();
    await next();
    if (ALWAYS_REVALIDATE.test(c.req.path)) c.header('Cache-Control', 'no-cache');
    else if (c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    if (isApi(c.req.path)) return next();
    return serveStatic<AppEnv>({ root: staticDir })(c, next);
  });
  app.get('*', (c, next) => {
    const entry = join(staticDir, entryFor(c.req.path));
    if (isApi(c.req.path) || !existsSync(entry)) return next();
    // A missing file with an extension is a real 404, not a client route.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(entry, 'utf8'));
  });
}
