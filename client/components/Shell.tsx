import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../domain/auth';
import type { Connection } from '../hooks/useOnline';
import { CountScreen } from '../screens/CountScreen';
import { LabelsConsole } from '../screens/LabelsConsole';
import { LotLookupScreen } from '../screens/LotLookupScreen';
import { MoveScreen } from '../screens/MoveScreen';
import { PickScreen } from '../screens/PickScreen';
import { ProduceScreen } from '../screens/ProduceScreen';
import { QcConsole } from '../screens/QcConsole';
import { ReceiveScreen } from '../screens/ReceiveScreen';
import { RecallConsole } from '../screens/RecallConsole';
import { SettingsScreen } from '../screens/SettingsScreen';
import { ShipScreen } from '../screens/ShipScreen';
import { SupervisorConsole } from '../screens/SupervisorConsole';
import { TraceScreen } from '../screens/TraceScreen';
import { useHandheldLayout } from '../hooks/useHandheldLayout';
import { EnrolDevice } from './EnrolDevice';
import type { StoredSession } from '../session/session';
import { SyncProvider } from '../sync/SyncContext';
import { ConnectionBadge } from './ConnectionBadge';
import { HomeScreen } from './HomeScreen';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncBar } from './SyncBar';

interface Props {
  session: StoredSession;
  connection: Connection;
  onSignOut(): void;
}

const SCREENS = ['home', 'receive', 'move', 'pick', 'produce', 'ship', 'count', 'lookup', 'qc', 'trace', 'recall', 'labels', 'console', 'settings'] as const;
type Screen = (typeof SCREENS)[number];

/** Console pages and the roles that see them; handheld pages are for everyone. */
const CONSOLE_ROLES: Partial<Record<Screen, readonly Role[]>> = {
  console: ['supervisor', 'admin'],
  qc: ['qc', 'supervisor'],
  trace: ['qc', 'supervisor', 'admin'],
  recall: ['qc', 'supervisor'],
  labels: ['labeladmin', 'qc', 'supervisor', 'admin'],
};

function screenFromHash(): Screen {
  const name = location.hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'home';
}

/** Handheld: one column with a top bar. Console (wide screens): a side navigation beside the page. */
export function Shell({ session, connection, onSignOut }: Props) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>(screenFromHash);
  const may = (name: Screen) => CONSOLE_ROLES[name]?.some((role) => session.user.roles.includes(role)) ?? true;
  const visible = SCREENS.filter(may);
  // Enrolment is for the handheld in a clerk's hand; a desktop console is never enrolled.
  const handheld = useHandheldLayout();
  useEffect(() => {
    const onHash = () => setScreen(screenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
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
            {visible.map((name) => (
              <a key={name} className={`nav-item ${screen === name ? 'active' : ''}`} href={`#/${name}`} aria-current={screen === name ? 'page' : undefined} data-testid={`nav-${name}`}>
                {t(`shell.${name}`)}
              </a>
            ))}
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
          ) : screen === 'ship' ? (
            <ShipScreen session={session} />
          ) : screen === 'produce' ? (
            <ProduceScreen session={session} />
          ) : screen === 'settings' ? (
            <SettingsScreen />
          ) : screen === 'console' && may('console') ? (
            <SupervisorConsole session={session} />
          ) : screen === 'qc' && may('qc') ? (
            <QcConsole session={session} />
          ) : screen === 'labels' && may('labels') ? (
            <LabelsConsole session={session} />
          ) : screen === 'trace' && may('trace') ? (
            <TraceScreen session={session} />
          ) : screen === 'recall' && may('recall') ? (
            <RecallConsole session={session} />
          ) : (
            <>
              {handheld && <EnrolDevice onEnrolled={onSignOut} />}
              <HomeScreen session={session} connection={connection} />
            </>
          )}
        </main>
      </div>
    </SyncProvider>
  );
}
