import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Collection, StreamEvent } from '../../sync';
import { COLLECTIONS } from './collections';
import type { ChangeHub, HubEvent } from './hub';

/** Collections a device sees only its own rows of: their changes go only to the devices named. */
const DEVICE_SCOPED = new Set<Collection>((Object.keys(COLLECTIONS) as Collection[]).filter((name) => COLLECTIONS[name].scope === 'device'));

/** The collections of a change a device can see; `null` is the console, which sees every device's. */
export function visibleTo(deviceId: string | null, event: Extract<HubEvent, { type: 'changed' }>): Collection[] {
  const { collections, devices } = event.notice;
  return collections.filter((name) => deviceId === null || !DEVICE_SCOPED.has(name) || devices === undefined || devices.includes(deviceId));
}

/**
 * Streams change events until the client goes away: `resync` first (pull everything you may
 * have missed while disconnected) and again whenever the server may have missed notices, then
 * `changed` per burst of commits this device can see, coalesced over 50 ms so a device pulls
 * once per burst rather than once per op.
 */
export function streamChanges(c: Context, hub: ChangeHub, deviceId: string | null): Response {
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
    const closed = new Promise<void>((resolve) =>
      sse.onAbort(() => {
        unsubscribe();
        clearInterval(heartbeat);
        if (timer) clearTimeout(timer);
        resolve();
      }),
    );
    await send({ type: 'resync' });
    await closed;
  });
}
