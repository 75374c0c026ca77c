import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startWith } from 'rxjs';
import { loadDevice } from '../session/device';
import { useSync, useSyncStatus } from '../sync/SyncContext';

const COLLECTIONS = ['items', 'locations', 'lots', 'balances', 'picklists', 'printers', 'templates', 'ops'] as const;
const IN_DATABASE = ['items', 'locations', 'picklists', 'printers', 'templates', 'ops'] as const;

/** What this handheld holds: documents per collection, storage used, and whether it is persistent. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { db, lotStore } = useSync();
  const status = useSyncStatus();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [storage, setStorage] = useState<{ usage: number; quota: number; persisted: boolean } | null>(null);

  useEffect(() => {
    if (!db) return;
    const subs = IN_DATABASE.map((name) => db[name].count().$.subscribe((n) => setCounts((c) => ({ ...c, [name]: n }))));
    return () => subs.forEach((s) => s.unsubscribe());
  }, [db]);

  useEffect(() => {
    if (!lotStore) return;
    const sub = lotStore.changed$.pipe(startWith(null)).subscribe(() => setCounts((c) => ({ ...c, lots: lotStore.count('lots'), balances: lotStore.count('balances') })));
    return () => sub.unsubscribe();
  }, [lotStore]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // Ask the browser not to evict this data under storage pressure: unsynced ops live here.
      const persisted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
      const estimate = await navigator.storage?.estimate?.();
      if (!cancelled) setStorage({ usage: estimate?.usage ?? 0, quota: estimate?.quota ?? 0, persisted });
    })();
    return () => {
      cancelled = true;
    };
  }, [status.lastSyncAt]);

  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return (
    <section className="screen settings" data-testid="settings-screen">
      <h2>{t('settings.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('settings.device')}</dt>
          <dd>{loadDevice()?.id ?? t('enrol.title')}</dd>
        </div>
        <div>
          <dt>{t('settings.storage')}</dt>
          <dd data-testid="storage">
            {storage ? `${mb(storage.usage)} / ${mb(storage.quota)} · ${storage.persisted ? t('settings.persisted') : t('settings.notPersisted')}` : '…'}
          </dd>
        </div>
        {COLLECTIONS.map((name) => (
          <div key={name}>
            <dt>{t(`settings.collections.${name}`)}</dt>
            <dd data-testid={`count-${name}`}>{counts[name] ?? '…'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
