import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpDoc } from '../../sync';
import { describeOutcome } from '../i18n/outcome';
import { useSync } from '../sync/SyncContext';

/**
 * A count's outcome names the book quantity ("14990 counted, 15000 expected"): shown on the handheld it would
 * tell the next count of that location what to find. Its variances are the supervisor's to read.
 */
function outcomeShown(op: OpDoc): boolean {
  return op.type !== 'count' && Boolean(op.outcome?.message || op.outcome?.problems?.length) && op.status !== 'applied';
}

/** This device's latest ops (of the given types) and what became of them. */
export function OpList({ limit = 8, types }: { limit?: number; types?: readonly OpDoc['type'][] }) {
  const { t } = useTranslation();
  const { db } = useSync();
  const [ops, setOps] = useState<OpDoc[]>([]);
  // A new array on every render must not restart the query.
  const typeKey = types?.join(',');
  useEffect(() => {
    if (!db) return;
    const selector = typeKey ? { type: { $in: typeKey.split(',') } } : {};
    const sub = db.ops.find({ selector, sort: [{ deviceTime: 'desc' }], limit }).$.subscribe((docs) => setOps(docs.map((d) => d.toJSON() as OpDoc)));
    return () => sub.unsubscribe();
  }, [db, limit, typeKey]);
  // Only an op the server has not taken yet may be cancelled: once pushed, it is a fact.
  const cancel = async (id: string) => {
    const doc = await db?.ops.findOne(id).exec();
    if (doc && doc.status === 'queued') await doc.incrementalPatch({ status: 'cancelled', outcome: { message: 'cancelled on the device', problems: [{ code: 'cancelled', params: {} }] } });
  };
  if (ops.length === 0) return null;
  return (
    <section className="op-list" aria-label={t('ops.title')}>
      <h3>{t('ops.title')}</h3>
      <ul data-testid="op-list">
        {ops.map((op) => (
          <li key={op.id} className={`op ${op.status}`} data-status={op.status}>
            <span className="op-type">{t(`ops.type.${op.type}`)}</span>
            <span className="op-summary">{String(op.payload.lotNumber ?? op.payload.locationCode ?? op.payload.parent ?? '')}</span>
            <span className="op-status">{t(`ops.status.${op.status}`)}</span>
            {outcomeShown(op) && <span className="op-message">{describeOutcome(t, op.outcome)}</span>}
            {op.type === 'count' && op.status === 'exception' && <span className="op-note">{t('count.varianceSent')}</span>}
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
