import { useTranslation } from 'react-i18next';
import type { Connection } from '../hooks/useOnline';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';
import { StockGlance } from './StockGlance';

export function HomeScreen({ session, connection }: { session: StoredSession; connection: Connection }) {
  const { t, i18n } = useTranslation();
  const until = formatTime(i18n.resolvedLanguage, session.expiresAt, 'dateTime');
  return (
    <section className="home" data-testid="home">
      <h2>{t('home.welcome', { name: session.user.displayName })}</h2>
      <dl className="facts">
        <div>
          <dt>{t('home.signedInAs')}</dt>
          <dd>{session.user.username}</dd>
        </div>
        <div>
          <dt>{t('home.roles')}</dt>
          <dd>{session.user.roles.map((role) => t(`roles.${role}`)).join(' · ')}</dd>
        </div>
        <div>
          <dt>{t('home.server')}</dt>
          <dd data-testid="server-health">
            {connection.state === 'online' ? (
              <>
                {t(`home.db.${connection.health.db}`)} · {t('home.version')} {connection.health.version}
              </>
            ) : connection.state === 'offline' ? (
              t('status.offline')
            ) : (
              t('status.checking')
            )}
          </dd>
        </div>
      </dl>
      {connection.state === 'offline' && (
        <p className="notice" role="status">
          {t('home.serverOffline')}
        </p>
      )}
      <StockGlance />
      <p className="muted">{t('home.sessionUntil', { time: until })}</p>
    </section>
  );
}
