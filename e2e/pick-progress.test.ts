import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole, openHandheld } from './support/session';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();

const SYRINGE = '06901234000016';
/** Released, about three years left, 2,300 at B-02-01. */
const LONG_LOT = ']d20106901234000016172912311' + '0S24110701';
/** Released, 25 days left, 300 at B-02-01. */
const SHORT_LOT = ']d20106901234000016172612311' + '0S24030502';

/** A pick list of 500 syringes for the hospital HOSP-SH1, which takes no less than 180 days of shelf life. */
async function hospitalList(number: string): Promise<string> {
  const server = env.server();
  const supervisor = await apiToken(server, 'supervisor', server.demoPassword);
  const body = { number, customerCode: 'HOSP-SH1', toLocationCode: 'SHP-01', lines: [{ gtin: SYRINGE, qty: 500 }] };
  return (await apiCall<{ id: string }>(server, '/api/picklists', { token: supervisor, body })).id;
}

async function pickScreen(device: string, listId: string): Promise<Page> {
  const { page } = await openHandheld(env.browser(), env.server(), { device, username: 'picker' });
  await page.getByTestId('nav-pick').click();
  await expect.poll(() => page.locator(`[data-testid=pick-list] option[value="${listId}"]`).count(), { timeout: 30_000 }).toBe(1);
  await page.locator('[data-testid=pick-list]').selectOption(listId);
  await expect.poll(() => textOf(page, 'fefo-suggestion'), { timeout: 30_000 }).toContain('Take lot S24110701 at B-02-01');
  return page;
}

async function pick(page: Page, qty: string): Promise<void> {
  await wedgeScan(page, 'B-02-01');
  await expect.poll(() => textOf(page, 'pick-from')).toBe('B-02-01');
  await wedgeScan(page, LONG_LOT);
  await expect.poll(() => textOf(page, 'pick-lot')).toBe('S24110701');
  await page.locator('input[name=qty]').fill(qty);
  await page.getByRole('button', { name: 'Confirm pick' }).click();
  await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');
}

const consoleRow = (page: Page, number: string) => page.locator(`[data-testid=pick-list-table] tr[data-number="${number}"]`);

describe('pick list progress on a 360x640 handheld and on the console', () => {
  it('books 300 of 500, shows 200 to go on both after sync, then closes the line and the list', async () => {
    const listId = await hospitalList('PL-E2E-300');
    const page = await pickScreen('TC52 progress', listId);
    expect(await textOf(page, 'pick-progress')).toBe('Picked 0 of 500, 500 to go');

    await pick(page, '300');
    await expect.poll(() => textOf(page, 'pick-progress'), { timeout: 30_000 }).toBe('Picked 300 of 500, 200 to go');
    expect(await page.getByTestId('pick-list-status').getAttribute('data-status')).toBe('picking');
    await page.getByTestId('pick-list-status').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/lotline-pick-progress.png' });

    const { page: console } = await openConsole(env.browser(), env.server(), 'supervisor', { page: 'sync' });
    const row = consoleRow(console, 'PL-E2E-300');
    await expect.poll(() => row.locator('[data-testid=pick-list-line]').textContent(), { timeout: 20_000 }).toBe(`${SYRINGE}: 300 of 500 picked, 200 to go`);
    expect(await row.locator('[data-testid=pick-list-status]').textContent()).toBe('Picking');
    await row.scrollIntoViewIfNeeded();
    await console.screenshot({ path: '/tmp/lotline-console-pick-lists.png' });

    // More than is left is stopped on the device, before anything is booked.
    await wedgeScan(page, 'B-02-01');
    await wedgeScan(page, LONG_LOT);
    await expect.poll(() => textOf(page, 'pick-lot')).toBe('S24110701');
    await page.locator('input[name=qty]').fill('250');
    await page.getByRole('button', { name: 'Confirm pick' }).click();
    await expect.poll(() => textOf(page, 'scan-message')).toBe('Only 200 of this item left to pick on PL-E2E-300.');

    await page.locator('input[name=qty]').fill('200');
    await page.getByRole('button', { name: 'Confirm pick' }).click();
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');
    await expect.poll(() => textOf(page, 'pick-list-status'), { timeout: 30_000 }).toBe('Pick list PL-E2E-300 is complete. · 上海市第一人民医院 accepts at least 180 days of shelf life');
    expect(await textOf(page, 'pick-progress')).toBe('Picked 500 of 500, 0 to go');
    expect(await textOf(page, 'pick-line-done')).toBe('Line complete');
    await page.getByTestId('pick-list-status').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/lotline-pick-done.png' });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await row.locator('[data-testid=pick-list-status]').textContent()).toBe('Complete');
    expect(await row.locator('[data-testid=pick-list-line]').textContent()).toBe(`${SYRINGE}: 500 of 500 picked, 0 to go`);
    await console.context().close();
    await page.context().close();
  });

  it("skips the lot with too little shelf life for the customer, says why, and stops it when scanned", async () => {
    const listId = await hospitalList('PL-E2E-180');
    const page = await pickScreen('TC52 shelf life', listId);
    expect(await textOf(page, 'fefo-skipped')).toBe('Skipped S24030502: 25 days left, customer accepts no less than 180');
    await page.getByTestId('pick-list-status').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/lotline-pick-skipped.png' });

    await wedgeScan(page, 'B-02-01');
    await wedgeScan(page, SHORT_LOT);
    await expect.poll(() => textOf(page, 'scan-message')).toBe('Stop: lot S24030502 has 25 days of shelf life left; 上海市第一人民医院 accepts no less than 180.');
    expect(await page.locator('[data-testid=pick-lot]').count()).toBe(0);
    await page.screenshot({ path: '/tmp/lotline-pick-short-stopped.png' });
    await page.context().close();
  });
});
