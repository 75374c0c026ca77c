import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { pdfPageTexts } from '../../server/test-support/pdf-text';

/** The reply code as letters print it: five groups of four from Crockford's alphabet. */
export const REPLY_CODE = /[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4}/;

/**
 * Keeps each recall letter PDF the console fetches, as it went over the wire, and passes it on
 * unchanged; `text` waits for the letter asked for with that query string and reads its text.
 */
export async function captureLetters(page: Page): Promise<{ text(search: string): Promise<string> }> {
  const letters = new Map<string, { status: number; type: string | undefined; body: Buffer }>();
  await page.route('**/api/recalls/*/letters/*/pdf?*', async (route) => {
    const answer = await route.fetch();
    letters.set(new URL(route.request().url()).search, { status: answer.status(), type: answer.headers()['content-type'], body: await answer.body() });
    await route.fulfill({ response: answer });
  });
  return {
    async text(search: string) {
      await expect.poll(() => letters.has(search), { timeout: 10_000 }).toBe(true);
      const letter = letters.get(search)!;
      expect([letter.status, letter.type]).toEqual([200, 'application/pdf']);
      return (await pdfPageTexts(new Uint8Array(letter.body))).join('\n');
    },
  };
}
