import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { apiCall, apiToken, openConsole } from './support/session';
import { handheldOf, pushOp, type Handheld } from './support/stock-ops';

/**
 * The console's stock dashboard and KPI page in a real browser against a real server: the
 * figures shown are the API's, a figure opens exactly its rows and exports them, a stock op
 * booked by a handheld moves the figures within 2 s, thresholds that overlap are refused where
 * they are typed; in English and Chinese, with axe and screenshots at 1280x900 and 360x640.
 */
const env = e2eEnvironment();
const SHOTS = join(process.cwd(), 'test-results', 'screens');
const SYRINGE = '06901234000016';

interface Amount {
  qty: string;
  value: string | null;
  rows: number;
}
interface Dashboard {
  asOf: string;
  onHand: Amount;
  byWarehouse: (Amount & { warehouse: string; status: string })[];
  expiry: (Amount & { key: string })[];
  ageing: (Amount & { key: string })[];
  nearExpiry: Amount;
  deadStock: Amount;
  longHolds: Amount;
  negative: { qty: string; rows: number };
  settings: { version: number };
}
interface Kpi {
  id: string;
  value: number | null;
  label: { en: string; 'zh-CN': string };
}

let supervisor: string;
let clerk: Handheld;
const dashboard = async () => (await apiCall<{ dashboard: Dashboard }>(env.server(), '/api/dashboard/stock?site=MAIN', { token: supervisor })).dashboard;
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  supervisor = await apiToken(env.server(), 'supervisor', env.server().demoPassword);
  clerk = await handheldOf(env.server(), 'TC52 dashboard', 'clerk');
  // Seeded through a handheld's op: a new lot expiring in 20 days, on the receiving dock.
  expect(await pushOp(env.server(), clerk, 'receive', { gtin: SYRINGE, lotNumber: 'DASH-E2E-1', qty: 40, locationCode: 'RCV-01', expiresOn: dayFromToday(20) })).toEqual([]);
});

/** Every figure the page shows, by test id, as its exact text. */
async function shownFigures(page: Page, d: Dashboard): Promise<Record<string, [string | null, string | null]>> {
  const read = async (id: string) => {
    const el = page.getByTestId(id);
    return [await el.getAttribute('data-qty'), await el.getAttribute('data-rows')] as [string | null, string | null];
  };
  const shown: Record<string, [string | null, string | null]> = {};
  for (const id of ['figure-on-hand', 'figure-near-expiry', 'figure-dead-stock', 'figure-long-holds', 'figure-negative']) shown[id] = await read(id);
  for (const b of d.expiry) shown[`expiry-${b.key}`] = await read(`expiry-${b.key}`);
  for (const b of d.ageing) shown[`ageing-${b.key}`] = await read(`ageing-${b.key}`);
  for (const p of d.byWarehouse) shown[`place-${p.warehouse}-${p.status}`] = await read(`place-${p.warehouse}-${p.status}`);
  return shown;
}

function expectedFigures(d: Dashboard): Record<string, [string | null, string | null]> {
  const f = (a: { qty: string; rows: number }): [string, string] => [a.qty, String(a.rows)];
  const expected: Record<string, [string | null, string | null]> = {
    'figure-on-hand': f(d.onHand),
    'figure-near-expiry': f(d.nearExpiry),
    'figure-dead-stock': f(d.deadStock),
    'figure-long-holds': f(d.longHolds),
    'figure-negative': f(d.negative),
  };
  for (const b of d.expiry) expected[`expiry-${b.key}`] = f(b);
  for (const b of d.ageing) expected[`ageing-${b.key}`] = f(b);
  for (const p of d.byWarehouse) expected[`place-${p.warehouse}-${p.status}`] = f(p);
  return expected;
}

async function screenshots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 640 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(SHOTS, `${name}-360.png`) });
  await page.screenshot({ path: join(SHOTS, `${name}-360-full.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(300);
}

describe('the stock dashboard', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openConsole(env.browser(), env.server(), 'supervisor', { page: 'dashboard' }));
    await page.getByTestId('figure-on-hand').waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('shows the figures the API gives, each of them', async () => {
    const d = await dashboard();
    expect(d.onHand.rows).toBeGreaterThan(0);
    expect(d.negative.rows).toBe(0);
    await expect.poll(async () => shownFigures(page, d)).toEqual(expectedFigures(d));
    expect(await page.getByTestId('dashboard-as-of').textContent()).toMatch(/^As of .+\(plant day \d{4}-\d{2}-\d{2}\)/);
    // Nothing leaves the page sideways at 1280 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'console-dashboard-en');
  });

  it('opens a figure onto exactly its rows and exports them as CSV', async () => {
    const d = await dashboard();
    const bucket = d.expiry.find((b) => b.key === '0-30')!;
    expect(bucket.rows).toBeGreaterThanOrEqual(2);
    await page.getByTestId('expiry-0-30').click();
    const drawer = page.locator('.console-drill .ant-drawer-section');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('drill-count').getAttribute('data-rows')).toBe(String(bucket.rows));
    expect(await drawer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(bucket.rows);
    expect(await drawer.getByTestId('drill-changed').count()).toBe(0);
    const api = await apiCall<{ rows: { lotNumber: string }[] }>(env.server(), '/api/dashboard/stock/rows?site=MAIN&figure=expiry&bucket=0-30', { token: supervisor });
    expect(api.rows.length).toBe(bucket.rows);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'console-dashboard-drill-en-1280.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('export-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('warehouse,location,gtin,sku,item,lot,status,expires_on,received_or_produced_on,last_moved_on,status_since,qty,standard_cost,value');
    expect(lines.length - 1).toBe(bucket.rows);
    expect(lines.map((l) => l.split(',')[5]).slice(1).sort()).toEqual(api.rows.map((r) => r.lotNumber).sort());
    expect(download.suggestedFilename()).toMatch(/^stock-MAIN-expiry-0-30-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect.poll(() => drawer.getByTestId('export-outcome').textContent()).toContain('Saved stock-MAIN-expiry');
    await page.locator('.console-drill .ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('moves with a stock op booked on a handheld within 2 s', async () => {
    const before = await dashboard();
    await expect.poll(() => page.getByTestId('figure-on-hand').getAttribute('data-qty')).toBe(before.onHand.qty);
    const asOf = await page.getByTestId('dashboard-as-of').getAttribute('data-as-of');
    expect(await pushOp(env.server(), clerk, 'receive', { gtin: SYRINGE, lotNumber: 'DASH-E2E-1', qty: 7, locationCode: 'RCV-01', expiresOn: dayFromToday(20) })).toEqual([]);
    const booked = Date.now();
    await expect.poll(async () => Number(await page.getByTestId('figure-on-hand').getAttribute('data-qty')), { timeout: 2000, interval: 50 }).toBe(Number(before.onHand.qty) + 7);
    expect(Date.now() - booked).toBeLessThan(2000);
    const after = await dashboard();
    expect(await page.getByTestId('figure-on-hand').getAttribute('data-qty')).toBe(after.onHand.qty);
    expect(await page.getByTestId('dashboard-as-of').getAttribute('data-as-of')).not.toBe(asOf);
    await expect.poll(async () => shownFigures(page, after)).toEqual(expectedFigures(await dashboard()));
  });

  it('shows the new rows, and says so, when the stock moved between the click and the rows', async () => {
    const figure = (await dashboard()).expiry.find((b) => b.key === '0-30')!;
    await expect.poll(() => page.getByTestId('expiry-0-30').getAttribute('data-rows')).toBe(String(figure.rows));
    // The rows request is held at the browser until a new lot has been received into the bucket.
    let held = false;
    await page.route('**/api/dashboard/stock/rows?*', async (route) => {
      if (!held) {
        held = true;
        expect(await pushOp(env.server(), clerk, 'receive', { gtin: SYRINGE, lotNumber: 'DASH-E2E-2', qty: 3, locationCode: 'RCV-01', expiresOn: dayFromToday(10) })).toEqual([]);
      }
      await route.continue();
    });
    await page.getByTestId('expiry-0-30').click();
    const drawer = page.locator('.console-drill .ant-drawer-section');
    await expect.poll(() => drawer.getByTestId('drill-count').getAttribute('data-rows')).toBe(String(figure.rows + 1));
    expect(await drawer.getByTestId('drill-changed').textContent()).toBe(`The stock changed since the figure was read: it counted ${figure.rows} rows, these are the ${figure.rows + 1} rows there are now.`);
    expect(await drawer.locator('.ant-table-tbody').textContent()).toContain('DASH-E2E-2');
    await page.unroute('**/api/dashboard/stock/rows?*');
    await page.locator('.console-drill .ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('refuses overlapping thresholds where they are typed, and saves nothing', async () => {
    await page.getByTestId('open-settings').click();
    const form = page.getByTestId('settings-form');
    await form.waitFor();
    // Band 2 of the expiry buckets starts inside band 1 (0-30).
    const from = page.getByTestId('bands-expiryBands').locator('input').nth(2);
    await from.click();
    await from.press('ControlOrMeta+a');
    await from.pressSequentially('25', { delay: 80 });
    await page.getByTestId('settings-save').click();
    const refused = page.getByTestId('settings-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Expiry buckets (days left) 2: overlaps the band before it');
    expect(await page.getByTestId('bands-expiryBands').locator('.ant-form-item-explain-error').first().textContent()).toContain('overlaps the band before it');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'console-dashboard-settings-refused-en-1280.png') });
    expect((await dashboard()).settings.version).toBe(0);
    await page.locator('.console-dashboard-settings .ant-drawer-close').click();
    await form.waitFor({ state: 'hidden' });
  });

  it('reads in Chinese with the same figures', async () => {
    await page.locator('.ant-segmented [lang="zh-CN"]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('库存看板');
    const d = await dashboard();
    await expect.poll(async () => shownFigures(page, d)).toEqual(expectedFigures(d));
    expect(await page.getByTestId('dashboard-as-of').textContent()).toMatch(/^数据截至/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'console-dashboard-zh-CN');
    await page.locator('.ant-segmented [lang="en"]').click();
  });
});

describe('the KPI page', () => {
  it.each(['en', 'zh-CN'] as const)('shows every KPI of the API with its label and figure (%s)', async (language) => {
    const { context, page } = await openConsole(env.browser(), env.server(), 'supervisor', { page: 'kpis', context: { locale: language === 'en' ? 'en-US' : 'zh-CN' } });
    await page.locator('.kpi-card').first().waitFor({ timeout: 20_000 });
    const { kpis } = await apiCall<{ kpis: Kpi[] }>(env.server(), '/api/kpis', { token: supervisor });
    expect(await page.locator('.kpi-card').count()).toBe(kpis.length);
    for (const kpi of kpis) {
      const card = page.getByTestId(`kpi-${kpi.id}`);
      expect({ id: kpi.id, value: await card.getAttribute('data-value'), title: await card.locator('.kpi-title').textContent() }).toEqual({ id: kpi.id, value: kpi.value === null ? '' : String(kpi.value), title: kpi.label[language] });
    }
    // A KPI with nothing to stand on says so rather than showing a zero.
    const none = kpis.find((k) => k.value === null);
    if (none) expect(await page.getByTestId(`kpi-${none.id}-none`).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, `console-kpis-${language}`);
    await context.close();
  });
});
