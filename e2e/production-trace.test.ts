import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole, openHandheld, waitForFirstSync, waitForLots } from './support/session';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();

const call = <T>(path: string, init: { body?: unknown; token?: string } = {}) => apiCall<T>(env.server(), path, init);

// Supplier labels of the two demo component lots, as a GS1 DataMatrix reads them.
const BARREL_LABEL = ']d20106901234000115172912311' + '0PP2410A';
const PLUNGER_LABEL = ']d20106901234000122172912311' + '0RB2409C';

interface TraceBody {
  lots: { id: string; lotNumber: string; origin: string; depth: number }[];
}

describe('production on a handheld, then trace and QC release in the console', () => {
  it('produces a finished lot offline from two scanned component lots; after sync the forward trace shows it, and QC releases it under a signature', async () => {
    const server = env.server();
    const { context: handheld, page } = await openHandheld(env.browser(), server, { device: 'Line 1 scanner', username: 'clerk' });
    await waitForLots(page, server);
    await page.getByTestId('nav-produce').click();
    await expect.poll(() => page.locator('select[name=item] option').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await expect.poll(() => page.locator('select[name=output] option').count(), { timeout: 30_000 }).toBeGreaterThan(1);

    await handheld.setOffline(true);
    await wedgeScan(page, 'A-01-01');
    await wedgeScan(page, BARREL_LABEL);
    await expect.poll(() => textOf(page, 'scan-message')).toBe('Component lot PP2410A from A-01-01');
    await wedgeScan(page, 'A-01-02');
    await wedgeScan(page, PLUNGER_LABEL);
    await expect.poll(() => page.locator('[data-testid=components] li').count()).toBe(2);
    await page.locator('[data-testid=components] input').nth(0).fill('300');
    await page.locator('[data-testid=components] input').nth(1).fill('300');
    await page.locator('select[name=item]').selectOption({ label: 'SYR-5ML · Sterile syringe 5 ml' });
    await page.locator('input[name=qty]').fill('300');
    await page.locator('select[name=output]').selectOption('PRD-L1');
    await page.getByRole('button', { name: 'Declare production' }).click();
    await expect.poll(() => textOf(page, 'pending-count')).toBe('1');
    await page.screenshot({ path: '/tmp/lotline-produce-offline.png' });

    await handheld.setOffline(false);
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');
    await handheld.close();

    const qa = await apiToken(server, 'qa', server.demoPassword);
    const barrel = (await call<{ lots: { id: string }[] }>('/api/lots?lotNumber=PP2410A', { token: qa })).lots[0]!;
    const forward = await call<TraceBody>(`/api/lots/${barrel.id}/trace?direction=forward`, { token: qa });
    const made = forward.lots.find((l) => l.depth === 1 && l.origin === 'produced' && l.lotNumber !== 'S24110701');
    expect(made?.lotNumber).toMatch(/^P\d{10}$/);
    const backward = await call<TraceBody>(`/api/lots/${made!.id}/trace?direction=backward`, { token: qa });
    expect(backward.lots.map((l) => l.lotNumber).sort()).toEqual([made!.lotNumber, 'PP2410A', 'RB2409C'].sort());

    // The console: the trace graph shows the new lot; QC releases it with a signature.
    const { context: desk, page: console } = await openConsole(env.browser(), server, 'qa');
    await console.getByTestId('nav-trace').click();
    await console.getByTestId('trace-lot').fill('PP2410A');
    await console.getByTestId('trace-run').click();
    await expect.poll(() => console.getByTestId(`node-${made!.lotNumber}`).count(), { timeout: 15_000 }).toBe(1);
    expect(await console.getByTestId('node-DIST-BJ').count()).toBe(1);
    await console.screenshot({ path: '/tmp/lotline-trace.png', fullPage: true });

    await console.getByTestId('nav-qc').click();
    await console.locator('[data-testid=qc-queue]').getByRole('button', { name: made!.lotNumber }).click();
    await console.getByTestId('to-released').click();
    // Signing asks for a reason and the password first.
    await console.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect.poll(() => console.locator('[data-testid=sign-form] .ant-form-item-explain-error').count()).toBe(2);
    await console.locator('[data-testid=sign-form] input[placeholder=Test]').first().fill('Leak test');
    await console.locator('[data-testid=sign-form] input[placeholder=Result]').first().fill('0/50 leaks');
    await console.locator('textarea[name=reason]').fill('Batch record reviewed');
    await console.locator('input[name=password]').fill(server.demoPassword);
    await console.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect.poll(() => textOf(console, 'signed'), { timeout: 15_000 }).toMatch(/^Lot is now Released\. Signed by 陈静 \(QA\), .+ — Released\.$/);
    await expect.poll(() => console.locator('[data-testid=lot-timeline] [data-testid=signature]').count()).toBe(1);
    await console.screenshot({ path: '/tmp/lotline-qc.png', fullPage: true });
    await desk.close();
  });

  it("ships from the handheld, stopping offline a lot with less shelf life than the customer accepts", async () => {
    const server = env.server();
    const { context, page } = await openHandheld(env.browser(), server, { device: 'Dock scanner', username: 'picker' });
    await page.getByTestId('nav-ship').click();
    await expect.poll(() => page.locator('select[name=customer] option').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await page.locator('select[name=customer]').selectOption('HOSP-SH1');

    // S24030502 has about 25 days left; the hospital takes no less than 180. Once the lots have
    // synced the device stops it, and keeps stopping it with no network.
    const shortLot = ']d20106901234000016172612311' + '0S24030502';
    await expect
      .poll(
        async () => {
          await wedgeScan(page, shortLot);
          return textOf(page, 'scan-message');
        },
        { timeout: 30_000 },
      )
      .toMatch(/^Stop: lot S24030502/);
    await waitForFirstSync(page);
    await context.setOffline(true);
    await wedgeScan(page, 'B-02-01');
    await expect.poll(() => textOf(page, 'scan-message')).toBe('Location B-02-01');
    await wedgeScan(page, shortLot);
    await expect.poll(() => textOf(page, 'scan-message')).toMatch(/^Stop: lot S24030502 may not ship to this customer: \d+ days of shelf life left; the customer accepts no less than 180\.$/);
    await wedgeScan(page, ']d20106901234000016172912311' + '0S24110701');
    await expect.poll(() => page.locator('[data-testid=ship-lines] li').count()).toBe(1);
    await page.locator('[data-testid=ship-lines] input').fill('40');
    await page.locator('input[name=shipment]').fill('SH-E2E-1');
    await page.getByRole('button', { name: 'Confirm shipment' }).click();
    await expect.poll(() => textOf(page, 'pending-count')).toBe('1');
    await context.setOffline(false);
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');

    // The hospital sends 5 back: they come into quarantine, whatever the lot's status.
    await page.getByTestId('mode-return').click();
    await wedgeScan(page, ']d20106901234000016172912311' + '0S24110701');
    await expect.poll(() => textOf(page, 'scan-message')).toBe('Lot S24110701 back into QA-HOLD: enter the quantity');
    await page.locator('[data-testid=ship-lines] input').fill('5');
    await page.locator('input[name=reason]').fill('Outer box damaged');
    await page.getByRole('button', { name: 'Confirm return' }).click();
    await expect.poll(() => textOf(page, 'scan-message')).toBe('1 lot(s) returned by 上海市第一人民医院: waiting to sync');
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');
    await context.close();

    const qa = await apiToken(server, 'qa', server.demoPassword);
    const syringe = (await call<{ lots: { id: string }[] }>('/api/lots?lotNumber=S24110701', { token: qa })).lots[0]!;
    const forward = await call<{ shipments: { shipment: string; customerCode: string; qty: number }[] }>(`/api/lots/${syringe.id}/trace?direction=forward`, { token: qa });
    expect(forward.shipments).toContainEqual(expect.objectContaining({ shipment: 'SH-E2E-1', customerCode: 'HOSP-SH1', qty: 40 }));
    await expect
      .poll(async () => (await call<{ events: { kind: string; summary: string }[] }>(`/api/lots/${syringe.id}/history`, { token: qa })).events.filter((e) => e.kind === 'return').map((e) => e.summary), { timeout: 15_000 })
      .toEqual(['returned by 上海市第一人民医院: 5 to QA-HOLD']);
  });
});
