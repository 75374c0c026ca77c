import { useEffect, useState } from 'react';
import { ApiError, logout, me } from './api/client';
import { LoginScreen } from './components/LoginScreen';
import { Shell } from './components/Shell';
import { useConnection } from './hooks/useOnline';
import { forgetOffline } from './session/offline-login';
import { clearSession, loadSession, saveSession, type StoredSession } from './session/session';

export function App() {
  const [session, setSession] = useState<StoredSession | null>(() => loadSession());
  const [notice, setNotice] = useState<string | undefined>();
  const connection = useConnection();

  // A stored session is trusted offline; once the server answers, it has the last word.
  useEffect(() => {
    if (!session || connection.state !== 'online') return;
    let cancelled = false;
    me(session.token).catch((error: unknown) => {
      if (cancelled || !(error instanceof ApiError) || error.status !== 401) return;
      clearSession();
      setNotice(error.code === 'device_revoked' ? 'device_revoked' : 'session_expired');
      setSession(null);
    });
    return () => {
      cancelled = true;
    };
  }, [session, connection.state]);

  if (!session) {
    return (
      <LoginScreen
        notice={notice}
        onSignedIn={(s) => {
          saveSession(s);
          setNotice(undefined);
          setSession(s);
        }}
      />
    );
  }
  return (
    <Shell
      session={session}
      connection={connection}
      onSignOut={() => {
        // Online, the server ends the session and its offline twin goes with it. Offline, the
        // session stays valid, so the same person can sign in again on this device.
        void logout(session.token)
          .then(() => forgetOffline(session.user.username))
          .catch(() => undefined);
        clearSession();
        setSession(null);
      }}
    />
  );
}
