import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import type { LocationDoc, OpDoc, RecallCaseDoc } from '../../sync';
import { useCollection, useCollectionState } from '../hooks/useCollection';
import { useLotStore } from '../hooks/useLotStore';
import { describeScanProblem } from '../i18n/scan-problem';
import { CameraScanner } from '../scanning/CameraScanner';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { labelFromElements, type SupplierLabel } from '../screens/receive-label';
import { returnQty, returnVerdict, returnsPerConsignee, type ReturnVerdict } from '../screens/recall-return';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import { useSync } from '../sync/SyncContext';
import { queueOp } from '../sync/queue-op';
import { ActionBar } from './ActionBar';
import { useScanMessage } from './ScanMessage';

interface Scanned {
  label: SupplierLabel & { lotNumber: string };
  verdict: ReturnVerdict;
}

/**
 * Receiving returned units of a recall: the case, the consignee sending them back, then each
 * label and its quantity. Every return goes to quarantine and is saved on the device at once;
 * the server counts it for the case when it syncs. Units the case does not cover are said so
 * before they are saved, and kept flagged for the case's owner.
 */
export function RecallReturn({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { db, lotStore } = useSync();
  const [caseId, setCaseId] = useState('');
  const [consigneeCode, setConsigneeCode] = useState('');
  const [scanned, setScanned] = useState<Scanned | null>(null);
  const [qty, setQty] = useState('');
  // A label the wedge cannot read (worn, behind film) is held to the camera instead.
  const [camera, setCamera] = useState(false);
  const [quarantineCode, setQuarantineCode] = useState('');
  const [message, say] = useScanMessage();

  const { docs: cases, loaded: casesLoaded } = useCollectionState<RecallCaseDoc>(useMemo(() => (db ? () => db.recalls.find({ sort: [{ number: 'asc' }] }) : null), [db]));
  const casesByNumber = useMemo(() => new Map(cases.map((c) => [c.number, c])), [cases]);
  const selected = useMemo(() => cases.find((c) => c.id === caseId) ?? null, [cases, caseId]);
  const consignee = selected?.consignees.find((c) => c.code === consigneeCode) ?? null;
  const { docs: locations, loaded: locationsLoaded } = useCollectionState<LocationDoc>(useMemo(() => (db ? () => db.locations.find({ selector: { kind: 'quarantine', active: true }, sort: [{ code: 'asc' }] }) : null), [db]));
  const quarantine = locations.find((l) => l.code === quarantineCode) ?? locations[0] ?? null;
  const returns = useCollection<OpDoc>(useMemo(() => (db ? () => db.ops.find({ selector: { type: 'return' } }) : null), [db]));
  // Asked again whenever the lot store takes in a page: a hold pulled meanwhile changes the verdicts.
  const counts = useLotStore(
    lotStore,
    useCallback(
      (store: NonNullable<typeof lotStore>) => (selected ? returnsPerConsignee(selected, returns, (gtin, lot) => store.lotByLabel(gtin, lot), casesByNumber) : []),
      [selected, returns, casesByNumber],
    ),
  );

  const verdictText = (label: Scanned['label'], verdict: ReturnVerdict): string => {
    const lot = label.lotNumber;
    const number = selected?.number ?? '';
    if (verdict.kind === 'counted') return t('recallReturn.verdict.counted', { lot, number });
    if (verdict.kind === 'other_case') return t('recallReturn.verdict.otherCase', { lot, number: verdict.caseNumber });
    if (verdict.kind === 'unknown_lot') return t('recallReturn.verdict.unknownLot', { lot, gtin: label.gtin });
    return t(`recallReturn.verdict.${verdict.flag}`, { lot, number, customer: consignee?.code ?? '' });
  };

  function onScan(scan: string) {
    if (!selected || !consignee) return say('error', t('recallReturn.chooseFirst'));
    const result = readScan(scan, { checkAssociations: false });
    if (!result.ok) return say('error', t('receive.badScan', { reason: describeScanProblem(t, result.error) }));
    if (result.kind !== 'gs1') {
      const found = locations.find((l) => l.code === result.text.trim().toUpperCase());
      if (!found) return say('error', t('recallReturn.notQuarantine', { code: result.text.trim() }));
      setQuarantineCode(found.code);
      return say('good', t('receive.locationRead', { code: found.code }));
    }
    const read = labelFromElements(result.elements);
    if (!read) return say('error', t('receive.noGtin'));
    if (!read.lotNumber) return say('warning', t('receive.noLot'));
    const label = { ...read, lotNumber: read.lotNumber };
    const verdict = returnVerdict(lotStore?.lotByLabel(label.gtin, label.lotNumber) ?? null, selected, consignee.id, casesByNumber);
    setScanned({ label, verdict });
    setQty(read.qty ? String(read.qty) : '');
    // The card says the whole of it; the bar at the thumb says it short.
    say(verdict.kind === 'counted' ? 'good' : verdict.kind === 'unknown_lot' ? 'error' : 'warning', t(`recallReturn.heard.${verdict.kind}`, { lot: label.lotNumber, number: verdict.kind === 'other_case' ? verdict.caseNumber : selected.number }));
  }

  useWedgeScan(onScan, { ready: casesLoaded && locationsLoaded && lotStore !== null });

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const device = loadDevice();
    if (!db || !device?.id) return say('error', t('errors.device_unknown'));
    if (!selected || !consignee) return say('error', t('recallReturn.chooseFirst'));
    if (!scanned) return say('error', t('recallReturn.scanFirst'));
    // The plant cannot take back a lot it never had: nothing is saved, the label is read again or set aside.
    if (scanned.verdict.kind === 'unknown_lot') return say('error', verdictText(scanned.label, scanned.verdict));
    if (!quarantine) return say('error', t('recallReturn.noQuarantine'));
    const amount = returnQty(qty);
    if (amount === null) return say('error', t('recallReturn.qtyRequired'));
    const { label, verdict } = scanned;
    await queueOp(db, { deviceId: device.id, userId: session.user.id }, 'return', {
      gtin: label.gtin,
      lotNumber: label.lotNumber,
      serial: label.serial,
      customerCode: consignee.code,
      qty: amount,
      toLocationCode: quarantine.code,
      reason: t('recallReturn.reason', { number: selected.number }),
      recallCase: selected.number,
    });
    const saved = verdict.kind === 'counted' || verdict.kind === 'other_case';
    say(
      saved ? 'good' : 'warning',
      t(saved ? 'recallReturn.saved' : 'recallReturn.savedFlagged', {
        qty: amount,
        lot: label.lotNumber,
        customer: consignee.code,
        location: quarantine.code,
      }),
    );
    setScanned(null);
    setQty('');
  }

  const verdictClass = scanned ? (scanned.verdict.kind === 'counted' ? 'good' : scanned.verdict.kind === 'unknown_lot' ? 'error' : 'warning') : '';

  return (
    <>
      <form id="recall-return-form" onSubmit={(e) => void save(e)} className="receive-form" data-testid="recall-return">
        <label>
          <span className="field-label">{t('recallReturn.case')}</span>
          <select
            name="recallCase"
            value={caseId}
            onChange={(e) => {
              setCaseId(e.target.value);
              setConsigneeCode('');
              setScanned(null);
            }}
          >
            <option value="">{cases.length === 0 ? t('recallReturn.noCases') : t('recallReturn.chooseCase')}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.number} · {t(`recall.state.${c.state}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t('recallReturn.consignee')}</span>
          <select
            name="consignee"
            value={consigneeCode}
            disabled={!selected}
            onChange={(e) => {
              setConsigneeCode(e.target.value);
              setScanned(null);
            }}
          >
            <option value="">{t('recallReturn.chooseConsignee')}</option>
            {selected?.consignees.map((c) => (
              <option key={c.id} value={c.code}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </label>
        {selected && consignee && (camera ? (
          <CameraScanner onScan={onScan} onClose={() => setCamera(false)} />
        ) : (
          <button type="button" className="secondary camera-button" onClick={() => setCamera(true)} data-testid="open-camera">
            {t('camera.open')}
          </button>
        ))}
        <div className={`field-card ${scanned ? 'filled' : ''}`} data-testid="return-label-card">
          <span className="field-label">{t('recallReturn.label')}</span>
          {scanned ? (
            <>
              <span>
                GTIN {scanned.label.gtin} · {t('receive.lot')} <b data-testid="return-lot">{scanned.label.lotNumber}</b>
                {scanned.label.serial && ` · ${t('receive.serial')} ${scanned.label.serial}`}
              </span>
              <span className={`recall-return-verdict ${verdictClass}`} data-testid="return-verdict">
                {verdictText(scanned.label, scanned.verdict)}
              </span>
            </>
          ) : (
            <span className="hint">{selected && consignee ? t('recallReturn.scanLabel') : t('recallReturn.chooseFirst')}</span>
          )}
        </div>
        <label className="qty">
          <span className="field-label">{t('receive.qty')}</span>
          <input name="qty" inputMode="decimal" autoComplete="off" value={qty} onChange={(e) => setQty(e.target.value)} />
        </label>
        <label>
          <span className="field-label">{t('recallReturn.quarantine')}</span>
          <select name="quarantine" value={quarantine?.code ?? ''} onChange={(e) => setQuarantineCode(e.target.value)}>
            {locations.map((l) => (
              <option key={l.id} value={l.code}>
                {l.code} · {l.name}
              </option>
            ))}
          </select>
        </label>
        {selected && (
          <table className="grid recall-return-counts" data-testid="return-counts">
            <caption>{t('recallReturn.counts', { number: selected.number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recallReturn.consignee')}</th>
                <th scope="col">{t('recallReturn.counted')}</th>
                <th scope="col">{t('recallReturn.flagged')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.code} data-testid={`return-count-${c.code}`} className={c.code === consigneeCode ? 'selected' : undefined}>
                  <th scope="row">{c.code}</th>
                  <td>{c.counted}</td>
                  <td>{c.flagged}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </form>
      <ActionBar message={message}>
        <button type="submit" form="recall-return-form" className="primary" data-testid="save-return">
          {t('recallReturn.save')}
        </button>
      </ActionBar>
    </>
  );
}
