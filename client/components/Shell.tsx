import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../hooks/useOnline';
import { CountScreen, LotLookupScreen, MoveScreen, PackScreen, PickScreen, ProduceScreen, ReceiveScreen, SettingsScreen, ShipScreen, preloadScreensWhenIdle } from '../screens/lazy';
import { useHandheldLayout } from '../hooks/useHandheldLayout';
import { EnrolDevice } from './EnrolDevice';
import type { StoredSession } from '../session/session';
import { SyncProvider } from '../sync/SyncContext';
import { ConnectionBadge } from './ConnectionBadge';
import { HomeScreen } from './HomeScreen';
import { LanguageSwitch } from './LanguageSwitch';
import { ScreenBoundary } from './ScreenBoundary';
import { ScreenStatus } from './ScreenStatus';
import { SyncBar } from './SyncBar';
import { CONSOLE_PATH, consoleAddressOf, pagesFor } from '../navigation/console-pages';

interface Props {
  session: StoredSession;
  connection: Connection;
  onSignOut(): void;
}

const SCREENS = ['home', 'receive', 'move', 'pick', 'produce', 'pack', 'ship', 'count', 'lookup', 'settings'] as const;
type Screen = (typeof SCREENS)[number];

function screenFromHash(): Screen {
  const name = location.hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'home';
}

/**
 * The handheld: one column with a top bar (a side navigation on a wide screen). Console pages live in
 * their own entry at /console; this one links there and never loads them.
 */
export function Shell({ session, connection, onSignOut }: Props) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>(screenFromHash);
  const hasConsole = pagesFor(session.user.roles).length > 0;
  // Enrolment is for the handheld in a clerk's hand; a desktop console is never enrolled.
  const handheld = useHandheldLayout();
  useEffect(() => {
    // Console pages once lived here as #/qc, #/console, ...: bookmarks of them open the console.
    const onHash = () => {
      const moved = consoleAddressOf(location.hash);
      if (moved) location.replace(moved);
      else setScreen(screenFromHash());
    };
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // Only from home, where a first visit starts: a handheld reopened on a scanning screen has its
  // service worker already, and fetching chunks then would compete with the first scans.
  useEffect(() => (screenFromHash() === 'home' ? preloadScreensWhenIdle() : undefined), []);
  // On a handheld the navigation is one scrolling strip along the bottom: keep the current screen's tab in it visible.
  useEffect(() => {
    document.querySelector('.nav-item.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [screen]);
  return (
    <SyncProvider session={session}>
      <div className="shell">
        <header className="topbar">
          <h1 className="brand">
            <img src="/icons/icon-192.png" alt="" width={32} height={32} />
            <span>{t('app.name')}</span>
          </h1>
          <ConnectionBadge connection={connection} />
        </header>
        <nav className="sidenav" aria-label={t('shell.menu')}>
          <div className="who">
            <strong data-testid="user-name">{session.user.displayName}</strong>
            <span>{session.user.roles.map((role) => t(`roles.${role}`)).join(' · ')}</span>
          </div>
          <div className="nav-items">
            {SCREENS.map((name) => (
              <a key={name} className={`nav-item ${screen === name ? 'active' : ''}`} href={`#/${name}`} aria-current={screen === name ? 'page' : undefined} data-testid={`nav-${name}`}>
                {t(`shell.${name}`)}
              </a>
            ))}
            {hasConsole && (
              <a className="nav-item" href={CONSOLE_PATH} data-testid="nav-open-console">
                {t('consoleShell.open')}
              </a>
            )}
          </div>
          <div className="nav-bottom">
            <LanguageSwitch />
            <button type="button" className="secondary" onClick={onSignOut}>
              {t('shell.signOut')}
            </button>
          </div>
        </nav>
        <main className="page">
          <SyncBar />
          <ScreenBoundary key={screen} screen={screen}>
            <Suspense fallback={<ScreenStatus screen={screen} />}>
              {screen === 'receive' ? (
                <ReceiveScreen session={session} />
              ) : screen === 'move' ? (
                <MoveScreen session={session} />
              ) : screen === 'count' ? (
                <CountScreen session={session} />
              ) : screen === 'lookup' ? (
                <LotLookupScreen />
              ) : screen === 'pick' ? (
                <PickScreen session={session} />
              ) : screen === 'pack' ? (
                <PackScreen session={session} />
              ) : screen === 'ship' ? (
                <ShipScreen session={session} />
              ) : screen === 'produce' ? (
                <ProduceScreen session={session} />
              ) : screen === 'settings' ? (
                <SettingsScreen />
              ) : (
                <>
                  {handheld && <EnrolDevice onEnrolled={onSignOut} />}
                  <HomeScreen session={session} connection={connection} />
                </>
              )}
            </Suspense>
          </ScreenBoundary>
        </main>
      </div>
    </SyncProvider>
  );
}
