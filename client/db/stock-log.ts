import type { Checkpoint } from '../../sync';

export type StockCollection = 'lots' | 'balances';
export const STOCK_COLLECTIONS: readonly StockCollection[] = ['lots', 'balances'];

/** What the log gives back on opening: every page of each collection in the order written, and where each pull stopped. */
export interface StockLogContents {
  pages: Record<StockCollection, { _deleted?: boolean; id: string }[][]>;
  checkpoints: Record<StockCollection, Checkpoint | null>;
}

/**
 * The lots and balances as IndexedDB keeps them: each pulled page is one record, appended together
 * with the checkpoint it reached in one transaction, so a page is either stored with its
 * checkpoint or not at all. Writing a page of 5,000 documents as one value costs a fraction of
 * 5,000 indexed records, which is most of what a first sync of a plant used to spend. Reading
 * means replaying the pages in order; when old versions outweigh the live documents the log is
 * rewritten as the live documents alone.
 */
export class StockLog {
  private constructor(private readonly idb: IDBDatabase) {}

  static open(name: string): Promise<StockLog> {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        for (const collection of STOCK_COLLECTIONS) request.result.createObjectStore(collection, { autoIncrement: true });
        request.result.createObjectStore('checkpoints');
      };
      request.onsuccess = () => resolve(new StockLog(request.result));
      request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
      request.onblocked = () => reject(new Error(`${name} is held open by an older version of the app in another tab`));
    });
  }

  async read(): Promise<StockLogContents> {
    const tx = this.idb.transaction([...STOCK_COLLECTIONS, 'checkpoints'], 'readonly');
    const get = <T>(request: IDBRequest<T>) => done(request);
    const [lots, balances, lotsCheckpoint, balancesCheckpoint] = await Promise.all([
      get(tx.objectStore('lots').getAll() as IDBRequest<{ _deleted?: boolean; id: string }[][]>),
      get(tx.objectStore('balances').getAll() as IDBRequest<{ _deleted?: boolean; id: string }[][]>),
      get(tx.objectStore('checkpoints').get('lots') as IDBRequest<Checkpoint | undefined>),
      get(tx.objectStore('checkpoints').get('balances') as IDBRequest<Checkpoint | undefined>),
    ]);
    return { pages: { lots, balances }, checkpoints: { lots: lotsCheckpoint ?? null, balances: balancesCheckpoint ?? null } };
  }

  /** One pulled page and the checkpoint after it, together or not at all. */
  append(collection: StockCollection, docs: readonly unknown[], checkpoint: Checkpoint | null): Promise<void> {
    return this.write(collection, (store) => {
      if (docs.length > 0) store.add(docs);
    }, checkpoint);
  }

  /** Replaces the whole log of a collection with its live documents, in pages. */
  rewrite(collection: StockCollection, live: readonly unknown[], checkpoint: Checkpoint | null, pageSize = 5000): Promise<void> {
    return this.write(collection, (store) => {
      store.clear();
      for (let i = 0; i < live.length; i += pageSize) store.add(live.slice(i, i + pageSize));
    }, checkpoint);
  }

  close(): void {
    this.idb.close();
  }

  private write(collection: StockCollection, change: (store: IDBObjectStore) => void, checkpoint: Checkpoint | null): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.idb.transaction([collection, 'checkpoints'], 'readwrite');
      change(tx.objectStore(collection));
      if (checkpoint) tx.objectStore('checkpoints').put(checkpoint, collection);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error(`writing ${collection} failed`));
      tx.onabort = () => reject(tx.error ?? new Error(`writing ${collection} was aborted`));
    });
  }
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}
