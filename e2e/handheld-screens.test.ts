import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole, openHandheld, waitForLots } from './support/session';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();

const VIEWPORT_HEIGHT = 640;
const label = (gtin: string, lot: string) => `]d201${gtin}17291231` + `10${lot}`;
const PLUNGER = '06901234000122';
const BARREL = '06901234000115';
const SYRINGE = '06901234000016';

/**
 * WCAG contrast of each element's text against the first opaque background behind it, as the browser computed them.
 * (axe-core does this more thoroughly; this keeps the check inside the suite for the elements a test names.)
 */
async function contrasts(page: Page, selector: string): Promise<{ text: string; ratio: number }[]> {
  return page.evaluate((sel) => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    return [...document.querySelectorAll(sel)].map((el) => {
      const fg = luminance(rgb(getComputedStyle(el).color).slice(0, 3));
      const bg = luminance(background(el));
      return { text: (el.textContent ?? '').trim().slice(0, 40), ratio: Math.round(((Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)) * 100) / 100 };
    });
  }, selector);
}

/** The element is on screen, top and bottom, without scrolling. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT_HEIGHT;
}

async function scanUntil(page: Page, data: string, testId: string, expected: string): Promise<void> {
  // Until the first pull has brought the locations, a location scan is refused; the clerk scans again.
  await expect
    .poll(async () => {
      await wedgeScan(page, data);
      return textOf(page, testId);
    }, { timeout: 30_000, interval: 500 })
    .toBe(expected);
}

async function countOps(page: Page): Promise<number> {
  return page.locator('[data-testid=op-list] li').count();
}

describe('handheld screens at 360x640', () => {
  it('draws the Count screen readable: not a red pill, every text at contrast 4.5 or more', async () => {
    const { context, page } = await openHandheld(env.browser(), env.server(), { device: 'TC52 colours', username: 'clerk' });
    await page.getByTestId('nav-count').click();
    await scanUntil(page, 'A-01-02', 'scan-message', 'Location A-01-02');
    await wedgeScan(page, label(PLUNGER, 'RB2409C'));
    await expect.poll(() => page.locator('[data-testid=count-screen] li input').count()).toBe(1);
    const screen = await page.getByTestId('count-screen').evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, radius: getComputedStyle(el).borderTopLeftRadius }));
    expect(screen.background).not.toBe('rgb(185, 28, 28)');
    expect(screen.radius).toBe('0px');
    const texts = await contrasts(page, '[data-testid=count-screen] :is(h2, strong, .field-label, .hint, input, button, .scan-message)');
    expect(texts.length).toBeGreaterThan(5);
    for (const t of texts) expect(t.ratio, t.text).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  it('keeps the count blind: after a sync that brought the balances and a count with a variance, no expected quantity shows', async () => {
    const { context, page } = await openHandheld(env.browser(), env.server(), { device: 'TC52 blind', username: 'clerk' });
    await waitForLots(page, env.server());
    await page.getByTestId('nav-count').click();
    await scanUntil(page, 'A-01-02', 'scan-message', 'Location A-01-02');
    await wedgeScan(page, label(PLUNGER, 'RB2409C'));
    await page.locator('[data-testid=count-screen] li input').fill('14990');
    await page.getByRole('button', { name: 'Submit count' }).click();
    // The server books the count and sends its variances back: 14990 against 15000, and M2405K not found.
    await expect.poll(() => page.locator('[data-testid=op-list] li').first().getAttribute('data-status'), { timeout: 30_000 }).toBe('exception');

    // The next count of the same location starts.
    await wedgeScan(page, 'A-01-02');
    await expect.poll(() => textOf(page, 'scan-message')).toBe('Location A-01-02');
    const shown = (await page.getByTestId('count-screen').textContent()) ?? '';
    expect(shown).not.toMatch(/15000|5000|expected/);
    expect(shown).toContain('Variance sent to a supervisor');
    await context.close();
  });

  it('asks before a location with nothing scanned is counted as zero, and cancelling books nothing', async () => {
    const { context, page } = await openHandheld(env.browser(), env.server(), { device: 'TC52 empty count', username: 'clerk' });
    await page.getByTestId('nav-count').click();
    await scanUntil(page, 'B-02-01', 'count-location', 'B-02-01');
    await page.locator('.action-bar button.primary').click();
    await expect.poll(() => textOf(page, 'scan-message')).toBe('Nothing scanned on B-02-01: submitting books every lot there as zero. Submit anyway?');
    await page.getByTestId('count-cancel-empty').click();
    await page.waitForTimeout(500);
    expect(await countOps(page)).toBe(0);
    expect(await textOf(page, 'pending-count')).toBe('0');

    await page.locator('.action-bar button.primary').click();
    await page.getByTestId('count-confirm-empty').click();
    await expect.poll(() => countOps(page)).toBe(1);
    await expect.poll(() => textOf(page, 'scan-message')).toBe('Count of B-02-01 saved; any variance goes to a supervisor.');
    await context.close();
  });

  it('keeps the save button and the latest scan message on screen on Receive, Move, Ship, Count and Produce after several scans', async () => {
    const { context, page } = await openHandheld(env.browser(), env.server(), { device: 'TC52 fold', username: 'clerk' });
    await waitForLots(page, env.server());
    const screens: { name: string; scans: string[] }[] = [
      { name: 'receive', scans: ['RCV-01', label(SYRINGE, 'FOLD-1'), label(SYRINGE, 'FOLD-2'), 'RCV-01', label(SYRINGE, 'FOLD-3')] },
      { name: 'move', scans: ['A-01-01', label(BARREL, 'PP2410A'), 'B-02-01', label(BARREL, 'PP2410A'), 'B-02-01'] },
      { name: 'pick', scans: ['B-02-01', label(SYRINGE, 'S24110701'), 'B-02-01'] },
      { name: 'ship', scans: ['B-02-01', label(SYRINGE, 'S24110701'), 'B-02-01', label(SYRINGE, 'S24110701')] },
      { name: 'count', scans: ['A-01-01', label(BARREL, 'PP2410A'), label(PLUNGER, 'RB2409C'), label(BARREL, 'PP2411B'), label(SYRINGE, 'S24110701')] },
      { name: 'produce', scans: ['WO-FOLD-1', 'A-01-01', label(BARREL, 'PP2410A'), label(PLUNGER, 'RB2409C'), label(BARREL, 'PP2410A')] },
    ];
    for (const { name, scans } of screens) {
      await page.getByTestId(`nav-${name}`).click();
      await page.getByTestId(`${name}-screen`).waitFor();
      for (const scan of scans) {
        await wedgeScan(page, scan);
        await page.waitForTimeout(150);
      }
      await expect.poll(() => textOf(page, 'scan-message')).not.toBeNull();
      expect(await inViewport(page, `[data-testid=${name}-screen] .action-bar button:is(.primary, [type=submit])`), `${name}: save button`).toBe(true);
      expect(await inViewport(page, '[data-testid=scan-message]'), `${name}: scan message`).toBe(true);
      // Still there after scrolling to the end of a long form and op list.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      expect(await inViewport(page, `[data-testid=${name}-screen] .action-bar button:is(.primary, [type=submit])`), `${name}: save button, scrolled`).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    await context.close();
  });

  it('reaches every screen with one tap, without scrolling the page', async () => {
    const { context, page } = await openHandheld(env.browser(), env.server(), { device: 'TC52 navigation', username: 'clerk' });
    await page.goto(`${env.server().url}/#/receive`);
    await page.getByTestId('receive-screen').waitFor();
    const strip = await page.locator('nav .nav-items').boundingBox();
    expect(strip!.y + strip!.height).toBeLessThanOrEqual(VIEWPORT_HEIGHT);
    for (const name of ['move', 'count', 'settings', 'home', 'receive']) {
      await page.getByTestId(`nav-${name}`).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/${name}`);
      expect(await page.evaluate(() => window.scrollY), name).toBe(0);
    }
    await page.getByTestId('nav-move').click();
    // Where the stock comes from on a move is "move from", not the pick screen's "pick from".
    await expect.poll(() => page.locator('[data-testid=move-screen] .field-label').first().textContent()).toBe('Move from');
    await context.close();
  });

  it('looks a lot up by a typed lot number', async () => {
    const { context, page } = await openHandheld(env.browser(), env.server(), { device: 'TC52 lookup', username: 'clerk' });
    await waitForLots(page, env.server());
    await page.getByTestId('nav-lookup').click();
    await page.getByRole('textbox', { name: 'Lot number' }).fill('rb2409c');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => textOf(page, 'lookup-lot')).toBe('RB2409C');
    await expect.poll(() => textOf(page, 'lookup-where')).toBe('A-01-02: 15000');
    await page.getByRole('textbox', { name: 'Lot number' }).fill('NO-SUCH-LOT');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.locator('[data-testid=lookup-screen] [role=alert]').textContent()).toContain('NO-SUCH-LOT');
    await context.close();
  });

  it('shows a revoked handheld one state, not Online and Offline at once', async () => {
    const { context, page } = await openHandheld(env.browser(), env.server(), { device: 'TC52 revoked', username: 'clerk' });
    await expect.poll(() => textOf(page, 'connection'), { timeout: 30_000 }).toBe('Online');
    const admin = await apiToken(env.server(), 'admin', env.server().adminPassword);
    const { devices } = await apiCall<{ devices: { id: string; name: string }[] }>(env.server(), '/api/devices', { token: admin });
    const device = devices.find((d) => d.name === 'TC52 revoked')!;
    await apiCall(env.server(), `/api/devices/${device.id}/revoke`, { body: { reason: 'lost on the dock' }, token: admin });
    // The next sync is refused (the network coming back makes the device sync at once).
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => textOf(page, 'connection'), { timeout: 20_000 }).toBe('Sync stopped');
    await expect.poll(() => textOf(page, 'sync-blocked')).toBe('This device has been revoked. Ask a supervisor to enrol it again.');
    const everything = (await page.locator('body').textContent()) ?? '';
    expect(everything).not.toMatch(/Online|Offline/);
    await context.close();
  });
});

describe('console pages at 1280x900', () => {
  it('fits every table on the page at 1280 px on QC release, exceptions and devices', async () => {
    const { context, page } = await openConsole(env.browser(), env.server(), 'supervisor');
    for (const [name, rows] of [
      ['qc', '[data-testid=qc-queue] tbody tr'],
      ['exceptions', '[data-testid=exception-table] tr[data-kind]'],
      ['devices', '[data-testid=device-table] tr[data-row-key]'],
    ] as const) {
      await page.getByTestId(`nav-${name}`).click();
      // The blind count above left count variances in the queue.
      await expect.poll(() => page.locator(rows).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      // Nothing leaves the page sideways, and no table needs its own sideways scroll at this width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll('main table, .console-content table')]
          .map((t) => ({ table: t.closest('[data-testid]')?.getAttribute('data-testid'), over: Math.round(t.getBoundingClientRect().right - t.parentElement!.getBoundingClientRect().right) }))
          .filter((t) => t.over > 1),
      );
      expect(cut, name).toEqual([]);
      // A cell drawn as a flex box leaves its row: its borders and buttons stop lining up with the rest.
      const outOfRow = await page.evaluate(() => [...document.querySelectorAll('.console-content table td')].filter((td) => getComputedStyle(td).display !== 'table-cell').map((td) => td.className || td.tagName));
      expect(outOfRow, name).toEqual([]);
    }
    await context.close();
  });
});
