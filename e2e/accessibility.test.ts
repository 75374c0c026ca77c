import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, type AxeFinding } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { scanLikeAScanner } from './support/keys';
import { openDesktopHandheld, openHandheld, waitForLots } from './support/session';

/**
 * Every screen as its users see it, checked by axe-core (WCAG 2.1 AA rules) with no serious or
 * critical violation: handheld screens at 360x640, empty and after a scan, in both languages;
 * the handheld entry on a desktop at 1280x900. Each is also kept as a screenshot under test-results/screens for a
 * person to look at.
 */
const env = e2eEnvironment();
const SHOTS = join(process.cwd(), 'test-results', 'screens');



async function look(page: Page, name: string): Promise<AxeFinding[]> {
  // Let the scan's message and any transition settle before judging colours.
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  return seriousViolations(page);
}

/** A scan each screen acts on, so the state after a scan is judged too. */
const SCAN_FOR: Record<string, string> = {
  receive: 'RCV-01',
  move: 'A-01-01',
  pick: 'A-01-01',
  produce: 'A-01-01',
  ship: 'B-02-01',
  // An SSCC the server never packed: the screen asks for its packaging spec.
  pack: ']C100106141412345678908',
  count: 'A-01-01',
  lookup: ']d20106901234000115' + '10PP2410A',
};
const HANDHELD = ['home', 'receive', 'move', 'pick', 'produce', 'pack', 'ship', 'count', 'lookup', 'settings'];
// Console pages are checked, in both languages, by console-pages.test.ts; here the handheld entry on a desktop.
const DESKTOP = ['home', 'settings'];

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

describe.each(['en-US', 'zh-CN'])('handheld screens at 360x640 (%s)', (locale) => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openHandheld(env.browser(), env.server(), { device: `axe ${locale}`, username: 'clerk', context: { locale } }));
    await waitForLots(page, env.server());
  });
  afterAll(async () => {
    await page.context().close();
  });

  it.each(HANDHELD)('%s has no serious or critical violations, empty and after a scan', async (screen) => {
    await page.goto(`${env.server().url}/#/${screen}`);
    await page.locator('main.page').waitFor();
    const findings = { empty: await look(page, `handheld-${locale}-${screen}`), scanned: [] as AxeFinding[] };
    const scan = SCAN_FOR[screen];
    if (scan) {
      await scanLikeAScanner(page, scan);
      await page.getByTestId('scan-message').or(page.getByTestId('lookup-lot')).first().waitFor({ timeout: 10_000 });
      findings.scanned = await look(page, `handheld-${locale}-${screen}-scanned`);
    }
    expect(findings).toEqual({ empty: [], scanned: [] });
  });
});

describe('handheld entry on a desktop at 1280x900', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openDesktopHandheld(env.browser(), env.server(), 'supervisor'));
  });
  afterAll(async () => {
    await page.context().close();
  });

  it.each(DESKTOP)('%s has no serious or critical violations', async (screen) => {
    await page.goto(`${env.server().url}/#/${screen}`);
    await page.locator('main.page').waitFor();
    await page.waitForTimeout(700);
    expect(await look(page, `desktop-${screen}`)).toEqual([]);
  });
});
