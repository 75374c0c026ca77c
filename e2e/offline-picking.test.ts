import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { apiToken, openHandheld } from './support/session';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();

describe('picking on a handheld', () => {
  it('suggests FEFO, stops a held lot offline, and books a released one when back online', async () => {
    const server = env.server();
    const { context, page } = await openHandheld(env.browser(), server, { device: 'TC52 picking', username: 'picker' });
    const admin = await apiToken(server, 'admin', server.adminPassword);
    // The handheld goes offline later in the shift, by then long served by its service worker: a
    // screen whose chunk was not yet loaded opens offline only from the worker's precache.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(() => page.reload());
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByTestId('nav-pick').click();
    // The demo pick list PL-0001 asks for 500 syringes for a hospital that takes no less than 180
    // days of shelf life: the lot expiring first (S24030502, 25 days) is passed over for S24110701.
    await expect.poll(() => page.locator('[data-testid=pick-list] option').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await page.locator('[data-testid=pick-list]').selectOption({ label: 'PL-0001 上海市第一人民医院' });
    await expect.poll(() => textOf(page, 'fefo-suggestion'), { timeout: 30_000 }).toContain('Take lot S24110701 at B-02-01');

    await context.setOffline(true);
    await wedgeScan(page, 'A-01-02');
    await expect.poll(() => textOf(page, 'pick-from')).toBe('A-01-02');
    // The masks lot M2405K is on hold: the device refuses it with no network at all.
    await wedgeScan(page, ']d20106901234000030172712311' + '0M2405K');
    await expect.poll(() => textOf(page, 'scan-message')).toBe('Stop: lot M2405K is on hold and must not be picked.');
    expect(await page.locator('[data-testid=pick-lot]').count()).toBe(0);

    // Lot lookup, offline as well: the held lot, its status and where it lies.
    await page.getByTestId('nav-lookup').click();
    // A person scans once the screen is there; keys sent before it has mounted reach the screen before.
    await page.getByTestId('lookup-screen').waitFor();
    await wedgeScan(page, ']d20106901234000030172712311' + '0M2405K');
    await expect.poll(() => textOf(page, 'lookup-status')).toBe('On hold');
    expect(await textOf(page, 'lookup-where')).toBe('A-01-02: 5000');
    await page.getByTestId('nav-pick').click();
    await page.locator('[data-testid=pick-list]').selectOption({ label: 'PL-0001 上海市第一人民医院' });

    await wedgeScan(page, 'B-02-01');
    await wedgeScan(page, ']d20106901234000016172912311' + '0S24110701');
    await expect.poll(() => textOf(page, 'pick-lot')).toBe('S24110701');
    await page.locator('input[name=qty]').fill('20');
    await page.getByRole('button', { name: 'Confirm pick' }).click();
    await expect.poll(() => textOf(page, 'pending-count')).toBe('1');
    // The server has not counted it yet; the device shows it beside the server's progress.
    expect(await textOf(page, 'pick-progress')).toBe('Picked 0 of 500, 500 to go');
    expect(await textOf(page, 'pick-unsynced')).toBe('+20 picked here, waiting to sync');
    await page.screenshot({ path: '/tmp/lotline-pick-offline.png' });

    await context.setOffline(false);
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');
    await expect.poll(() => textOf(page, 'pick-progress'), { timeout: 30_000 }).toBe('Picked 20 of 500, 480 to go');
    expect(await page.locator('[data-testid=pick-unsynced]').count()).toBe(0);
    const lots = (await (await fetch(`${server.url}/api/lots?lotNumber=S24110701`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { lots: { onHand: number }[] };
    expect(lots.lots[0]!.onHand).toBe(2300); // moved to the shipping dock, still on hand there
    await context.close();
  });
});
