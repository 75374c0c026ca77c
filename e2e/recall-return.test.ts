import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { scanLikeAScanner, typeLikeAPerson } from './support/keys';
import { apiCall, apiToken, openConsole, openHandheld, waitForLots } from './support/session';
import { openRecallCase } from './support/recall';
import { textOf } from './support/text';

const env = e2eEnvironment();
const SHOTS = join(process.cwd(), 'test-results', 'screens');

// The demo's finished syringe lot, shipped to DIST-BJ; and an older syringe lot no recall covers.
const RECALLED_LABEL = ']d20106901234000016172912311' + '0S24110701';
const OTHER_LABEL = ']d20106901234000016' + '10S24030502';

interface Reconciliation {
  consignees: { code: string; returned: number }[];
  flaggedReturns: { lotNumber: string; customerCode: string; qty: number; flag: string }[];
}

let openCase: { id: string; number: string } | undefined;

describe('recall returns on the handheld', () => {
  it('a handheld acknowledges the hold, takes a recall return scanned and typed, flags a lot outside the scope, and the console shows which devices have the hold', async () => {
    const server = env.server();
    const qa = await apiToken(server, 'qa', server.demoPassword);
    const admin = await apiToken(server, 'admin', server.adminPassword);
    // A handheld in a drawer: enrolled, never synced.
    await apiCall(server, '/api/devices', { body: { name: 'Spare scanner' }, token: admin });

    const { context: handheld, page } = await openHandheld(env.browser(), server, { device: 'Returns dock scanner', username: 'clerk' });
    await waitForLots(page, server);

    const draft = await openRecallCase(server, qa);
    openCase = draft;
    const reconciliation = async () => (await apiCall<{ reconciliation: Reconciliation }>(server, `/api/recalls/${draft.id}/reconciliation`, { token: qa })).reconciliation;

    // Recall return mode: the case the handheld was told of, then the consignee sending units back.
    await page.getByTestId('nav-receive').click();
    await page.getByTestId('recall-return-mode').click();
    expect(await page.getByTestId('recall-return-mode').getAttribute('aria-pressed')).toBe('true');
    const caseSelect = page.locator('select[name=recallCase]');
    await expect.poll(() => caseSelect.locator('option').allTextContents(), { timeout: 10_000 }).toEqual(['Choose the recall case', `${draft.number} · Open`]);
    await caseSelect.selectOption({ label: `${draft.number} · Open` });
    await page.locator('select[name=consignee]').selectOption('DIST-BJ');

    // The online handheld pulls the hold and says so; the spare one cannot.
    const holdState = async (name: string) => (await apiCall<{ devices: { name: string; state: string }[] }>(server, `/api/recalls/${draft.id}/devices`, { token: qa })).devices.find((d) => d.name === name)?.state;
    await expect.poll(() => holdState('Returns dock scanner'), { timeout: 10_000 }).toBe('has_hold');
    expect(await holdState('Spare scanner')).toBe('not_synced');

    // Out of Wi-Fi coverage at the returns dock: the case and the holds are already on the device.
    await handheld.setOffline(true);
    await expect.poll(() => textOf(page, 'connection'), { timeout: 10_000 }).toBe('Offline');

    // A scanner burst reads the recalled lot's label; a person types the count key by key.
    await expect
      .poll(
        async () => {
          await scanLikeAScanner(page, RECALLED_LABEL);
          return textOf(page, 'return-verdict');
        },
        { timeout: 10_000 },
      )
      .toBe(`Lot S24110701 is in the scope of ${draft.number}: counted for it.`);
    await page.locator('input[name=qty]').click();
    await typeLikeAPerson(page, '12');
    expect(await page.locator('input[name=qty]').inputValue()).toBe('12');
    await page.getByTestId('save-return').click();
    await expect.poll(() => textOf(page, 'scan-message'), { timeout: 10_000 }).toBe('12 of lot S24110701 from DIST-BJ saved into QA-HOLD; it syncs when the network allows.');
    expect(await textOf(page, 'connection')).toBe('Offline');
    expect(await page.locator('[data-testid=return-count-DIST-BJ] td').allTextContents()).toEqual(['12', '0']);

    // Nothing reaches the server until the handheld is back in coverage; then it counts 12 back from the consignee, not 1.
    await page.waitForTimeout(500);
    expect((await reconciliation()).consignees.find((c) => c.code === 'DIST-BJ')?.returned).toBe(0);
    await handheld.setOffline(false);
    await expect.poll(async () => (await reconciliation()).consignees.find((c) => c.code === 'DIST-BJ')?.returned, { timeout: 15_000 }).toBe(12);

    // A lot the case does not cover is said so before anything is saved; kept as out of scope if saved.
    await scanLikeAScanner(page, OTHER_LABEL);
    const outside = `Lot S24030502 is NOT in the scope of ${draft.number}. It can be saved into quarantine as out of scope, flagged for the case owner.`;
    await expect.poll(() => textOf(page, 'return-verdict'), { timeout: 10_000 }).toBe(outside);
    expect(await textOf(page, 'scan-message')).toBe(`Lot S24030502: OUT OF SCOPE of ${draft.number}.`);
    expect(await page.getByTestId('return-verdict').getAttribute('class')).toContain('warning');
    mkdirSync(SHOTS, { recursive: true });
    await page.getByTestId('return-verdict').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SHOTS, 'handheld-recall-return.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Saving without a count is refused, and nothing is queued.
    await page.getByTestId('save-return').click();
    await expect.poll(() => textOf(page, 'scan-message'), { timeout: 10_000 }).toBe('Type how many units came back: a number above zero, at most three decimals.');
    expect(await page.locator('[data-testid=return-count-DIST-BJ] td').allTextContents()).toEqual(['12', '0']);
    await page.locator('input[name=qty]').click();
    await typeLikeAPerson(page, '2');
    await page.getByTestId('save-return').click();
    await expect.poll(() => textOf(page, 'scan-message'), { timeout: 10_000 }).toBe('2 of lot S24030502 from DIST-BJ saved into QA-HOLD as out of scope: the case owner sees it flagged.');
    // The count table reads the local store after the save's message; it may draw a moment later.
    await expect.poll(() => page.locator('[data-testid=return-count-DIST-BJ] td').allTextContents(), { timeout: 10_000 }).toEqual(['12', '2']);
    await expect.poll(async () => (await reconciliation()).flaggedReturns.map((f) => [f.lotNumber, f.customerCode, f.qty, f.flag]), { timeout: 15_000 }).toEqual([['S24030502', 'DIST-BJ', 2, 'lot_not_in_scope']]);
    expect((await reconciliation()).consignees.find((c) => c.code === 'DIST-BJ')?.returned).toBe(12);

    // The console: the handheld has the hold, the spare scanner has not synced since.
    const { context: desk, page: console } = await openConsole(env.browser(), server, 'qa');
    await console.getByTestId('nav-recall').click();
    await console.getByRole('button', { name: draft.number }).click();
    await console.getByRole('tab', { name: 'Devices' }).click();
    await expect.poll(() => textOf(console, 'recall-devices-summary'), { timeout: 10_000 }).toBe('With the hold: 1 handheld(s). Not yet: 1. Lots held: 1.');
    expect(await console.locator('[data-testid="recall-device-Returns dock scanner"] td').nth(1).textContent()).toBe('Has the hold');
    expect(await console.locator('[data-testid="recall-device-Spare scanner"] td').allTextContents()).toEqual(['Spare scanner', 'Not synced since the hold', '—', 'never']);
    await console.getByTestId('recall-devices').scrollIntoViewIfNeeded();
    await console.screenshot({ path: join(SHOTS, 'console-recall-devices.png'), fullPage: true });
    expect(await seriousViolations(console)).toEqual([]);
    await desk.close();
    await handheld.close();
  });

  it('says the same to a Chinese clerk, on a 360 px screen without sideways scrolling', async () => {
    const server = env.server();
    const { context, page } = await openHandheld(env.browser(), server, { device: 'TC21 zh returns', username: 'clerk', context: { locale: 'zh-CN' } });
    await page.getByTestId('nav-receive').click();
    await page.getByTestId('recall-return-mode').click();
    const caseSelect = page.locator('select[name=recallCase]');
    await expect.poll(() => caseSelect.locator('option').allTextContents(), { timeout: 15_000 }).toEqual(['选择召回案例', `${openCase!.number} · 已启动`]);
    await caseSelect.selectOption({ index: 1 });
    await page.locator('select[name=consignee]').selectOption('DIST-BJ');
    await expect
      .poll(
        async () => {
          await scanLikeAScanner(page, OTHER_LABEL);
          return textOf(page, 'return-verdict');
        },
        { timeout: 15_000 },
      )
      .toBe(`批次 S24030502 不在 ${openCase!.number} 的范围内。可作为范围外存入隔离区，并标记给案例负责人。`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByTestId('return-verdict').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SHOTS, 'handheld-recall-return-zh.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
