import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../test-support/db';
import { advanceSink } from './lease';
import { NATS_SINK } from './relay';
import { pruneDeliveredEvents } from './retention';
import { sequenceAll } from './store';
import { listDeadLetters } from './subscriptions';
import { fanOutWebhooks } from './webhooks';

let t: TestDb;
beforeEach(async () => {
  t = await openTestDb('event_retention');
});
afterEach(async () => {
  await t.close();
});

/** `count` placed events of one lot that happened `daysAgo` days ago; their positions, in order. */
async function writeEvents(count: number, daysAgo: number): Promise<number[]> {
  const before = await t.db.query<{ id: string | null }>('SELECT max(id)::text AS id FROM domain_events');
  await t.db.query(
    `INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at)
     SELECT 'lot', 'lot-A', 'lot.on_hold', jsonb_build_object('n', g), now() - make_interval(days => $2::int) FROM generate_series(1, $1::int) g`,
    [count, daysAgo],
  );
  await sequenceAll(t.db);
  const placed = await t.db.query<{ position: string }>('SELECT d.position::text FROM domain_events d WHERE d.id > $1 ORDER BY d.position', [Number(before.rows[0]!.id ?? 0)]);
  return placed.rows.map((r) => Number(r.position));
}

const kept = async () => (await t.db.query<{ position: string }>('SELECT d.position::text FROM domain_events d ORDER BY d.position')).rows.map((r) => Number(r.position));

async function subscribe(active: boolean): Promise<string> {
  const made = await t.db.query<{ id: string }>(`INSERT INTO webhook_subscriptions (url, secret, event_filter, active) VALUES ('http://127.0.0.1:9/hook', 'secret', ARRAY['>'], $1) RETURNING id`, [active]);
  return made.rows[0]!.id;
}

/** Marks a subscription's deliveries of these positions delivered or dead-lettered. */
async function finish(positions: number[], how: 'delivered' | 'dead'): Promise<void> {
  const column = how === 'delivered' ? 'delivered_at' : 'dead_lettered_at';
  await t.db.query(`UPDATE webhook_deliveries SET ${column} = now(), attempts = 1 WHERE event_position = ANY($1::bigint[])`, [positions]);
}

describe('pruning delivered domain events', () => {
  it('removes events past the retention, oldest first and in batches, never a recent one, and leaves events append-only to everyone else', async () => {
    const old = await writeEvents(20, 100);
    const recent = await writeEvents(5, 10);
    expect(await pruneDeliveredEvents(t.db, { days: 90, natsInUse: false, batch: 7 })).toEqual({ events: 20, deliveries: 0 });
    expect(await kept()).toEqual(recent);
    expect(old.every((p) => !recent.includes(p))).toBe(true);
    // Nothing more to do: a second run removes nothing.
    expect(await pruneDeliveredEvents(t.db, { days: 90, natsInUse: false })).toEqual({ events: 0, deliveries: 0 });
    // The permission the prune takes ends with it, even inside the same transaction.
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`SELECT * FROM prune_domain_events(now() - interval '90 days', false, 10)`);
        await tx.query('DELETE FROM domain_events');
      }),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM domain_events WHERE position = $1', [recent[0]])).rejects.toThrow(/append-only/);
    expect(await kept()).toEqual(recent);
  });

  it('waits for JetStream while NATS is in use; a position left from an earlier NATS setup holds nothing back without it', async () => {
    const events = await writeEvents(10, 100);
    // NATS in use but nothing published yet: everything waits.
    expect((await pruneDeliveredEvents(t.db, { days: 90, natsInUse: true })).events).toBe(0);
    await advanceSink(t.db, NATS_SINK, events[3]!);
    expect((await pruneDeliveredEvents(t.db, { days: 90, natsInUse: true })).events).toBe(4);
    expect(await kept()).toEqual(events.slice(4));
    expect((await pruneDeliveredEvents(t.db, { days: 90, natsInUse: false })).events).toBe(6);
    expect(await kept()).toEqual([]);
  });

  it('keeps what a live webhook subscription has not yet delivered or dead-lettered, and drops finished deliveries with their events', async () => {
    await subscribe(true);
    const events = await writeEvents(10, 100);
    expect(await fanOutWebhooks(t.db)).toBe(10);
    await finish(events.slice(0, 3), 'delivered');
    await finish([events[3]!], 'dead');
    // The fifth is still being tried: it and everything after it stay.
    expect(await pruneDeliveredEvents(t.db, { days: 90, natsInUse: false })).toEqual({ events: 4, deliveries: 4 });
    expect(await kept()).toEqual(events.slice(4));
    expect((await listDeadLetters(t.db)).map((d) => d.eventPosition)).toEqual([]);
    const waiting = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_deliveries WHERE delivered_at IS NULL AND dead_lettered_at IS NULL');
    expect(waiting.rows[0]!.n).toBe(6);

    // Events the subscription has not even been given yet stay too, once the queue is done.
    const later = await writeEvents(3, 100);
    await finish(events.slice(4), 'delivered');
    expect(await pruneDeliveredEvents(t.db, { days: 90, natsInUse: false })).toEqual({ events: 6, deliveries: 6 });
    expect(await kept()).toEqual(later);
  });

  it('a paused subscription holds back only the deliveries it still has queued', async () => {
    const id = await subscribe(true);
    const events = await writeEvents(10, 100);
    await fanOutWebhooks(t.db);
    await t.db.query('UPDATE webhook_subscriptions SET active = false WHERE id = $1', [id]);
    const whilePaused = await writeEvents(3, 100);
    expect((await pruneDeliveredEvents(t.db, { days: 90, natsInUse: false })).events).toBe(0);
    await finish(events.slice(0, 5), 'delivered');
    expect((await pruneDeliveredEvents(t.db, { days: 90, natsInUse: false })).events).toBe(5);
    expect(await kept()).toEqual([...events.slice(5), ...whilePaused]);
    await finish(events.slice(5), 'dead');
    expect((await pruneDeliveredEvents(t.db, { days: 90, natsInUse: false })).events).toBe(8);
    expect(await kept()).toEqual([]);
  });
});
