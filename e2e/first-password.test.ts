import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLotline, type Started } from '../server/test-support/process';
import { launchChromium } from './support/chromium';
import { textOf } from './support/text';

// A production start (lotline serve, no demo data): the admin's first password must be replaced.
const dataDir = mkdtempSync(join(tmpdir(), 'lotline-e2e-first-'));
const firstPassword = 'first-password-from-env';
let server: Started;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startLotline(['--port', '0', '--data-dir', dataDir], { LOTLINE_ADMIN_PASSWORD: firstPassword }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, password: string) {
  await page.getByRole('textbox', { name: /user name|用户名/i }).fill('admin');
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

describe('first sign-in of a production server in Chromium', () => {
  it('asks for a new password before the console opens, and the first one stops working', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await signIn(page, firstPassword);

    const form = page.getByTestId('change-password');
    await form.waitFor();
    await page.screenshot({ path: '/tmp/lotline-first-password-console.png' });
    expect(await page.getByTestId('user-name').count()).toBe(0);
    // Typed as a person types, key by key, not filled in at once.
    await form.locator('input[name=new-password]').pressSequentially('my-own-password-1', { delay: 60 });
    await form.locator('input[name=repeat-password]').pressSequentially('my-own-password-2', { delay: 60 });
    await form.locator('button[type=submit]').click();
    await expect.poll(() => textOf(page, 'change-password-error')).toBe('The two new passwords differ.');

    await form.locator('input[name=repeat-password]').clear();
    await form.locator('input[name=repeat-password]').pressSequentially('my-own-password-1', { delay: 60 });
    await form.locator('button[type=submit]').click();
    await expect.poll(() => textOf(page, 'user-name')).toBe('Administrator');
    await page.screenshot({ path: '/tmp/lotline-first-password.png' });

    const oldLogin = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: firstPassword }) });
    expect(oldLogin.status).toBe(401);
    await context.close();
  });

  it('fits a handheld screen', async () => {
    const second = await startLotline(['--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'lotline-e2e-first-hh-'))], { LOTLINE_ADMIN_PASSWORD: firstPassword });
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(second.url);
      await signIn(page, firstPassword);
      const form = page.getByTestId('change-password');
      await form.waitFor();
      await page.screenshot({ path: '/tmp/lotline-first-password-handheld.png' });
      // Nothing wider than the screen: no sideways scrolling on a 360 px handheld.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const submit = await form.locator('button[type=submit]').boundingBox();
      expect(submit!.x + submit!.width).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
      await second.stop();
    }
  });
});
