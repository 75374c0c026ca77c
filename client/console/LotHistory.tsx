import { Alert, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { lotHistory, type HistoryEvent } from '../api/lots';
import { describeHistory } from '../i18n/history';
import { useTime } from './useTime';

/** One lot's life as the ledger and the audit chain tell it; signed entries show who, when and what the signature meant. */
export function LotHistory({ token, lotId, refreshKey = 0 }: { token: string; lotId: string; refreshKey?: number }) {
  const { t } = useTranslation();
  const time = useTime('dateTime');
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
  if (error) return <Alert type="error" title={error} />;
  if (!events) return <Skeleton active />;
  return (
    <div data-testid="lot-timeline">
      <Timeline
        items={events.map((e) => {
          const signature = (e.details.after as { signature?: { name: string; meaning: string; signedAt: string } } | null)?.signature;
          return {
            key: `${e.at}-${e.kind}-${e.actor ?? ''}`,
            content: (
              <>
                <Typography.Text type="secondary">{time(e.at)}</Typography.Text> <Tag>{t(`lots.kind.${e.kind}`)}</Tag> {describeHistory(t, e)}
                {e.actor && <Typography.Text type="secondary"> · {e.actor}</Typography.Text>}
                {signature && (
                  <div data-testid="signature">
                    <Typography.Text strong>{t('lots.signedBy', { name: signature.name, time: time(signature.signedAt), meaning: t(`lots.meaning.${signature.meaning}`) })}</Typography.Text>
                  </div>
                )}
              </>
            ),
          };
        })}
      />
    </div>
  );
}
