import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomBytes, randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { eventSubject } from '../domain/events';
import type { Db } from '../server/db';
import { NATS_SINK, eventsAfter, type DomainEvent } from '../server/events';
import { natsReachable } from '../server/test-support/nats';
import { waitFor } from '../server/test-support/wait';
import { adminToken, enrolHandheld, plantOps, pushOps, type SimHandheld } from '../server/test-support/sim-handhelds';
import { admin } from './databases';
import { percentile, repeat, type Spread } from './report';
import { pgReachable, startBenchServer } from './sync-ingest';
import { BENCH_ADMIN_PASSWORD, BENCH_USER_PASSWORD } from './sync-plant';

/**
 * The outbox under a plant's ingest: 20 handhelds push their ops to a real server whose relay
 * publishes every domain event to NATS JetStream, and each event's lag is taken from the moment
 * its transaction committed to the moment JetStream stored it. Beside it, the floor: the same
 * messages (same subjects, the same bodies byte for byte, a message id each, a stream with the
 * same duplicate window) published straight from @nats-io/jetstream, one acknowledgement
 * awaited at a time and pipelined.
 *
 * Comparable clocks. Commit time: a bench-only DEFERRABLE INITIALLY DEFERRED trigger on
 * domain_events records clock_timestamp() per event; deferred triggers run inside COMMIT, just
 * before the commit record is flushed, so the time is at most the flush (well under a
 * millisecond here) before the true commit: the lag is overstated by that, never understated.
 * Publish time: the timestamp JetStream stores on the message when it persists it, just before
 * it sends the acknowledgement. PostgreSQL and NATS run on this host and read one system
 * clock; the bench checks each against Node's clock before it starts (a reading bracketed by
 * two of Node's) and reports how far apart they could be.
 */

export const NATS_URL = process.env.LOTLINE_NATS_URL ?? 'nats://127.0.0.1:4222';
const SCHEMA = 'lotline_bench_integration';

export interface OutboxFigures {
  devices: number;
  opsPerDevice: number;
  events: number;
  ingestOpsPerS: Spread;
  eventsPerS: Spread;
  lagP50Ms: Spread;
  lagP95Ms: Spread;
  lagMaxMs: Spread;
  eventLoopDelayP95Ms: Spread;
  burstEvents: number;
  burstEventsPerS: Spread;
  floorPerS: Spread;
  floorSequentialPerS: Spread;
  /** How far apart PostgreSQL's, NATS's and Node's clocks could be, at most (ms). */
  clockUncertaintyMs: { postgres: number; nats: number };
}

/** The bench's own commit clock (see above); dropped with the bench schema. */
async function installCommitClock(db: Db): Promise<void> {
  await db.exec(`
    CREATE UNLOGGED TABLE IF NOT EXISTS bench_event_commits (id bigint PRIMARY KEY, committed_at timestamptz NOT NULL);
    CREATE OR REPLACE FUNCTION bench_event_committed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO bench_event_commits VALUES (NEW.id, clock_timestamp());
      RETURN NULL;
    END;
    $$;
    DROP TRIGGER IF EXISTS bench_event_committed ON domain_events;
    CREATE CONSTRAINT TRIGGER bench_event_committed AFTER INSERT ON domain_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bench_event_committed();
  `);
}

/**
 * How far a clock can be from Node's: a reading taken between two of Node's readings is within
 * that bracket of it (or out by how far it falls outside). Every bracket bounds the gap; the
 * tightest of ten is the bound reported.
 */
async function clockGap(read: () => Promise<number>): Promise<number> {
  let bound = Infinity;
  for (let i = 0; i < 10; i++) {
    const before = Date.now();
    const at = await read();
    const after = Date.now();
    const outside = at < before ? before - at : at > after ? at - after : 0;
    bound = Math.min(bound, outside + (after - before));
  }
  return Math.round(bound * 10) / 10;
}

/** An RFC 3339 time with up to nanoseconds (as JetStream stores it) in ms since the epoch, keeping the fraction. */
function isoToMs(iso: string): number {
  const m = /^(.*T\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(iso);
  if (!m) throw new Error(`not a timestamp: ${iso}`);
  return Date.parse(`${m[1]}${m[3]}`) + Number(`0${m[2] ?? ''}`) * 1000;
}

/** Stored timestamps (ms since the epoch) by message id, of the stream's messages from `fromSeq`. */
async function storedTimes(js: JetStreamClient, jsm: JetStreamManager, stream: string, fromSeq: number): Promise<Map<string, number>> {
  const last = (await jsm.streams.info(stream)).state.last_seq;
  const times = new Map<string, number>();
  if (last < fromSeq) return times;
  const consumer = await js.consumers.get(stream, { opt_start_seq: fromSeq, deliver_policy: 'by_start_sequence' as never });
  const messages = await consumer.consume({ max_messages: 1000 });
  for await (const m of messages) {
    const id = m.headers?.get('Nats-Msg-Id');
    if (id) times.set(id, m.info.timestampNanos / 1e6);
    if (m.seq >= last) break;
  }
  await messages.close();
  return times;
}

/** Every committed event placed and published: the relay's JetStream position is the head. */
async function relayCaughtUp(db: Db): Promise<boolean> {
  const found = await db.query<{ waiting: number; head: string | null; sink: string | null }>(
    `SELECT (SELECT count(*)::int FROM domain_events WHERE position IS NULL) AS waiting,
            (SELECT max(position)::text FROM domain_events) AS head,
            (SELECT position::text FROM event_relay_positions WHERE sink = $1) AS sink`,
    [NATS_SINK],
  );
  const r = found.rows[0]!;
  return r.waiting === 0 && r.head === r.sink;
}

interface RunEvents {
  lagsMs: number[];
  firstCommit: number;
  lastStored: number;
  events: DomainEvent[];
}

/** The events written after `afterId`, each with its commit time and the time JetStream stored it. */
async function eventsOfRun(db: Db, js: JetStreamClient, jsm: JetStreamManager, stream: string, afterId: number, fromSeq: number): Promise<RunEvents> {
  const rows = await db.query<{ event_id: string; committed_ms: string; position: string }>(
    `SELECT d.event_id::text, (extract(epoch FROM c.committed_at) * 1000)::text AS committed_ms, d.position::text
       FROM domain_events d JOIN bench_event_commits c ON c.id = d.id WHERE d.id > $1 ORDER BY d.position`,
    [afterId],
  );
  if (rows.rows.length === 0) throw new Error('no events were written in the run');
  const stored = await storedTimes(js, jsm, stream, fromSeq);
  const lagsMs: number[] = [];
  let firstCommit = Infinity;
  let lastStored = 0;
  for (const r of rows.rows) {
    const at = stored.get(r.event_id);
    if (at === undefined) throw new Error(`event ${r.event_id} is not in the stream`);
    const committed = Number(r.committed_ms);
    lagsMs.push(at - committed);
    firstCommit = Math.min(firstCommit, committed);
    lastStored = Math.max(lastStored, at);
  }
  const fromPosition = Number(rows.rows[0]!.position) - 1;
  const events = await eventsAfter(db, fromPosition, rows.rows.length);
  return { lagsMs, firstCommit, lastStored, events };
}

/**
 * The floor: the run's events as the relay sends them (subject, JSON body), each with a fresh
 * message id, into a stream of their own. Sequential: one acknowledgement awaited at a time.
 * Pipelined: up to `window` publishes in flight on the one connection.
 */
async function publishFloor(js: JetStreamClient, stream: string, prefix: string, events: DomainEvent[], window: number): Promise<number> {
  const messages = events.map((e) => ({ subject: eventSubject(prefix, e.site, e.eventType), body: JSON.stringify(e) }));
  const started = performance.now();
  if (window <= 1) {
    for (const m of messages) await js.publish(m.subject, m.body, { msgID: randomUUID(), expect: { streamName: stream } });
  } else {
    let next = 0;
    const lane = async () => {
      while (next < messages.length) {
        const m = messages[next++]!;
        await js.publish(m.subject, m.body, { msgID: randomUUID(), expect: { streamName: stream } });
      }
    };
    await Promise.all(Array.from({ length: window }, lane));
  }
  return messages.length / ((performance.now() - started) / 1000);
}

/**
 * A burst such as a recall holding thousands of lots in one statement: `count` lot events
 * committed in one transaction, shaped like the lots trigger's, drained by the relay.
 */
async function writeBurst(db: Db, count: number): Promise<void> {
  await db.query(
    `INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload)
     SELECT 'lot', md5('burst' || g || clock_timestamp())::uuid::text, 'lot.on_hold',
            jsonb_build_object('lotId', md5('burst' || g)::uuid, 'lotNumber', 'BURST' || lpad(g::text, 8, '0'), 'itemId', md5('item')::uuid,
                               'from', 'released', 'to', 'on_hold', 'version', 2)
       FROM generate_series(1, $1::int) g`,
    [count],
  );
}

export async function measureOutbox(options: { pgUrl: string; runs: number; devices: number; opsPerDevice: number; burst: number; kind: 'postgres' | 'pglite'; log: (line: string) => void }): Promise<OutboxFigures | null> {
  const { pgUrl, runs, devices: deviceCount, opsPerDevice, burst, kind, log } = options;
  if (!(await natsReachable(new URL(NATS_URL).hostname, Number(new URL(NATS_URL).port || 4222)))) {
    log(`NATS at ${NATS_URL} is not reachable: the outbox figures are left out.`);
    return null;
  }
  if (kind === 'postgres' && !(await pgReachable(pgUrl))) {
    log(`PostgreSQL at ${pgUrl} is not reachable: the outbox figures are left out.`);
    return null;
  }
  const tag = randomBytes(4).toString('hex');
  const stream = `LOTLINE_BENCH_${tag}`;
  const floorStream = `LOTLINE_BENCH_FLOOR_${tag}`;
  const prefix = `lotlinebench${tag}`;
  const floorPrefix = `lotlinebenchfloor${tag}`;
  const nc: NatsConnection = await connect({ servers: NATS_URL, name: 'lotline-bench' });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc, { timeout: 10_000 });
  // The floor's stream is made as the relay makes its own: the same subjects pattern and duplicate window.
  await jsm.streams.add({ name: floorStream, subjects: [`${floorPrefix}.>`], duplicate_window: 3_600_000 * 1_000_000 });
  const setup = await startBenchServer(kind, pgUrl, { schema: SCHEMA, fresh: true, env: { LOTLINE_NATS_URL: NATS_URL, LOTLINE_NATS_STREAM: stream, LOTLINE_NATS_SUBJECT_PREFIX: prefix } });
  try {
    const { url, db } = setup.server;
    await installCommitClock(db);
    const pgGap = await clockGap(async () => Number((await db.query<{ ms: string }>('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::text AS ms')).rows[0]!.ms));
    await waitFor('the relay to make its stream', async () => (await jsm.streams.info(stream).then(() => true, () => false)), { timeoutMs: 30_000 });
    const natsGap = await clockGap(async () => {
      const ack = await js.publish(`${floorPrefix}.clock`, 'clock', { msgID: randomUUID() });
      const m = await jsm.streams.getMessage(floorStream, { seq: ack.seq });
      return isoToMs(m!.timestamp);
    });
    log(`  clocks: PostgreSQL within ${pgGap} ms of Node's, NATS within ${natsGap} ms`);

    const token = await adminToken(url, BENCH_ADMIN_PASSWORD);
    const devices: SimHandheld[] = [];
    for (let d = 0; d < deviceCount; d++) devices.push(await enrolHandheld(url, token, `outbox bench ${d}`, { username: 'clerk', password: setup.password ?? BENCH_USER_PASSWORD }));
    await waitFor('the demo data to be published', () => relayCaughtUp(db), { timeoutMs: 120_000 });

    let eventCount = 0;
    const figures = await repeat(runs, async (run) => {
      const lastId = async () => Number((await db.query<{ id: string | null }>('SELECT max(id)::text AS id FROM domain_events')).rows[0]!.id ?? 0);
      const lastSeq = async (name: string) => (await jsm.streams.info(name)).state.last_seq;

      // Ingest: every device pushes its ops at once; the relay publishes as they commit.
      const beforeId = await lastId();
      const beforeSeq = await lastSeq(stream);
      const perDevice = devices.map((device, d) => plantOps(device, opsPerDevice, `OB${tag}${run}D${d}-`));
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const started = performance.now();
      await Promise.all(devices.map((device, d) => pushOps(device, perDevice[d]!)));
      const ingestS = (performance.now() - started) / 1000;
      await waitFor('the relay to publish the ingest', () => relayCaughtUp(db), { timeoutMs: 120_000 });
      loop.disable();
      const ingest = await eventsOfRun(db, js, jsm, stream, beforeId, beforeSeq + 1);
      eventCount = ingest.lagsMs.length;

      // A burst committed at once: what the relay drains when it is not paced by the writers.
      const beforeBurstId = await lastId();
      const beforeBurstSeq = await lastSeq(stream);
      await writeBurst(db, burst);
      await waitFor('the relay to drain the burst', () => relayCaughtUp(db), { timeoutMs: 120_000 });
      const drained = await eventsOfRun(db, js, jsm, stream, beforeBurstId, beforeBurstSeq + 1);

      // The floor, the same bodies; alternating which way goes first.
      const floorOnce = (window: number) => publishFloor(js, floorStream, floorPrefix, ingest.events, window);
      let sequential: number;
      let pipelined: number;
      if (run % 2 === 0) {
        sequential = await floorOnce(1);
        pipelined = await floorOnce(256);
      } else {
        pipelined = await floorOnce(256);
        sequential = await floorOnce(1);
      }
      return {
        ingest_ops_per_s: (deviceCount * opsPerDevice) / ingestS,
        events_per_s: ingest.lagsMs.length / ((ingest.lastStored - ingest.firstCommit) / 1000),
        lag_p50_ms: percentile(ingest.lagsMs, 50),
        lag_p95_ms: percentile(ingest.lagsMs, 95),
        lag_max_ms: Math.max(...ingest.lagsMs),
        // The relay shares the server's event loop with the pushes it publishes for.
        event_loop_delay_p95_ms: loop.percentile(95) / 1e6,
        burst_events_per_s: drained.lagsMs.length / ((drained.lastStored - drained.firstCommit) / 1000),
        floor_per_s: pipelined,
        floor_sequential_per_s: sequential,
      };
    }, log);
    return {
      devices: deviceCount,
      opsPerDevice,
      events: eventCount,
      ingestOpsPerS: figures.ingest_ops_per_s,
      eventsPerS: figures.events_per_s,
      lagP50Ms: figures.lag_p50_ms,
      lagP95Ms: figures.lag_p95_ms,
      lagMaxMs: figures.lag_max_ms,
      eventLoopDelayP95Ms: figures.event_loop_delay_p95_ms,
      burstEvents: burst,
      burstEventsPerS: figures.burst_events_per_s,
      floorPerS: figures.floor_per_s,
      floorSequentialPerS: figures.floor_sequential_per_s,
      clockUncertaintyMs: { postgres: pgGap, nats: natsGap },
    };
  } finally {
    await setup.close();
    if (kind === 'postgres') await admin(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`, pgUrl);
    await jsm.streams.delete(stream).catch(() => undefined);
    await jsm.streams.delete(floorStream).catch(() => undefined);
    await nc.close();
  }
}
