import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { textOf } from './support/text';

const env = e2eEnvironment();

async function call<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${env.server().url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('supervisor sync console', () => {
  it('shows an exception from two handhelds picking the same last units, live, and resolves it with a reason', async () => {
    const context = await env.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept('counted on the floor: 5 short'));
    await page.goto(env.server().url);
    await page.locator('input[name=username]').fill('supervisor');
    await page.locator('input[name=password]').fill(env.server().demoPassword);
    await page.locator('button[type=submit]').click();
    await page.getByTestId('nav-console').click();
    await expect.poll(() => textOf(page, 'exception-count'), { timeout: 20_000 }).toBe('0');
    // The same console holds production planning: the plant's number rules are listed.
    await expect.poll(() => textOf(page, 'number-rules'), { timeout: 20_000 }).toContain('P{YYMMDD}{SEQ:4}');

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
    await expect.poll(() => page.locator('[data-testid=exception-table] tbody tr').first().getAttribute('data-kind')).toBe('negative_stock');
    await page.screenshot({ path: '/tmp/lotline-sync-console.png' });
    await page.locator('[data-testid=exception-table] tbody tr').first().getByRole('button', { name: 'Adjust' }).click();
    await expect.poll(() => textOf(page, 'exception-count'), { timeout: 20_000 }).toBe('0');
    await context.close();
  });
});
