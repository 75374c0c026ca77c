import type { Collection } from '../../sync';
import type { Db } from '../db';
import { CHANGES_CHANNEL } from './notify';

export type ChangeListener = (collections: Collection[]) => void;

export interface ChangeHub {
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/**
 * Fans database change notifications out to this instance's open streams. It listens through
 * the database (LISTEN/NOTIFY), so a change committed by any instance reaches every device.
 */
export function createChangeHub(db: Db): ChangeHub {
  const listeners = new Set<ChangeListener>();
  let unlisten: Promise<() => Promise<void>> | undefined;
  const start = () => {
    unlisten ??= db.listen(CHANGES_CHANNEL, (payload) => {
      const collections = payload.split(',').filter(Boolean) as Collection[];
      for (const listener of listeners) listener(collections);
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
