import type { Locator, Page } from 'playwright-core';

/**
 * Picks an option of an Ant Design select the way a person does: open it, click the option. The
 * list slides open, and a page that redraws on a live change (a printer's state arriving) may
 * close it under the pointer; then the person opens it again, and so does this, until the select
 * shows the option (at most three times).
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
    try {
      await item.waitFor({ state: 'visible', timeout: 5_000 });
      await item.click({ timeout: 5_000 });
      const chosen = select.locator(`xpath=ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`);
      if (((await chosen.textContent()) ?? '').includes(option)) return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
    if (attempt >= 3) throw new Error(`The select did not take "${option}" after three tries.`);
    await page.keyboard.press('Escape');
  }
}
