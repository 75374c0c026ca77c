import { describeScanProblem } from '../i18n/scan-problem';
import { localName } from '../i18n/local-name';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import type { ItemDoc, LocationDoc } from '../../sync';
import { OpList } from '../components/OpList';
import { useCollectionState } from '../hooks/useCollection';
import { LabelChoiceFields, queueLabels, useLabelChoice } from '../components/PrintLabels';
import { CameraScanner } from '../scanning/CameraScanner';
import { useWedgeScan } from '../scanning/useWedgeScan';
import type { StoredSession } from '../session/session';
import { loadDevice } from '../session/device';
import { useSync } from '../sync/SyncContext';
import { labelFromElements, type SupplierLabel } from './receive-label';
import { queueOp } from '../sync/queue-op';
import { useScanMessage } from '../components/ScanMessage';
import { ActionBar } from '../components/ActionBar';
import { RecallReturn } from '../components/RecallReturn';

/** Receiving: scan the supplier label, the quantity, the location; the op is saved on the device at once. */
export function ReceiveScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { db } = useSync();
  const [label, setLabel] = useState<SupplierLabel | null>(null);
  const [qty, setQty] = useState('');
  const [location, setLocation] = useState<LocationDoc | null>(null);
  const [message, say] = useScanMessage();
  const [camera, setCamera] = useState(false);
  const [labelChoice, setLabelChoice, labelOptions] = useLabelChoice();
  const [recallMode, setRecallMode] = useState(false);

  // Items are few and change rarely: kept in memory, so a scan looks its GTIN up without a
  // database round trip (at the rate a wedge scanner fires, those trips were most of the wait).
  const { docs: items, loaded: itemsLoaded } = useCollectionState<ItemDoc>(useMemo(() => (db ? () => db.items.find() : null), [db]));
  const itemByGtin = useMemo(() => new Map(items.map((i) => [i.gtin, i])), [items]);
  const item = label ? (itemByGtin.get(label.gtin) ?? null) : null;
  const { docs: locations, loaded: locationsLoaded } = useCollectionState<LocationDoc>(useMemo(() => (db ? () => db.locations.find() : null), [db]));


  async function onScan(scan: string) {
    const result = readScan(scan, { checkAssociations: false });
    if (!result.ok) return say('error', t('receive.badScan', { reason: describeScanProblem(t, result.error) }));
    if (result.kind === 'gs1') {
      const read = labelFromElements(result.elements);
      if (!read) return say('error', t('receive.noGtin'));
      if (!read.lotNumber) return say('warning', t('receive.noLot'));
      // A carton label that carries its count, scanned at a known location, is a whole receipt:
      // the clerk scans carton after carton without touching the screen.
      if (read.qty && location) return save(undefined, read, read.qty);
      setLabel(read);
      if (read.qty) setQty(String(read.qty));
      return say('good', t('receive.labelRead', { lot: read.lotNumber }));
    }
    const found = locations.find((l) => l.code === result.text.trim().toUpperCase());
    if (!found) return say('error', t('receive.unknownLocation', { code: result.text }));
    setLocation(found);
    say('good', t('receive.locationRead', { code: found.code }));
  }

  async function save(event?: FormEvent, scanned: SupplierLabel | null = label, count?: number) {
    event?.preventDefault();
    const device = loadDevice();
    const label = scanned;
    if (!db || !label || !label.lotNumber) return say('error', t('receive.scanLabelFirst'));
    if (!location) return say('error', t('receive.scanLocationFirst'));
    const amount = count ?? Number(qty);
    if (!(amount > 0)) return say('error', t('receive.qtyRequired'));
    if (!device?.id) return say('error', t('errors.device_unknown'));
    await queueOp(db, { deviceId: device.id, userId: session.user.id }, 'receive', {
      gtin: label.gtin,
      lotNumber: label.lotNumber,
      expiresOn: label.expiresOn,
      manufacturedOn: label.manufacturedOn,
      serial: label.serial,
      qty: amount,
      locationCode: location.code,
    });
    await queueLabels(db, { deviceId: device.id, userId: session.user.id }, { gtin: label.gtin, lotNumber: label.lotNumber }, labelChoice);
    const known = itemByGtin.get(label.gtin);
    say(known ? 'good' : 'warning', known ? t('receive.saved', { lot: label.lotNumber }) : t('receive.savedUnknownGtin', { gtin: label.gtin }));
    setLabel(null);
    setQty('');
  }

  // A location is looked up in the list: until it is read, a scan waits rather than be judged unknown.
  useWedgeScan(onScan, { enabled: !recallMode, ready: itemsLoaded && locationsLoaded });

  const itemName = item ? localName(item.name, item.nameZh) : null;

  return (
    <section className="screen receive" data-testid="receive-screen">
      <h2>{t('receive.title')}</h2>
      <button type="button" className={`recall-return-toggle ${recallMode ? 'primary' : 'secondary'}`} aria-pressed={recallMode} onClick={() => setRecallMode((on) => !on)} data-testid="recall-return-mode">
        {t('recallReturn.mode')}
      </button>
      {recallMode ? (
        <>
          <RecallReturn session={session} />
          <OpList />
        </>
      ) : (
        <>
          {camera ? (
            <CameraScanner onScan={(scan) => void onScan(scan)} onClose={() => setCamera(false)} />
          ) : (
            <button type="button" className="secondary camera-button" onClick={() => setCamera(true)} data-testid="open-camera">
              {t('camera.open')}
            </button>
          )}
          <form id="receive-form" onSubmit={(e) => void save(e)} className="receive-form">
            <div className={`field-card ${label ? 'filled' : ''}`} data-testid="label-card">
              <span className="field-label">{t('receive.label')}</span>
              {label ? (
                <>
                  <strong>{itemName ?? t('receive.unknownItem')}</strong>
                  <span>
                    GTIN {label.gtin} · {t('receive.lot')} <b data-testid="lot">{label.lotNumber}</b>
                  </span>
                  {label.expiresOn && (
                    <span>
                      {t('receive.expiry')} {label.expiresOn}
                    </span>
                  )}
                  {label.serial && (
                    <span>
                      {t('receive.serial')} {label.serial}
                    </span>
                  )}
                </>
              ) : (
                <span className="hint">{t('receive.scanLabel')}</span>
              )}
            </div>
            <label className="qty">
              <span className="field-label">{t('receive.qty')}</span>
              <input name="qty" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} />
            </label>
            <div className={`field-card ${location ? 'filled' : ''}`} data-testid="location-card">
              <span className="field-label">{t('receive.location')}</span>
              {location ? <strong data-testid="location">{location.code}</strong> : <span className="hint">{t('receive.scanLocation')}</span>}
            </div>
            <LabelChoiceFields choice={labelChoice} update={setLabelChoice} options={labelOptions} />
          </form>
          <OpList />
          <ActionBar message={message}>
            <button type="submit" form="receive-form" className="primary">
              {t('receive.save')}
            </button>
          </ActionBar>
        </>
      )}
    </section>
  );
}

