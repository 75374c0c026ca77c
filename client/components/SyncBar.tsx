import { useTranslation } from 'react-i18next';
import { useSync, useSyncStatus } from '../sync/SyncContext';
import { formatTime } from '../util/format-time';

/** On every screen: how many ops wait to be sent, when the last sync finished, and a refusal that stops sync. Online or not is the top bar's. */
export function SyncBar() {
  const { t, i18n } = useTranslation();
  const { deviceEnrolled } = useSync();
  const status = useSyncStatus();
  if (!deviceEnrolled) return null;
  const last = status.lastSyncAt ? formatTime(i18n.resolvedLanguage, status.lastSyncAt, 'time') : t('sync.never');
  return (
    <div className={`sync-bar ${status.online ? 'online' : 'offline'}`} data-testid="sync-bar">
      <span>
        {t('sync.pending')}: <strong data-testid="pending-count">{status.pending}</strong>
      </span>
      <span>
        {t('sync.last')}: {last}
      </span>
      {status.blocked && (
        <span className="sync-blocked" role="alert" data-testid="sync-blocked">
          {t(`errors.${status.blocked.code}`, { defaultValue: status.blocked.message })}
        </span>
      )}
    </div>
  );
}
