import type { Page } from 'playwright-core';

/**
 * Waits until the page has laid itself out and every finite animation and transition (a dialog
 * opening, a notice fading in, a layout after the viewport changed) has ended, so a screenshot or
 * axe sees the screen as a person would. A fixed sleep is too short on a loaded machine and time
 * thrown away on a quiet one. Endless animations (spinners, skeletons) never end and do not count.
 */
export async function settled(page: Page, timeoutMs = 10_000): Promise<void> {
  // Two frames first: a transition started by the last click or resize shows up only after a style pass.
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, {
    timeout: timeoutMs,
    polling: 'raf',
  });
}
