import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { openConsole } from './support/session';
import { textOf } from './support/text';

const env = e2eEnvironment();

async function call<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${env.server().url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('supervisor sync console', () => {
  it('shows an exception from two handhelds picking the same last units, live, and resolves it with a reason', async () => {
    const { context, page } = await openConsole(env.browser(), env.server(), 'supervisor');
    // The console holds production planning too: the plant's number rules are listed.
    await page.getByTestId('nav-number-rules').click();
    await expect.poll(() => textOf(page, 'number-rules'), { timeout: 20_000 }).toContain('P{YYMMDD}{SEQ:4}');
    await page.getByTestId('nav-exceptions').click();
    await expect.poll(() => textOf(page, 'exception-count'), { timeout: 20_000 }).toBe('0');

    // Two handhelds, each enrolled and signed in, both pick the last 300 of a lot (one is 5 more than there is).
    const admin = (await call<{ token: string }>('/api/auth/login', { username: 'admin', password: env.server().adminPassword })).token;
    const handhelds = [];
    for (const name of ['TC52 north', 'TC52 south']) {
      const enrolled = await call<{ device: { id: string }; token: string }>('/api/devices', { name }, { authorization: `Bearer ${admin}` });
      const login = await call<{ token: string; user: { id: string } }>('/api/auth/login', { username: 'picker', password: env.server().demoPassword }, { 'x-lotline-device': enrolled.token });
      handhelds.push({ id: enrolled.device.id, userId: login.user.id, headers: { authorization: `Bearer ${login.token}`, 'x-lotline-device': enrolled.token, 'x-lotline-sync-version': '1' } });
    }
    await Promise.all(
      handhelds.map((h, i) =>
        call('/api/sync/ops/push', [
          {
            assumedMasterState: null,
            newDocumentState: {
              id: randomUUID(),
              type: 'pick',
              deviceId: h.id,
              userId: h.userId,
              deviceTime: new Date().toISOString(),
              payload: { gtin: '06901234000016', lotNumber: 'S24030502', qty: i === 0 ? 300 : 5, fromLocationCode: 'B-02-01', toLocationCode: 'SHP-01' },
              status: 'queued',
              outcome: null,
              appliedAt: null,
              _deleted: false,
            },
          },
        ], h.headers),
      ),
    );

    // The console learns of it through the change stream, without a reload.
    await expect.poll(() => textOf(page, 'exception-count'), { timeout: 20_000 }).toBe('1');
    const row = page.locator('[data-testid=exception-table] tr[data-kind]').first();
    await expect.poll(() => row.getAttribute('data-kind')).toBe('negative_stock');
    await page.screenshot({ path: '/tmp/lotline-sync-console.png' });
    // Resolving asks for a reason first, and refuses to go on without one.
    await row.getByRole('button', { name: 'Adjust' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => modal.locator('.ant-form-item-explain-error').textContent()).toBe('Give a reason: it goes into the audit trail.');
    expect(await textOf(page, 'exception-count')).toBe('1');
    await modal.locator('textarea[name=reason]').fill('counted on the floor: 5 short');
    await modal.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => textOf(page, 'exception-count'), { timeout: 20_000 }).toBe('0');

    // Both pushes are on the sync console, one applied and one an exception.
    await page.getByTestId('nav-sync').click();
    await expect.poll(() => page.locator('[data-testid=ops-table] tr[data-status=exception]').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid=ops-table] tr[data-status=applied]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
