import { jetstream, jetstreamManager, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { eventSubject } from '../../domain/events';
import type { DomainEvent } from './store';

export interface NatsSinkOptions {
  servers: string[];
  /** JetStream stream holding Lotline's events: LOTLINE by default. */
  stream: string;
  /** First subject token: `lotline`, so the stream takes `lotline.>`. */
  subjectPrefix: string;
  /**
   * How long JetStream remembers message ids. A relay that stops after publishing a batch but
   * before recording it publishes that batch again when it restarts; within this window the
   * stream drops the copies. An hour covers a restart by hand, not just a crash loop.
   */
  duplicateWindowMs: number;
  publishTimeoutMs: number;
}

export const DEFAULT_NATS_STREAM = 'LOTLINE';
export const DEFAULT_SUBJECT_PREFIX = 'lotline';

export interface NatsSink {
  /** Publishes one event with msgID = event id and waits for the stream's acknowledgement. */
  publish(event: DomainEvent): Promise<PubAck>;
  /**
   * Publishes events (in position order) pipelined, and returns the acknowledgements of the
   * longest run from the first that the stream stored, in order, with the first failure after it.
   */
  publishChain(events: readonly DomainEvent[]): Promise<{ acks: PubAck[]; failure?: unknown }>;
  close(): Promise<void>;
}

/**
 * A JetStream publisher that connects when first needed and keeps reconnecting for ever once
 * connected (the client's own reconnect, with the subscriptions and nothing buffered of ours);
 * a connection that the client gave up on is dropped and opened anew on the next publish. The
 * stream is made if it is missing; one an operator made with other limits is left as it is.
 */
export function createNatsSink(options: NatsSinkOptions): NatsSink {
  let connection: { nc: NatsConnection; js: JetStreamClient } | undefined;
  let connecting: Promise<{ nc: NatsConnection; js: JetStreamClient }> | undefined;
  let closed = false;

  async function open(): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    const nc = await connect({ servers: options.servers, name: 'lotline-event-relay', maxReconnectAttempts: -1, reconnectTimeWait: 500, timeout: 5000 });
    try {
      const jsm = await jetstreamManager(nc);
      const subjects = [`${options.subjectPrefix}.>`];
      const found = await jsm.streams.info(options.stream).catch((error: unknown) => {
        if (error instanceof Error && /stream not found/i.test(error.message)) return null;
        throw error;
      });
      if (!found) {
        await jsm.streams.add({ name: options.stream, subjects, duplicate_window: options.duplicateWindowMs * 1_000_000 });
      }
      return { nc, js: jetstream(nc, { timeout: options.publishTimeoutMs }) };
    } catch (error) {
      await nc.close().catch(() => undefined);
      throw error;
    }
  }

  async function ready(): Promise<JetStreamClient> {
    if (closed) throw new Error('the NATS sink is closed');
    if (connection && connection.nc.isClosed()) connection = undefined;
    if (connection) return connection.js;
    connecting ??= open().finally(() => {
      connecting = undefined;
    });
    connection = await connecting;
    return connection.js;
  }

  const send = (js: JetStreamClient, event: DomainEvent, after?: DomainEvent) =>
    js.publish(eventSubject(options.subjectPrefix, event.site, event.eventType), JSON.stringify(event), {
      msgID: event.eventId,
      expect: after ? { streamName: options.stream, lastMsgID: after.eventId } : { streamName: options.stream },
      timeout: options.publishTimeoutMs,
    });

  return {
    async publish(event) {
      return send(await ready(), event);
    },
    /*
     * Waiting for each acknowledgement before the next publish costs a round trip per event.
     * Pipelined, a lost message could be overtaken by the next (sent again on a new connection
     * after a reconnect, say) and land out of order when retried. So each event after the first
     * expects the one before it to be the stream's last message id: JetStream refuses it
     * otherwise, and so everything after a gap, until the gap is filled. JetStream checks a
     * message id against its duplicates before that expectation, so a chain sent again after a
     * partial failure is acknowledged as duplicates up to the gap and stored from there on.
     * The first event goes alone, without an expectation: what the stream ends with is not
     * known (an earlier relay's batch, a message someone else published).
     */
    async publishChain(events) {
      const js = await ready();
      const acks: PubAck[] = [];
      if (events.length === 0) return { acks };
      try {
        acks.push(await send(js, events[0]!));
      } catch (failure) {
        return { acks, failure };
      }
      const rest = await Promise.allSettled(events.slice(1).map((event, i) => send(js, event, events[i])));
      for (const result of rest) {
        if (result.status === 'rejected') return { acks, failure: result.reason };
        acks.push(result.value);
      }
      return { acks };
    },
    async close() {
      closed = true;
      const pending = connecting ? await connecting.catch(() => undefined) : connection;
      connection = undefined;
      if (pending && !pending.nc.isClosed()) await pending.nc.close().catch(() => undefined);
    },
  };
}
