import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceTokenIn } from '../../domain/auth';
import { CameraScanner } from '../scanning/CameraScanner';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { loadDevice, reEnrolled, saveDevice } from '../session/device';

/** Ops this handheld holds that the server has not taken yet, counted live. */
function useUnsentOps(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let cancelled = false;
    let stop = () => undefined as void;
    // The database's chunk loads after the first paint; the count can wait for it.
    void import('../db/database')
      .then(({ openDatabase }) => openDatabase())
      .then((db) => {
        if (cancelled) return;
        const sub = db.ops.count({ selector: { status: 'queued' } }).$.subscribe(setCount);
        stop = () => sub.unsubscribe();
      });
    return () => {
      cancelled = true;
      stop();
    };
  }, []);
  return count;
}

/**
 * A handheld syncs only once a supervisor enrolled it: the supervisor's console shows a token
 * once, as text and as a QR code, which is scanned (wedge or camera) or typed here. Signing in
 * again then binds the session to the device. Enrolled `again` (its enrolment revoked or unknown
 * to the server), the handheld keeps the previous token until the server has recorded the
 * replacement, so the ops it still holds are sent under the new enrolment; how many there are is
 * said before the new token is taken.
 */
export function EnrolDevice({ onEnrolled, again = false }: { onEnrolled(): void; again?: boolean }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [camera, setCamera] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = loadDevice();
  const shown = again || current === null;
  const unsent = useUnsentOps();

  const enrol = (text: string) => {
    const token = deviceTokenIn(text);
    if (!token) return setError(t('enrol.notAToken'));
    if (current?.token === token) return setError(t('enrol.sameToken'));
    saveDevice(reEnrolled(current, token));
    onEnrolled();
  };
  useWedgeScan((scan) => {
    if (shown) enrol(scan);
  });
  if (!shown) return null;

  return (
    <form
      className="enrol-card"
      data-testid="enrol-device"
      onSubmit={(e) => {
        e.preventDefault();
        enrol(typed);
      }}
    >
      <h2>{t(again ? 'enrol.againTitle' : 'enrol.title')}</h2>
      <span>{t(again ? 'enrol.againExplain' : 'enrol.explain')}</span>
      {unsent > 0 && (
        <p className="scan-message warning" role="status" data-testid="enrol-unsent">
          {t('enrol.unsent', { count: unsent })}
        </p>
      )}
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
