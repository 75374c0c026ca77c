import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  rule: string;
  impact: string | null | undefined;
  targets: string[];
  /** What axe measured on the first node, such as the two colours of a contrast failure. */
  detail?: string;
}

/**
 * Waits for the page's finite animations and transitions to end (a field's error fading in, a
 * drawer sliding open): a colour measured halfway through a fade is not the one a person reads.
 * Spinners that never end are left running; a page still moving after a few seconds is measured as
 * it is.
 */
async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 5_000 })
    .catch(() => undefined);
}

/** What axe finds serious or critical against WCAG 2.1 A and AA on the page as it settles. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      detail: v.nodes[0]?.failureSummary,
    }));
}
