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
  const start = () => {
    unlisten ??= db
      .listen(CHANGES_CHANNEL, (payload) => emit({ type: 'changed', notice: parseChangeNotice(payload) }), {
        onReconnect: () => emit({ type: 'resync' }),
        onError,
      })
      .catch((error: unknown) => {
        // Not listening yet (the database is down at start): try again with the next subscriber,
        // and meanwhile devices fall back to their periodic pull.
        unlisten = undefined;
        onError(error);
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
      listeners.clear();
      if (unlisten) await (await unlisten)().catch(() => undefined);
    },
  };
}
