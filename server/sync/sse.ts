import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Collection, StreamEvent } from '../../sync';
import type { ChangeHub } from './hub';

/**
 * Streams change events until the client goes away: `resync` first (pull everything you may
 * have missed while disconnected), then `changed` per burst of commits, coalesced over 50 ms so
 * a device pulls once per burst rather than once per op.
 */
export function streamChanges(c: Context, hub: ChangeHub): Response {
  return streamSSE(c, async (sse) => {
    const send = (event: StreamEvent) => sse.writeSSE({ event: event.type, data: JSON.stringify(event) });
    let pending = new Set<Collection>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = hub.subscribe((collections) => {
      for (const name of collections) pending.add(name);
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
