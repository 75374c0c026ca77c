import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { scanLikeAScanner } from './support/keys';
import { openConsole, openHandheld } from './support/session';
import { textOf } from './support/text';

/**
 * A Chinese plant's screens speak Chinese all the way down: item names from the master data,
 * and <html lang> following the language the UI speaks (English users get lang="en").
 */
const env = e2eEnvironment();

describe('the console in the user’s language', () => {
  it('shows Chinese item names on Chinese screens and English ones on English screens, with <html lang> to match', async () => {
    const { context, page } = await openConsole(env.browser(), env.server(), 'qa', { page: 'qc' });
    try {
      // An English browser loads the app with lang="en", not the page's static zh-CN.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      // The same signed-in console, switched to Chinese and back with the language buttons.
      await page.locator('.ant-segmented [lang="zh-CN"]').click();
      await expect.poll(() => textOf(page, 'qc-queue'), { timeout: 15_000 }).toContain('聚丙烯针筒（组件）');
      expect(await textOf(page, 'qc-queue')).not.toContain('Syringe barrel');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

      await page.locator('.ant-segmented [lang="en"]').click();
      await expect.poll(() => textOf(page, 'qc-queue'), { timeout: 15_000 }).toContain('Syringe barrel, polypropylene (component)');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('tells a Chinese clerk in Chinese what is wrong with a scan, parameters filled', async () => {
    const { page } = await openHandheld(env.browser(), env.server(), { device: 'TC21 zh', username: 'clerk', context: { locale: 'zh-CN' } });
    try {
      await page.goto(`${env.server().url}/#/receive`);
      await page.getByTestId('receive-screen').waitFor();
      // A GTIN whose check digit should be 6.
      await scanLikeAScanner(page, ']d20106901234000017' + '10BAD');
      await expect.poll(() => textOf(page, 'scan-message'), { timeout: 10_000 }).toContain('AI (01)：校验位为 7，应为 6');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    } finally {
      await page.context().close();
    }
  });
});
