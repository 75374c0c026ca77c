import { Subject } from 'rxjs';
import { recallHold } from '../../domain/recall/hold';
import type { BalanceDoc, Checkpoint, LotDoc } from '../../sync';
import { DocIndex } from './doc-index';
import { STOCK_COLLECTIONS, StockLog, type StockCollection } from './stock-log';

export type { StockCollection } from './stock-log';

/** Bumped when the shape of a stored lot or balance changes: a new name starts a fresh first sync. */
export const STOCK_STORE_NAME = 'lotline-stock-v2';

/** Old versions in the log beyond this many times the live documents (plus some slack) trigger a rewrite. */
const REWRITE_RATIO = 2;
const REWRITE_SLACK = 5000;

/**
 * What the handheld knows of lots and where their stock is: every lot and balance the server
 * sent, in memory with the lookups the screens make, kept in IndexedDB as a log of pulled pages.
 * These two collections are only ever pulled, never edited on the device, and are most of what a
 * first sync brings (a plant's 50,000 lots and 100,000 balances); as RxDB documents each was five
 * indexed IndexedDB records and a first sync took a minute.
 */
export class LotStore {
  readonly lots = new DocIndex<LotDoc, 'label' | 'number' | 'gtin'>({ label: (l) => labelKey(l.gtin, l.lotNumber), number: (l) => l.lotNumber, gtin: (l) => l.gtin });
  readonly balances = new DocIndex<BalanceDoc, 'lot'>({ lot: (b) => b.lotId });
  /** Says which collection changed, after the change is stored and visible. */
  readonly changed$ = new Subject<StockCollection>();
  private readonly checkpoints: Record<StockCollection, Checkpoint | null> = { lots: null, balances: null };
  private readonly logged: Record<StockCollection, number> = { lots: 0, balances: 0 };
  private readonly writing: Record<StockCollection, Promise<void>> = { lots: Promise.resolve(), balances: Promise.resolve() };

  private constructor(private readonly log: StockLog) {}

  static async open(name = STOCK_STORE_NAME): Promise<LotStore> {
    const log = await StockLog.open(name);
    const store = new LotStore(log);
    const contents = await log.read();
    for (const collection of STOCK_COLLECTIONS) {
      const index = store.indexOf(collection);
      for (const page of contents.pages[collection]) {
        index.apply(page as never);
        store.logged[collection] += page.length;
      }
      store.checkpoints[collection] = contents.checkpoints[collection];
    }
    return store;
  }

  /** Where the last stored pull of a collection stopped; null before its first page. */
  checkpoint(collection: StockCollection): Checkpoint | null {
    return this.checkpoints[collection];
  }

  count(collection: StockCollection): number {
    return this.indexOf(collection).size;
  }

  /** Stores a pulled page with the checkpoint after it, then makes it visible. Pages of one collection are stored in the order given. */
  write(collection: StockCollection, docs: readonly ((LotDoc | BalanceDoc) & { _deleted?: boolean })[], checkpoint: Checkpoint | null): Promise<void> {
    const next = this.writing[collection].then(async () => {
      const index = this.indexOf(collection);
      await this.log.append(collection, docs, checkpoint);
      index.apply(docs as never);
      this.logged[collection] += docs.length;
      if (checkpoint) this.checkpoints[collection] = checkpoint;
      if (this.logged[collection] > REWRITE_RATIO * index.size + REWRITE_SLACK) {
        const live = [...index.values()];
        await this.log.rewrite(collection, live, this.checkpoints[collection]);
        this.logged[collection] = live.length;
      }
      this.changed$.next(collection);
    });
    // The next write waits for this one whether it worked or not; the caller sees the failure.
    this.writing[collection] = next.catch(() => undefined);
    return next;
  }

  /**
   * A recall's hold, learnt from the case before its lots arrive: each held lot this device has,
   * where it may still be recalled, is stored as the opening made it, recalled and naming the case,
   * so every screen refuses it now.
   * Stored without a checkpoint: the lots pull still brings the server's rows, which agree.
   * Returns how many lots changed here.
   */
  applyHold(caseNumber: string, lotIds: readonly string[]): Promise<number> {
    let changed = 0;
    const next = this.writing.lots.then(async () => {
      const held: LotDoc[] = [];
      for (const id of lotIds) {
        const lot = this.lots.get(id);
        // A lot this device already knows as scrapped or returned has moved on since the opening.
        if (lot && recallHold(lot.status) === 'recall') held.push({ ...lot, status: 'recalled', recallCase: caseNumber });
      }
      if (held.length === 0) return;
      await this.log.append('lots', held, null);
      this.lots.apply(held);
      this.logged.lots += held.length;
      changed = held.length;
      this.changed$.next('lots');
    });
    this.writing.lots = next.catch(() => undefined);
    return next.then(() => changed);
  }

  /** The lot a label names, by GTIN and lot number. */
  lotByLabel(gtin: string, lotNumber: string): LotDoc | null {
    return this.lots.where('label', [labelKey(gtin, lotNumber)])[0] ?? null;
  }

  lotsNumbered(lotNumbers: Iterable<string>): LotDoc[] {
    return this.lots.where('number', lotNumbers);
  }

  lotsOfProducts(gtins: Iterable<string>): LotDoc[] {
    return this.lots.where('gtin', gtins);
  }

  balancesOfLots(lotIds: Iterable<string>): BalanceDoc[] {
    return this.balances.where('lot', lotIds);
  }

  close(): void {
    this.changed$.complete();
    this.log.close();
  }

  private indexOf(collection: StockCollection): DocIndex<LotDoc, string> | DocIndex<BalanceDoc, string> {
    return collection === 'lots' ? this.lots : this.balances;
  }
}

let opening: Promise<LotStore> | undefined;

/** The app's one lot store; a failed opening is tried again on the next call. */
export function openLotStore(): Promise<LotStore> {
  opening ??= LotStore.open().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** NUL cannot appear in a GTIN (digits only), so it separates the two parts of a label's key. */
function labelKey(gtin: string, lotNumber: string): string {
  return `${gtin}\u0000${lotNumber}`;
}
