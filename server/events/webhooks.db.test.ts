import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_ID_HEADER, SIGNATURE_HEADER } from '../../domain/events';
import { ADMIN_PASSWORD, bearer, json, signIn } from '../test-support/app';
import { openDemoPlant, type DemoPlant, type ErrorBody } from '../test-support/demo-plant';
import { verifyWebhook } from './sign';
import { startEventRelay } from './relay';
import { headPosition, sequenceAll, type DomainEvent } from './store';
import { deliverWebhooks, fanOutWebhooks, type WebhookSettings } from './webhooks';
import type { DeadLetter, WebhookSubscription } from './subscriptions';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A partner's endpoint: answers with the status the test sets, and keeps what it was sent. */
function receiver() {
  const received: Received[] = [];
  let answer: number | ((n: number) => number) = 200;
  let server: Server;
  return {
    received,
    answerWith(status: number | ((n: number) => number)) {
      answer = status;
    },
    async start(): Promise<string> {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const status = typeof answer === 'function' ? answer(received.length) : answer;
          received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      return `http://127.0.0.1:${(server.address() as { port: number }).port}/lotline`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const FAST: WebhookSettings = { retry: { firstDelayMs: 100, maxDelayMs: 200, maxAttempts: 3 }, timeoutMs: 2000, perPass: 50 };

let plant: DemoPlant;
let admin: string;
const partner = receiver();
let url: string;

beforeAll(async () => {
  plant = await openDemoPlant('webhooks');
  admin = await signIn(plant.app, 'admin', ADMIN_PASSWORD);
  url = await partner.start();
});
afterAll(async () => {
  await partner.close();
  await plant.t.close();
});
beforeEach(() => {
  partner.received.length = 0;
  partner.answerWith(200);
});

async function raise(aggregateId: string, eventType: string, n: number): Promise<void> {
  await plant.t.db.query(`INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload) VALUES ('lot', $1, $2, $3)`, [aggregateId, eventType, JSON.stringify({ n })]);
}

/** Runs fan-out and delivery passes until the queue is quiet (retries waited for). */
async function deliverAll(maxMs = 10_000): Promise<void> {
  const end = Date.now() + maxMs;
  await sequenceAll(plant.t.db);
  await fanOutWebhooks(plant.t.db);
  for (;;) {
    await deliverWebhooks(plant.t.db, FAST);
    const waiting = await plant.count(`SELECT 1 FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE s.active AND d.delivered_at IS NULL AND d.dead_lettered_at IS NULL`);
    if (waiting === 0) return;
    if (Date.now() > end) throw new Error(`${waiting} deliveries still waiting`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function subscribe(body: Record<string, unknown>): Promise<WebhookSubscription & { secret: string }> {
  const res = await plant.app.request('/api/webhooks', json('POST', body, admin));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as WebhookSubscription & { secret: string };
}

const sent = (r: Received) => JSON.parse(r.body) as DomainEvent;

describe('webhook subscriptions through the API', () => {
  it.each([
    [{ url: 'not a url', eventFilter: ['lot.*'] }, 'url', /url is not a URL/],
    [{ url: 'ftp://erp.example/in', eventFilter: ['lot.*'] }, 'url', /http:\/\/ or https:\/\//],
    [{ url: 'https://u:p@erp.example/in', eventFilter: ['lot.*'] }, 'url', /user name or password/],
    [{ url: 'https://erp.example/in', eventFilter: ['lot.relased'] }, 'eventFilter.0', /"lot.relased" matches no event type/],
    [{ url: 'https://erp.example/in', eventFilter: ['lot.*', '>.x'] }, 'eventFilter.1', /last part/],
    [{ url: 'https://erp.example/in', eventFilter: [] }, 'eventFilter', /at least one pattern/],
    [{ url: 'https://erp.example/in', eventFilter: ['lot.*'], fromPosition: 10_000_000 }, 'fromPosition', /past the last event/],
  ])('refuses %j with 400 naming %s', async (body, field, message) => {
    const res = await plant.app.request('/api/webhooks', json('POST', body, admin));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.message).toMatch(message);
    expect(JSON.stringify(error.details)).toContain(field.split('.')[0]!);
    expect(await plant.count('SELECT 1 FROM webhook_subscriptions WHERE url = $1', [body.url])).toBe(0);
  });

  it('is for the admin only', async () => {
    expect((await plant.app.request('/api/webhooks', bearer(plant.supervisor))).status).toBe(403);
    expect((await plant.app.request('/api/webhooks', json('POST', { url, eventFilter: ['>'] }, plant.qa))).status).toBe(403);
  });

  it('shows the secret once, at creation, and never again', async () => {
    const made = await subscribe({ url: 'https://erp.example/once', eventFilter: ['recall.*'], description: 'ERP recall feed' });
    expect(made.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const listed = (await (await plant.app.request('/api/webhooks', bearer(admin))).json()) as { subscriptions: Record<string, unknown>[] };
    const row = listed.subscriptions.find((s) => s.id === made.id)!;
    expect(row).toMatchObject({ url: 'https://erp.example/once', eventFilter: ['recall.*'], active: true, description: 'ERP recall feed' });
    expect(JSON.stringify(listed)).not.toContain(made.secret);
    expect(Object.keys(row)).not.toContain('secret');
    await plant.app.request(`/api/webhooks/${made.id}/disable`, json('POST', { reason: 'test done' }, admin));
  });
});

describe('deliveries to a real HTTP receiver', () => {
  let sub: WebhookSubscription & { secret: string };

  beforeAll(async () => {
    sub = await subscribe({ url, eventFilter: ['lot.on_hold', 'lot.released'] });
  });

  it('signs each delivery so the receiver can verify it, and retries a 500 in order', async () => {
    partner.answerWith((n) => (n < 2 ? 500 : 200));
    await raise('lot-W1', 'lot.on_hold', 1);
    await raise('lot-W2', 'op.applied', 2); // not in the filter
    await raise('lot-W1', 'lot.released', 3);
    await deliverAll();
    expect(partner.received.map((r) => r.status)).toEqual([500, 500, 200, 200]);
    expect(partner.received.map((r) => sent(r).eventType)).toEqual(['lot.on_hold', 'lot.on_hold', 'lot.on_hold', 'lot.released']);
    for (const r of partner.received) {
      const header = r.headers[SIGNATURE_HEADER.toLowerCase()] as string;
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyWebhook(sub.secret, header, r.body)).toBe(true);
      expect(verifyWebhook(sub.secret, header, r.body.replace('lot-W1', 'lot-W9'))).toBe(false);
      expect(verifyWebhook(`${sub.secret}x`, header, r.body)).toBe(false);
      expect(r.headers[EVENT_ID_HEADER.toLowerCase()]).toBe(sent(r).eventId);
      expect(r.headers['content-type']).toBe('application/json');
    }
    const rows = await plant.t.db.query<{ attempts: number; last_status: number }>('SELECT attempts, last_status FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY event_position', [sub.id]);
    expect(rows.rows).toEqual([{ attempts: 3, last_status: 200 }, { attempts: 1, last_status: 200 }]);
  });

  it('dead-letters after the last attempt, moves on, and sends it again when retried', async () => {
    partner.answerWith((n) => (n < 3 ? 503 : 200));
    await raise('lot-W3', 'lot.on_hold', 4);
    await raise('lot-W3', 'lot.released', 5);
    await deliverAll();
    // Three tries of the first, then the next event goes through.
    expect(partner.received.map((r) => [sent(r).eventType, r.status])).toEqual([['lot.on_hold', 503], ['lot.on_hold', 503], ['lot.on_hold', 503], ['lot.released', 200]]);
    const list = (await (await plant.app.request('/api/webhooks/dead-letters', bearer(admin))).json()) as { deadLetters: DeadLetter[] };
    const dead = list.deadLetters.filter((d) => d.subscriptionId === sub.id);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ eventType: 'lot.on_hold', attempts: 3, lastStatus: 503, lastError: 'HTTP 503', url });

    partner.received.length = 0;
    partner.answerWith(200);
    const retried = await plant.app.request(`/api/webhooks/dead-letters/${dead[0]!.id}/retry`, json('POST', {}, admin));
    expect(retried.status).toBe(204);
    await deliverAll();
    expect(partner.received.map((r) => [sent(r).eventId, r.status])).toEqual([[dead[0]!.eventId, 200]]);
    const after = (await (await plant.app.request('/api/webhooks/dead-letters', bearer(admin))).json()) as { deadLetters: DeadLetter[] };
    expect(after.deadLetters.filter((d) => d.subscriptionId === sub.id)).toEqual([]);
    expect((await plant.app.request(`/api/webhooks/dead-letters/${dead[0]!.id}/retry`, json('POST', {}, admin))).status).toBe(404);
  });

  it('records why a receiver that is not there failed', async () => {
    const gone = await subscribe({ url: 'http://127.0.0.1:1/nothing', eventFilter: ['lot.scrapped'] });
    await raise('lot-W4', 'lot.scrapped', 6);
    await deliverAll();
    const row = (await plant.t.db.query<{ last_error: string; last_status: number | null; dead: boolean }>('SELECT last_error, last_status, dead_lettered_at IS NOT NULL AS dead FROM webhook_deliveries WHERE subscription_id = $1', [gone.id])).rows[0]!;
    expect(row).toMatchObject({ last_status: null, dead: true });
    expect(row.last_error).toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('replays a subscription from a position, in order, once', async () => {
    const from = (await plant.t.db.query<{ p: string }>(`SELECT min(event_position)::text AS p FROM webhook_deliveries WHERE subscription_id = $1`, [sub.id])).rows[0]!.p;
    partner.received.length = 0;
    const res = await plant.app.request(`/api/webhooks/${sub.id}/replay`, json('POST', { fromPosition: Number(from) - 1, reason: 'ERP restored from backup' }, admin));
    expect(res.status).toBe(200);
    await deliverAll();
    const types = partner.received.map((r) => [sent(r).aggregateId, sent(r).eventType]);
    expect(types).toEqual([
      ['lot-W1', 'lot.on_hold'],
      ['lot-W1', 'lot.released'],
      ['lot-W3', 'lot.on_hold'],
      ['lot-W3', 'lot.released'],
    ]);
    const positions = partner.received.map((r) => sent(r).position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const bad = await plant.app.request(`/api/webhooks/${sub.id}/replay`, json('POST', { fromPosition: (await headPosition(plant.t.db)) + 5, reason: 'x' }, admin));
    expect(bad.status).toBe(400);
    expect((await plant.app.request(`/api/webhooks/${sub.id}/replay`, json('POST', { fromPosition: 0 }, admin))).status).toBe(400);
    expect((await plant.app.request('/api/webhooks/00000000-0000-4000-8000-000000000000/replay', json('POST', { fromPosition: 0, reason: 'x' }, admin))).status).toBe(404);
  });

  it('holds deliveries while disabled and sends them when enabled again', async () => {
    const off = await plant.app.request(`/api/webhooks/${sub.id}/disable`, json('POST', { reason: 'ERP maintenance' }, admin));
    expect(((await off.json()) as WebhookSubscription).active).toBe(false);
    await raise('lot-W5', 'lot.on_hold', 7);
    await deliverAll();
    expect(partner.received).toEqual([]);
    await plant.app.request(`/api/webhooks/${sub.id}/enable`, json('POST', { reason: 'ERP back' }, admin));
    await deliverAll();
    expect(partner.received.map((r) => sent(r).aggregateId)).toEqual(['lot-W5']);
    const audit = await plant.count(`SELECT 1 FROM audit_log WHERE entity_type = 'webhook_subscription' AND entity_id = $1 AND action IN ('webhook.disable','webhook.enable','webhook.replay')`, [sub.id]);
    expect(audit).toBe(3);
  });

  it('the server relay delivers a real QC release without NATS', async () => {
    const relay = startEventRelay(plant.t.db, { idleMs: 100, owner: 'webhook-test', webhooks: FAST, onError: (e) => console.error(e) });
    try {
      const lotId = await plant.lotId('PP2411B');
      await plant.release('PP2411B');
      const end = Date.now() + 10_000;
      while (!partner.received.some((r) => sent(r).aggregateId === lotId) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      const got = partner.received.filter((r) => sent(r).aggregateId === lotId).map((r) => sent(r));
      expect(got.map((e) => e.eventType)).toEqual(['lot.released']);
      expect(got[0]!.payload).toMatchObject({ lotNumber: 'PP2411B', from: 'quarantine', to: 'released' });
    } finally {
      await relay.stop();
    }
  });
});
