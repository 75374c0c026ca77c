import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { startE2eServer, type E2eServer } from './support/server';
import { openHandheld } from './support/session';
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
    const { context, page } = await openHandheld(browser, server, { device: 'camera', username: 'clerk', context: { permissions: ['camera'] } });
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
