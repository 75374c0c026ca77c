import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { recallFlaggedOps } from '../api/recalls';
import { useApiRead } from '../hooks/useApiRead';
import { formatTime } from '../util/format-time';

/**
 * Work booked on the case's held lots by handhelds that had not heard of the hold yet: the goods
 * moved, so the ledger keeps it, and the case's owner sees each op here to follow it up.
 */
export function RecallFlaggedOps({ token, caseId }: { token: string; caseId: string }) {
  const { t, i18n } = useTranslation();
  const { value: found, error } = useApiRead(useCallback(() => recallFlaggedOps(token, caseId), [token, caseId]));

  return (
    <section aria-labelledby="recall-flagged-title" data-testid="recall-flagged-ops">
      <h4 id="recall-flagged-title">{t('recall.flaggedOps.title')}</h4>
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      {found && found.length === 0 && <p className="hint">{t('recall.flaggedOps.none')}</p>}
      {found && found.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('recall.flaggedOps.at')}</th>
              <th scope="col">{t('recall.flaggedOps.op')}</th>
              <th scope="col">{t('recall.flaggedOps.lot')}</th>
              <th scope="col">{t('recall.flaggedOps.device')}</th>
              <th scope="col">{t('recall.flaggedOps.what')}</th>
              <th scope="col">{t('recall.flaggedOps.state')}</th>
            </tr>
          </thead>
          <tbody>
            {found.map((e) => (
              <tr key={e.id} data-testid={`flagged-op-${e.opId}`}>
                <td>{formatTime(i18n.resolvedLanguage, e.createdAt, 'dateTimeSeconds')}</td>
                <td>{t(`ops.type.${e.opType}`, { defaultValue: e.opType })}</td>
                <td>
                  {e.lotNumber ?? '—'}
                  {e.locationCode ? ` @ ${e.locationCode}` : ''}
                </td>
                <td>
                  {e.deviceName} · {e.username}
                </td>
                <td>{typeof e.details.message === 'string' ? e.details.message : e.kind}</td>
                <td>{t(`recall.flaggedOps.${e.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
