import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { openConsole } from './support/session';
import { textOf } from './support/text';

/**
 * A Chinese plant's screens speak Chinese all the way down: item names from the master data,
 * and <html lang> following the language the UI speaks (English users get lang="en").
 */
const env = e2eEnvironment();

describe('the console in the user’s language', () => {
  it('shows Chinese item names on Chinese screens and English ones on English screens, with <html lang> to match', async () => {
    const { context, page } = await openConsole(env.browser(), env.server(), 'qa');
    try {
      // An English browser loads the app with lang="en", not the page's static zh-CN.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      // The same signed-in console, switched to Chinese and back with the language buttons.
      await page.goto(`${env.server().url}/#/qc`);
      await page.locator('.language-switch button[lang="zh-CN"]').click();
      await expect.poll(() => textOf(page, 'qc-queue'), { timeout: 15_000 }).toContain('聚丙烯针筒（组件）');
      expect(await textOf(page, 'qc-queue')).not.toContain('Syringe barrel');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

      await page.locator('.language-switch button[lang="en"]').click();
      await expect.poll(() => textOf(page, 'qc-queue'), { timeout: 15_000 }).toContain('Syringe barrel, polypropylene (component)');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await context.close();
    }
  });
});
