import { describeScanProblem } from '../i18n/scan-problem';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import { shelfLifeShortfall, shipRefusal } from '../../domain/lots';
import type { LocationDoc, LotDoc } from '../../sync';
import { onlyStockedLocationId } from '../db/lot-stock';
import { loadCustomers, type Customer } from '../api/customers';
import { OpList } from '../components/OpList';
import { StockWarning } from '../components/StockWarning';
import { useStockCheck } from '../hooks/useStockCheck';
import { useCollectionState } from '../hooks/useCollection';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import { useSync } from '../sync/SyncContext';
import { localToday } from './pick-plan';
import { labelFromElements } from './receive-label';
import { queueOp } from '../sync/queue-op';
import { useScanMessage } from '../components/ScanMessage';
import { ActionBar } from '../components/ActionBar';
import { usePackHierarchy } from '../hooks/usePackHierarchy';
import { readPackScan } from './pack-scan';
import { palletToShip, type PalletLine } from './ship-pallet';

interface Line {
  lot: LotDoc;
  from: LocationDoc;
  qty: string;
}

/** Shipping to a customer: each lot is checked on the device against its status and the customer's minimum shelf life. */
export function ShipScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { db, lotStore } = useSync();
  const { docs: locations, loaded: locationsLoaded } = useCollectionState<LocationDoc>(useMemo(() => (db ? () => db.locations.find() : null), [db]));
  const [customers, setCustomers] = useState<Customer[]>([]);
  const [customerCode, setCustomerCode] = useState('');
  const [shipmentNumber, setShipmentNumber] = useState('');
  const [from, setFrom] = useState<LocationDoc | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  // Cases and pallets shipped whole by their SSCC: the server ships what its records say is inside.
  const [pallets, setPallets] = useState<PalletLine[]>([]);
  const { hierarchy } = usePackHierarchy();
  const [message, say] = useScanMessage();
  const stock = useStockCheck();
  // Returns come back through the same dock: the same customer, lots and quantities, the other way.
  const [mode, setMode] = useState<'ship' | 'return'>('ship');
  const [reason, setReason] = useState('');
  const customer = customers.find((c) => c.code === customerCode) ?? null;

  useEffect(() => {
    void loadCustomers(session.token).then(setCustomers);
  }, [session.token]);

  function onScan(scan: string) {
    if (!db || !lotStore) return;
    const result = readScan(scan, { checkAssociations: false });
    if (!result.ok) return say('error', t('receive.badScan', { reason: describeScanProblem(t, result.error) }));
    if (result.kind === 'text') {
      const location = locations.find((l) => l.code === result.text.trim().toUpperCase());
      if (!location) return say('error', t('receive.unknownLocation', { code: result.text }));
      setFrom(location);
      return say('good', t('receive.locationRead', { code: location.code }));
    }
    if (!customer) return say('error', t('ship.chooseCustomer'));
    const packScan = readPackScan(scan);
    if (packScan.kind === 'sscc') {
      if (mode === 'return') return say('error', t('ship.palletNotReturned'));
      const verdict = palletToShip(hierarchy, packScan.sscc, { lotStore, locations, from, minShelfLifeDays: customer.minShelfLifeDays, today: localToday(), already: pallets });
      if (!verdict.ok) {
        const r = verdict.refusal;
        const reason = r.code === 'lot_refused' ? t(`outcome.refusal.${r.params.refusal}`) : '';
        return say('error', t(`ship.pallet.${r.code}`, { ...r.params, reason }));
      }
      setPallets((list) => [...list, verdict.line]);
      return say('good', t('ship.palletAdded', { sscc: verdict.line.sscc, units: verdict.line.units, from: verdict.line.from.code }));
    }
    const label = labelFromElements(result.elements);
    if (!label?.lotNumber) return say('error', t('receive.noLot'));
    const lot = lotStore.lotByLabel(label.gtin, label.lotNumber);
    if (!lot) return say('error', t('pick.refused.unknown', { lot: label.lotNumber }));
    if (mode === 'return') {
      // Whatever its status, a returned lot comes back in: into quarantine unless told otherwise.
      const into = from ?? locations.find((l) => l.kind === 'quarantine');
      if (!into) return say('warning', t('ship.scanReturnTo'));
      setLines((list) => [...list, { lot, from: into, qty: '' }]);
      return say('good', t('ship.returnLineAdded', { lot: lot.lotNumber, to: into.code }));
    }
    const refusal = shipRefusal(lot, customer.minShelfLifeDays, localToday());
    if (refusal) {
      const short = shelfLifeShortfall(lot, customer.minShelfLifeDays, localToday());
      const reason = short ? t('ship.shortReason', { days: short.daysLeft, min: short.minShelfLifeDays }) : t(`outcome.refusal.${refusal.code}`);
      return say('error', t('ship.refused', { lot: lot.lotNumber, reason }));
    }
    const stockedAt = from ? null : onlyStockedLocationId(lotStore, lot.id);
    const source = from ?? locations.find((l) => l.id === stockedAt);
    if (!source) return say('warning', t('produce.scanFrom', { lot: lot.lotNumber }));
    setLines((list) => [...list, { lot, from: source, qty: '' }]);
    say('good', t('ship.lineAdded', { lot: lot.lotNumber, from: source.code }));
  }
  useWedgeScan(onScan, { ready: locationsLoaded && lotStore !== null });

  async function save(event: FormEvent) {
    event.preventDefault();
    const device = loadDevice();
    if (!db || !device?.id) return say('error', t('errors.device_unknown'));
    if (!customer) return say('error', t('ship.chooseCustomer'));
    if (lines.length === 0 && pallets.length === 0) return say('error', t('ship.noLines'));
    if (lines.some((l) => !(Number(l.qty) > 0))) return say('error', t('receive.qtyRequired'));
    if (mode === 'return') {
      for (const l of lines) {
        await queueOp(db, { deviceId: device.id, userId: session.user.id }, 'return', { customerCode: customer.code, gtin: l.lot.gtin, lotNumber: l.lot.lotNumber, qty: Number(l.qty), toLocationCode: l.from.code, reason: reason.trim() || null });
      }
      say('good', t('ship.returned', { count: lines.length, customer: customer.name }));
      setLines([]);
      setReason('');
      return;
    }
    const checked = stock.check(lotStore?.balancesOfLots([...lines.map((l) => l.lot.id), ...pallets.flatMap((p) => p.lots.map((x) => x.lotId))]) ?? [], [
      ...lines.map((l) => ({ lotId: l.lot.id, lotNumber: l.lot.lotNumber, locationId: l.from.id, locationCode: l.from.code, qty: Number(l.qty) })),
      ...pallets.flatMap((p) => p.lots.map((x) => ({ lotId: x.lotId, lotNumber: x.lotNumber, locationId: p.from.id, locationCode: p.from.code, qty: x.qty }))),
    ]);
    if (!checked.go) return say('warning', t(stock.shortfall ? 'stock.reasonNeeded' : 'stock.exceeds', { ...checked.shortfall, lot: checked.shortfall.lotNumber, location: checked.shortfall.locationCode }));
    await queueOp(db, { deviceId: device.id, userId: session.user.id }, 'ship', {
      customerCode: customer.code,
      shipmentNumber: shipmentNumber.trim() || null,
      lines: lines.map((l) => ({ gtin: l.lot.gtin, lotNumber: l.lot.lotNumber, qty: Number(l.qty), fromLocationCode: l.from.code })),
      ...(pallets.length > 0 ? { containers: pallets.map((p) => ({ sscc: p.sscc, fromLocationCode: p.from.code })) } : {}),
      overrideReason: checked.overrideReason,
    });
    stock.reset();
    say('good', t('ship.saved', { count: lines.length + pallets.length, customer: customer.name }));
    setLines([]);
    setPallets([]);
    setShipmentNumber('');
  }

  return (
    <section className="screen ship" data-testid="ship-screen">
      <h2>{t('ship.title')}</h2>
      <div className="actions" role="group" aria-label={t('ship.mode')}>
        {(['ship', 'return'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={mode === m ? 'primary' : 'secondary'}
            aria-pressed={mode === m}
            onClick={() => {
              setMode(m);
              setLines([]);
              setPallets([]);
              setFrom(null);
            }}
            data-testid={`mode-${m}`}
          >
            {t(`ship.modes.${m}`)}
          </button>
        ))}
      </div>
      <form id="ship-form" onSubmit={(e) => void save(e)} className="receive-form">
        <label>
          <span className="field-label">{t('ship.customer')}</span>
          <select name="customer" value={customerCode} onChange={(e) => setCustomerCode(e.target.value)}>
            <option value="">{t('ship.chooseCustomer')}</option>
            {customers.map((c) => (
              <option key={c.id} value={c.code}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </label>
        {customer && customer.minShelfLifeDays > 0 && <p className="hint">{t('ship.minShelfLife', { days: customer.minShelfLifeDays })}</p>}
        <label>
          <span className="field-label">{t('ship.number')}</span>
          <input name="shipment" value={shipmentNumber} onChange={(e) => setShipmentNumber(e.target.value.toUpperCase())} />
        </label>
        <div className="field-card">
          <span className="field-label">{t('ship.lines')}</span>
          {pallets.length > 0 && (
            <ul className="component-list pallet-list" data-testid="ship-pallets">
              {pallets.map((p) => (
                <li key={p.sscc}>
                  <span className="pallet-what">
                    <strong className="tree-sscc">{p.sscc}</strong>
                    <span className="hint">{t('ship.palletSummary', { units: p.units, lots: p.lots.length, from: p.from.code })}</span>
                  </span>
                  <button type="button" className="secondary" onClick={() => setPallets((list) => list.filter((x) => x.sscc !== p.sscc))}>
                    {t('produce.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {lines.length === 0 && pallets.length === 0 ? (
            <span className="hint">{t('ship.scanLots')}</span>
          ) : lines.length === 0 ? null : (
            <ul className="component-list" data-testid="ship-lines">
              {lines.map((l, i) => (
                <li key={`${l.lot.id}-${i}`}>
                  <strong>{l.lot.lotNumber}</strong> <span className="hint">{l.from.code}</span>
                  <input aria-label={t('receive.qty')} inputMode="decimal" value={l.qty} onChange={(e) => setLines((list) => list.map((x, j) => (j === i ? { ...x, qty: e.target.value } : x)))} />
                  <button type="button" className="secondary" onClick={() => setLines((list) => list.filter((_, j) => j !== i))}>
                    {t('produce.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {mode === 'return' && (
          <label>
            <span className="field-label">{t('ship.reason')}</span>
            <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        )}
        {mode === 'ship' && stock.shortfall && <StockWarning shortfall={stock.shortfall} reason={stock.reason} onReason={stock.setReason} />}
      </form>
      <OpList />
      <ActionBar message={message}>
        <button type="submit" form="ship-form" className="primary">
          {t(mode === 'return' ? 'ship.saveReturn' : 'ship.save')}
        </button>
      </ActionBar>
    </section>
  );
}
