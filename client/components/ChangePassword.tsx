import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, changePassword } from '../api/client';

const MIN_LENGTH = 10;
const KNOWN_ERRORS = ['password_mismatch', 'password_too_short', 'password_unchanged', 'current_password_wrong', 'offline', 'session_expired', 'invalid_request'];

interface Props {
  token: string;
  /** The first password, just typed at sign-in: the server wants it as proof. */
  currentPassword: string;
  onChanged(newPassword: string): void;
}

/** Shown after a sign-in with a first password: nothing else opens until it is replaced. */
export function ChangePassword({ token, currentPassword, onChanged }: Props) {
  const { t } = useTranslation();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next.length < MIN_LENGTH) return setError('password_too_short');
    if (next !== repeat) return setError('password_mismatch');
    setBusy(true);
    setError(null);
    try {
      await changePassword(token, currentPassword, next);
      onChanged(next);
    } catch (e) {
      setError(e instanceof ApiError && KNOWN_ERRORS.includes(e.code) ? e.code : 'unknown');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="change-password">
      <h2>{t('login.changeTitle')}</h2>
      <p>{t('login.changeHint')}</p>
      <label>
        <span>{t('login.newPassword')}</span>
        <input name="new-password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
      </label>
      <label>
        <span>{t('login.repeatPassword')}</span>
        <input name="repeat-password" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="change-password-error">
          {t(`errors.${error}`)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('login.changing') : t('login.changeSubmit')}
      </button>
    </form>
  );
}
