import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { recallDevices, type HoldDevices } from '../api/recalls';
import { formatTime } from '../util/format-time';

/** Read again this often while the page is open: devices pick a hold up within seconds. */
const REFRESH_MS = 3000;

/** Which handhelds have a case's holds, since when, and which have not synced since they went on. */
export function RecallDevices({ token, caseId }: { token: string; caseId: string }) {
  const { t, i18n } = useTranslation();
  const [found, setFound] = useState<HoldDevices | null>(null);
  const [error, setError] = useState<string | null>(null);
  const time = (iso: string | null) => (iso ? formatTime(i18n.resolvedLanguage, iso, 'dateTimeSeconds') : t('recall.devices.never'));

  const load = useCallback(async () => {
    try {
      setFound(await recallDevices(token, caseId));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [token, caseId]);
  useEffect(() => {
    const first = setTimeout(() => void load(), 0);
    const every = setInterval(() => void load(), REFRESH_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [load]);

  if (error)
    return (
      <p className="scan-message error" role="alert">
        {error}
      </p>
    );
  if (!found) return null;
  if (found.case.heldAt === null)
    return (
      <p className="hint" data-testid="recall-devices-none">
        {t('recall.devices.noHolds')}
      </p>
    );
  return (
    <>
      <p className="hint" data-testid="recall-devices-summary">
        {t('recall.devices.summary', {
          has: found.has,
          missing: found.missing,
          lots: found.case.lots,
        })}
      </p>
      <table className="grid" data-testid="recall-devices">
        <thead>
          <tr>
            <th scope="col">{t('recall.devices.device')}</th>
            <th scope="col">{t('recall.devices.state')}</th>
            <th scope="col">{t('recall.devices.acknowledgedAt')}</th>
            <th scope="col">{t('recall.devices.lastSeenAt')}</th>
          </tr>
        </thead>
        <tbody>
          {found.devices.map((d) => (
            <tr key={d.id} data-testid={`recall-device-${d.name}`}>
              <th scope="row">{d.name}</th>
              <td>
                <span className={`status-pill ${d.state === 'has_hold' ? 'released' : d.state === 'not_synced' ? 'rejected' : 'quarantine'}`}>{t(`recall.devices.${d.state}`)}</span>
              </td>
              <td>{d.acknowledgedAt ? time(d.acknowledgedAt) : '—'}</td>
              <td>{time(d.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
