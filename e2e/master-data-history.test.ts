import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole } from './support/session';

/**
 * A supervisor opens a number rule's history from the Number rules page: who added it, when and
 * why, at 1280x900, with axe finding nothing serious in the drawer. A regulated change an ERP sends
 * waits on the QC page until QC signs it.
 */
const env = e2eEnvironment();
const SHOTS = join(tmpdir(), 'lotline-console-screens');

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

describe('master data history in the console', () => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it('lists a number rule’s versions with who, when and why in a drawer', async () => {
    const server = env.server();
    const admin = await apiToken(server, 'admin', server.adminPassword);
    await apiCall(server, '/api/number-rules', { body: { name: 'history-l7', kind: 'lot', pattern: 'L7{YY}{MM}{SEQ:4}', reset: 'month' }, token: admin });

    const { context, page } = await openConsole(env.browser(), server, 'supervisor', { page: 'number-rules' });
    close = () => context.close();
    const row = page.locator('[data-testid=number-rule-table] tr', { hasText: 'history-l7' });
    await row.getByRole('button', { name: 'History of history-l7' }).click();
    const drawer = page.getByTestId('master-data-history');
    await expect.poll(() => drawer.locator('tbody tr').count()).toBe(1);
    const first = drawer.locator('tbody tr').first();
    expect(await first.textContent()).toContain('number rule history-l7 created in the console');
    expect(await first.textContent()).toContain('admin');
    expect(await first.textContent()).toContain('regulated');
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'en-US-number-rule-history-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('holds an ERP’s change of shelf life until QC signs it on the QC page, refusing a wrong password first', async () => {
    const server = env.server();
    const admin = await apiToken(server, 'admin', server.adminPassword);
    const { secret } = await apiCall<{ secret: string }>(server, '/api/api-keys', { body: { integration: 'erp-md', scopes: ['items:write'] }, token: admin });
    const putItem = (body: unknown) => fetch(`${server.url}/api/integration/items/ERP-MD-1`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-api-key': secret }, body: JSON.stringify(body) });
    const item = { gtin: '09506000899992', sku: 'MD-1', name: 'Suction catheter', shelfLifeDays: 720 };
    expect((await putItem(item)).status).toBe(201);
    const held = await putItem({ ...item, shelfLifeDays: 1095 });
    expect(held.status).toBe(202);
    const { requestId, id } = (await held.json()) as { requestId: string; id: string };

    const { context, page } = await openConsole(env.browser(), server, 'qa', { page: 'qc' });
    const previous = close;
    close = async () => {
      await previous?.();
      await context.close();
    };
    const row = page.locator('[data-testid=master-data-change-requests] tr', { hasText: 'ERP-MD-1' });
    await row.waitFor();
    expect(await row.textContent()).toContain('shelf_life_days 720 → 1095');
    await page.screenshot({ path: join(SHOTS, 'en-US-qc-change-requests-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('button', { name: 'Approve the change to ERP-MD-1' }).click();
    const modal = page.getByTestId('change-request-approve');
    await modal.locator('textarea[name=reason]').fill('longer shelf life validated in study SL-1095');
    await modal.locator('input[name=password]').fill('not-the-password');
    await modal.getByRole('button', { name: 'Confirm' }).click();
    // The warning about regulated fields is an alert too: wait for the server's refusal itself.
    await expect.poll(() => modal.locator('.ant-alert-error').textContent()).toContain('The password does not match: the signature was not applied.');
    await page.screenshot({ path: join(SHOTS, 'en-US-qc-change-approve-refused-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await modal.locator('input[name=password]').fill(server.demoPassword);
    await modal.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('[data-testid=master-data-change-requests] tr', { hasText: 'ERP-MD-1' }).count()).toBe(0);
    const request = (await apiCall<{ requests: { id: string; status: string; signature: { username: string } | null }[] }>(server, '/api/master-data/change-requests?status=approved', { token: admin })).requests.find((r) => r.id === requestId);
    expect(request).toMatchObject({ status: 'approved', signature: { username: 'qa' } });
    const history = await apiCall<{ versions: { change: string; signature: unknown }[] }>(server, `/api/master-data/items/${id}/versions`, { token: admin });
    expect(history.versions.at(-1)).toMatchObject({ change: 'updated', signature: { signedBy: expect.any(String) } });
  });
});
