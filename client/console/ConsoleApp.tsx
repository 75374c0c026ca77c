import { useEffect, useState } from 'react';
import { ApiError, logout, me } from '../api/client';
import { useConnection } from '../hooks/useOnline';
import { clearSession, loadSession, saveSession, type StoredSession } from '../session/session';
import { ConsoleLayout } from './ConsoleLayout';
import { ConsoleLogin } from './ConsoleLogin';
import { LocaleProvider } from './LocaleProvider';

/** The console keeps the same session as the handheld entry (one origin, one sign-in). */
export function ConsoleApp() {
  const [session, setSession] = useState<StoredSession | null>(() => loadSession());
  const [notice, setNotice] = useState<string | undefined>();
  const connection = useConnection();

  // A stored session is trusted until the server, once reachable, says otherwise.
  useEffect(() => {
    if (!session || connection.state !== 'online') return;
    let cancelled = false;
    me(session.token).catch((error: unknown) => {
      if (cancelled || !(error instanceof ApiError) || error.status !== 401) return;
      clearSession();
      setNotice('session_expired');
      setSession(null);
    });
    return () => {
      cancelled = true;
    };
  }, [session, connection.state]);

  return (
    <LocaleProvider>
      {session ? (
        <ConsoleLayout
          session={session}
          online={connection.state !== 'offline'}
          onSignOut={() => {
            void logout(session.token).catch(() => undefined);
            clearSession();
            setSession(null);
          }}
        />
      ) : (
        <ConsoleLogin
          notice={notice}
          onSignedIn={(s) => {
            saveSession(s);
            setNotice(undefined);
            setSession(s);
          }}
        />
      )}
    </LocaleProvider>
  );
}
