import { describeScanProblem } from '../i18n/scan-problem';
import { localName } from '../i18n/local-name';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import type { ItemDoc, LocationDoc, LotDoc } from '../../sync';
import { onlyStockedLocationId } from '../db/lot-stock';
import { OpList } from '../components/OpList';
import { LabelChoiceFields, queueLabels, useLabelChoice } from '../components/PrintLabels';
import { useCollectionState } from '../hooks/useCollection';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import { useSync } from '../sync/SyncContext';
import { localToday, refusalFor } from './pick-plan';
import { labelFromElements } from './receive-label';
import { queueOp } from '../sync/queue-op';
import { useScanMessage } from '../components/ScanMessage';
import { ActionBar } from '../components/ActionBar';

interface Component {
  lot: LotDoc;
  from: LocationDoc;
  qty: string;
}

/**
 * Production on the line: scan the work order traveller, the component lots as they go in,
 * then declare the finished quantity. Works offline: the finished lot's number comes from the
 * work order or the server's number rule when the op syncs, and shows in the op's outcome.
 */
export function ProduceScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { db, lotStore } = useSync();
  const { docs: items, loaded: itemsLoaded } = useCollectionState<ItemDoc>(useMemo(() => (db ? () => db.items.find({ selector: { active: true }, sort: [{ sku: 'asc' }] }) : null), [db]));
  const { docs: locations, loaded: locationsLoaded } = useCollectionState<LocationDoc>(useMemo(() => (db ? () => db.locations.find() : null), [db]));
  const [workOrder, setWorkOrder] = useState('');
  const [gtin, setGtin] = useState('');
  const [qty, setQty] = useState('');
  const [outputCode, setOutputCode] = useState('');
  const [scannedFrom, setScannedFrom] = useState<LocationDoc | null>(null);
  const [components, setComponents] = useState<Component[]>([]);
  const [message, say] = useScanMessage();
  const [labelChoice, setLabelChoice, labelOptions] = useLabelChoice();
  const line = locations.find((l) => l.kind === 'production') ?? null;
  const output = locations.find((l) => l.code === (outputCode || line?.code)) ?? null;

  /** Where a component is taken from: the location just scanned, else the one place the device knows it is stocked. */
  function sourceOf(lot: LotDoc): LocationDoc | null {
    if (scannedFrom) return scannedFrom;
    if (!lotStore) return null;
    const stockedAt = onlyStockedLocationId(lotStore, lot.id);
    return locations.find((l) => l.id === stockedAt) ?? null;
  }

  async function onScan(scan: string) {
    const result = readScan(scan, { checkAssociations: false });
    if (!result.ok) return say('error', t('receive.badScan', { reason: describeScanProblem(t, result.error) }));
    if (result.kind === 'text') {
      const text = result.text.trim().toUpperCase();
      const location = locations.find((l) => l.code === text);
      if (location) {
        setScannedFrom(location);
        return say('good', t('receive.locationRead', { code: location.code }));
      }
      if (/^WO-?[A-Z0-9._/-]+$/.test(text)) {
        setWorkOrder(text);
        return say('good', t('produce.workOrderRead', { number: text }));
      }
      return say('error', t('receive.unknownLocation', { code: result.text }));
    }
    const label = labelFromElements(result.elements);
    if (!label?.lotNumber) return say('error', t('receive.noLot'));
    const lot = lotStore?.lotByLabel(label.gtin, label.lotNumber) ?? null;
    const refusal = refusalFor(lot ?? undefined, localToday());
    if (refusal) return say('error', t(`produce.refused.${refusal}`, { lot: label.lotNumber }));
    const from = sourceOf(lot!);
    if (!from) return say('warning', t('produce.scanFrom', { lot: label.lotNumber }));
    setComponents((list) => [...list, { lot: lot!, from, qty: '1' }]);
    say('good', t('produce.componentAdded', { lot: lot!.lotNumber, from: from.code }));
  }
  useWedgeScan(onScan, { ready: itemsLoaded && locationsLoaded && lotStore !== null });

  async function save(event: FormEvent) {
    event.preventDefault();
    const device = loadDevice();
    if (!db || !device?.id) return say('error', t('errors.device_unknown'));
    const amount = Number(qty);
    if (!gtin) return say('error', t('produce.chooseItem'));
    if (!(amount > 0)) return say('error', t('receive.qtyRequired'));
    if (!output) return say('error', t('produce.chooseOutput'));
    if (components.length === 0) return say('error', t('produce.noComponents'));
    if (components.some((c) => !(Number(c.qty) > 0))) return say('error', t('receive.qtyRequired'));
    const produceId = await queueOp(db, { deviceId: device.id, userId: session.user.id }, 'produce', {
      workOrderNumber: workOrder || null,
      gtin,
      qty: amount,
      locationCode: output.code,
      components: components.map((c) => ({ gtin: c.lot.gtin, lotNumber: c.lot.lotNumber, qty: Number(c.qty), fromLocationCode: c.from.code })),
    });
    // Finished-goods labels name the produce op: the lot gets its number, and serials, on the server.
    await queueLabels(db, { deviceId: device.id, userId: session.user.id }, { producedBy: produceId }, labelChoice);
    say('good', t('produce.saved', { qty: amount, count: components.length }));
    setComponents([]);
    setQty('');
    setScannedFrom(null);
  }

  return (
    <section className="screen produce" data-testid="produce-screen">
      <h2>{t('produce.title')}</h2>
      <form id="produce-form" onSubmit={(e) => void save(e)} className="receive-form">
        <label>
          <span className="field-label">{t('produce.workOrder')}</span>
          <input name="workOrder" value={workOrder} onChange={(e) => setWorkOrder(e.target.value.toUpperCase())} placeholder={t('produce.workOrderHint')} />
        </label>
        <label>
          <span className="field-label">{t('produce.item')}</span>
          <select name="item" value={gtin} onChange={(e) => setGtin(e.target.value)}>
            <option value="">{t('produce.chooseItem')}</option>
            {items.map((i) => (
              <option key={i.id} value={i.gtin}>
                {i.sku} · {localName(i.name, i.nameZh)}
              </option>
            ))}
          </select>
        </label>
        <div className="field-card">
          <span className="field-label">{t('produce.components')}</span>
          {components.length === 0 ? (
            <span className="hint">{t('produce.scanComponents')}</span>
          ) : (
            <ul className="component-list" data-testid="components">
              {components.map((c, i) => (
                <li key={`${c.lot.id}-${i}`}>
                  <strong>{c.lot.lotNumber}</strong> <span className="hint">{c.from.code}</span>
                  <input
                    aria-label={t('receive.qty')}
                    inputMode="decimal"
                    value={c.qty}
                    onChange={(e) => setComponents((list) => list.map((x, j) => (j === i ? { ...x, qty: e.target.value } : x)))}
                  />
                  <button type="button" className="secondary" onClick={() => setComponents((list) => list.filter((_, j) => j !== i))}>
                    {t('produce.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <label className="qty">
          <span className="field-label">{t('produce.qty')}</span>
          <input name="qty" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} />
        </label>
        <label>
          <span className="field-label">{t('produce.output')}</span>
          <select name="output" value={output?.code ?? ''} onChange={(e) => setOutputCode(e.target.value)}>
            {locations.map((l) => (
              <option key={l.id} value={l.code}>
                {l.code} · {l.name}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">{workOrder ? t('produce.lotFromWorkOrder') : t('produce.lotFromRule')}</p>
        <LabelChoiceFields choice={labelChoice} update={setLabelChoice} options={labelOptions} />
      </form>
      <OpList />
      <ActionBar message={message}>
        <button type="submit" form="produce-form" className="primary">
          {t('produce.save')}
        </button>
      </ActionBar>
    </section>
  );
}
