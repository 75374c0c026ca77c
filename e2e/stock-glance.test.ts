import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openHandheld, waitForLots } from './support/session';

const env = e2eEnvironment();
const SHOTS = join(process.cwd(), 'test-results', 'screens');

interface Figure {
  qty: string;
  rows: number;
}
interface Dashboard {
  onHand: Figure;
  byStatus: (Figure & { status: string })[];
  expiry: (Figure & { key: string })[];
}

/**
 * The handheld's home shows the stock it synced as the dashboard counts it: the same on-hand,
 * the same figures by status and expiry bucket as the server's dashboard API for the same stock,
 * with when it last synced; readable at 360x640 and without serious accessibility findings.
 */
describe('the stock glance on the handheld home', () => {
  it('equals the server dashboard after a sync', async () => {
    const server = env.server();
    const { context, page } = await openHandheld(env.browser(), server, { device: 'TC52 glance', username: 'clerk' });
    await waitForLots(page, server);
    const token = await apiToken(server, 'clerk', server.demoPassword);
    const { dashboard } = await apiCall<{ dashboard: Dashboard }>(server, '/api/dashboard/stock?site=MAIN', { token });
    expect(dashboard.onHand.rows).toBeGreaterThan(0);

    await page.getByTestId('nav-home').click();
    const glance = page.getByTestId('stock-glance');
    await glance.waitFor();
    const qtyOf = (testId: string) => page.getByTestId(testId).getAttribute('data-qty');
    await expect.poll(() => qtyOf('stock-on-hand')).toBe(dashboard.onHand.qty);
    const shown = { statuses: [] as [string, string | null][], expiry: [] as [string, string | null][] };
    for (const s of dashboard.byStatus) shown.statuses.push([s.status, await qtyOf(`stock-status-${s.status}`)]);
    for (const b of dashboard.expiry) shown.expiry.push([b.key, await qtyOf(`stock-expiry-${b.key}`)]);
    expect(shown.statuses).toEqual(dashboard.byStatus.map((s) => [s.status, s.qty]));
    expect(shown.expiry).toEqual(dashboard.expiry.map((b) => [b.key, b.qty]));
    // No status on the handheld the server does not count.
    expect(await page.locator('[data-testid^=stock-status-]').count()).toBe(dashboard.byStatus.length);
    expect(await page.getByTestId('stock-as-of').textContent()).toMatch(/^As of last sync \d/);

    // Readable at 360x640: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await glance.scrollIntoViewIfNeeded();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'handheld-home-stock.png'), fullPage: false });
    await page.screenshot({ path: join(SHOTS, 'handheld-home-stock-full.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
