import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialJs } from '../bench/js-size';
import { pagesFor, type ConsolePage } from '../client/navigation/console-pages';
import { createPrinterEmulator, type PrinterEmulator } from '../printers/emulator';
import { PWA_OUT } from '../server/cli/pwa-build';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { typeLikeAPerson } from './support/keys';
import { settled } from './support/settle';
import { apiCall, apiToken, openConsole } from './support/session';

/**
 * Every console page on Ant Design, in both languages: Ant Design's own texts in the UI's
 * language, axe (WCAG 2.1 AA) with no serious or critical violation at 1280x900, and screenshots
 * at 1280x900 and 360x640 for a person to look at.
 */
const env = e2eEnvironment();
const SHOTS = join(tmpdir(), 'lotline-console-screens');
let printer: PrinterEmulator | undefined;

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => printer?.close());

/** Opens a page from the side menu and waits until its data has come (no spinner left). */
async function openPage(page: Page, name: string): Promise<void> {
  await page.getByTestId(`nav-${name}`).click();
  await page.waitForURL(new RegExp(`#/${name}$`));
  await page.locator('.console-content > *:not(.console-loading)').first().waitFor();
  await expect.poll(() => page.locator('.console-content .ant-spin-spinning, .console-content .ant-skeleton').count(), { timeout: 15_000 }).toBe(0);
  await settled(page);
}

// What Ant Design's zh_CN and en_US locales say on a paged table, and on an empty one.
const PAGE_SIZE_TEXT = { 'en-US': '20 / page', 'zh-CN': '20 条/页' } as const;
const EMPTY_TEXT = { 'en-US': 'No data', 'zh-CN': '暂无数据' } as const;

describe.each(['en-US', 'zh-CN'] as const)('console pages (%s)', (locale) => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openConsole(env.browser(), env.server(), 'supervisor', { context: { locale } }));
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('speaks the UI language in Ant Design’s own texts, and switches with it', async () => {
    const sizeChanger = page.locator('[data-testid=number-rule-table] .ant-pagination-options');
    await openPage(page, 'number-rules');
    await expect.poll(() => sizeChanger.textContent()).toContain(PAGE_SIZE_TEXT[locale]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale === 'en-US' ? 'en' : 'zh-CN');
    const other = locale === 'en-US' ? 'zh-CN' : 'en-US';
    await page.locator(`.ant-segmented [lang="${other === 'en-US' ? 'en' : 'zh-CN'}"]`).click();
    await expect.poll(() => sizeChanger.textContent()).toContain(PAGE_SIZE_TEXT[other]);
    await page.locator(`.ant-segmented [lang="${locale === 'en-US' ? 'en' : 'zh-CN'}"]`).click();
    await expect.poll(() => sizeChanger.textContent()).toContain(PAGE_SIZE_TEXT[locale]);
    // An empty table says so in Ant Design's words for the language (the exception queue starts empty).
    await openPage(page, 'exceptions');
    await expect.poll(() => page.locator('[data-testid=exception-table] .ant-empty-description').textContent()).toBe(EMPTY_TEXT[locale]);
  });

  it.each(pagesFor(['supervisor']))('%s: no serious or critical violations at 1280x900; screenshots at 1280x900 and 360x640', async (name) => {
    expect(await lookAt(page, locale, name)).toEqual({ findings: [], width: true });
  });
});

/** Axe at 1280x900 and whether anything leaves the page sideways there; screenshots at 1280x900 and 360x640. */
async function lookAt(page: Page, locale: string, name: ConsolePage) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPage(page, name);
  await page.screenshot({ path: join(SHOTS, `${locale}-${name}-1280.png`) });
  const findings = await seriousViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 360, height: 640 });
  await settled(page);
  await page.screenshot({ path: join(SHOTS, `${locale}-${name}-360.png`) });
  await page.setViewportSize({ width: 1280, height: 900 });
  return { findings, width: width <= 1280 };
}

// The pages only the admin sees (the supervisor above sees every other one).
const ADMIN_ONLY = pagesFor(['admin']).filter((p) => !pagesFor(['supervisor']).includes(p));

describe.each(['en-US', 'zh-CN'] as const)('admin pages (%s)', (locale) => {
  it.each(ADMIN_ONLY)('%s: no serious or critical violations at 1280x900; screenshots at 1280x900 and 360x640', async (name) => {
    const { context, page } = await openConsole(env.browser(), env.server(), 'admin', { context: { locale }, password: env.server().adminPassword });
    expect(await lookAt(page, locale, name)).toEqual({ findings: [], width: true });
    await context.close();
  });
});

describe('users', () => {
  it('creates a user with a role, refuses a bad name, changes the roles with a reason and disables the account, which then cannot sign in', async () => {
    const server = env.server();
    const { context, page } = await openConsole(env.browser(), server, 'admin', { page: 'users', password: server.adminPassword });
    const form = page.getByTestId('user-new');
    await form.locator('input[name=username]').click();
    await typeLikeAPerson(page, 'no spaces');
    await form.locator('input[name=displayName]').click();
    await typeLikeAPerson(page, 'Wang Fang');
    await form.locator('input[name=newPassword]').click();
    await typeLikeAPerson(page, 'Lot-line-2026');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').first().textContent()).toContain('2-40 lower-case letters');
    await form.locator('input[name=username]').fill('');
    await form.locator('input[name=username]').click();
    await typeLikeAPerson(page, 'wang.fang');
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = page.locator('[data-testid=user-table] tr[data-user="wang.fang"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Operator');

    // Granting QC (a signing role) asks why; the audit keeps the reason.
    await row.getByTestId('user-roles').click();
    const modal = page.getByTestId('roles-modal');
    await modal.getByTestId('roles-select').click();
    await page.locator('.ant-select-item-option', { hasText: 'Quality' }).click();
    await page.keyboard.press('Escape');
    await modal.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => modal.locator('.ant-form-item-explain-error').first().textContent()).toContain('Give a reason');
    await modal.locator('textarea[name=reason]').click();
    // A reason is free text: the form's typed checks are exercised at a person's pace above.
    await page.keyboard.type('Joins incoming inspection');
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'en-US-users-roles-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await modal.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => row.textContent()).toContain('Quality');
    const qa = await apiToken(server, 'qa', server.demoPassword);
    const audit = await apiCall<{ rows: { reason: string | null }[] }>(server, '/api/audit?limit=50', { token: qa });
    expect(audit.rows.some((e) => e.reason === 'Joins incoming inspection')).toBe(true);

    await row.getByTestId('user-disable').click();
    const reason = page.getByTestId('reason-modal');
    await reason.locator('textarea[name=reason]').click();
    await page.keyboard.type('Left the plant');
    await reason.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => row.getAttribute('data-active')).toBe('false');
    const refused = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wang.fang', password: 'Lot-line-2026' }) });
    expect(refused.status).toBe(403);
    await context.close();
  });
});

describe('live alerts', () => {
  it('raises a printer out of paper as a notification on a page that is not the printers page', async () => {
    const server = env.server();
    printer = await createPrinterEmulator({ port: 0 });
    const labels = await apiToken(server, 'labels', server.demoPassword);
    await apiCall(server, '/api/printers', { body: { name: 'E2E alert ZT410', host: printer.host, port: printer.port, dpi: 203, alertAfterSeconds: 1 }, token: labels });
    const { context, page } = await openConsole(env.browser(), server, 'qa', { page: 'trace' });
    // The console's own requests still under way, but for its event stream, which never ends.
    const underWay = new Set<Request>();
    page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/api/') && !r.url().includes('/api/events/stream') && underWay.add(r)));
    page.on('requestfinished', (r) => void underWay.delete(r));
    page.on('requestfailed', (r) => void underWay.delete(r));
    await printer.setState({ paperOut: true });
    const alert = page.getByTestId('live-alert-printer');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('E2E alert ZT410: Paper out');
    expect(page.url()).toMatch(/#\/trace$/);
    // Announced once: it does not pile up while the printer stays out of paper, through the console's next look at the printers.
    await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/printers', { timeout: 15_000 });
    await expect.poll(() => underWay.size).toBe(0);
    await settled(page);
    expect(await alert.count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'live-alert-printer.png') });
    // Its button opens the printers page.
    await alert.getByRole('button', { name: 'Open' }).click();
    await page.waitForURL(/#\/labels$/);
    await context.close();
  });
});

/** The source files bundled into the chunks an HTML entry loads before anything else, from their source maps. */
function initialSources(entry: string): string[] {
  const chunks = initialJs(readFileSync(join(PWA_OUT, entry), 'utf8'));
  expect(chunks.length).toBeGreaterThan(0);
  // The bundler's own runtime chunk is written by it, from no source file, and has no map.
  return chunks.filter((src) => !/(^|\/)rolldown-runtime-[\w-]+\.js$/.test(src)).flatMap((src) => (JSON.parse(readFileSync(join(PWA_OUT, `${src}.map`), 'utf8')) as { sources: string[] }).sources);
}

const HEAVY_FOR_A_HANDHELD = /node_modules\/(antd|@ant-design|echarts|zrender)\/|client\/console\//;

describe('the handheld entry', () => {
  it('starts from built chunks that hold no Ant Design, ECharts or console code', () => {
    expect(initialSources('index.html').filter((source) => HEAVY_FOR_A_HANDHELD.test(source))).toEqual([]);
    // The console's own first chunks hold them, so the check above can fail.
    const consoleSources = initialSources('console.html');
    expect(consoleSources.some((source) => source.includes('node_modules/antd/'))).toBe(true);
    expect(consoleSources.some((source) => source.includes('client/console/'))).toBe(true);
  });

  it('loads neither Ant Design nor the console’s code', async () => {
    const context = await env.browser().newContext({ viewport: { width: 360, height: 640 }, locale: 'en-US' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.url());
    });
    await page.goto(env.server().url);
    await page.locator('input[name=username]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) {
      const code = await (await page.request.get(url)).text();
      // Ant Design's CSS-in-JS marks its style tags with these; the console's frame has its own class.
      expect({ url, antd: code.includes('data-token-hash') || code.includes('data-css-hash'), console: code.includes('console-layout') }).toEqual({ url, antd: false, console: false });
    }
    // The console's chunks hold both, so the check above can fail.
    const consoleScripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') consoleScripts.push(response.url());
    });
    await page.goto(`${env.server().url}/console`);
    await page.locator('input[name=username]').waitFor();
    const codes = await Promise.all(consoleScripts.map(async (url) => (await page.request.get(url)).text()));
    expect(codes.some((code) => code.includes('data-token-hash'))).toBe(true);
    expect(codes.some((code) => code.includes('console-layout'))).toBe(true);
    await context.close();
  });
});
