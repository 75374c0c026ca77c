import { describeScanProblem } from '../i18n/scan-problem';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import type { LocationDoc, LotDoc } from '../../sync';
import { StockWarning } from '../components/StockWarning';
import { useStockCheck } from '../hooks/useStockCheck';
import { OpList } from '../components/OpList';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import { useSync } from '../sync/SyncContext';
import { labelFromElements } from './receive-label';
import { queueOp } from '../sync/queue-op';
import { useScanMessage } from '../components/ScanMessage';
import { ActionBar } from '../components/ActionBar';

/** Moving stock: scan where from, the lot, where to. Held lots may move (to quarantine, say); only picking is stopped. */
export function MoveScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { db, lotStore } = useSync();
  const [from, setFrom] = useState<LocationDoc | null>(null);
  const [to, setTo] = useState<LocationDoc | null>(null);
  const [lot, setLot] = useState<LotDoc | null>(null);
  const [qty, setQty] = useState('');
  const [message, say] = useScanMessage();
  const stock = useStockCheck();

  useWedgeScan(
    async (scan) => {
      if (!db) return;
      const result = readScan(scan, { checkAssociations: false });
      if (!result.ok) return say('error', t('receive.badScan', { reason: describeScanProblem(t, result.error) }));
      if (result.kind === 'text') {
        const found = await db.locations.findOne({ selector: { code: result.text.trim().toUpperCase() } }).exec();
        if (!found) return say('error', t('receive.unknownLocation', { code: result.text }));
        const location = found.toJSON() as LocationDoc;
        // The first location scanned is where from; every later one is where to.
        if (!from) setFrom(location);
        else setTo(location);
        return say('good', t('receive.locationRead', { code: location.code }));
      }
      const label = labelFromElements(result.elements);
      const found = label?.lotNumber ? (lotStore?.lotByLabel(label.gtin, label.lotNumber) ?? null) : null;
      if (!found) return say('error', t('pick.refused.unknown', { lot: label?.lotNumber ?? '?' }));
      setLot(found);
      say('good', t('receive.labelRead', { lot: found.lotNumber }));
    },
    { ready: db !== null && lotStore !== null },
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    const device = loadDevice();
    if (!db || !device?.id) return say('error', t('errors.device_unknown'));
    if (!from || !to || !lot) return say('error', t('move.scanAll'));
    const amount = Number(qty);
    if (!(amount > 0)) return say('error', t('receive.qtyRequired'));
    const checked = stock.check(lotStore?.balancesOfLots([lot.id]) ?? [], [{ lotId: lot.id, lotNumber: lot.lotNumber, locationId: from.id, locationCode: from.code, qty: amount }]);
    if (!checked.go) return say('warning', t(stock.shortfall ? 'stock.reasonNeeded' : 'stock.exceeds', { ...checked.shortfall, lot: checked.shortfall.lotNumber, location: checked.shortfall.locationCode }));
    await queueOp(db, { deviceId: device.id, userId: session.user.id }, 'move', { gtin: lot.gtin, lotNumber: lot.lotNumber, qty: amount, fromLocationCode: from.code, toLocationCode: to.code, overrideReason: checked.overrideReason });
    stock.reset();
    say('good', t('move.saved', { qty: amount, lot: lot.lotNumber, to: to.code }));
    setLot(null);
    setTo(null);
    setQty('');
  }

  return (
    <section className="screen move" data-testid="move-screen">
      <h2>{t('move.title')}</h2>
      <form id="move-form" onSubmit={(e) => void save(e)} className="receive-form">
        <div className={`field-card ${from ? 'filled' : ''}`}>
          <span className="field-label">{t('move.from')}</span>
          {from ? <strong data-testid="move-from">{from.code}</strong> : <span className="hint">{t('receive.scanLocation')}</span>}
        </div>
        <div className={`field-card ${lot ? 'filled' : ''}`}>
          <span className="field-label">{t('receive.lot')}</span>
          {lot ? <strong>{lot.lotNumber}</strong> : <span className="hint">{t('receive.scanLabel')}</span>}
        </div>
        <label className="qty">
          <span className="field-label">{t('receive.qty')}</span>
          <input name="qty" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} />
        </label>
        <div className={`field-card ${to ? 'filled' : ''}`}>
          <span className="field-label">{t('move.to')}</span>
          {to ? <strong>{to.code}</strong> : <span className="hint">{t('receive.scanLocation')}</span>}
        </div>
        {stock.shortfall && <StockWarning shortfall={stock.shortfall} reason={stock.reason} onReason={stock.setReason} />}
      </form>
      <OpList />
      <ActionBar message={message}>
        <button type="submit" form="move-form" className="primary">
          {t('move.save')}
        </button>
      </ActionBar>
    </section>
  );
}
