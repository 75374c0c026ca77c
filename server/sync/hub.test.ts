import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { createChangeHub, type HubEvent } from './hub';

/** A database whose LISTEN fails the first `failing` times, then listens; notify() plays a commit's notice. */
function flakyListener(failing: number) {
  let attempts = 0;
  let callback: ((payload: string) => void) | undefined;
  const db = {
    async listen(_channel: string, cb: (payload: string) => void) {
      attempts++;
      if (attempts <= failing) throw new Error('connection terminated');
      callback = cb;
      return async () => {
        callback = undefined;
      };
    },
  } as unknown as Db;
  return { db, attempts: () => attempts, notify: (payload: string) => callback?.(payload) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the change hub when the database refuses to listen', () => {
  it('keeps trying while a stream is open, then tells it to resync and passes changes on', async () => {
    vi.useFakeTimers();
    const database = flakyListener(3);
    const hub = createChangeHub(database.db, { onError: () => undefined });
    const events: HubEvent['type'][] = [];
    hub.subscribe((event) => events.push(event.type));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(database.attempts()).toBe(4);
    expect(events).toEqual(['resync']);
    database.notify(JSON.stringify({ collections: ['lots'] }));
    expect(events).toEqual(['resync', 'changed']);
    await hub.close();
  });

  it('stops trying once no stream is open, and when closed', async () => {
    vi.useFakeTimers();
    const database = flakyListener(100);
    const hub = createChangeHub(database.db, { onError: () => undefined });
    const unsubscribe = hub.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(1_000);
    const tried = database.attempts();
    expect(tried).toBeGreaterThan(1);
    unsubscribe();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(database.attempts()).toBeLessThanOrEqual(tried + 1);

    hub.subscribe(() => undefined);
    await hub.close();
    const atClose = database.attempts();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(database.attempts()).toBe(atClose);
  });

  it('does not resync a stream when the first LISTEN simply works', async () => {
    const database = flakyListener(0);
    const hub = createChangeHub(database.db);
    const events: HubEvent['type'][] = [];
    hub.subscribe((event) => events.push(event.type));
    await new Promise((resolve) => setTimeout(resolve, 10));
    database.notify(JSON.stringify({ collections: ['lots'] }));
    expect(events).toEqual(['changed']);
    await hub.close();
  });
});
