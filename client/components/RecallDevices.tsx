import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { recallDevices } from '../api/recalls';
import { useApiRead } from '../hooks/useApiRead';
import { formatTime } from '../util/format-time';

/** Read again this often while the page is open: devices pick a hold up within seconds. */
const REFRESH_MS = 3000;

/** Which handhelds have a case's holds, since when, and which have not synced since they went on. */
export function RecallDevices({ token, caseId }: { token: string; caseId: string }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string | null) => (iso ? formatTime(i18n.resolvedLanguage, iso, 'dateTimeSeconds') : t('recall.devices.never'));

  const { value: found, error } = useApiRead(useCallback(() => recallDevices(token, caseId), [token, caseId]), REFRESH_MS);

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
