import { useTranslation } from 'react-i18next';
import type { Connection } from '../hooks/useOnline';
import type { StoredSession } from '../session/session';
import { ConnectionBadge } from './ConnectionBadge';
import { HomeScreen } from './HomeScreen';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  session: StoredSession;
  connection: Connection;
  onSignOut(): void;
}

/** Handheld: one column with a top bar. Console (wide screens): a side navigation beside the page. */
export function Shell({ session, connection, onSignOut }: Props) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <img src="/icons/icon-192.png" alt="" width={32} height={32} />
          <span>{t('app.name')}</span>
        </div>
        <ConnectionBadge connection={connection} />
      </header>
      <nav className="sidenav" aria-label={t('shell.menu')}>
        <div className="who">
          <strong data-testid="user-name">{session.user.displayName}</strong>
          <span>{session.user.roles.map((role) => t(`roles.${role}`)).join(' · ')}</span>
        </div>
        <a className="nav-item active" href="/" aria-current="page">
          {t('shell.home')}
        </a>
        <div className="nav-bottom">
          <LanguageSwitch />
          <button type="button" className="secondary" onClick={onSignOut}>
            {t('shell.signOut')}
          </button>
        </div>
      </nav>
      <main className="page">
        <HomeScreen session={session} connection={connection} />
      </main>
    </div>
  );
}
