import { useTranslation } from 'react-i18next';
import { useSync, useSyncStatus } from '../sync/SyncContext';
import type { TFunction } from 'i18next';
import { formatTime } from '../util/format-time';

/** The reason a push failed, in the user's words when this app knows the server's code for it. */
function blockedParams(t: TFunction, params: Record<string, string | number> | undefined): Record<string, string | number> {
  if (!params) return {};
  const reason = typeof params.cause === 'string' ? t(`errors.${params.cause}`, { defaultValue: String(params.reason ?? params.cause) }) : params.reason;
  return { ...params, ...(reason !== undefined ? { reason } : {}) };
}

/** On every screen: how many ops wait to be sent, when the last sync finished, a first sync not yet finished, and a refusal that stops sync. Online or not is the top bar's. */
export function SyncBar() {
  const { t, i18n } = useTranslation();
  const { deviceEnrolled, previousRefused } = useSync();
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
      {!status.ready && (
        <span className={status.online ? 'sync-first' : 'sync-first sync-blocked'} role="status" data-testid="first-sync">
          {t(status.online ? 'sync.firstSync' : 'sync.firstSyncOffline')}
        </span>
      )}
      {previousRefused && (
        <span className="sync-blocked" role="alert" data-testid="previous-refused">
          {t('sync.previousRefused', { reason: t(`enrol.refused.${previousRefused.code}`, { defaultValue: previousRefused.message }) })}
        </span>
      )}
      {status.blocked && (
        <span className="sync-blocked" role="alert" data-testid="sync-blocked">
          {t(`errors.${status.blocked.code}`, { ...blockedParams(t, status.blocked.params), defaultValue: status.blocked.message })}
        </span>
      )}
    </div>
  );
}
