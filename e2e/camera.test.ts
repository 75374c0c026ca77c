import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { startE2eServer, type E2eServer } from './support/server';
import { openRecallCase } from './support/recall';
import { apiToken, openHandheld } from './support/session';
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

  it('reads a returned unit held to the camera in recall-return mode, and says the plant never had its lot', async () => {
    await openRecallCase(server, await apiToken(server, 'qa', server.demoPassword));
    const { context, page } = await openHandheld(browser, server, { device: 'camera returns', username: 'clerk', context: { permissions: ['camera'] } });
    await page.getByTestId('nav-receive').click();
    await page.getByTestId('recall-return-mode').click();
    // The camera is offered once there is a case and a consignee to count the unit for.
    expect(await page.getByTestId('open-camera').count()).toBe(0);
    await expect.poll(() => page.locator('select[name=recallCase] option').count(), { timeout: 30_000 }).toBe(2);
    await page.locator('select[name=recallCase]').selectOption({ index: 1 });
    await page.locator('select[name=consignee]').selectOption('DIST-BJ');
    await page.getByTestId('open-camera').click();
    await expect.poll(() => textOf(page, 'return-lot'), { timeout: 30_000 }).toBe('CAM-01');
    expect(await textOf(page, 'return-verdict')).toContain('CAM-01');
    await page.screenshot({ path: '/tmp/lotline-camera-return.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
