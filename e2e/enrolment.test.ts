import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { launchChromium } from './support/chromium';
import { scanLikeAScanner } from './support/keys';
import { apiCall, apiToken, openDesktopHandheld } from './support/session';
import { startE2eServer, type E2eServer } from './support/server';
import { textOf } from './support/text';
import { barcodeVideo } from './support/y4m';

/**
 * Enrolling a handheld the way a supervisor and a clerk do it: the console shows the one-time
 * token as a QR code (read back here by an independent decoder), and the handheld takes it from a
 * wedge scan or its camera instead of 47 characters typed on a touch keyboard.
 */
let server: E2eServer;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'lotline-enrol-'));
const require = createRequire(import.meta.url);

beforeAll(async () => {
  prepareZXingModule({ overrides: { wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer } });
  [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A handheld signed in without a device token: what a clerk sees on a new device. */
async function newHandheld(on: Browser, options: { camera?: boolean } = {}): Promise<Page> {
  const context = await on.newContext({ viewport: { width: 360, height: 640 }, locale: 'en-US', ...(options.camera ? { permissions: ['camera'] } : {}) });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('input[name=username]').fill('clerk');
  await page.locator('input[name=password]').fill(server.demoPassword);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('enrol-device').waitFor();
  return page;
}

const deviceToken = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('lotline.device') ?? 'null') as { token?: string } | null)?.token ?? null);

describe('enrolling a handheld', () => {
  it('the console shows the token as a QR code that decodes to the token, and no enrolment panel of its own', async () => {
    const { context, page } = await openDesktopHandheld(browser, server, 'supervisor');
    await page.getByTestId('nav-home').click();
    await page.locator('main.page').waitFor();
    expect(await page.getByTestId('enrol-device').count()).toBe(0);
    // The old address of the sync console opens the console's device page.
    await page.goto(`${server.url}/#/console`);
    await page.waitForURL(/\/console#\/sync$/);
    await page.getByTestId('nav-devices').click();
    // A name is required before a token is issued.
    await page.getByRole('button', { name: 'Enrol device' }).click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').textContent()).toBe('Required');
    await page.getByPlaceholder('New device name').fill('TC52 dock 2');
    await page.getByRole('button', { name: 'Enrol device' }).click();
    const qr = page.getByTestId('token-qr');
    await qr.waitFor();
    await page.waitForTimeout(300);
    const token = await textOf(page, 'token-text');
    expect(token).toMatch(/^dev_[A-Za-z0-9_-]{43}$/);
    const [read] = await readBarcodes(new Uint8Array(await qr.screenshot()), { formats: ['QRCode'], tryHarder: true });
    expect(read?.text).toBe(token);
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'screens', 'console-enrol-qr.png') });
    await context.close();
  });

  it('a handheld takes the token from a wedge scan, refusing a scan that is not one', async () => {
    const admin = await apiToken(server, 'admin', server.adminPassword);
    const { token } = await apiCall<{ token: string }>(server, '/api/devices', { body: { name: 'TC21 wedge' }, token: admin });
    const page = await newHandheld(browser);
    await scanLikeAScanner(page, ']d20106901234000016');
    await expect.poll(() => textOf(page, 'enrol-error')).toContain('not a device token');
    expect(await deviceToken(page)).toBeNull();
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'screens', 'handheld-enrol-refused.png') });
    await scanLikeAScanner(page, `]Q1${token}`);
    await expect.poll(() => deviceToken(page)).toBe(token);
    // Enrolled: the clerk signs in again and the session is bound to this device, so it syncs.
    await page.locator('input[name=username]').fill('clerk');
    await page.locator('input[name=password]').fill(server.demoPassword);
    await page.locator('button[type=submit]').click();
    await expect.poll(() => textOf(page, 'connection'), { timeout: 30_000 }).toBe('Online');
    expect(await page.getByTestId('enrol-device').count()).toBe(0);
    await page.context().close();
  });

  it('a handheld takes the token from its camera', async () => {
    const admin = await apiToken(server, 'admin', server.adminPassword);
    const { token } = await apiCall<{ token: string }>(server, '/api/devices', { body: { name: 'TC21 camera' }, token: admin });
    const video = join(dir, 'token.y4m');
    barcodeVideo(video, 'qrcode', token, { module: 8 });
    const withCamera = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    try {
      const page = await newHandheld(withCamera, { camera: true });
      await page.getByTestId('enrol-camera').click();
      await expect.poll(() => deviceToken(page), { timeout: 30_000 }).toBe(token);
    } finally {
      await withCamera.close();
    }
  });
});
