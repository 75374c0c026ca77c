import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, login } from '../api/client';
import { loadDevice, rememberDeviceId } from '../session/device';
import { offlineSignIn, rememberForOffline } from '../session/offline-login';
import type { StoredSession } from '../session/session';
import { ChangePassword } from './ChangePassword';
import { EnrolDevice } from './EnrolDevice';
import { LanguageSwitch } from './LanguageSwitch';

/** Refusals of this handheld's enrolment: the way on is a new token from a supervisor. */
const ENROLMENT_REFUSED = ['device_revoked', 'device_unknown'];
const KNOWN_ERRORS = ['invalid_credentials', 'rate_limited', 'account_disabled', 'account_locked', 'device_revoked', 'device_unknown', 'offline', 'session_expired', 'invalid_request'];

interface Props {
  onSignedIn(session: StoredSession): void;
  notice?: string | undefined;
}

export function LoginScreen({ onSignedIn, notice }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; minutes?: number } | null>(notice ? { code: notice } : null);
  // Signed in with a first password: the session is kept back until the password is changed.
  const [pending, setPending] = useState<{
    session: StoredSession;
    password: string;
    onDevice: boolean;
  } | null>(null);
  const [reEnrolled, setReEnrolled] = useState(false);
  const enrolAgain = error !== null && ENROLMENT_REFUSED.includes(error.code) && loadDevice() !== null;

  // Only an enrolled handheld keeps a (sealed) session for offline sign-in; the console keeps none.
  const finish = async (session: StoredSession, usedPassword: string, onDevice: boolean) => {
    await rememberForOffline(username.trim(), usedPassword, session, { onDevice }).catch(() => undefined);
    onSignedIn(session);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError({ code: 'invalid_request' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const device = loadDevice();
      const result = await login(username.trim(), password, device?.token);
      rememberDeviceId(result.deviceId);
      const session = {
        token: result.token,
        expiresAt: result.expiresAt,
        user: result.user,
      };
      if (result.passwordChangeRequired) {
        setPending({ session, password, onDevice: result.deviceId !== null });
        return;
      }
      await finish(session, password, result.deviceId !== null);
    } catch (e) {
      if (e instanceof ApiError && e.offline) {
        const session = await offlineSignIn(username.trim(), password);
        if (session) {
          onSignedIn(session);
          return;
        }
      }
      const code = e instanceof ApiError && KNOWN_ERRORS.includes(e.code) ? e.code : 'unknown';
      const seconds = e instanceof ApiError ? Number(e.details.retryAfterSeconds) : NaN;
      setError({
        code,
        ...(Number.isFinite(seconds) ? { minutes: Math.ceil(seconds / 60) } : {}),
      });
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <div className="login-card">
        <header className="login-brand">
          <img src="/icons/icon-192.png" alt="" width={56} height={56} />
          <div>
            <h1>{t('app.name')}</h1>
            <p>{t('app.tagline')}</p>
          </div>
        </header>
        {pending ? (
          <ChangePassword token={pending.session.token} currentPassword={pending.password} onChanged={(newPassword) => void finish(pending.session, newPassword, pending.onDevice)} />
        ) : enrolAgain && error ? (
          // Signing in with a revoked or unknown enrolment is refused every time: the way on is a new token.
          <>
            <p className="form-error" role="alert" data-testid="login-error">
              {t(`errors.${error.code}`)}
            </p>
            <EnrolDevice
              again
              onEnrolled={() => {
                setError(null);
                setReEnrolled(true);
              }}
            />
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <h2>{t('login.title')}</h2>
            <label>
              <span>{t('login.username')}</span>
              <input
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
              />
            </label>
            <label>
              <span>{t('login.password')}</span>
              <span className="password-field">
                <input
                  name="password"
                  type={showPassword ? 'text' : 'password'}
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  required
                />
                <button type="button" className="ghost" onClick={() => setShowPassword((s) => !s)} aria-pressed={showPassword}>
                  {showPassword ? t('login.hidePassword') : t('login.showPassword')}
                </button>
              </span>
            </label>
            {error && (
              <p className="form-error" role="alert" data-testid="login-error">
                {t(`errors.${error.code}`, { minutes: error.minutes ?? 15 })}
              </p>
            )}
            {reEnrolled && !error && (
              <p className="notice" role="status" data-testid="login-notice">
                {t('enrol.againSaved')}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        )}
        <LanguageSwitch />
      </div>
    </main>
  );
}
