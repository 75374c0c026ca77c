import type { Db } from '../db';
import { CHANGES_CHANNEL, parseChangeNotice, type ChangeNotice } from './notify';

/** A change committed somewhere, or `resync`: notices may have been missed, every device pulls. */
export type HubEvent = { type: 'changed'; notice: ChangeNotice } | { type: 'resync' };
export type ChangeListener = (event: HubEvent) => void;

export interface ChangeHub {
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/**
 * Fans database change notifications out to this instance's open streams. It listens through
 * the database (LISTEN/NOTIFY), so a change committed by any instance reaches every device. The
 * listening connection comes back by itself after the database restarts; notices sent while it
 * was away are lost, so every stream is then told to resync.
 */
export function createChangeHub(db: Db, options: { onError?: (error: unknown) => void } = {}): ChangeHub {
  const onError = options.onError ?? ((error: unknown) => console.warn(`change notices: ${error instanceof Error ? error.message : String(error)}; listening again`));
  const listeners = new Set<ChangeListener>();
  const emit = (event: HubEvent) => {
    for (const listener of listeners) listener(event);
  };
  let unlisten: Promise<() => Promise<void>> | undefined;
  let closed = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const start = (): Promise<() => Promise<void>> => {
    unlisten ??= db
      .listen(CHANGES_CHANNEL, (payload) => emit({ type: 'changed', notice: parseChangeNotice(payload) }), {
        onReconnect: () => emit({ type: 'resync' }),
        onError,
      })
      .then((stop) => {
        // Listening after failed tries: notices sent meanwhile are gone.
        if (failures > 0) emit({ type: 'resync' });
        failures = 0;
        return stop;
      })
      .catch((error: unknown) => {
        unlisten = undefined;
        onError(error);
        // Open streams would otherwise stay deaf until another one opens: keep trying while any
        // is open; devices meanwhile fall back to their periodic pull.
        if (!closed && listeners.size > 0 && !retry) {
          retry = setTimeout(() => {
            retry = undefined;
            if (!closed && listeners.size > 0) void start();
          }, Math.min(10_000, 200 * 2 ** Math.min(failures, 6)));
        }
        failures++;
        return async () => undefined;
      });
    return unlisten;
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      void start();
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      listeners.clear();
      if (unlisten) await (await unlisten)().catch(() => undefined);
    },
  };
}
