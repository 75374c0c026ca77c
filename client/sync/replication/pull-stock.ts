import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { BalanceDoc, LotDoc } from '../../../sync';
import type { LotStore, StockCollection } from '../../db/lot-store';
import { comeBackForHeldRows, pullPage, type ResyncSignal, type SyncTransport } from './replicate';

/** What the sync engine watches of a replication, whether RxDB's or the lot store's. */
export interface Replication {
  readonly error$: Observable<unknown>;
  readonly active$: Observable<boolean>;
  reSync(): void;
  /** Resolves once the collection has been pulled to its end since this replication started. */
  awaitInitialReplication(): Promise<void>;
  cancel(): Promise<unknown>;
}

const RETRY_MS = 3000;

/**
 * Pulls a collection of the lot store page by page from its checkpoint until a short page says
 * the end is reached (with `confirmEnd`, until an empty page, so the server is sent the checkpoint
 * stored after the last rows: that pull is the device's word that it has them). One pull runs at a time; a signal during a pull runs one more after it. The
 * next page is fetched while the last is stored, so the server's time hides behind the device's.
 */
export function pullIntoStore(options: { name: StockCollection; store: LotStore; transport: SyncTransport; resync: ResyncSignal; batchSize?: number; confirmEnd?: boolean }): Replication {
  const { name, store, transport } = options;
  const batchSize = options.batchSize ?? 5000;
  const error$ = new Subject<unknown>();
  const active$ = new BehaviorSubject<boolean>(false);
  const heldRows = comeBackForHeldRows(options.resync);
  let cancelled = false;
  let running: Promise<void> | null = null;
  let again = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let reachedEnd: () => void = () => undefined;
  const initial = new Promise<void>((resolve) => (reachedEnd = resolve));

  const pullToEnd = async () => {
    let page = await pullPage<LotDoc | BalanceDoc>(transport, name, store.checkpoint(name), batchSize, { stored: true });
    for (;;) {
      if (cancelled) return;
      const full = page.documents.length >= batchSize && page.checkpoint !== null;
      const next = full ? pullPage<LotDoc | BalanceDoc>(transport, name, page.checkpoint, batchSize) : null;
      // A failed prefetch is reported by the await below, not as an unhandled rejection meanwhile.
      next?.catch(() => undefined);
      await store.write(name, page.documents, page.checkpoint);
      if (!next && options.confirmEnd && page.documents.length > 0 && page.checkpoint !== null) {
        page = await pullPage<LotDoc | BalanceDoc>(transport, name, page.checkpoint, batchSize, { stored: true });
        continue;
      }
      if (!next) {
        heldRows.afterPage(page, batchSize);
        return;
      }
      page = await next;
    }
  };

  const run = (): void => {
    if (cancelled) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(retry);
    active$.next(true);
    running = pullToEnd().then(
      () => {
        reachedEnd();
      },
      (error: unknown) => {
        error$.next(error);
        retry = setTimeout(run, RETRY_MS);
      },
    );
    void running.finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      } else active$.next(false);
    });
  };

  const subscription = options.resync.subscribe(() => run());
  run();
  return {
    error$,
    active$,
    reSync: run,
    awaitInitialReplication: () => initial,
    async cancel() {
      cancelled = true;
      subscription.unsubscribe();
      clearTimeout(retry);
      heldRows.cancel();
      await running;
      active$.complete();
      error$.complete();
    },
  };
}
