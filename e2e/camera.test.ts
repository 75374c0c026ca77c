import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { startE2eServer, type E2eServer } from './support/server';
import { textOf } from './support/text';
import { barcodeVideo } from './support/y4m';

let server: E2eServer;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'lotline-camera-'));

beforeAll(async () => {
  const video = join(dir, 'label.y4m');
  barcodeVideo(video, 'gs1datamatrix', '(01)06901234000016(17)291231(10)CAM-01(21)SN1');
  [server, browser] = await Promise.all([
    startE2eServer(),
    launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('camera scanning', () => {
  it('fills the Receive form from a GS1 DataMatrix held to the camera, FNC1 and symbology intact', async () => {
    const admin = (await (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: server.adminPassword }) })).json()) as { token: string };
    const device = (await (await fetch(`${server.url}/api/devices`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` }, body: JSON.stringify({ name: 'camera' }) })).json()) as { token: string };
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'en-US', permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate((token) => localStorage.setItem('lotline.device', JSON.stringify({ token })), device.token);
    await page.reload();
    await page.locator('input[name=username]').fill('clerk');
    await page.locator('input[name=password]').fill(server.demoPassword);
    await page.locator('button[type=submit]').click();
    await page.getByTestId('nav-receive').click();
    await page.getByTestId('open-camera').click();
    await expect.poll(() => textOf(page, 'lot'), { timeout: 30_000 }).toBe('CAM-01');
    const card = await textOf(page, 'label-card');
    expect(card).toContain('GTIN 06901234000016');
    expect(card).toContain('Expires 2029-12-31');
    // The serial follows the variable-length lot: only a kept FNC1 separates them correctly.
    expect(card).toContain('Serial SN1');
    await page.screenshot({ path: '/tmp/lotline-camera.png' });
    await context.close();
  });
});
