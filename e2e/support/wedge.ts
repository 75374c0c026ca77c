import type { Page } from 'playwright-core';

/**
 * Types like a keyboard-wedge scanner: one keydown per character, milliseconds apart, ending
 * with Enter. GS (FNC1) arrives as its own key, as rugged scanners send it.
 */
export async function wedgeScan(page: Page, data: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    for (const ch of [...text, 'Enter']) {
      const key = ch === '\x1d' ? 'GroupSeparator' : ch;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  }, data);
}
