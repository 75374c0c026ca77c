import { afterAll, describe, expect, it } from 'vitest';
import { createPrinterEmulator, type PrinterEmulator } from '../printers/emulator';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole } from './support/session';
import { textOf } from './support/text';

const env = e2eEnvironment();
let printer: PrinterEmulator | undefined;
afterAll(async () => printer?.close());

const call = <T>(path: string, init: { body?: unknown; token?: string } = {}) => apiCall<T>(env.server(), path, init);

describe('RFID reconciliation in the console', () => {
  it('shows a run with a VOID label and an uncertain one, and a supervisor settles the uncertain label by reading its tag', async () => {
    const server = env.server();
    printer = await createPrinterEmulator({ port: 0 });
    const labels = await apiToken(server, 'labels', server.demoPassword);
    const supervisor = await apiToken(server, 'supervisor', server.demoPassword);
    // The printer's own policy: a short wait for read-backs, so a silent printer leaves its label in doubt quickly.
    await call('/api/printers', { body: { name: 'E2E RFID', host: printer.host, port: printer.port, dpi: 203, rfidPolicy: { readBackTimeoutMs: 1500 } }, token: labels });
    const order = await call<{ lotId: string; lotNumber: string }>('/api/work-orders', { body: { gtin: '06901234000054', plannedQty: 3 }, token: supervisor });

    // Three labels: the first is right, the second's tag does not answer (VOID, then a retry that is right), the third's read-back never comes.
    await printer.setState({ rfid: 'written', rfidNext: ['written', 'no_tag', 'written', 'silent'] });
    const run = await call<{ runId: string; serials: string[] }>('/api/print-jobs', { body: { lotId: order.lotId, template: 'lot-rfid', printer: 'E2E RFID', quantity: 3 }, token: supervisor });
    await expect
      .poll(async () => (await call<{ printed: number; pending: number }>(`/api/print-runs/${run.runId}/rfid`, { token: supervisor })).pending, { timeout: 45_000 })
      .toBe(0);
    const silent = printer.formats().find((f) => f.tag?.withheld === 'silent')!;

    const { context, page } = await openConsole(env.browser(), server, 'supervisor', { page: 'labels' });
    const view = page.getByTestId('rfid-reconciliation');
    await page.getByTestId(`rfid-open-${order.lotNumber}`).click();
    await expect.poll(() => textOf(page, 'rfid-counts'), { timeout: 15_000 }).toMatch(/Printed\s*4.*Encoded\s*2.*Voided\s*1.*Uncertain\s*1.*Balanced/s);
    const rows = view.locator('[data-testid=rfid-labels] tbody tr[data-serial]');
    expect(await rows.count()).toBe(2);
    expect(await view.locator('tr[data-outcome=voided]').textContent()).toContain('No tag answered (VOID printed)');
    const uncertain = view.locator('tr[data-outcome=uncertain]');
    const serial = await uncertain.getAttribute('data-serial');
    expect(await uncertain.textContent()).toContain(silent.tag!.epc);
    expect(await uncertain.textContent()).toContain('not read');
    await view.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/console-rfid-reconcile.png' });
    expect(await seriousViolations(page)).toEqual([]);

    // The supervisor reads the label's tag at the printer: it carries the EPC written.
    await page.getByTestId(`rfid-resolve-${serial}`).click();
    const modal = page.getByTestId('rfid-resolve-modal');
    await modal.locator('input[name=epc]').fill('not an epc');
    await modal.locator('textarea[name=reason]').fill('Tag read with the handheld reader at the printer');
    await modal.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => modal.getByText('The EPC is 24 to 64 hexadecimal digits').count()).toBe(1);
    await modal.locator('input[name=epc]').fill(silent.tag!.read.toLowerCase());
    await expect.poll(() => modal.getByText('The EPC is 24 to 64 hexadecimal digits').count()).toBe(0);
    await page.screenshot({ path: 'test-results/screens/console-rfid-resolve.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await modal.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => textOf(page, 'rfid-notice'), { timeout: 15_000 }).toBe(`The tag carries its EPC: serial ${serial} is bound`);
    await expect.poll(() => textOf(page, 'rfid-counts'), { timeout: 15_000 }).toMatch(/Printed\s*4.*Encoded\s*3.*Voided\s*1.*Uncertain\s*0.*Balanced/s);
    expect(await rows.count()).toBe(1);
    await page.screenshot({ path: 'test-results/screens/console-rfid-settled.png' });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await call(`/api/rfid/${silent.tag!.epc}`, { token: supervisor })).toMatchObject({ standing: 'encoded', serial });
    await context.close();
  });
});
