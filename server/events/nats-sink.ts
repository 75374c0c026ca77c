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

  return {
    async publish(event) {
      const js = await ready();
      const subject = eventSubject(options.subjectPrefix, event.site, event.eventType);
      return js.publish(subject, JSON.stringify(event), { msgID: event.eventId, expect: { streamName: options.stream }, timeout: options.publishTimeoutMs });
    },
    async close() {
      closed = true;
      const pending = connecting ? await connecting.catch(() => undefined) : connection;
      connection = undefined;
      if (pending && !pending.nc.isClosed()) await pending.nc.close().catch(() => undefined);
    },
  };
}
