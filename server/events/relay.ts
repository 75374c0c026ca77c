import { hostname } from 'node:os';
import { DEFAULT_RETRY } from '../../domain/events';
import type { Db } from '../db';
import { advanceSink, holdRelayLease, releaseRelayLease, sinkPosition } from './lease';
import { createNatsSink, type NatsSink, type NatsSinkOptions } from './nats-sink';
import { eventsAfter, sequenceEvents, type DomainEvent } from './store';
import { deliverWebhooks, fanOutWebhooks, type WebhookSettings } from './webhooks';

export const EVENTS_CHANNEL = 'lotline_domain_events';
export const NATS_SINK = 'nats';

export interface RelayOptions {
  /** JetStream, when LOTLINE_NATS_URL is set; webhooks and the events API work without it. */
  nats?: NatsSinkOptions | undefined;
  webhooks?: Partial<WebhookSettings> | undefined;
  /** Names this process in the lease. */
  owner?: string;
  leaseSeconds?: number;
  /** Looks again at least this often without a notice (retries come due, a notice was missed). */
  idleMs?: number;
  /** Events published to JetStream per batch; the sink's position is recorded after each batch. */
  natsBatch?: number;
  /** Told of each event JetStream acknowledged (with whether it was a duplicate it dropped). */
  onPublished?: (event: DomainEvent, duplicate: boolean) => void;
  onError?: (error: unknown) => void;
}

export interface EventRelay {
  /** One pass: place new events, publish them, fan out and send webhooks. */
  runOnce(): Promise<void>;
  /** Stops after the pass under way; lets the lease go and closes the NATS connection. */
  stop(): Promise<void>;
}

/**
 * Publishes JetStream batch by batch: each event waits for its acknowledgement before the next
 * goes (one failure cannot let a later event of the same lot overtake an earlier one), and the
 * position moves only after the batch's acknowledgements. A relay stopped in the middle
 * publishes the batch again from its start; the stream drops the copies by message id. The
 * lease is renewed before each batch, so a long backlog does not outlive it.
 */
async function publishToNats(db: Db, sink: NatsSink, batch: number, leased: () => Promise<boolean>, onPublished: RelayOptions['onPublished']): Promise<number> {
  let published = 0;
  while (await leased()) {
    const from = await sinkPosition(db, NATS_SINK);
    const events = await eventsAfter(db, from, batch);
    if (events.length === 0) return published;
    for (const event of events) {
      const ack = await sink.publish(event);
      onPublished?.(event, ack.duplicate);
    }
    await advanceSink(db, NATS_SINK, events.at(-1)!.position);
    published += events.length;
  }
  return published;
}

/**
 * Reports a failure once, then again only when it changes or a minute has passed: a NATS
 * server that is down for an hour should not write a line every second.
 */
function quietReporter(report: (error: unknown) => void, everyMs = 60_000): (error: unknown) => void {
  let last = '';
  let at = 0;
  return (error) => {
    const text = error instanceof Error ? error.message : String(error);
    if (text === last && Date.now() - at < everyMs) return;
    last = text;
    at = Date.now();
    report(error);
  };
}

/**
 * Runs `work` one at a time: a call while it runs asks for one more run after it, so a wake-up
 * is never lost and never doubles the work. A failure is reported, not thrown.
 */
function lane(work: () => Promise<void>, report: (error: unknown) => void): { run(): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await work().catch(report);
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  return { run, idle: async () => void (await running) };
}

/**
 * The outbox relay of this server process: leased so that of several instances on one
 * PostgreSQL one publishes; woken by the outbox's NOTIFY and otherwise every `idleMs`. A failed
 * pass (NATS away, PostgreSQL restarting, a receiver down) is reported and tried again; nothing
 * is lost, because every sink's position moves only after what it covers was delivered.
 */
export function startEventRelay(db: Db, options: RelayOptions = {}): EventRelay {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const leaseSeconds = options.leaseSeconds ?? 30;
  const idleMs = options.idleMs ?? 1000;
  const webhookSettings: WebhookSettings = { retry: DEFAULT_RETRY, timeoutMs: 10_000, perPass: 50, ...options.webhooks };
  const nats = options.nats ? createNatsSink(options.nats) : undefined;
  const report = quietReporter(options.onError ?? ((error: unknown) => console.error('event relay:', error)));
  let stopped = false;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let leaseHeld = false;

  // Renewed when a third of it is used, not on every pass: an idle plant's relay then writes
  // to the database a few times a minute, not every second.
  let renewedAt = 0;
  async function leased(): Promise<boolean> {
    if (stopped) return false;
    if (leaseHeld && Date.now() - renewedAt < (leaseSeconds * 1000) / 3) return true;
    leaseHeld = await holdRelayLease(db, owner, leaseSeconds);
    if (leaseHeld) renewedAt = Date.now();
    return leaseHeld;
  }

  // Two lanes, so a receiver that takes its ten seconds to time out does not hold up JetStream:
  // one places new events and publishes them, the other fans out and sends webhooks.
  const webhookLane = lane(async () => {
    if (!(await leased())) return;
    await fanOutWebhooks(db);
    await deliverWebhooks(db, webhookSettings, stopping.signal);
  }, report);
  const publishLane = lane(async () => {
    if (!(await leased())) return;
    let placed = 0;
    for (let n; (n = await sequenceEvents(db)) > 0 && !stopped; ) placed += n;
    if (placed > 0) void webhookLane.run();
    if (nats) await publishToNats(db, nats, options.natsBatch ?? 200, leased, options.onPublished);
  }, report);

  async function runOnce(): Promise<void> {
    await publishLane.run();
    await webhookLane.run();
  }

  function wake(): void {
    if (stopped) return;
    void publishLane.run();
    void webhookLane.run();
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      wake();
      schedule();
    }, idleMs);
    timer.unref();
  }

  void db
    .listen(EVENTS_CHANNEL, wake, { onReconnect: wake, onError: report })
    .then((stop) => {
      if (stopped) void stop();
      else unlisten = stop;
    })
    .catch(report);
  wake();
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      stopping.abort();
      clearTimeout(timer);
      await Promise.all([publishLane.idle(), webhookLane.idle()]);
      await unlisten?.().catch(report);
      if (leaseHeld) await releaseRelayLease(db, owner).catch(report);
      await nats?.close();
    },
  };
}
