import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { lotHistory, type HistoryEvent } from '../api/lots';
import { describeHistory } from '../i18n/history';
import { formatTime } from '../util/format-time';

/** One lot's life as the ledger and the audit chain tell it; signed entries show who, when and what the signature meant. */
export function LotTimeline({ token, lotId, refreshKey = 0 }: { token: string; lotId: string; refreshKey?: number }) {
  const { t, i18n } = useTranslation();
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    lotHistory(token, lotId)
      .then((found) => !cancelled && (setEvents(found), setError(null)))
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [token, lotId, refreshKey]);
  const time = (iso: string) => formatTime(i18n.resolvedLanguage, iso, 'dateTime');
  if (error) return <p className="scan-message error">{error}</p>;
  if (!events) return <p className="hint">{t('lots.loading')}</p>;
  return (
    <ol className="timeline" data-testid="lot-timeline">
      {events.map((e, i) => {
        const signature = (e.details.after as { signature?: { name: string; meaning: string; signedAt: string } } | null)?.signature;
        return (
          <li key={`${e.at}-${i}`} className={`event ${e.kind}`}>
            <time dateTime={e.at}>{time(e.at)}</time>
            <span className="event-kind">{t(`lots.kind.${e.kind}`)}</span>
            <span className="event-summary">{describeHistory(t, e)}</span>
            {e.actor && <span className="hint"> · {e.actor}</span>}
            {signature && (
              <span className="signature" data-testid="signature">
                {t('lots.signedBy', { name: signature.name, time: time(signature.signedAt), meaning: t(`lots.meaning.${signature.meaning}`) })}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
