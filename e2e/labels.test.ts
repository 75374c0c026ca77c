import { afterAll, describe, expect, it } from 'vitest';
import { readScan } from '../domain/gs1';
import { createPrinterEmulator, type PrinterEmulator } from '../printers/emulator';
import { loadTemplate } from '../printers/templates';
import { readLabelBarcodes, renderZplToPng } from '../printers/render';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole, openHandheld } from './support/session';
import { chooseOption } from './support/select';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();
let printer: PrinterEmulator | undefined;
afterAll(async () => printer?.close());

const call = <T>(path: string, init: { body?: unknown; token?: string } = {}) => apiCall<T>(env.server(), path, init);

/** What a scanner reads off a printed format: render the ZPL as the printer would, then decode it. */
async function scanned(zpl: string): Promise<Map<string, string>> {
  const png = await renderZplToPng(zpl, { widthDots: 812, heightDots: 406, dpi: 203 });
  const codes = await readLabelBarcodes(png);
  const dataMatrix = codes.find((c) => c.scan.startsWith(']d2'));
  const read = readScan(dataMatrix!.scan);
  if (!read.ok || read.kind === 'text') throw new Error('the DataMatrix did not read as GS1');
  return new Map(read.elements.map((e) => [e.ai, e.value]));
}

const labelsPage = (username: string) => openConsole(env.browser(), env.server(), username, { page: 'labels' });

describe('labels: design, approve, preview and print from the console; print offline from a handheld', () => {
  it('takes a template from draft through QC approval to a GS1 DataMatrix label on the printer, then prints a received lot queued offline', async () => {
    const server = env.server();
    printer = await createPrinterEmulator({ port: 0 });
    const labelsToken = await apiToken(server, 'labels', server.demoPassword);
    await call('/api/printers', { body: { name: 'E2E ZT410', host: printer.host, port: printer.port, dpi: 203 }, token: labelsToken });

    // The label admin drafts version 2 of the starter lot label.
    const admin = await labelsPage('labels');
    await admin.page.getByTestId('template-lot-gs1-v1').click();
    await admin.page.getByTestId('new-draft').click();
    const definition = { ...(await loadTemplate('lot-gs1')), description: 'Lot label, approved in the e2e run' };
    await admin.page.locator('textarea[name=definition]').fill(JSON.stringify(definition, null, 2));
    await admin.page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => admin.page.getByTestId('template-lot-gs1-v2').count(), { timeout: 15_000 }).toBe(1);
    await admin.context.close();

    // QA previews it, sees the change, and approves it with a signature.
    const qa = await labelsPage('qa');
    await qa.page.getByTestId('template-lot-gs1-v2').click();
    await expect.poll(() => qa.page.getByTestId('template-preview').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => textOf(qa.page, 'template-diff')).toContain('description');
    // The same data drawn independently in the browser, from the element string domain/gs1 builds.
    await expect.poll(() => textOf(qa.page, 'gs1-element-string')).toBe('(01)06901234000016(11)261123(17)291231(10)SAMPLE01(21)SN0000001');
    await expect.poll(() => qa.page.locator('[data-testid=gs1-preview] canvas').first().evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(0);
    await qa.page.locator('[data-testid=approve-form] textarea[name=reason]').fill('Preview checked against the label drawing');
    await qa.page.locator('[data-testid=approve-form] input[name=password]').fill(server.demoPassword);
    await qa.page.getByRole('button', { name: 'Approve and sign' }).click();
    await expect.poll(() => textOf(qa.page, 'labels-notice'), { timeout: 15_000 }).toBe('Version approved; the one before is retired');
    await qa.page.screenshot({ path: '/tmp/lotline-labels.png', fullPage: true });

    // QA prints two labels for a lot; the spool sends them to the printer.
    await qa.page.locator('[data-testid=print-form] input[name=lot]').fill('S24110701');
    // The approved lot-gs1 is the template chosen to begin with; the printer is picked from the list.
    expect(await qa.page.locator('[data-testid=print-form] .ant-select').first().textContent()).toBe('lot-gs1 v2');
    await chooseOption(qa.page, qa.page.locator('[data-testid=print-form]').getByLabel('Printer'), 'E2E ZT410');
    await qa.page.locator('[data-testid=print-form] input[name=quantity]').fill('2');
    await qa.page.getByRole('button', { name: 'Print', exact: true }).click();
    await expect.poll(() => printer!.formats().length, { timeout: 30_000 }).toBe(1);
    const [format] = printer.formats();
    expect(format!.labels).toBe(2);
    expect(format!.zpl).toMatch(/\^BXN,\d+,200,/);
    const elements = await scanned(format!.zpl);
    expect(elements.get('01')).toBe('06901234000016');
    expect(elements.get('10')).toBe('S24110701');
    await expect.poll(() => qa.page.locator('[data-testid=print-jobs] tr[data-status=printed]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await qa.context.close();

    // A clerk receives a lot offline and asks for one label; it prints when the handheld syncs.
    const { context: handheld, page } = await openHandheld(env.browser(), server, { device: 'RCV labels', username: 'clerk' });
    await page.getByTestId('nav-receive').click();
    await expect.poll(() => page.locator('select[name=labelPrinter] option').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.locator('select[name=labelPrinter]').selectOption('E2E ZT410');
    await page.locator('input[name=labelCount]').fill('1');
    // The dock's location is known once the device has synced; then the network goes.
    await expect
      .poll(
        async () => {
          await wedgeScan(page, 'RCV-01');
          return textOf(page, 'location');
        },
        { timeout: 30_000 },
      )
      .toBe('RCV-01');
    await handheld.setOffline(true);
    await wedgeScan(page, ']d20106901234000023172812311' + '0IS-E2E-7');
    await expect.poll(() => textOf(page, 'lot')).toBe('IS-E2E-7');
    await page.locator('input[name=qty]').fill('40');
    await page.getByRole('button', { name: 'Save receipt' }).click();
    await expect.poll(() => textOf(page, 'pending-count')).toBe('2');
    await handheld.setOffline(false);
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');
    await expect.poll(() => printer!.formats().length, { timeout: 30_000 }).toBe(2);
    const received = await scanned(printer.formats()[1]!.zpl);
    expect(received.get('10')).toBe('IS-E2E-7');
    expect(received.get('17')).toBe('281231');
    await handheld.close();
  });
});
