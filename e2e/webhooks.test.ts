import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../server/events';
import { seriousViolations } from './support/axe';
import { e2eEnvironment } from './support/environment';
import { settled } from './support/settle';
import { apiCall, apiToken, openConsole } from './support/session';

/**
 * The admin connects an ERP by webhook in the console: the secret shown once, a receiver that
 * refuses the first delivery (one attempt here, so it is dead-lettered at once), the dead letter
 * retried from the console once the receiver is back, and a replay from position 0.
 */
const env = e2eEnvironment({ LOTLINE_WEBHOOK_ATTEMPTS: '1' });
const SHOTS = join(tmpdir(), 'lotline-console-screens');

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

let receiver: Server;
let answer = 500;
const deliveries: Delivery[] = [];
let receiverUrl: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status: answer });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/erp/lotline`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const eventOf = (d: Delivery) => JSON.parse(d.body) as { eventType: string; eventId: string; position: number; payload: { lotNumber?: string } };

describe('webhooks in the console', () => {
  it('subscribes, shows the secret once, lists a dead letter, retries it and replays from a position', async () => {
    const server = env.server();
    const { context, page } = await openConsole(env.browser(), server, 'admin', { page: 'webhooks', password: server.adminPassword });
    const form = page.getByTestId('webhook-new');

    // A pattern that matches nothing is refused at the field, before the server is asked.
    await form.locator('input[name=url]').click();
    // A URL is pasted more often than typed; key by key, at machine pace.
    await page.keyboard.type(receiverUrl);
    await form.getByTestId('webhook-filter').click();
    await page.keyboard.type('lot.relased');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').first().textContent()).toContain('“lot.relased” matches no event');
    await form.locator('.ant-select-selection-item', { hasText: 'lot.relased' }).locator('.ant-select-selection-item-remove').click();
    await form.getByRole('button', { name: 'Subscribe' }).click();

    const secretModal = page.getByTestId('secret-modal');
    const secret = (await secretModal.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    await settled(page); // the dialog's opening animation, before the screenshot and axe
    await page.screenshot({ path: join(SHOTS, 'en-US-webhooks-secret-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await secretModal.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.locator(`[data-testid=webhook-table] tr[data-url="${receiverUrl}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('lot.*');
    // The secret is not on the page any more, nor in the list the server gives.
    const admin = await apiToken(server, 'admin', server.adminPassword);
    expect(JSON.stringify(await apiCall(server, '/api/webhooks', { token: admin }))).not.toContain(secret);
    await expect.poll(() => page.content()).not.toContain(secret);

    // QA releases a lot; the receiver refuses it, and with one attempt allowed it is a dead letter.
    const qa = await apiToken(server, 'qa', server.demoPassword);
    const { lots } = await apiCall<{ lots: { id: string; version: number }[] }>(server, '/api/lots?lotNumber=PP2411B', { token: qa });
    await apiCall(server, `/api/lots/${lots[0]!.id}/status`, { token: qa, body: { to: 'released', meaning: 'released', reason: 'incoming inspection', password: server.demoPassword, version: lots[0]!.version } });
    await expect.poll(() => deliveries.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const refused = deliveries[0]!;
    expect(eventOf(refused)).toMatchObject({ eventType: 'lot.released', payload: { lotNumber: 'PP2411B' } });
    expect(verifyWebhook(secret, refused.headers['lotline-signature'] as string, refused.body)).toBe(true);
    expect(refused.headers['lotline-event-id']).toBe(eventOf(refused).eventId);

    const dead = page.locator(`[data-testid=dead-letter-table] tr[data-event="${eventOf(refused).eventId}"]`);
    await expect
      .poll(async () => {
        await page.getByTestId('webhooks-reload').click();
        return dead.count();
      }, { timeout: 15_000 })
      .toBe(1);
    expect(await dead.textContent()).toContain('HTTP 500');
    await page.screenshot({ path: join(SHOTS, 'en-US-webhooks-dead-letter-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // The receiver is back: retried from the console, delivered once, gone from the list.
    answer = 200;
    await dead.getByTestId('dead-letter-retry').click();
    await expect.poll(() => deliveries.filter((d) => d.status === 200).map((d) => eventOf(d).eventId), { timeout: 15_000 }).toEqual([eventOf(refused).eventId]);
    await expect
      .poll(async () => {
        await page.getByTestId('webhooks-reload').click();
        return dead.count();
      })
      .toBe(0);

    // Replay from position 0: every lot event again, in position order.
    const before = deliveries.length;
    await row.getByTestId('webhook-replay').click();
    const replay = page.getByTestId('replay-modal');
    await replay.locator('textarea[name=reason]').click();
    await page.keyboard.type('ERP restored from backup');
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'en-US-webhooks-replay-1280.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await replay.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => deliveries.slice(before).some((d) => eventOf(d).eventId === eventOf(refused).eventId), { timeout: 15_000 }).toBe(true);
    const replayed = deliveries.slice(before).map(eventOf);
    expect(replayed.every((e) => e.eventType.startsWith('lot.'))).toBe(true);
    expect(replayed.map((e) => e.position)).toEqual([...replayed.map((e) => e.position)].sort((a, b) => a - b));
    expect(replayed.filter((e) => e.eventType === 'lot.created').length).toBeGreaterThan(0);
    await context.close();
  });
});
