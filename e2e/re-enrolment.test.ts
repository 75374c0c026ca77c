import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openHandheld, waitForLots } from './support/session';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();

const GTIN = '06901234000016';
const LOT = 'E2E-REENROL-1';

interface DeviceRow {
  id: string;
  name: string;
  revokedAt: string | null;
  replacesDeviceId: string | null;
}

/**
 * A handheld whose enrolment is revoked while it holds work it did offline: on the sign-in screen
 * it says how much is unsent, takes the new token, and the work is booked under the new enrolment
 * instead of being refused as another device's.
 */
describe('enrolling a handheld again', () => {
  it('keeps the ops it queued offline under the revoked enrolment and sends them under the new one', async () => {
    const server = env.server();
    const admin = await apiToken(server, 'admin', server.adminPassword);
    const { context, page } = await openHandheld(env.browser(), server, { device: 'TC52 re-enrol', username: 'clerk' });
    await waitForLots(page, server);
    const devices = async () => (await apiCall<{ devices: DeviceRow[] }>(server, '/api/devices', { token: admin })).devices;
    const old = (await devices()).find((d) => d.name === 'TC52 re-enrol')!;

    await page.getByTestId('nav-receive').click();
    await context.setOffline(true);
    await expect.poll(() => textOf(page, 'connection'), { timeout: 10_000 }).toBe('Offline');
    // Until the receive screen has its locations, a location scan is refused; the clerk scans again.
    await expect
      .poll(
        async () => {
          await wedgeScan(page, 'RCV-01');
          return textOf(page, 'location');
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe('RCV-01');
    await wedgeScan(page, `]d201${GTIN}17291231${'10'}${LOT}`);
    await expect.poll(() => textOf(page, 'lot'), { timeout: 10_000 }).toBe(LOT);
    await page.locator('input[name=qty]').fill('12');
    await page.getByRole('button', { name: 'Save receipt' }).click();
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 10_000 }).toBe('1');

    // While the handheld is out of coverage, its enrolment is revoked and a new token issued.
    await apiCall(server, `/api/devices/${old.id}/revoke`, { body: { reason: 'token seen on a photo of the dock' }, token: admin });
    const { token: newToken, device: renewed } = await apiCall<{ token: string; device: { id: string } }>(server, '/api/devices', { body: { name: 'TC52 re-enrol (2)' }, token: admin });

    await context.setOffline(false);
    await expect.poll(() => textOf(page, 'login-error'), { timeout: 20_000 }).toContain('revoked');
    await expect.poll(() => textOf(page, 'enrol-unsent'), { timeout: 10_000 }).toContain('1 op(s) on this handheld are not sent yet');
    await page.screenshot({ path: '/tmp/lotline-re-enrol-warning.png', fullPage: true });
    await page.locator('#device-token').fill(newToken);
    await page.getByRole('button', { name: 'Enrol this device' }).click();
    await page.getByTestId('login-notice').waitFor({ timeout: 10_000 });
    await page.locator('input[name=username]').fill('clerk');
    await page.locator('input[name=password]').fill(server.demoPassword);
    await page.locator('button[type=submit]').click();

    // The sync bar says 0 pending before it has counted, so the server is asked instead.
    const booked = async () => (await apiCall<{ lots: { status: string; onHand: number }[] }>(server, `/api/lots?gtin=${GTIN}&lotNumber=${LOT}`, { token: admin })).lots;
    await expect.poll(booked, { timeout: 10_000 }).toEqual([expect.objectContaining({ status: 'quarantine', onHand: 12 })]);
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 10_000 }).toBe('0');
    expect((await devices()).find((d) => d.id === renewed.id)).toMatchObject({ replacesDeviceId: old.id, revokedAt: null });
    // The old token is no longer kept once the server recorded the replacement.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('lotline.device') ?? 'null') as { token: string; previous?: unknown });
    expect(stored).toEqual(expect.objectContaining({ token: newToken }));
    expect(stored.previous).toBeUndefined();
    expect(await page.getByTestId('previous-refused').count()).toBe(0);
    await context.close();
  });
});
