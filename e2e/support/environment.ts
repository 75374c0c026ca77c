import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { startE2eServer, type E2eServer } from './server';

const BROWSER_CLOSE_MS = 30_000;

/** Closes Chromium, or says that it would not close, instead of holding the teardown until it times out. */
async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), BROWSER_CLOSE_MS)));
  const outcome = await Promise.race([browser.close().then(() => 'closed' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') throw new Error(`Chromium did not close within ${BROWSER_CLOSE_MS / 1000} s`);
}

/** One server with demo data and one Chromium per test file, started together and always stopped. */
export function e2eEnvironment(env: Record<string, string> = {}): { server: () => E2eServer; browser: () => Browser } {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(env), launchChromium()]);
  });
  afterAll(async () => {
    // Side by side: a browser that will not close must not leave the server running, nor the reverse.
    const [closed, stopped] = await Promise.allSettled([closeBrowser(browser), server?.stop()]);
    for (const outcome of [closed, stopped]) if (outcome.status === 'rejected') throw outcome.reason;
  });
  return {
    server: () => server!,
    browser: () => browser!,
  };
}
