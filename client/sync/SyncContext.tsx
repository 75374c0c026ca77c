import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LotlineDatabase } from '../db/database';
import type { LotStore } from '../db/lot-store';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import type { SyncEngine, SyncStatus } from './engine';
import type { PreviousEnrolmentRefusal } from './previous-enrolment';

/** Loaded after the first paint; offline the service worker has it precached like any chunk. */
const localData = () => import('./local-data');

export interface SyncValue {
  db: LotlineDatabase | null;
  /** Lots and balances, opened beside the database. */
  lotStore: LotStore | null;
  /** Push and pull now (after an op was written). */
  kick(): void;
  deviceEnrolled: boolean;
  /** The server would not record that this enrolment replaces the previous one: ops queued under it are refused. */
  previousRefused: PreviousEnrolmentRefusal | null;
}

const INITIAL: SyncStatus = { online: navigator.onLine, pending: 0, lastSyncAt: null, blocked: null, ready: true };
const SyncContext = createContext<SyncValue>({ db: null, lotStore: null, kick: () => undefined, deviceEnrolled: false, previousRefused: null });
// The status changes several times per scan (pending count, last sync); kept apart so only the
// parts that show it re-render, not the scanning screen under them.
const SyncStatusContext = createContext<SyncStatus>(INITIAL);

export const APP_VERSION = import.meta.env.VITE_APP_VERSION ?? '0.1.0';

/** Opens the local database for the signed-in user and, on an enrolled handheld, keeps it in sync. */
export function SyncProvider({ session, children }: { session: StoredSession; children: ReactNode }) {
  const [db, setDb] = useState<LotlineDatabase | null>(null);
  const [lotStore, setLotStore] = useState<LotStore | null>(null);
  const engine = useRef<SyncEngine | null>(null);
  const [status, setStatus] = useState<SyncStatus>(INITIAL);
  const [previousRefused, setPreviousRefused] = useState<PreviousEnrolmentRefusal | null>(null);
  const device = loadDevice();
  const deviceToken = device?.token;

  useEffect(() => {
    let cancelled = false;
    void localData()
      .then(({ openDatabase, openLotStore }) => Promise.all([openDatabase(), openLotStore()]))
      .then(([opened, lots]) => {
        if (cancelled) return;
        setDb(opened);
        setLotStore(lots);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!db || !lotStore || !deviceToken) return;
    let stopped = false;
    let stop = () => undefined as void;
    const headers = () => ({ authorization: `Bearer ${session.token}`, 'x-lotline-device': deviceToken });
    // The database is open, so its chunk is loaded already: this import answers at once.
    void localData().then(({ startSync, claimPreviousEnrolment }) => {
      if (stopped) return;
      const started = startSync(db, lotStore, {
        baseUrl: '',
        appVersion: APP_VERSION,
        headers,
        // A handheld enrolled again claims its previous enrolment before its first push: its queued ops carry the old device id.
        beforePush: async () => {
          const refusal = await claimPreviousEnrolment('', headers());
          if (refusal) setPreviousRefused(refusal);
        },
      });
      engine.current = started;
      const sub = started.status$.subscribe(setStatus);
      stop = () => {
        sub.unsubscribe();
        engine.current = null;
        void started.stop();
      };
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [db, lotStore, deviceToken, session.token]);

  const kick = useCallback(() => engine.current?.kick(), []);
  const deviceEnrolled = Boolean(deviceToken);
  const value = useMemo(() => ({ db, lotStore, kick, deviceEnrolled, previousRefused }), [db, lotStore, kick, deviceEnrolled, previousRefused]);
  return (
    <SyncContext.Provider value={value}>
      <SyncStatusContext.Provider value={status}>{children}</SyncStatusContext.Provider>
    </SyncContext.Provider>
  );
}

export const useSync = () => useContext(SyncContext);
export const useSyncStatus = () => useContext(SyncStatusContext);
