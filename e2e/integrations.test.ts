import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { typeLikeAPerson } from './support/keys';
import { openConsole } from './support/session';

/** The admin issues an ERP key in the console, the ERP writes with it, the admin rotates and revokes it. */
const env = e2eEnvironment();
const SHOTS = join(tmpdir(), 'lotline-console-screens');

async function putItem(url: string, key: string, externalId: string): Promise<number> {
  const res = await fetch(`${url}/api/integration/items/${externalId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ gtin: '09506000134376', sku: 'E2E-ERP-1', name: 'Infusion set' }),
  });
  return res.status;
}

describe('integrations page', () => {
  it('shows a new key once, which then writes; rotating without grace ends the old key, revoking ends the new', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const server = env.server();
    const { context, page } = await openConsole(env.browser(), server, 'admin', { page: 'integrations', password: server.adminPassword, context: { viewport: { width: 1280, height: 900 }, locale: 'en-US' } });
    // The plant's EPCIS identifiers: a GLN with a wrong check digit is refused where it is typed.
    const epcis = page.getByTestId('epcis-settings');
    await epcis.locator('input[name=plantGln]').click();
    await typeLikeAPerson(page, '6901234000008');
    await epcis.getByRole('button', { name: 'Save' }).click();
    await epcis.getByText('A GLN is 13 digits with a correct check digit').waitFor();
    await epcis.locator('input[name=plantGln]').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await typeLikeAPerson(page, '9');
    await epcis.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('epcis-settings-saved').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'en-US-integrations-epcis-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByTestId('epcis-settings').locator('input[name=plantGln]').inputValue()).toBe('6901234000009');

    const form = page.getByTestId('api-key-new');
    await form.locator('input[name=integration]').click();
    await typeLikeAPerson(page, 'sap-erp');
    await form.getByTestId('api-key-scopes').click();
    await page.locator('.ant-select-item-option', { hasText: 'Items' }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Create key' }).click();

    const secretModal = page.getByTestId('api-key-secret');
    const secretText = secretModal.getByTestId('api-key-secret-text');
    await secretText.waitFor();
    const secret = (await secretText.textContent())!.trim().match(/lk_[A-Za-z0-9_-]{43}/)![0];
    // The dialog's opening animation over, so the picture and axe see it as a person does.
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'en-US-integrations-secret-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await secretModal.getByRole('button', { name: 'Confirm' }).click();

    const row = page.locator(`[data-testid=api-key-table] tr[data-integration="sap-erp"][data-prefix="${secret.slice(0, 10)}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Items');
    // Once the dialog is closed, the secret is nowhere in the page.
    await expect.poll(async () => (await page.content()).includes(secret)).toBe(false);
    expect(await putItem(server.url, secret, 'E2E-1')).toBe(201);

    await row.getByTestId('api-key-rotate').click();
    const rotate = page.getByTestId('rotate-modal');
    await rotate.getByText('No time: it ends now').click();
    await rotate.getByRole('button', { name: 'Rotate' }).click();
    await secretText.waitFor();
    const next = (await secretText.textContent())!.trim().match(/lk_[A-Za-z0-9_-]{43}/)![0];
    expect(next).not.toBe(secret);
    await secretModal.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('revoked');
    expect(await putItem(server.url, secret, 'E2E-1')).toBe(401);
    expect(await putItem(server.url, next, 'E2E-1')).toBe(200);

    const nextRow = page.locator(`[data-testid=api-key-table] tr[data-prefix="${next.slice(0, 10)}"]`);
    await nextRow.getByTestId('api-key-revoke').click();
    const reason = page.getByTestId('reason-modal');
    await reason.locator('textarea[name=reason]').click();
    await typeLikeAPerson(page, 'ERP moved to a new host');
    await reason.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => nextRow.getAttribute('data-state')).toBe('revoked');
    expect(await putItem(server.url, next, 'E2E-1')).toBe(401);

    // A distributor's key, bound to its GLN: it reads only the EPCIS events shipped to it.
    await form.locator('input[name=integration]').click();
    await typeLikeAPerson(page, 'dist-bj');
    await form.getByTestId('api-key-scopes').click();
    await page.locator('.ant-select-item-option', { hasText: 'EPCIS events (read)' }).click();
    await page.keyboard.press('Escape');
    await form.locator('input[name=partnerGln]').click();
    await typeLikeAPerson(page, '6905555000014');
    await form.getByRole('button', { name: 'Create key' }).click();
    await secretText.waitFor();
    const partnerKey = (await secretText.textContent())!.trim().match(/lk_[A-Za-z0-9_-]{43}/)![0];
    await secretModal.getByRole('button', { name: 'Confirm' }).click();
    const partnerRow = page.locator(`[data-testid=api-key-table] tr[data-prefix="${partnerKey.slice(0, 10)}"]`);
    await partnerRow.waitFor();
    expect(await partnerRow.textContent()).toContain('6905555000014');
    const events = await fetch(`${server.url}/epcis/events?perPage=5`, { headers: { 'x-api-key': partnerKey } });
    expect(events.status).toBe(200);
    await reason.waitFor({ state: 'hidden' });
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'en-US-integrations-keys-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
