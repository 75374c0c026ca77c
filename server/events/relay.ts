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
 * Publishes JetStream batch by batch, each batch pipelined as one chain (NatsSink.publishChain:
 * a later event is never stored ahead of an earlier one that failed). The position moves over
 * the acknowledged run of the batch only; a relay stopped in the middle publishes from there
 * again and the stream drops the copies by message id. The lease is renewed before each batch,
 * so a long backlog does not outlive it.
 */
async function publishToNats(db: Db, sink: NatsSink, batch: number, leased: () => Promise<boolean>, onPublished: RelayOptions['onPublished']): Promise<number> {
  let published = 0;
  while (await leased()) {
    const from = await sinkPosition(db, NATS_SINK);
    const events = await eventsAfter(db, from, batch);
    if (events.length === 0) return published;
    const { acks, failure } = await sink.publishChain(events);
    acks.forEach((ack, i) => onPublished?.(events[i]!, ack.duplicate));
    if (acks.length > 0) await advanceSink(db, NATS_SINK, events[acks.length - 1]!.position);
    published += acks.length;
    if (failure !== undefined) throw failure;
    // A short batch was everything placed: asking again would only find nothing.
    if (events.length < batch) return published;
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
export function startEventRelay(shared: Db, options: RelayOptions = {}): EventRelay {
  // Connections of its own: behind twenty handhelds' push transactions in the shared pool,
  // each of the relay's statements waited for one of them to commit, and the lag grew to seconds.
  const own = shared.separate?.(3);
  const db = own ?? shared;
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

  const webhookLane = lane(async () => {
    if (!(await leased())) return;
    await fanOutWebhooks(db);
    await deliverWebhooks(db, webhookSettings, stopping.signal);
  }, report);
  // Three lanes, so none waits for another: placing new events, publishing them to JetStream
  // (a batch is published while the next is being placed), and webhooks, whose receivers may
  // take their ten seconds to time out. Placing wakes the other two.
  const publishLane = lane(async () => {
    if (nats && (await leased())) await publishToNats(db, nats, options.natsBatch ?? 500, leased, options.onPublished);
  }, report);
  const placeLane = lane(async () => {
    if (!(await leased())) return;
    while (!stopped && (await sequenceEvents(db)) > 0) {
      void publishLane.run();
      void webhookLane.run();
    }
  }, report);

  async function runOnce(): Promise<void> {
    await placeLane.run();
    await publishLane.run();
    await webhookLane.run();
  }

  function wake(): void {
    if (stopped) return;
    void placeLane.run();
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
      await Promise.all([placeLane.idle(), publishLane.idle(), webhookLane.idle()]);
      await unlisten?.().catch(report);
      if (leaseHeld) await releaseRelayLease(db, owner).catch(report);
      await nats?.close();
      await own?.close();
    },
  };
}
