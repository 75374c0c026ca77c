import type { Page } from 'playwright-core';

/**
 * The text of a test id right now, or null: no waiting inside, so expect.poll does the retrying
 * and a reload in between (a service worker taking control) cannot leave a wait hanging.
 */
export async function textOf(page: Page, testId: string): Promise<string | null> {
  try {
    return await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId);
  } catch {
    return null; // the page was navigating
  }
}
