import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { openDatabase, type LotlineDatabase } from '../db/database';
import { openLotStore, type LotStore } from '../db/lot-store';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import { startSync, type SyncEngine, type SyncStatus } from './engine';
import { claimPreviousEnrolment, type PreviousEnrolmentRefusal } from './previous-enrolment';

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
    void Promise.all([openDatabase(), openLotStore()]).then(([opened, lots]) => {
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
    const headers = () => ({ authorization: `Bearer ${session.token}`, 'x-lotline-device': deviceToken });
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
    return () => {
      sub.unsubscribe();
      engine.current = null;
      void started.stop();
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
