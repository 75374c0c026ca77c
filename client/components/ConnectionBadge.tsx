import { useTranslation } from 'react-i18next';
import type { Connection } from '../hooks/useOnline';
import { useSync, useSyncStatus } from '../sync/SyncContext';
import { shownConnection } from './connection-state';

export function ConnectionBadge({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  const { deviceEnrolled } = useSync();
  const state = shownConnection(connection.state, useSyncStatus(), deviceEnrolled);
  return (
    <span className={`connection-badge ${state}`} role="status" data-testid="connection" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {t(`status.${state}`)}
    </span>
  );
}
