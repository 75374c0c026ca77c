import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env';

// Files whose name does not change when their content does must be revalidated every time,
// or an installed PWA would keep an old service worker forever.
const ALWAYS_REVALIDATE = /^\/(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest|workbox-[\w-]+\.js)?$/;

/** Serves the built PWA, with index.html for client-side routes (never for /api). */
export function mountPwa(app: Hono<AppEnv>, staticDir: string): void {
  const indexPath = join(staticDir, 'index.html');
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    await next();
    if (ALWAYS_REVALIDATE.test(c.req.path)) c.header('Cache-Control', 'no-cache');
    else if (c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    return serveStatic<AppEnv>({ root: staticDir })(c, next);
  });
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api' || !existsSync(indexPath)) return next();
    // A missing file with an extension is a real 404, not a client route.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}
