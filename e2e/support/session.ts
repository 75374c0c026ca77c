import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { E2eServer } from './server';

/** Calls the Lotline API the way a test needs it: JSON in and out, a failure with its body. */
export async function apiCall<T>(server: E2eServer, path: string, init: { body?: unknown; token?: string; method?: 'PUT' } = {}): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const apiToken = async (server: E2eServer, username: string, password: string) =>
  (await apiCall<{ token: string }>(server, '/api/auth/login', { body: { username, password } })).token;

/**
 * A handheld as a clerk gets one: enrolled by the admin, the token on the device, a 360x640
 * screen, the user signed in.
 */
export async function openHandheld(
  browser: Browser,
  server: E2eServer,
  options: { device: string; username: string; context?: BrowserContextOptions; beforeOpen?: (page: Page) => Promise<unknown> },
): Promise<{ context: BrowserContext; page: Page }> {
  const admin = await apiToken(server, 'admin', server.adminPassword);
  const device = await apiCall<{ token: string }>(server, '/api/devices', { body: { name: options.device }, token: admin });
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'en-US', ...options.context });
  const page = await context.newPage();
  await options.beforeOpen?.(page);
  await page.goto(server.url);
  await page.evaluate((token) => localStorage.setItem('lotline.device', JSON.stringify({ token })), device.token);
  await page.reload();
  await signIn(page, options.username, server.demoPassword);
  return { context, page };
}

/** The desktop console (its own entry at /console), signed in; `page` names a console page to open. */
export async function openConsole(
  browser: Browser,
  server: E2eServer,
  username: string,
  options: { page?: string; context?: BrowserContextOptions; password?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options.context });
  const page = await context.newPage();
  await page.goto(`${server.url}/console${options.page ? `#/${options.page}` : ''}`);
  await signIn(page, username, options.password ?? server.demoPassword);
  await page.getByTestId('user-name').waitFor();
  return { context, page };
}

/** The handheld entry on a desktop screen, signed in (it lays out with a side navigation). */
export async function openDesktopHandheld(browser: Browser, server: E2eServer, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  await signIn(page, username, server.demoPassword);
  return { context, page };
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

/**
 * Waits until the handheld holds every lot the server has (its Settings page counts them; the page is left on Settings) and has finished its first sync, so a
 * test that goes offline next is not racing the device's first sync.
 */
export async function waitForLots(page: Page, server: E2eServer, timeoutMs = 30_000): Promise<void> {
  const token = await apiToken(server, 'admin', server.adminPassword);
  const { lots } = await apiCall<{ lots: unknown[] }>(server, '/api/lots?limit=1000', { token });
  await page.getByTestId('nav-settings').click();
  const deadline = Date.now() + timeoutMs;
  while ((await page.getByTestId('count-lots').textContent()) !== String(lots.length)) {
    if (Date.now() > deadline) throw new Error(`the handheld did not sync ${lots.length} lots in ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
  // The lots may be in before the balances and locations the test goes on to use.
  await waitForFirstSync(page, Math.max(1000, deadline - Date.now()));
}

/** Until every collection has been pulled to its end once, the handheld says so on every screen. */
export async function waitForFirstSync(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.getByTestId('sync-bar').waitFor({ timeout: timeoutMs });
  await page.getByTestId('first-sync').waitFor({ state: 'detached', timeout: timeoutMs });
}
