import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { E2eServer } from './server';

/** Calls the Lotline API the way a test needs it: JSON in and out, a failure with its body. */
export async function apiCall<T>(server: E2eServer, path: string, init: { body?: unknown; token?: string } = {}): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
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
  options: { device: string; username: string; context?: BrowserContextOptions },
): Promise<{ context: BrowserContext; page: Page }> {
  const admin = await apiToken(server, 'admin', server.adminPassword);
  const device = await apiCall<{ token: string }>(server, '/api/devices', { body: { name: options.device }, token: admin });
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'en-US', ...options.context });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate((token) => localStorage.setItem('lotline.device', JSON.stringify({ token })), device.token);
  await page.reload();
  await signIn(page, options.username, server.demoPassword);
  return { context, page };
}

/** The desktop console, signed in. */
export async function openConsole(browser: Browser, server: E2eServer, username: string): Promise<{ context: BrowserContext; page: Page }> {
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
