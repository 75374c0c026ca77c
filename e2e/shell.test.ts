import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pagesFor } from '../client/navigation/console-pages';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { textOf } from './support/text';

const env = e2eEnvironment();

const HANDHELD = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function newPage(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser().newContext(options);
  const page = await context.newPage();
  return { context, page };
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByRole('textbox', { name: /user name|用户名/i }).fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

describe('PWA shell in Chromium', () => {
  it('signs in on a handheld, then reloads offline from the service worker with the session kept', async () => {
    const { context, page } = await newPage({ ...HANDHELD, locale: 'en-US' });
    await page.goto(env.server().url);
    await signIn(page, 'admin', env.server().adminPassword);
    await expect.poll(() => textOf(page, 'user-name')).toBe('Administrator');
    await expect.poll(() => textOf(page, 'server-health')).toContain('Embedded PostgreSQL (PGlite)');
    await page.screenshot({ path: '/tmp/lotline-handheld-home.png' });

    // The service worker must control the page before the network goes away.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(async () => {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    });
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => textOf(page, 'user-name')).toBe('Administrator');
    await expect.poll(() => textOf(page, 'connection')).toBe('Offline');
    await page.screenshot({ path: '/tmp/lotline-handheld-offline.png' });

    // Screens and each language's texts are chunks of their own, loaded on demand: this page opened
    // neither the receive screen nor Chinese before the network went, so the service worker must hold them.
    const heading = () => page.evaluate(() => document.querySelector('[data-testid="receive-screen"] h2')?.textContent ?? null).catch(() => null);
    await page.getByTestId('nav-receive').click();
    await expect.poll(heading).toBe('Receive');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(heading).toBe('收货');
    await expect.poll(() => textOf(page, 'connection')).toBe('离线');
    await context.close();
  });

  it('says a screen is opening while its chunk loads, and that it could not be opened when the chunk never comes', async () => {
    // Without the service worker every chunk comes from the network, where the test can hold or drop it.
    const { context, page } = await newPage({ ...HANDHELD, locale: 'en-US', serviceWorkers: 'block' });
    let release = () => undefined as void;
    const held = new Promise<void>((done) => (release = done));
    await page.route(/\/assets\/ReceiveScreen-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.route(/\/assets\/MoveScreen-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto(env.server().url);
    await signIn(page, 'admin', env.server().adminPassword);
    await expect.poll(() => textOf(page, 'user-name')).toBe('Administrator');

    await page.getByTestId('nav-receive').click();
    await expect.poll(() => textOf(page, 'screen-loading')).toBe('Opening Receive…');
    expect(await page.getByRole('status').filter({ hasText: 'Opening Receive…' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/lotline-handheld-screen-loading.png' });
    release();
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="receive-screen"] h2')?.textContent ?? null)).toBe('Receive');
    expect(await page.getByTestId('screen-loading').count()).toBe(0);

    await page.getByTestId('nav-move').click();
    await expect.poll(() => textOf(page, 'screen-failed')).toContain('Move could not be opened.');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Reload' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/lotline-handheld-screen-failed.png' });
    // The rest of the handheld goes on: the menu still opens other screens.
    await page.getByTestId('nav-home').click();
    await expect.poll(() => textOf(page, 'home')).toContain('Administrator');
    expect(await page.getByTestId('screen-failed').count()).toBe(0);
    await context.close();
  });

  it('shows a wrong password in the language the user picked', async () => {
    const { context, page } = await newPage({ ...HANDHELD, locale: 'zh-CN' });
    await page.goto(env.server().url);
    await signIn(page, 'clerk', 'not-the-password');
    await expect.poll(() => textOf(page, 'login-error')).toBe('用户名或密码错误。');
    await page.screenshot({ path: '/tmp/lotline-handheld-login-error-zh.png' });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => textOf(page, 'login-error')).toBe('Wrong user name or password.');
    await page.reload();
    await expect.poll(() => page.locator('button[type=submit]').textContent()).toBe('Sign in');
    await context.close();
  });

  it('is installable: a manifest with icons, and the shell in the precache', async () => {
    const { context, page } = await newPage({ ...HANDHELD, locale: 'en-US' });
    await page.goto(env.server().url);
    const manifest = (await (await page.request.get(`${env.server().url}/manifest.webmanifest`)).json()) as { name: string; display: string; icons: { sizes: string; purpose?: string }[] };
    expect(manifest).toMatchObject({ name: 'Lotline', display: 'standalone' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512', '512x512']);
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    const icon = await page.request.get(`${env.server().url}/icons/icon-512.png`);
    expect(icon.headers()['content-type']).toBe('image/png');
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), undefined, { timeout: 30_000 });
    await expect
      .poll(() => page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)))).flat()), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['/index.html', '/console.html']));
    await context.close();
  });

  it('lays out the handheld on a desktop with side navigation, and links a supervisor to the console', async () => {
    const { context, page } = await newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await page.goto(env.server().url);
    await signIn(page, 'supervisor', env.server().demoPassword);
    await expect.poll(() => textOf(page, 'user-name')).toContain('张伟');
    const nav = await page.locator('nav.sidenav').boundingBox();
    const main = await page.locator('main.page').boundingBox();
    expect(nav!.x).toBeLessThan(main!.x);
    expect(nav!.width).toBeGreaterThan(200);
    expect(await page.getByTestId('nav-open-console').getAttribute('href')).toBe('/console');
    await page.screenshot({ path: '/tmp/lotline-handheld-desktop-home.png' });
    await context.close();
  });

  it('sends an old console address on the handheld to the console entry, which reloads offline from the service worker', async () => {
    const { context, page } = await newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await page.goto(`${env.server().url}/#/qc`);
    await page.waitForURL(/\/console#\/qc$/);
    await signIn(page, 'supervisor', env.server().demoPassword);
    await expect.poll(() => textOf(page, 'user-name')).toContain('张伟');
    // Ant Design's layout, its menu holding the pages a supervisor may open.
    await page.locator('.ant-layout-sider .ant-menu').waitFor();
    expect(await page.locator('.ant-menu [data-testid^=nav-]').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')))).toEqual(pagesFor(['supervisor']).map((name) => `nav-${name}`));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(async () => {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    });
    await context.setOffline(true);
    await page.goto(`${env.server().url}/console#/trace`);
    await expect.poll(() => textOf(page, 'user-name')).toContain('张伟');
    await page.locator('.ant-layout-sider').waitFor();
    await context.close();
  });
});
