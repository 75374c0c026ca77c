import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { scanLikeAScanner } from './support/keys';
import { apiCall, apiToken, openHandheld, waitForLots } from './support/session';
import { textOf } from './support/text';

/**
 * A move of more than the device knows is at the source is stopped once with a warning; saved
 * again with a reason it goes, and the supervisor reads the reason beside the exception.
 */
const env = e2eEnvironment();

describe('a move that takes more than the device knows is there', () => {
  it('warns, books nothing until a reason is given, then books it with the reason on the exception', async () => {
    const { page } = await openHandheld(env.browser(), env.server(), { device: 'TC52 over', username: 'clerk' });
    await waitForLots(page, env.server());
    await page.goto(`${env.server().url}/#/move`);
    await scanLikeAScanner(page, 'A-01-01');
    await scanLikeAScanner(page, ']d20106901234000115' + '10PP2410A');
    await expect.poll(() => textOf(page, 'scan-message'), { timeout: 10_000 }).toContain('PP2410A');
    await page.locator('input[name=qty]').fill('99999');
    await page.locator('input[name=qty]').blur();
    await scanLikeAScanner(page, 'B-02-01');
    await expect.poll(() => textOf(page, 'scan-message'), { timeout: 10_000 }).toContain('B-02-01');
    await page.getByRole('button', { name: 'Confirm move' }).click();
    await expect.poll(() => textOf(page, 'stock-warning'), { timeout: 10_000 }).toMatch(/only 12000 of lot PP2410A at A-01-01, and this takes 99999/);
    expect(await page.getByTestId('op-list').count()).toBe(0);
    await page.screenshot({ path: 'test-results/screens/handheld-move-stock-warning.png' });

    // Saving again without a reason still books nothing.
    await page.getByRole('button', { name: 'Confirm move' }).click();
    await expect.poll(() => textOf(page, 'scan-message'), { timeout: 10_000 }).toContain('Give a reason');
    expect(await page.getByTestId('op-list').count()).toBe(0);

    await page.locator('input[name=override-reason]').fill('pallet found behind the rack');
    await page.getByRole('button', { name: 'Confirm move' }).click();
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');
    await expect.poll(() => textOf(page, 'op-list'), { timeout: 30_000 }).toContain('Lot PP2410A at A-01-01 goes to -87999');

    const supervisor = await apiToken(env.server(), 'supervisor', env.server().demoPassword);
    const { exceptions } = await apiCall<{ exceptions: { kind: string; details: Record<string, unknown> }[] }>(env.server(), '/api/exceptions', { token: supervisor });
    expect(exceptions).toContainEqual(expect.objectContaining({ kind: 'negative_stock', details: expect.objectContaining({ lotNumber: 'PP2410A', deviceReason: 'pallet found behind the rack' }) }));
    await page.context().close();
  });
});
