import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { startE2eServer, type E2eServer } from './server';

/** One server with demo data and one Chromium per test file, started together and always stopped. */
export function e2eEnvironment(env: Record<string, string> = {}): { server: () => E2eServer; browser: () => Browser } {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(env), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    server: () => server!,
    browser: () => browser!,
  };
}
