import { BehaviorSubject, Subject } from 'rxjs';
import type { Collection } from '../../sync';
import { pullIntoStore, replicateCollection, watchChanges, type Replication, type SyncTransport } from './replication';
import { afterPush, type PushTrouble } from './push-trouble';
import { syncRefusal, type SyncRefusal } from './refusal';
import { pullBursts } from './pull-burst';
import type { LotlineDatabase } from '../db/database';
import type { LotStore, StockCollection } from '../db/lot-store';

export interface SyncStatus {
  /** The server answered the last request. */
  online: boolean;
  pending: number;
  lastSyncAt: string | null;
  /** A refusal that needs a person: revoked device, expired session, old app, pushes the server keeps failing. */
  blocked: SyncRefusal | null;
  /**
   * Every collection has been pulled to its end at least once on this device. Until then the
   * handheld may not know every lot, balance or location, and going out of coverage leaves it so.
   */
  ready: boolean;
}

const PERIODIC_PULL_MS = 60_000;
/** Kept beside the database: clearing the site's data clears both. */
const READY_KEY = 'lotline.firstSyncDone';

/** Pulled into RxDB collections; the screens query them live. */
const DOWN: Collection[] = ['items', 'locations', 'picklists', 'printers', 'templates', 'recalls', 'containers', 'inbound'];
/** Pulled into the lot store: most of a plant's data, read by key. */
const STOCK: StockCollection[] = ['lots', 'balances'];

export interface SyncEngine {
  status$: BehaviorSubject<SyncStatus>;
  /** Pushes and pulls now, e.g. after an op was written. */
  kick(): void;
  stop(): Promise<void>;
}

/** Starts replicating every collection with the server and keeps a status for the screens. */
export function startSync(db: LotlineDatabase, stock: LotStore, transport: Omit<SyncTransport, 'queueDepth'>, appVersion = transport.appVersion): SyncEngine {
  const status$ = new BehaviorSubject<SyncStatus>({ online: navigator.onLine, pending: 0, lastSyncAt: localStorage.getItem('lotline.lastSync'), blocked: null, ready: localStorage.getItem(READY_KEY) !== null });
  let pending = 0;
  const full: SyncTransport = { ...transport, appVersion, queueDepth: () => pending };
  const signals = new Map<Collection, Subject<'RESYNC'>>();
  const replications: Replication[] = [];
  // Retrying the same batch every few seconds looks like "offline" forever unless it is said.
  let trouble: PushTrouble = { failures: 0, blocked: null };
  const onPushed = (error: unknown) => {
    const was = trouble.blocked;
    trouble = afterPush(trouble, error);
    const current = status$.value.blocked;
    if (trouble.blocked) update({ blocked: trouble.blocked, online: true });
    else if (was && current?.code === 'push_failing') update({ blocked: null });
  };
  for (const name of [...DOWN, ...STOCK, 'ops'] as Collection[]) {
    const resync = new Subject<'RESYNC'>();
    signals.set(name, resync);
    if (name === 'lots' || name === 'balances') {
      // The lots pull ends on an empty page: it tells the server the checkpoint the device stored,
      // which acknowledges the recall holds among the lots it brought.
      replications.push(pullIntoStore({ name, store: stock, transport: full, resync, confirmEnd: name === 'lots' }));
      continue;
    }
    const replication = replicateCollection({
      name,
      // The collections share one shape at this border: documents with an id.
      collection: db.collections[name as keyof typeof db.collections] as never,
      transport: full,
      resync,
      push: name === 'ops',
      ...(name === 'ops' ? { onPushed } : {}),
    });
    replications.push(replication as unknown as Replication);
  }

  // Screens re-render on every status; while a clerk scans, eight replications settle several
  // times a second, so only a change anyone can see is passed on.
  const update = (patch: Partial<SyncStatus>) => {
    const current = status$.value;
    if ((Object.keys(patch) as (keyof SyncStatus)[]).every((key) => patch[key] === current[key])) return;
    status$.next({ ...current, ...patch });
  };
  const subscriptions = replications.flatMap((r) => [
    r.error$.subscribe((error) => {
      const refusal = syncRefusal(error);
      if (refusal) update({ blocked: refusal, online: true });
      else update({ online: false });
    }),
    r.active$.subscribe((active) => {
      if (!active && status$.value.blocked === null && navigator.onLine) {
        const last = status$.value.lastSyncAt;
        if (last !== null && Date.now() - Date.parse(last) < 1000) return update({ online: true });
        const now = new Date().toISOString();
        localStorage.setItem('lotline.lastSync', now);
        update({ online: true, lastSyncAt: now });
      }
    }),
  ]);
  const pendingSub = db.ops.find({ selector: { status: 'queued' } }).$.subscribe((docs) => {
    pending = docs.length;
    update({ pending });
  });
  // An opened case names the lots it holds: applied to the lots here at once, a step ahead of the
  // lots pull. Should storing it fail, that pull still brings the same lots recalled.
  const holdSub = db.recalls.find().$.subscribe((cases) => {
    for (const c of cases) if (c.heldLots.length > 0) void stock.applyHold(c.number, c.heldLots).catch(() => undefined);
  });

  const abort = new AbortController();
  const downReplications = replications.slice(0, DOWN.length + STOCK.length);
  if (!status$.value.ready) {
    void Promise.all(downReplications.map((r) => r.awaitInitialReplication())).then(
      () => {
        if (abort.signal.aborted) return;
        localStorage.setItem(READY_KEY, new Date().toISOString());
        update({ ready: true });
      },
      // A cancelled replication (sign-out) ends the wait; the next start waits again.
      () => undefined,
    );
  }
  // While a clerk scans carton after carton, every push is followed by a change event; pulling
  // once per quiet moment instead of once per event keeps the main thread for the next scan.
  const bursts = pullBursts<Collection>((names) => {
    for (const name of names) signals.get(name)?.next('RESYNC');
  }, { quietMs: 400, maxWaitMs: 1500 });
  watchChanges(
    full,
    (collections) => {
      update({ online: true });
      bursts.add(collections === 'all' ? signals.keys() : collections);
      // A recall is rare and urgent: its hold is pulled now, not after the scanning burst settles.
      if (collections !== 'all' && collections.includes('recalls')) {
        signals.get('recalls')?.next('RESYNC');
        bursts.remove('recalls');
      }
    },
    abort.signal,
  );
  const onOnline = () => {
    update({ online: true });
    for (const r of replications) r.reSync();
  };
  const onOffline = () => update({ online: false });
  // Anti-entropy: a change notice can be lost (the stream was down, the server's listener was
  // reconnecting), so every collection is pulled now and then even when nothing was announced.
  const periodic = setInterval(() => {
    const blocked = status$.value.blocked;
    if (navigator.onLine && (blocked === null || blocked.code === 'push_failing')) for (const r of replications) r.reSync();
  }, PERIODIC_PULL_MS);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  return {
    status$,
    kick() {
      for (const r of replications) r.reSync();
    },
    async stop() {
      abort.abort();
      bursts.cancel();
      clearInterval(periodic);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      for (const s of subscriptions) s.unsubscribe();
      pendingSub.unsubscribe();
      holdSub.unsubscribe();
      await Promise.all(replications.map((r) => r.cancel()));
    },
  };
}
