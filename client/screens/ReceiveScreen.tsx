import { describeScanProblem } from '../i18n/scan-problem';
import { localName } from '../i18n/local-name';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import { judgeInboundScan, receiptLines, type InboundScan } from '../../domain/receiving';
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
import { PalletReceipt } from '../components/PalletReceipt';
import { inboundAsKnown, ssccOfScan } from './receive-pallet';

/**
 * Receiving: scan the supplier label, the quantity, the location; the op is saved on the device at
 * once. A pallet's SSCC that an open ship notice expects shows what the pallet holds, and one
 * confirm receives it all.
 */
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
  const [pallet, setPallet] = useState<Extract<InboundScan, { verdict: 'expected' }> | null>(null);
  const [typed, setTyped] = useState('');

  // Items are few and change rarely: kept in memory, so a scan looks its GTIN up without a
  // database round trip (at the rate a wedge scanner fires, those trips were most of the wait).
  const { docs: items, loaded: itemsLoaded } = useCollectionState<ItemDoc>(useMemo(() => (db ? () => db.items.find() : null), [db]));
  const itemByGtin = useMemo(() => new Map(items.map((i) => [i.gtin, i])), [items]);
  const item = label ? (itemByGtin.get(label.gtin) ?? null) : null;
  const { docs: locations, loaded: locationsLoaded } = useCollectionState<LocationDoc>(useMemo(() => (db ? () => db.locations.find() : null), [db]));

  async function onSscc(sscc: string) {
    if (!db) return;
    const [doc, ops] = await Promise.all([db.inbound.findOne({ selector: { sscc } }).exec(), db.ops.find({ selector: { type: 'receive_container' } }).exec()]);
    const own = ops.map((o) => o.toJSON()).find((o) => o.payload.sscc === sscc) ?? null;
    const scan = judgeInboundScan(sscc, inboundAsKnown(doc ? doc.toMutableJSON() : null, own));
    if (scan.verdict === 'expected') {
      setPallet(scan);
      setLabel(null);
      return say('good', t('receive.palletRead', { sscc }));
    }
    setPallet(null);
    if (scan.verdict === 'received') return say('error', t('receive.ssccReceived', { sscc, date: scan.receivedOn ?? '' }));
    if (scan.verdict === 'invalid') return say('error', t('receive.ssccInvalid', { sscc }));
    return say('error', t('receive.ssccNotExpected', { sscc }));
  }

  async function onScan(scan: string) {
    const sscc = ssccOfScan(scan);
    if (sscc) return onSscc(sscc);
    const result = readScan(scan, { checkAssociations: false });
    if (!result.ok) return say('error', t('receive.badScan', { reason: describeScanProblem(t, result.error) }));
    if (result.kind === 'gs1') {
      const read = labelFromElements(result.elements);
      if (!read) return say('error', t('receive.noGtin'));
      if (!read.lotNumber) return say('warning', t('receive.noLot'));
      setPallet(null);
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

  /** One op for the whole pallet: it is received once, or not at all. */
  async function receivePallet(event?: FormEvent) {
    event?.preventDefault();
    const device = loadDevice();
    if (!db || !pallet) return;
    if (!location) return say('error', t('receive.scanLocationFirst'));
    if (!device?.id) return say('error', t('errors.device_unknown'));
    const { container, lots } = pallet;
    await queueOp(db, { deviceId: device.id, userId: session.user.id }, 'receive_container', {
      sscc: container.sscc,
      locationCode: location.code,
      notice: container.notice,
      supplier: container.supplier,
      lines: receiptLines(lots),
    });
    say('good', t('receive.palletSaved', { sscc: container.sscc, count: lots.length }));
    setPallet(null);
  }

  function takeTyped(event: FormEvent) {
    event.preventDefault();
    const text = typed.trim();
    setTyped('');
    if (text) void onScan(text);
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
      <button
        type="button"
        className={`recall-return-toggle ${recallMode ? 'primary' : 'secondary'}`}
        aria-pressed={recallMode}
        onClick={() => setRecallMode((on) => !on)}
        data-testid="recall-return-mode"
      >
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
          <form className="inline-form" onSubmit={takeTyped} data-testid="receive-typed">
            <input
              name="sscc"
              inputMode="numeric"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              aria-label={t('receive.typedSscc')}
              placeholder={t('receive.typedSsccShort')}
              autoComplete="off"
            />
            <button type="submit" className="secondary">
              {t('receive.typedOk')}
            </button>
          </form>
          <form id="receive-form" onSubmit={(e) => void (pallet ? receivePallet(e) : save(e))} className="receive-form">
            {pallet && <PalletReceipt pallet={pallet.container} lots={pallet.lots} itemByGtin={itemByGtin} />}
            {!pallet && (
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
            )}
            {!pallet && (
              <label className="qty">
                <span className="field-label">{t('receive.qty')}</span>
                <input name="qty" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} />
              </label>
            )}
            <div className={`field-card ${location ? 'filled' : ''}`} data-testid="location-card">
              <span className="field-label">{t('receive.location')}</span>
              {location ? <strong data-testid="location">{location.code}</strong> : <span className="hint">{t('receive.scanLocation')}</span>}
            </div>
            {!pallet && <LabelChoiceFields choice={labelChoice} update={setLabelChoice} options={labelOptions} />}
          </form>
          <OpList />
          <ActionBar message={message}>
            {pallet && (
              <button type="button" className="secondary" onClick={() => setPallet(null)}>
                {t('receive.notThisPallet')}
              </button>
            )}
            <button type="submit" form="receive-form" className="primary" data-testid="receive-submit">
              {pallet ? t('receive.receivePallet') : t('receive.save')}
            </button>
          </ActionBar>
        </>
      )}
    </section>
  );
}
