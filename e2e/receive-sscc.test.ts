import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../domain/gs1';
import { composeSscc } from '../domain/sscc';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { typeLikeAPerson } from './support/keys';
import { apiCall, apiToken, openHandheld, waitForFirstSync } from './support/session';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();

const gtin = (n: number) => {
  const body = `0950600${String(n).padStart(6, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};
const CATHETER = gtin(811);
const GLOVES = gtin(812);
const PALLET = composeSscc(3, '0614141', 8101n);
const STRANGER = composeSscc(3, '0614141', 8102n);

describe('receiving a pallet by its SSCC', () => {
  it('receives a two-lot pallet by one scan offline, refuses it a second time, and the server has both lots at the dock after sync', async () => {
    const server = env.server();
    const admin = await apiToken(server, 'admin', server.adminPassword);
    const { secret } = await apiCall<{ secret: string }>(server, '/api/api-keys', { body: { integration: 'erp-e2e', scopes: ['items:write', 'partners:write', 'orders:write', 'read'] }, token: admin });
    const erp = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}/api/integration/${path}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-api-key': secret }, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    };
    await erp('suppliers/SUP-E2E', { code: 'ACME-E2E', name: 'Acme Medical' });
    await erp('items/ERP-E2E-CATH', { gtin: CATHETER, sku: 'CATH-811', name: 'Catheter 811', shelfLifeDays: 730 });
    await erp('items/ERP-E2E-GLOVE', { gtin: GLOVES, sku: 'GLOVE-812', name: 'Gloves 812' });
    await erp('purchase-orders/ASN-E2E-1', {
      kind: 'ship_notice',
      number: 'ASN-E2E-1',
      supplier: 'SUP-E2E',
      lines: [
        { line: 1, item: 'ERP-E2E-CATH', qty: 24, supplierLot: 'CA-E2E', expiresOn: '2028-06-30', sscc: PALLET },
        { line: 2, item: 'ERP-E2E-GLOVE', qty: 300, supplierLot: 'GL-E2E', sscc: PALLET },
        { line: 3, item: 'ERP-E2E-GLOVE', qty: 200, supplierLot: 'GL-E2E', sscc: PALLET },
      ],
    });

    const { context, page } = await openHandheld(env.browser(), server, { device: 'TC52 pallet e2e', username: 'clerk' });
    await waitForFirstSync(page, 45_000);
    await page.goto(`${server.url}/#/receive`);
    await expect
      .poll(
        async () => {
          await wedgeScan(page, 'RCV-01');
          return textOf(page, 'location');
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('RCV-01');

    // The handheld has pulled the notice's SSCCs once it knows the pallet; then the network goes.
    await expect
      .poll(
        async () => {
          await wedgeScan(page, `]C100${PALLET}`);
          return textOf(page, 'scan-message');
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toMatch(/^Pallet /);
    await page.getByRole('button', { name: 'Not this pallet' }).click();
    await context.setOffline(true);
    await expect.poll(() => textOf(page, 'connection'), { timeout: 20_000 }).toBe('Offline');
    // The pallet's GS1-128 label: AI (00) alone.
    await wedgeScan(page, `]C100${PALLET}`);
    await expect.poll(() => textOf(page, 'scan-message')).toBe(`Pallet ${PALLET}: check what it holds, scan the location, then receive it.`);
    const lots = page.getByTestId('pallet-lot');
    await expect.poll(() => lots.count()).toBe(2);
    expect(await lots.allTextContents()).toEqual(['Catheter 811Lot CA-E2E · Quantity 24 · Expires 2028-06-30', 'Gloves 812Lot GL-E2E · Quantity 500']);
    expect(await textOf(page, 'pallet-card')).toContain('Acme Medical · notice ASN-E2E-1');
    await page.screenshot({ path: 'test-results/screens/receive-pallet.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Every lot row is on the 640 px screen above the receive button, without scrolling.
    const fold = await page.evaluate(() => ({
      lastLot: [...document.querySelectorAll('[data-testid="pallet-lot"]')].at(-1)!.getBoundingClientRect().bottom,
      button: document.querySelector('[data-testid="receive-submit"]')!.getBoundingClientRect(),
      height: window.innerHeight,
    }));
    expect(fold.button.bottom).toBeLessThanOrEqual(fold.height);
    expect(fold.lastLot).toBeLessThanOrEqual(fold.button.top);
    // The typed-SSCC placeholder fits its box.
    const placeholderFits = await page.getByRole('textbox', { name: 'SSCC typed from the pallet label' }).evaluate((el: HTMLInputElement) => {
      const style = getComputedStyle(el);
      const pen = document.createElement('canvas').getContext('2d')!;
      pen.font = style.font;
      return pen.measureText(el.placeholder).width <= el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    });
    expect(placeholderFits).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Receive pallet' }).click();
    await expect.poll(() => textOf(page, 'scan-message')).toBe(`Pallet ${PALLET} saved with 2 lots; it syncs when the network allows.`);
    await expect.poll(() => textOf(page, 'pending-count')).toBe('1');

    // Typed from under the barcode at a person's speed: received already, on this handheld.
    await page.getByRole('textbox', { name: 'SSCC typed from the pallet label' }).click();
    await typeLikeAPerson(page, PALLET);
    await page.keyboard.press('Enter');
    const today = new Date().toISOString().slice(0, 10);
    await expect.poll(() => textOf(page, 'scan-message')).toBe(`SSCC ${PALLET} was already received on ${today}.`);
    await wedgeScan(page, `]C100${STRANGER}`);
    await expect.poll(() => textOf(page, 'scan-message')).toBe(`SSCC ${STRANGER} is not on any open ship notice (sscc_not_expected). Receive its contents line by line.`);
    await page.screenshot({ path: 'test-results/screens/receive-pallet-refused.png' });
    expect(await seriousViolations(page)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');
    for (const [g, lot, qty] of [
      [CATHETER, 'CA-E2E', 24],
      [GLOVES, 'GL-E2E', 500],
    ] as const) {
      const found = await apiCall<{ lots: { id: string; status: string; onHand: number }[] }>(server, `/api/lots?gtin=${g}&lotNumber=${lot}`, { token: admin });
      expect(found.lots).toEqual([expect.objectContaining({ status: 'quarantine', onHand: qty })]);
      const detail = await apiCall<{ balances: { locationCode: string; qty: number }[] }>(server, `/api/lots/${found.lots[0]!.id}`, { token: admin });
      expect(detail.balances).toEqual([{ locationId: expect.any(String), locationCode: 'RCV-01', qty }]);
    }
    await context.close();
  });
});
