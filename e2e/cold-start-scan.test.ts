import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { scanLikeAScanner, typeLikeAPerson } from './support/keys';
import { apiCall, apiToken, openHandheld, waitForLots } from './support/session';
import { textOf } from './support/text';

/**
 * A clerk opens a screen and scans at once, as people do: before the screen's chunk has loaded,
 * before its local lists are read, or on a handheld that was just switched on. Every scan must
 * reach the screen, whole and in order, and be judged against the real lists, not empty ones.
 */
const env = e2eEnvironment();

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';
let page: Page;
let supervisor: string;

const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

interface Op {
  type: string;
  payload: Record<string, unknown>;
}

async function expectBooked(type: string, expected: Record<string, unknown>): Promise<void> {
  const booked = async () => {
    const { ops } = await apiCall<{ ops: Op[] }>(env.server(), '/api/ops?limit=200', { token: supervisor });
    return ops.filter((op) => op.type === type).map((op) => op.payload);
  };
  await expect.poll(booked, { timeout: 45_000, interval: 250 }).toContainEqual(expect.objectContaining(expected));
}

beforeAll(async () => {
  ({ page } = await openHandheld(env.browser(), env.server(), { device: 'TC52 cold start', username: 'clerk' }));
  supervisor = await apiToken(env.server(), 'supervisor', env.server().demoPassword);
  await waitForLots(page, env.server());
});

afterAll(async () => {
  await page.context().close();
});

describe('scans sent the moment a screen is opened', () => {
  it('Receive, opened from the address bar of a handheld just switched on, reads a label and a location scanned before it showed', async () => {
    await page.goto(`${env.server().url}/#/`);
    await page.goto(`${env.server().url}/#/receive`);
    // A whole new start: the app, the screen's chunk and the local database all load after this.
    // DOMContentLoaded comes once the entry script has run: keys before any script are lost on any page.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await scanLikeAScanner(page, `]d201${SYRINGE}17291231${'10'}COLD-R1`);
    await scanLikeAScanner(page, 'RCV-01');
    await soon(() => textOf(page, 'lot')).toBe('COLD-R1');
    // The location was judged against the real list, after the label: it is the last word.
    await soon(() => textOf(page, 'scan-message')).toContain('RCV-01');
    const qty = page.locator('input[name=qty]');
    await qty.click();
    await typeLikeAPerson(page, '340');
    await expect(qty.inputValue()).resolves.toBe('340');
    await page.keyboard.press('Enter');
    await soon(() => textOf(page, 'scan-message')).toContain('COLD-R1');
    await expectBooked('receive', { lotNumber: 'COLD-R1', qty: 340, locationCode: 'RCV-01' });
  });

  it('Move, opened from the menu and scanned straight away, takes from, lot and to in the order scanned', async () => {
    await page.goto(`${env.server().url}/#/`);
    await page.getByTestId('home').waitFor();
    await page.goto(`${env.server().url}/#/move`);
    await scanLikeAScanner(page, 'A-01-01');
    await scanLikeAScanner(page, `]d201${BARREL}10PP2410A`);
    await scanLikeAScanner(page, 'A-01-02');
    await soon(() => textOf(page, 'scan-message')).toContain('A-01-02');
    await expect(page.getByTestId('move-screen').textContent()).resolves.toMatch(/A-01-01[\s\S]*PP2410A[\s\S]*A-01-02/);
    const qty = page.locator('input[name=qty]');
    await qty.click();
    await typeLikeAPerson(page, '25');
    await page.getByRole('button', { name: 'Confirm move' }).click();
    await expectBooked('move', { lotNumber: 'PP2410A', qty: 25, fromLocationCode: 'A-01-01', toLocationCode: 'A-01-02' });
  });

  it('does not hand a scan made on one screen to the next one opened', async () => {
    await page.goto(`${env.server().url}/#/`);
    await page.getByTestId('home').waitFor();
    // Home reads no scans: this one is held for a screen, then dropped when the clerk opens Count.
    await scanLikeAScanner(page, 'A-01-01');
    await page.goto(`${env.server().url}/#/count`);
    await page.getByTestId('count-screen').waitFor();
    await page.waitForTimeout(500);
    expect((await textOf(page, 'scan-message')) ?? '').not.toContain('A-01-01');
    await scanLikeAScanner(page, 'A-01-02');
    await soon(() => textOf(page, 'scan-message')).toContain('A-01-02');
  });
});
