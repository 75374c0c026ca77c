import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();

async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const res = await fetch(`${env.server().url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const GTIN = '06901234000016';
const LOTS = ['E2E-A1', 'E2E-B2', 'E2E-C3'];

describe('offline receiving on a handheld', () => {
  it('receives three lots offline and books them in quarantine once the network is back', async () => {
    const admin = (await api<{ token: string }>('/api/auth/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: env.server().adminPassword }) })).token;
    const enrolment = await api<{ token: string }>('/api/devices', { method: 'POST', body: JSON.stringify({ name: 'TC52 e2e' }), token: admin });

    const context = await env.browser().newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(env.server().url);
    await page.evaluate((token) => localStorage.setItem('lotline.device', JSON.stringify({ token })), enrolment.token);
    await page.reload();

    // Online sign-in: enrols the session to this device and leaves an offline verifier behind.
    await page.locator('input[name=username]').fill('clerk');
    await page.locator('input[name=password]').fill(env.server().demoPassword);
    await page.locator('button[type=submit]').click();
    await expect.poll(() => textOf(page, 'connection'), { timeout: 30_000 }).toBe('Online');
    // The local database has the reference data before the network goes.
    await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).length), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(() => page.reload());
    await page.goto(`${env.server().url}/#/receive`);
    // Until the first pull has brought the locations, a location scan is refused; the clerk scans again.
    await expect
      .poll(async () => {
        await wedgeScan(page, 'RCV-01');
        return textOf(page, 'location');
      }, { timeout: 30_000, interval: 500 })
      .toBe('RCV-01');

    await context.setOffline(true);
    await page.reload();
    // Sign out while offline, then sign in again offline with the same password.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name=username]').fill('clerk');
    await page.locator('input[name=password]').fill(env.server().demoPassword);
    await page.locator('button[type=submit]').click();
    await expect.poll(() => textOf(page, 'user-name'), { timeout: 20_000 }).toContain('王芳');
    await page.getByTestId('nav-receive').click();
    await expect.poll(() => textOf(page, 'connection')).toBe('Offline');

    await wedgeScan(page, 'RCV-01');
    await expect.poll(() => textOf(page, 'location')).toBe('RCV-01');
    for (const lot of LOTS) {
      await wedgeScan(page, `]d201${GTIN}17291231${'10'}${lot}\x1d21SN-${lot}`);
      await expect.poll(() => textOf(page, 'lot')).toBe(lot);
      await page.locator('input[name=qty]').fill('10');
      await page.getByRole('button', { name: 'Save receipt' }).click();
      await expect.poll(() => textOf(page, 'scan-message')).toBe(`Lot ${lot} saved; it syncs when the network allows.`);
    }
    await expect.poll(() => textOf(page, 'pending-count')).toBe('3');
    await page.screenshot({ path: '/tmp/lotline-receive-offline.png' });

    await context.setOffline(false);
    await expect.poll(() => textOf(page, 'pending-count'), { timeout: 45_000 }).toBe('0');
    await page.screenshot({ path: '/tmp/lotline-receive-synced.png' });

    for (const lot of LOTS) {
      const found = await api<{ lots: { id: string; status: string; onHand: number; expiresOn: string }[] }>(`/api/lots?gtin=${GTIN}&lotNumber=${lot}`, { token: admin });
      expect(found.lots).toEqual([expect.objectContaining({ status: 'quarantine', onHand: 10, expiresOn: '2029-12-31' })]);
      const detail = await api<{ balances: { locationCode: string; qty: number }[] }>(`/api/lots/${found.lots[0]!.id}`, { token: admin });
      expect(detail.balances).toEqual([{ locationId: expect.any(String), locationCode: 'RCV-01', qty: 10 }]);
    }
    await context.close();
  });
});
