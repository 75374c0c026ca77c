import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole, openHandheld } from './support/session';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();

/** A list for the plant's own use, with no customer's shelf-life rule: the short-dated lot comes first. */
async function pickList(): Promise<string> {
  const server = env.server();
  const supervisor = await apiToken(server, 'supervisor', server.demoPassword);
  return (await apiCall<{ id: string }>(server, '/api/picklists', { token: supervisor, body: { number: 'PL-TWO', toLocationCode: 'SHP-01', lines: [{ gtin: '06901234000016', qty: 600 }] } })).id;
}

async function handheld(name: string, listId: string): Promise<Page> {
  const { page } = await openHandheld(env.browser(), env.server(), { device: name, username: 'picker' });
  await page.getByTestId('nav-pick').click();
  await expect.poll(() => page.locator(`[data-testid=pick-list] option[value="${listId}"]`).count(), { timeout: 30_000 }).toBe(1);
  await page.locator('[data-testid=pick-list]').selectOption(listId);
  await expect.poll(() => textOf(page, 'fefo-suggestion'), { timeout: 30_000 }).toContain('S24030502 at B-02-01');
  return page;
}

describe('two handhelds pick the same last units offline', () => {
  it('applies both picks, raises one exception for the supervisor, and keeps the ledger whole', async () => {
    const server = env.server();
    const admin = await apiToken(server, 'admin', server.adminPassword);
    const listId = await pickList();
    const pickers = [await handheld('TC52 left', listId), await handheld('TC52 right', listId)];
    for (const page of pickers) await page.context().setOffline(true);
    // Both see all 300 of the lot at B-02-01 and take them all.
    for (const page of pickers) {
      await wedgeScan(page, 'B-02-01');
      await wedgeScan(page, ']d20106901234000016172612311' + '0S24030502');
      await expect.poll(() => textOf(page, 'pick-lot')).toBe('S24030502');
      await page.locator('input[name=qty]').fill('300');
      await page.getByRole('button', { name: 'Confirm pick' }).click();
      await expect.poll(() => textOf(page, 'pending-count')).toBe('1');
    }
    for (const page of pickers) await page.context().setOffline(false);
    for (const page of pickers) await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');

    const { page: supervisor } = await openConsole(env.browser(), server, 'supervisor', { page: 'exceptions' });
    await expect.poll(() => textOf(supervisor, 'exception-count'), { timeout: 20_000 }).toBe('1');
    expect(await supervisor.locator('[data-testid=exception-table] tr[data-kind]').first().getAttribute('data-kind')).toBe('negative_stock');
    await supervisor.getByTestId('nav-sync').click();
    await expect.poll(() => supervisor.locator('[data-testid=ops-table] tr[data-status=applied]').count(), { timeout: 20_000 }).toBe(1);
    expect(await supervisor.locator('[data-testid=ops-table] tr[data-status=exception]').count()).toBe(1);

    // Both picks happened: the dock holds 600, the rack shows -300 until the supervisor resolves it.
    const lots = (await (await fetch(`${server.url}/api/lots?lotNumber=S24030502`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { lots: { id: string }[] };
    const lot = (await (await fetch(`${server.url}/api/lots/${lots.lots[0]!.id}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { balances: { locationCode: string; qty: number }[] };
    expect(lot.balances.map((b) => [b.locationCode, b.qty])).toEqual([
      ['B-02-01', -300],
      ['SHP-01', 600],
    ]);
  });
});
