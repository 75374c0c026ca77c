import { describeScanProblem } from '../i18n/scan-problem';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import type { LocationDoc } from '../../sync';
import { OpList } from '../components/OpList';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import { useSync } from '../sync/SyncContext';
import { labelFromElements } from './receive-label';
import { queueOp } from '../sync/queue-op';
import { useScanMessage } from '../components/ScanMessage';
import { ActionBar } from '../components/ActionBar';

interface CountLine {
  gtin: string;
  lotNumber: string;
  countedQty: string;
}

/**
 * A blind location count: the counter does not see the book quantity, scans each lot found and
 * enters what is there. Lots on the books but not found count as zero; variances go to a supervisor.
 */
export function CountScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { db } = useSync();
  const [location, setLocation] = useState<LocationDoc | null>(null);
  const [lines, setLines] = useState<CountLine[]>([]);
  const [message, say] = useScanMessage();
  // Submitting a location with nothing scanned books every lot there as zero: asked once, on the same location.
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);

  useWedgeScan(
    async (scan) => {
      const result = readScan(scan, { checkAssociations: false });
      if (!result.ok) return say('error', t('receive.badScan', { reason: describeScanProblem(t, result.error) }));
      if (result.kind === 'text') {
        const found = db ? await db.locations.findOne({ selector: { code: result.text.trim().toUpperCase() } }).exec() : null;
        if (!found) return say('error', t('receive.unknownLocation', { code: result.text }));
        setLocation(found.toJSON() as LocationDoc);
        setLines([]);
        setConfirmingEmpty(false);
        return say('good', t('receive.locationRead', { code: found.code }));
      }
      const label = labelFromElements(result.elements);
      if (!label?.lotNumber) return say('error', t('receive.noLot'));
      const lotNumber = label.lotNumber;
      setConfirmingEmpty(false);
      setLines((current) => (current.some((l) => l.gtin === label.gtin && l.lotNumber === lotNumber) ? current : [...current, { gtin: label.gtin, lotNumber, countedQty: label.qty ? String(label.qty) : '' }]));
      say('good', t('receive.labelRead', { lot: lotNumber }));
    },
    { ready: db !== null },
  );

  async function submit(emptyConfirmed = false) {
    const device = loadDevice();
    if (!db || !device?.id) return say('error', t('errors.device_unknown'));
    if (!location) return say('error', t('receive.scanLocationFirst'));
    if (lines.some((l) => !(Number(l.countedQty) >= 0) || l.countedQty === '')) return say('error', t('receive.qtyRequired'));
    if (lines.length === 0 && !emptyConfirmed) {
      setConfirmingEmpty(true);
      return say('warning', t('count.confirmEmpty', { code: location.code }));
    }
    setConfirmingEmpty(false);
    await queueOp(db, { deviceId: device.id, userId: session.user.id }, 'count', { locationCode: location.code, complete: true, lines: lines.map((l) => ({ gtin: l.gtin, lotNumber: l.lotNumber, countedQty: Number(l.countedQty) })) });
    say('good', t('count.saved', { code: location.code }));
    setLines([]);
  }

  return (
    <section className="screen count" data-testid="count-screen">
      <h2>{t('count.title')}</h2>
      <div className={`field-card ${location ? 'filled' : ''}`}>
        <span className="field-label">{t('receive.location')}</span>
        {location ? <strong data-testid="count-location">{location.code}</strong> : <span className="hint">{t('receive.scanLocation')}</span>}
      </div>
      <ul className="count-lines" data-testid="count-lines">
        {lines.map((line, i) => (
          <li key={`${line.gtin}-${line.lotNumber}`}>
            <strong>{line.lotNumber}</strong>
            <input
              inputMode="decimal"
              aria-label={t('count.countedQty', { lot: line.lotNumber })}
              value={line.countedQty}
              onChange={(e) => setLines((current) => current.map((l, j) => (j === i ? { ...l, countedQty: e.target.value } : l)))}
            />
          </li>
        ))}
      </ul>
      {location && <p className="hint">{t('count.hint')}</p>}
      {/* Blind: only this device's counts, never another op's quantities, which would tell the book stock. */}
      <OpList types={['count']} />
      <ActionBar message={message}>
        {confirmingEmpty ? (
          <>
            <button type="button" className="danger" onClick={() => void submit(true)} data-testid="count-confirm-empty">
              {t('count.confirmEmptyYes')}
            </button>
            <button type="button" className="secondary" onClick={() => { setConfirmingEmpty(false); say('good', t('count.emptyCancelled')); }} data-testid="count-cancel-empty">
              {t('count.confirmEmptyNo')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => void submit()} disabled={!location}>
            {t('count.submit')}
          </button>
        )}
      </ActionBar>
    </section>
  );
}
