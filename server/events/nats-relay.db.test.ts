import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { schemaUrl } from '../test-support/cluster';
import { onPostgres, openTestDb, type TestDb } from '../test-support/db';
import { NATS, natsReachable } from '../test-support/nats';
import { waitFor } from '../test-support/wait';
import { sinkPosition } from './lease';
import { createNatsSink } from './nats-sink';
import { NATS_SINK, startEventRelay, type EventRelay } from './relay';
import { startRelayThread } from './relay-thread';
import { headPosition, sequenceAll, type DomainEvent } from './store';

const reachable = await natsReachable();
if (!reachable) console.warn(`SKIPPED: NATS JetStream is not reachable on ${NATS.host}:${NATS.port}; the relay's JetStream test needs the real server`);

/**
 * A TCP hop between the relay and NATS that can be cut and put back on the same port: to the
 * relay this is the NATS server going away and coming back, without touching the machine's
 * server that others share.
 */
function natsProxy() {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = tcpConnect(NATS.port, NATS.host);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => (client.destroy(), upstream.destroy(), sockets.delete(client), sockets.delete(upstream));
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  return {
    listen,
    get url() {
      return `nats://127.0.0.1:${port}`;
    },
    async cut() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
    restore: listen,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}

const until = (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000) => waitFor(what, check, { timeoutMs });

describe.skipIf(!reachable)('relay to the real NATS JetStream', () => {
  const run = randomBytes(4).toString('hex');
  const stream = `LOTLINE_TEST_${run}`;
  const prefix = `lltest${run}`;
  let t: TestDb;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const proxy = natsProxy();

  beforeAll(async () => {
    t = await openTestDb('nats_relay');
    nc = await connect({ servers: `nats://${NATS.host}:${NATS.port}` });
    jsm = await jetstreamManager(nc);
    await proxy.listen();
  });
  afterAll(async () => {
    await jsm?.streams.delete(stream).catch(() => undefined);
    await nc?.close();
    await proxy.close();
    await t?.close();
  });

  /** Events of four lots, interleaved, committed in several transactions. */
  async function writeEvents(round: number, perLot: number): Promise<void> {
    for (let i = 0; i < perLot; i++) {
      await t.db.transaction(async (tx) => {
        for (const lot of ['A', 'B', 'C', 'D']) {
          await tx.query(`INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload) VALUES ('lot', $1, 'lot.on_hold', $2)`, [
            `lot-${lot}`,
            JSON.stringify({ round, n: i }),
          ]);
        }
      });
    }
  }

  async function storedEvents(): Promise<DomainEvent[]> {
    const info = await jsm.streams.info(stream);
    const out: DomainEvent[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const msg = await jsm.streams.getMessage(stream, { seq });
      if (msg) {
        const event = msg.json<DomainEvent>();
        expect(msg.subject).toBe(`${prefix}.main.lot.on_hold`);
        expect(msg.header.get('Nats-Msg-Id')).toBe(event.eventId);
        out.push(event);
      }
    }
    return out;
  }

  function relayTo(options: { onPublished?: (e: DomainEvent, duplicate: boolean) => void; errors: unknown[] }): EventRelay {
    return startEventRelay(t.db, {
      nats: { servers: [proxy.url], stream, subjectPrefix: prefix, duplicateWindowMs: 600_000, publishTimeoutMs: 1500 },
      natsBatch: 10,
      idleMs: 100,
      leaseSeconds: 5,
      owner: `test-${Math.random()}`,
      onPublished: options.onPublished,
      onError: (error) => options.errors.push(error),
    });
  }

  it('publishes every event once, in order per lot, through a crash mid-batch and NATS going away', async () => {
    await writeEvents(1, 15); // 60 events
    await sequenceAll(t.db);

    // The first relay dies at the 25th acknowledgement: two batches of ten were recorded; the
    // third, published as one pipelined chain, is in the stream but not in the relay's position.
    let acked = 0;
    const crashErrors: unknown[] = [];
    const first = relayTo({
      errors: crashErrors,
      // From the 25th acknowledgement on it is dead: whatever it is told later goes nowhere.
      onPublished: () => {
        acked++;
        if (acked >= 25) throw new Error('relay killed after 25 acks');
      },
    });
    await until('the crash', () => crashErrors.some((e) => e instanceof Error && e.message.includes('killed')));
    await first.stop();
    expect(await sinkPosition(t.db, NATS_SINK)).toBe(20);
    expect((await jsm.streams.info(stream)).state.messages).toBe(30);

    // A new relay starts where the position says, publishes the third batch again (dropped as
    // duplicates), and keeps going while the connection to NATS is cut and comes back.
    const duplicates: string[] = [];
    let published = 0;
    const errors: unknown[] = [];
    const second = relayTo({
      errors,
      onPublished: (event, duplicate) => {
        published++;
        if (duplicate) duplicates.push(event.eventId);
      },
    });
    try {
      await until('publishing to resume', () => published >= 10);
      await proxy.cut();
      await writeEvents(2, 10); // 40 more while NATS is away
      await new Promise((r) => setTimeout(r, 1500));
      await proxy.restore();
      await until('the relay to catch up', async () => (await sinkPosition(t.db, NATS_SINK)) === (await headPosition(t.db)) && (await headPosition(t.db)) === 100, 60_000);
    } finally {
      await second.stop();
    }

    expect(duplicates.length).toBeGreaterThanOrEqual(10);
    const stored = await storedEvents();
    // Nothing lost, nothing stored twice.
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((e) => e.eventId)).size).toBe(100);
    const all = await t.db.query<{ event_id: string }>('SELECT event_id::text FROM domain_events ORDER BY position');
    expect(new Set(stored.map((e) => e.eventId))).toEqual(new Set(all.rows.map((r) => r.event_id)));
    // In order per lot: each lot's events reach the stream by increasing position.
    for (const lot of ['lot-A', 'lot-B', 'lot-C', 'lot-D']) {
      const positions = stored.filter((e) => e.aggregateId === lot).map((e) => e.position);
      expect(positions).toHaveLength(25);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    // The relay told of the outage and came through it.
    expect(errors.length).toBeGreaterThan(0);
  }, 120_000);

  it.skipIf(!onPostgres())('keeps publishing, once each and in order, while PostgreSQL ends its connections', async () => {
    const terminate = async () => {
      const admin = new pg.Client({ connectionString: t.postgres!.url });
      await admin.connect();
      try {
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [t.postgres!.schema]);
      } finally {
        await admin.end();
      }
    };
    const errors: unknown[] = [];
    const relay = startEventRelay(t.db, {
      nats: { servers: [`nats://${NATS.host}:${NATS.port}`], stream, subjectPrefix: prefix, duplicateWindowMs: 600_000, publishTimeoutMs: 1500 },
      natsBatch: 5,
      idleMs: 100,
      owner: `test-${Math.random()}`,
      onError: (error) => errors.push(error),
    });
    try {
      // Writers keep committing while every connection is cut three times; a write cut short is
      // simply not there (it rolled back), which the comparison below takes from the database.
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 5; i++) await writeEvents(10 + round, 1).catch(() => undefined);
        await terminate();
        for (let i = 0; i < 5; i++) await writeEvents(20 + round, 1).catch(() => undefined);
      }
      await until('the relay to catch up after the cuts', async () => {
        try {
          const head = await headPosition(t.db);
          const unplaced = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM domain_events WHERE position IS NULL');
          return unplaced.rows[0]!.n === 0 && (await sinkPosition(t.db, NATS_SINK)) === head;
        } catch {
          return false;
        }
      }, 60_000);
    } finally {
      await relay.stop();
    }
    expect(errors.length).toBeGreaterThan(0);
    const stored = await storedEvents();
    const all = await t.db.query<{ event_id: string; aggregate_id: string }>('SELECT event_id::text, aggregate_id FROM domain_events ORDER BY position');
    expect(stored.map((e) => e.eventId)).toEqual(all.rows.map((r) => r.event_id));
  }, 120_000);

  it.skipIf(!onPostgres())('on its own thread, publishes what the server commits and stops cleanly', async () => {
    await writeEvents(30, 3);
    const errors: unknown[] = [];
    const thread = await startRelayThread(
      schemaUrl(t.postgres!.url, t.postgres!.schema),
      { nats: { servers: [`nats://${NATS.host}:${NATS.port}`], stream, subjectPrefix: prefix, duplicateWindowMs: 600_000, publishTimeoutMs: 1500 }, idleMs: 100, owner: `thread-${Math.random()}` },
      (error) => errors.push(error),
    );
    try {
      // Written after the thread started: it hears of them through the outbox's notice.
      await writeEvents(31, 3);
      await until('the thread to publish everything', async () => {
        const unplaced = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM domain_events WHERE position IS NULL');
        return unplaced.rows[0]!.n === 0 && (await sinkPosition(t.db, NATS_SINK)) === (await headPosition(t.db));
      });
    } finally {
      await thread.stop();
    }
    expect(errors).toEqual([]);
    const stored = await storedEvents();
    const all = await t.db.query<{ event_id: string }>('SELECT event_id::text FROM domain_events ORDER BY position');
    expect(stored.map((e) => e.eventId)).toEqual(all.rows.map((r) => r.event_id));
    // Its lease went with it: a relay started now takes over at once.
    const lease = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM event_relay_lease WHERE lease_until > now()`);
    expect(lease.rows[0]!.n).toBe(0);
  }, 120_000);

  it('a relay thread that cannot reach its database refuses to start, naming why', async () => {
    await expect(startRelayThread('postgres://nobody@127.0.0.1:1/none', { idleMs: 100 }, () => undefined)).rejects.toThrow(/event relay thread could not start: .*ECONNREFUSED/);
  });

  it('a NATS that cannot be reached is reported, not fatal, and nothing moves', async () => {
    const before = await sinkPosition(t.db, NATS_SINK);
    await writeEvents(3, 1);
    await sequenceAll(t.db);
    const errors: unknown[] = [];
    const relay = startEventRelay(t.db, {
      nats: { servers: ['nats://127.0.0.1:1'], stream, subjectPrefix: prefix, duplicateWindowMs: 600_000, publishTimeoutMs: 500 },
      idleMs: 100,
      owner: `test-${Math.random()}`,
      onError: (error) => errors.push(error),
    });
    try {
      await until('an error', () => errors.length > 0);
      expect(await sinkPosition(t.db, NATS_SINK)).toBe(before);
    } finally {
      await relay.stop();
    }
  });

  it('a pipelined chain is never stored past a message that did not make it: the rest waits for it', async () => {
    const chainStream = `${stream}_CHAIN`;
    const chainPrefix = `${prefix}chain`;
    const sink = createNatsSink({ servers: [`nats://${NATS.host}:${NATS.port}`], stream: chainStream, subjectPrefix: chainPrefix, duplicateWindowMs: 600_000, publishTimeoutMs: 2000 });
    const event = (n: number, payload: Record<string, unknown> = { n }): DomainEvent => ({
      position: n,
      eventId: randomUUID(),
      site: 'MAIN',
      aggregateType: 'lot',
      aggregateId: 'lot-A',
      eventType: 'lot.on_hold',
      occurredAt: new Date().toISOString(),
      payload,
    });
    const events = [1, 2, 3, 4, 5].map((n) => event(n));
    // The second is lost on the way (the client refuses a body over the server's limit), while
    // the three after it are sent all the same.
    const lost = { ...events[1]!, payload: { n: 2, filler: 'x'.repeat(2 * 1024 * 1024) } };
    try {
      const first = await sink.publishChain([events[0]!, lost, ...events.slice(2)]);
      expect(first.acks).toHaveLength(1);
      expect(first.failure).toBeDefined();
      const inStream = async () => {
        const info = await jsm.streams.info(chainStream);
        const ids: string[] = [];
        for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) ids.push((await jsm.streams.getMessage(chainStream, { seq }))!.json<DomainEvent>().eventId);
        return ids;
      };
      expect(await inStream()).toEqual([events[0]!.eventId]);
      // Sent again from the start, the first is a duplicate and the rest land in order.
      const again = await sink.publishChain(events);
      expect(again.failure).toBeUndefined();
      expect(again.acks.map((a) => a.duplicate)).toEqual([true, false, false, false, false]);
      expect(await inStream()).toEqual(events.map((e) => e.eventId));
    } finally {
      await sink.close();
      await jsm.streams.delete(chainStream).catch(() => undefined);
    }
  });
});
