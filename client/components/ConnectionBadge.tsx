import { useTranslation } from 'react-i18next';
import type { Connection } from '../hooks/useOnline';

export function ConnectionBadge({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  return (
    <span className={`connection-badge ${connection.state}`} role="status" data-testid="connection">
      <span className="dot" aria-hidden="true" />
      {t(`status.${connection.state}`)}
    </span>
  );
}
