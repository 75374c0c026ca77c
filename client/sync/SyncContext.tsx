import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { openDatabase, type LotlineDatabase } from '../db/database';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import { startSync, type SyncEngine, type SyncStatus } from './engine';

export interface SyncValue {
  db: LotlineDatabase | null;
  /** Push and pull now (after an op was written). */
  kick(): void;
  status: SyncStatus;
  deviceEnrolled: boolean;
}

const INITIAL: SyncStatus = { online: navigator.onLine, pending: 0, lastSyncAt: null, blocked: null };
const SyncContext = createContext<SyncValue>({ db: null, kick: () => undefined, status: INITIAL, deviceEnrolled: false });

export const APP_VERSION = import.meta.env.VITE_APP_VERSION ?? '0.1.0';

/** Opens the local database for the signed-in user and, on an enrolled handheld, keeps it in sync. */
export function SyncProvider({ session, children }: { session: StoredSession; children: ReactNode }) {
  const [db, setDb] = useState<LotlineDatabase | null>(null);
  const engine = useRef<SyncEngine | null>(null);
  const [status, setStatus] = useState<SyncStatus>(INITIAL);
  const device = loadDevice();
  const deviceToken = device?.token;

  useEffect(() => {
    let cancelled = false;
    void openDatabase().then((opened) => {
      if (!cancelled) setDb(opened);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!db || !deviceToken) return;
    const started = startSync(db, {
      baseUrl: '',
      appVersion: APP_VERSION,
      headers: () => ({ authorization: `Bearer ${session.token}`, 'x-lotline-device': deviceToken }),
    });
    engine.current = started;
    const sub = started.status$.subscribe(setStatus);
    return () => {
      sub.unsubscribe();
      engine.current = null;
      void started.stop();
    };
  }, [db, deviceToken, session.token]);

  const kick = () => engine.current?.kick();
  return <SyncContext.Provider value={{ db, kick, status, deviceEnrolled: Boolean(deviceToken) }}>{children}</SyncContext.Provider>;
}

export const useSync = () => useContext(SyncContext);
