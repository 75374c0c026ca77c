import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpDoc } from '../../sync';
import { useSync } from '../sync/SyncContext';

/** This device's latest ops and what became of them. */
export function OpList({ limit = 8 }: { limit?: number }) {
  const { t } = useTranslation();
  const { db } = useSync();
  const [ops, setOps] = useState<OpDoc[]>([]);
  useEffect(() => {
    if (!db) return;
    const sub = db.ops.find({ sort: [{ deviceTime: 'desc' }], limit }).$.subscribe((docs) => setOps(docs.map((d) => d.toJSON() as OpDoc)));
    return () => sub.unsubscribe();
  }, [db, limit]);
  // Only an op the server has not taken yet may be cancelled: once pushed, it is a fact.
  const cancel = async (id: string) => {
    const doc = await db?.ops.findOne(id).exec();
    if (doc && doc.status === 'queued') await doc.incrementalPatch({ status: 'cancelled', outcome: { message: 'cancelled on the device' } });
  };
  if (ops.length === 0) return null;
  return (
    <section className="op-list" aria-label={t('ops.title')}>
      <h3>{t('ops.title')}</h3>
      <ul data-testid="op-list">
        {ops.map((op) => (
          <li key={op.id} className={`op ${op.status}`} data-status={op.status}>
            <span className="op-type">{t(`ops.type.${op.type}`)}</span>
            <span className="op-summary">{String(op.payload.lotNumber ?? op.payload.locationCode ?? '')}</span>
            <span className="op-status">{t(`ops.status.${op.status}`)}</span>
            {op.outcome?.message && op.status !== 'applied' && <span className="op-message">{op.outcome.message}</span>}
            {op.status === 'queued' && (
              <button type="button" className="ghost op-cancel" onClick={() => void cancel(op.id)}>
                {t('ops.cancel')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
