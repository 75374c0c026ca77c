import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Collection, StreamEvent } from '../../sync';
import { resolveSession } from '../auth';
import type { Queryable } from '../db';
import { COLLECTIONS } from './collections';
import type { ChangeHub, HubEvent } from './hub';

/** Collections a device sees only its own rows of: their changes go only to the devices named. */
const DEVICE_SCOPED = new Set<Collection>((Object.keys(COLLECTIONS) as Collection[]).filter((name) => COLLECTIONS[name].scope === 'device'));

/** The collections of a change a device can see; `null` is the console, which sees every device's. */
export function visibleTo(deviceId: string | null, event: Extract<HubEvent, { type: 'changed' }>): Collection[] {
  const { collections, devices } = event.notice;
  return collections.filter((name) => deviceId === null || !DEVICE_SCOPED.has(name) || devices === undefined || devices.includes(deviceId));
}

/** How often an open stream asks whether its session still stands (signed out, device revoked). */
export const SESSION_CHECK_MS = 2000;

/**
 * Whether the bearer session of the request that opened a stream still stands: signed out,
 * expired, user disabled or device revoked all end it. A database that does not answer ends
 * nothing: the next check asks again.
 */
export function sessionStillValid(db: Queryable, c: Context): () => Promise<boolean> {
  const header = c.req.header('authorization');
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  return async () => {
    try {
      return (await resolveSession(db, token)).status === 'valid';
    } catch {
      return true;
    }
  };
}

/**
 * Streams change events until the client goes away or its session ends: `resync` first (pull
 * everything you may have missed while disconnected) and again whenever the server may have
 * missed notices, then `changed` per burst of commits this device can see, coalesced over 50 ms
 * so a device pulls once per burst rather than once per op.
 */
export function streamChanges(c: Context, hub: ChangeHub, deviceId: string | null, stillValid: () => Promise<boolean>, checkEveryMs = SESSION_CHECK_MS): Response {
  return streamSSE(c, async (sse) => {
    const send = (event: StreamEvent) => sse.writeSSE({ event: event.type, data: JSON.stringify(event) });
    let pending = new Set<Collection>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = hub.subscribe((event) => {
      if (event.type === 'resync') {
        void send({ type: 'resync' });
        return;
      }
      const visible = visibleTo(deviceId, event);
      if (visible.length === 0) return;
      for (const name of visible) pending.add(name);
      timer ??= setTimeout(() => {
        timer = undefined;
        const collectionsChanged = [...pending];
        pending = new Set();
        void send({ type: 'changed', collections: collectionsChanged });
      }, 50);
    });
    const heartbeat = setInterval(() => void sse.write(': keep-alive\n\n'), 25_000);
    let end: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      end = () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(watch);
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
    // A stream outlives the request that authorised it: without this a signed-out user or a
    // revoked handheld would go on hearing about every change.
    let checking = false;
    const watch = setInterval(() => {
      if (checking) return;
      checking = true;
      void stillValid()
        .then((valid) => {
          if (!valid) end();
        })
        .finally(() => (checking = false));
    }, checkEveryMs);
    sse.onAbort(() => end());
    await send({ type: 'resync' });
    await closed;
  });
}
