import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole } from './support/session';

/**
 * A supervisor opens a number rule's history from the Number rules page: who added it, when and
 * why, at 1280x900, with axe finding nothing serious in the drawer.
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
});
