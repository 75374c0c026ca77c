import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { scanLikeAScanner, typeLikeAPerson } from './support/keys';
import { apiCall, apiToken, openConsole, openHandheld, waitForLots } from './support/session';
import { textOf } from './support/text';

/**
 * Every screen that listens for wedge scans, driven with real key events: a person typing at a
 * keypad's pace must get exactly what they typed into the field and booked on the server, while
 * scans (Enter- or Tab-terminated, or arriving while a field has focus) still go where scans go.
 */
const env = e2eEnvironment();

const SYRINGE = '06901234000016';
const BARREL = '06901234000115';
let page: Page;

/** A loaded test machine can take a few seconds to settle a scan: poll for longer than vitest's default second. */
const soon = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });
let supervisor: string;

interface Op {
  type: string;
  status: string;
  payload: Record<string, unknown>;
}

/** The payloads of this type the server has booked, polled until one matches: the save queues the op a moment after the click. */
async function expectBooked(type: string, expected: Record<string, unknown>): Promise<void> {
  const booked = async () => {
    const { ops } = await apiCall<{ ops: Op[] }>(env.server(), '/api/ops?limit=200', { token: supervisor });
    return ops.filter((op) => op.type === type).map((op) => op.payload);
  };
  await expect.poll(booked, { timeout: 45_000, interval: 250 }).toContainEqual(expect.objectContaining(expected));
}

async function openScreen(name: string): Promise<void> {
  await page.goto(`${env.server().url}/#/${name}`);
  await page.getByTestId(`${name}-screen`).waitFor();
}

async function scanLocation(code: string, end: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
  await scanLikeAScanner(page, code, { end });
  await soon(() => textOf(page, 'scan-message')).toContain(code);
}

beforeAll(async () => {
  ({ page } = await openHandheld(env.browser(), env.server(), { device: 'TC21 keypad', username: 'clerk' }));
  supervisor = await apiToken(env.server(), 'supervisor', env.server().demoPassword);
  await waitForLots(page, env.server());
});

afterAll(async () => {
  await page.context().close();
});

describe('typed input on scanning screens', () => {
  it('Receive books the quantity a person typed, with a location scan (Tab-terminated) arriving while the field has focus', async () => {
    await openScreen('receive');
    await scanLocation('RCV-01');
    await scanLikeAScanner(page, `]d201${SYRINGE}17291231${'10'}TYPED-R1`);
    await soon(() => textOf(page, 'lot')).toBe('TYPED-R1');
    const qty = page.locator('input[name=qty]');
    await qty.click();
    await typeLikeAPerson(page, '12');
    await scanLocation('RCV-01', 'Tab');
    await expect(qty.inputValue()).resolves.toBe('12');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('qty');
    await typeLikeAPerson(page, '0');
    await expect(qty.inputValue()).resolves.toBe('120');
    await page.keyboard.press('Enter');
    await soon(() => textOf(page, 'scan-message')).toContain('TYPED-R1');
    await expectBooked('receive', { lotNumber: 'TYPED-R1', qty: 120 });
  });

  it('Move gives back a fast two-key burst that never ends in Enter, and books what was typed', async () => {
    await openScreen('move');
    await scanLocation('A-01-01');
    await scanLikeAScanner(page, `]d201${BARREL}10PP2410A`);
    await soon(() => textOf(page, 'scan-message')).toContain('PP2410A');
    const qty = page.locator('input[name=qty]');
    await qty.click();
    // A quick typist's rollover: two keys 20 ms apart, then a pause; then the third at a person's pace.
    await scanLikeAScanner(page, '15', { end: null, gapMs: 20 });
    await soon(() => qty.inputValue()).toBe('15');
    await typeLikeAPerson(page, '0');
    await expect(qty.inputValue()).resolves.toBe('150');
    await scanLocation('A-01-02');
    await page.getByRole('button', { name: 'Confirm move' }).click();
    await expectBooked('move', { lotNumber: 'PP2410A', qty: 150, fromLocationCode: 'A-01-01', toLocationCode: 'A-01-02' });
  });

  it('Count books 12000 typed at a person’s pace, not its first digit', async () => {
    await openScreen('count');
    await scanLocation('A-01-01');
    await scanLikeAScanner(page, `]d201${BARREL}10PP2410A`);
    const counted = page.getByRole('textbox', { name: 'Quantity' });
    await counted.click();
    await typeLikeAPerson(page, '12000');
    await expect(counted.inputValue()).resolves.toBe('12000');
    await page.getByRole('button', { name: 'Submit count' }).click();
    await expectBooked('count', { locationCode: 'A-01-01', lines: [expect.objectContaining({ lotNumber: 'PP2410A', countedQty: 12000 })] });
  });

  it('Produce books the work order and quantity a person typed', async () => {
    await openScreen('produce');
    await page.locator('input[name=workOrder]').click();
    await typeLikeAPerson(page, 'WO-TYPED-7');
    await page.locator('select[name=item]').selectOption(SYRINGE);
    await scanLocation('A-01-01');
    await scanLikeAScanner(page, `]d201${BARREL}10PP2410A`);
    await soon(() => textOf(page, 'scan-message')).toContain('PP2410A');
    const qty = page.locator('input[name=qty]');
    await qty.click();
    await typeLikeAPerson(page, '250');
    await expect(page.locator('input[name=workOrder]').inputValue()).resolves.toBe('WO-TYPED-7');
    await expect(qty.inputValue()).resolves.toBe('250');
    await page.getByRole('button', { name: 'Declare production' }).click();
    await expectBooked('produce', { workOrderNumber: 'WO-TYPED-7', qty: 250 });
  });

  it('Ship keeps a typed shipment number whole and books the typed line quantity', async () => {
    await openScreen('ship');
    await page.locator('select[name=customer]').selectOption('DIST-BJ');
    await page.locator('input[name=shipment]').click();
    await typeLikeAPerson(page, 'SH-2024-001');
    await expect(page.locator('input[name=shipment]').inputValue()).resolves.toBe('SH-2024-001');
    await scanLocation('B-02-01');
    await scanLikeAScanner(page, `]d201${SYRINGE}10S24110701`);
    const line = page.getByRole('textbox', { name: 'Quantity' });
    await line.click();
    await typeLikeAPerson(page, '24');
    await page.getByRole('button', { name: 'Confirm shipment' }).click();
    await expectBooked('ship', { shipmentNumber: 'SH-2024-001', lines: [expect.objectContaining({ lotNumber: 'S24110701', qty: 24 })] });
  });

  it('Pick books the quantity typed at a person’s pace and shows the item by name', async () => {
    const body = { number: 'PL-TYPED-1', toLocationCode: 'SHP-01', lines: [{ gtin: SYRINGE, qty: 40 }] };
    const { id } = await apiCall<{ id: string }>(env.server(), '/api/picklists', { token: supervisor, body });
    await openScreen('pick');
    await soon(() => page.locator(`[data-testid=pick-list] option[value="${id}"]`).count()).toBe(1);
    await page.locator('[data-testid=pick-list]').selectOption(id);
    await soon(() => textOf(page, 'pick-item')).toBe('Sterile syringe 5 ml');
    await scanLocation('B-02-01');
    await scanLikeAScanner(page, `]d201${SYRINGE}10S24110701`);
    await soon(() => textOf(page, 'pick-lot')).toBe('S24110701');
    const qty = page.locator('input[name=qty]');
    await qty.click();
    await typeLikeAPerson(page, '25');
    await expect(qty.inputValue()).resolves.toBe('25');
    await page.getByRole('button', { name: 'Confirm pick' }).click();
    await expectBooked('pick', { lotNumber: 'S24110701', qty: 25 });
  });

  it('the console’s Trace page takes a lot number typed at a person’s pace', async () => {
    const { context, page: console } = await openConsole(env.browser(), env.server(), 'qa', { page: 'trace' });
    try {
      const lot = console.getByTestId('trace-lot');
      await lot.click();
      await typeLikeAPerson(console, 'PP2410A');
      await expect(lot.inputValue()).resolves.toBe('PP2410A');
      await console.getByTestId('trace-run').click();
      await expect.poll(() => textOf(console, 'trace-graph'), { timeout: 15_000 }).toContain('S24110701');
    } finally {
      await context.close();
    }
  });
});
