import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadDevice, saveDevice } from '../session/device';

/**
 * A handheld syncs only once a supervisor enrolled it: the supervisor's console shows a token
 * once, which is typed or scanned here. Signing in again then binds the session to the device.
 */
export function EnrolDevice({ onEnrolled }: { onEnrolled(): void }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  if (loadDevice()) return null;
  return (
    <form
      className="enrol-card"
      data-testid="enrol-device"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^dev_[A-Za-z0-9_-]{20,}$/.test(token.trim())) return;
        saveDevice({ token: token.trim() });
        onEnrolled();
      }}
    >
      <strong>{t('enrol.title')}</strong>
      <span>{t('enrol.explain')}</span>
      <input name="device-token" value={token} onChange={(e) => setToken(e.target.value)} placeholder="dev_…" autoCapitalize="none" spellCheck={false} />
      <button type="submit" className="secondary">
        {t('enrol.save')}
      </button>
    </form>
  );
}
