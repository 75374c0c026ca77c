import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './env';
import { mountPwa } from './static';

const dir = mkdtempSync(join(tmpdir(), 'lotline-static-'));
writeFileSync(join(dir, 'index.html'), '<p>handheld</p>');
writeFileSync(join(dir, 'console.html'), '<p>console</p>');
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'assets', 'console-abc.js'), 'export {}');
const app = new Hono<AppEnv>();
mountPwa(app, dir);
app.get('/api/health', (c) => c.json({ status: 'ok' }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the two entries', () => {
  it.each([
    ['/', 'handheld'],
    ['/receive', 'handheld'],
    ['/consoles', 'handheld'],
    ['/console', 'console'],
    ['/console/', 'console'],
    ['/console/qc', 'console'],
    ['/console.html', 'console'],
  ])('%s is drawn by the %s', async (path, entry) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(entry);
  });

  it('revalidates the console page every time and keeps hashed assets for a year', async () => {
    expect((await app.request('/console')).headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/console-abc.js')).headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing asset under /console with 404, not with a page', async () => {
    expect((await app.request('/console/missing.js')).status).toBe(404);
  });

  it('leaves /api alone', async () => {
    expect(await (await app.request('/api/health')).json()).toEqual({ status: 'ok' });
  });
});
