import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceTokenIn } from '../../domain/auth';
import { CameraScanner } from '../scanning/CameraScanner';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { loadDevice, saveDevice } from '../session/device';

/**
 * A handheld syncs only once a supervisor enrolled it: the supervisor's console shows a token
 * once, as text and as a QR code, which is scanned (wedge or camera) or typed here. Signing in
 * again then binds the session to the device.
 */
export function EnrolDevice({ onEnrolled }: { onEnrolled(): void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [camera, setCamera] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const enrolled = loadDevice() !== null;

  const enrol = (text: string) => {
    const token = deviceTokenIn(text);
    if (!token) return setError(t('enrol.notAToken'));
    saveDevice({ token });
    onEnrolled();
  };
  useWedgeScan((scan) => {
    if (!enrolled) enrol(scan);
  });
  if (enrolled) return null;

  return (
    <form
      className="enrol-card"
      data-testid="enrol-device"
      onSubmit={(e) => {
        e.preventDefault();
        enrol(typed);
      }}
    >
      <h2>{t('enrol.title')}</h2>
      <span>{t('enrol.explain')}</span>
      {error && (
        <p className="scan-message error" role="alert" data-testid="enrol-error">
          {error}
        </p>
      )}
      {camera ? (
        <CameraScanner onScan={enrol} onClose={() => setCamera(false)} />
      ) : (
        <button type="button" className="secondary" onClick={() => setCamera(true)} data-testid="enrol-camera">
          {t('enrol.camera')}
        </button>
      )}
      <label className="field-label" htmlFor="device-token">
        {t('enrol.typeIt')}
      </label>
      <input id="device-token" name="device-token" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="dev_…" autoCapitalize="none" spellCheck={false} />
      <button type="submit" className="secondary">
        {t('enrol.save')}
      </button>
    </form>
  );
}
