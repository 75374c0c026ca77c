import { mkdirSync } from 'node:fs';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { openHandheld } from './support/session';
import { textOf } from './support/text';

/**
 * A new handheld knows nothing until its first sync has pulled every collection to the end. It
 * says so on every screen, more sharply once out of coverage, and stops saying it only when the
 * last collection is in, not when the first is.
 */
const env = e2eEnvironment();

describe('a handheld that has not finished its first sync', () => {
  it('says so until every collection is in, more sharply offline, and not again after a reload', async () => {
    const held: Route[] = [];
    const { context, page } = await openHandheld(env.browser(), env.server(), {
      device: 'First sync',
      username: 'clerk',
      // Requests the service worker makes would pass the page's routes by.
      context: { serviceWorkers: 'block' },
      // The balances' first page is held back: lots and locations arrive, balances do not.
      beforeOpen: (page) =>
        page.route('**/api/sync/balances/pull**', (route) => {
          held.push(route);
        }),
    });
    await expect.poll(() => textOf(page, 'first-sync'), { timeout: 15_000 }).toBe('First sync under way: keep this handheld in Wi-Fi coverage until this goes away.');
    await page.getByTestId('nav-settings').click();
    await expect.poll(async () => Number(await textOf(page, 'count-lots')), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await textOf(page, 'count-balances')).toBe('0');
    // Lots in, balances not: still not ready.
    expect(await page.getByTestId('first-sync').count()).toBe(1);

    await context.setOffline(true);
    await expect.poll(() => textOf(page, 'first-sync'), { timeout: 10_000 }).toBe('First sync not finished: this handheld may not know every lot, location or stock balance.');
    mkdirSync('test-results/screens', { recursive: true });
    await page.screenshot({ path: 'test-results/screens/handheld-first-sync-offline.png' });
    expect(await seriousViolations(page)).toEqual([]);

    await context.setOffline(false);
    await page.unroute('**/api/sync/balances/pull**');
    for (const route of held) await route.continue().catch(() => undefined);
    await page.getByTestId('first-sync').waitFor({ state: 'detached', timeout: 30_000 });
    expect(Number(await textOf(page, 'count-balances'))).toBeGreaterThan(0);

    // Ready is remembered: after a restart whose pulls never answer, it does not claim data is missing.
    await page.route('**/api/sync/*/pull**', () => undefined);
    await page.reload();
    await page.getByTestId('sync-bar').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1000);
    expect(await page.getByTestId('first-sync').count()).toBe(0);
    await context.close();
  });
});
