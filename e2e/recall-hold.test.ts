import { describe, expect, it } from 'vitest';
import { e2eEnvironment } from './support/environment';
import { openRecallCase } from './support/recall';
import { apiToken, openHandheld, waitForLots } from './support/session';
import { textOf } from './support/text';
import { wedgeScan } from './support/wedge';

const env = e2eEnvironment();

// The demo's finished syringe lot, which the recall opened here holds.
const SYRINGE_LABEL = ']d20106901234000016172912311' + '0S24110701';

describe('a recall hold on an online handheld', () => {
  it('stops the lot from the case alone, while the lots themselves cannot be pulled, and keeps it stopped once they can', async () => {
    const server = env.server();
    const { context, page } = await openHandheld(env.browser(), server, { device: 'Hold list scanner', username: 'picker' });
    await waitForLots(page, server);
    await page.getByTestId('nav-pick').click();
    const scans = async () => {
      await wedgeScan(page, SYRINGE_LABEL);
      return textOf(page, 'scan-message');
    };
    await expect.poll(scans, { timeout: 10_000 }).toBe('Read lot S24110701');

    // From here on no page of lots reaches the device: only the case can tell it of the hold.
    let lotPullsRefused = 0;
    await context.route('**/api/sync/lots/pull**', (route) => {
      lotPullsRefused++;
      return route.abort('connectionreset');
    });
    await openRecallCase(server, await apiToken(server, 'qa', server.demoPassword));
    await expect.poll(scans, { timeout: 10_000 }).toBe('Stop: lot S24110701 is recalled and must not be picked.');
    // The device did ask for the lots the notice named, and got none.
    await expect.poll(() => lotPullsRefused, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await scans()).toBe('Stop: lot S24110701 is recalled and must not be picked.');

    // The lots come through again and agree with what the case said.
    await context.unroute('**/api/sync/lots/pull**');
    await page.reload();
    await page.getByTestId('nav-pick').click();
    await expect.poll(scans, { timeout: 10_000 }).toBe('Stop: lot S24110701 is recalled and must not be picked.');
    await context.close();
  });
});
