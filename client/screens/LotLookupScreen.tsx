import { describeScanProblem } from '../i18n/scan-problem';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import type { LocationDoc, LotDoc } from '../../sync';
import { feedback } from '../scanning/feedback';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { useSync } from '../sync/SyncContext';
import { labelFromElements } from './receive-label';
import { localToday, refusalFor } from './pick-plan';
import { ContainerView } from '../components/ContainerView';
import { usePackHierarchy } from '../hooks/usePackHierarchy';
import { isSscc, readPackScan } from './pack-scan';

/**
 * Scan any lot label: its status, expiry and where it is; or a case or pallet's SSCC: where it is
 * and what it holds. All from the device's own copy (works offline).
 */
export function LotLookupScreen() {
  const { t } = useTranslation();
  const { db, lotStore } = useSync();
  const [lot, setLot] = useState<LotDoc | null>(null);
  const [where, setWhere] = useState<{ code: string; qty: number }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const today = useMemo(() => localToday(), []);
  const { hierarchy } = usePackHierarchy();
  const [sscc, setSscc] = useState<string | null>(null);

  function showContainer(code: string) {
    setLot(null);
    if (!hierarchy.has(code)) {
      setSscc(null);
      return notFound(t('pack.unknownSscc', { sscc: code }));
    }
    setSscc(code);
    setError(null);
    feedback('good');
  }

  async function show(found: LotDoc) {
    if (!db || !lotStore) return;
    const balances = lotStore.balancesOfLots([found.id]).filter((b) => b.qty !== 0);
    const locations = (await db.locations.find().exec()).map((l) => l.toJSON() as LocationDoc);
    setWhere(balances.map((b) => ({ code: locations.find((l) => l.id === b.locationId)?.code ?? '?', qty: b.qty })));
    setLot(found);
    setSscc(null);
    setError(null);
    feedback(refusalFor(found, today) ? 'warning' : 'good');
  }

  function notFound(text: string) {
    feedback('warning');
    setLot(null);
    setError(text);
  }

  useWedgeScan(
    async (scan) => {
      const packScan = readPackScan(scan);
      if (packScan.kind === 'sscc') return showContainer(packScan.sscc);
      const result = readScan(scan, { checkAssociations: false });
      const label = result.ok && result.kind === 'gs1' ? labelFromElements(result.elements) : null;
      if (!db || !label?.lotNumber) {
        feedback('error');
        setError(result.ok ? t('receive.noLot') : t('receive.badScan', { reason: describeScanProblem(t, result.error) }));
        return;
      }
      const found = lotStore?.lotByLabel(label.gtin, label.lotNumber);
      if (!found) return notFound(t('pick.refused.unknown', { lot: label.lotNumber }));
      await show(found);
    },
    { ready: db !== null && lotStore !== null },
  );

  /** A label too worn to scan: the lot number read off it and typed. Without the GTIN it has to be unique. */
  async function findTyped(event: FormEvent) {
    event.preventDefault();
    const lotNumber = typed.trim();
    if (!lotStore || !lotNumber) return;
    if (isSscc(lotNumber)) return showContainer(lotNumber);
    // Lot numbers may hold lower case (GS1 AI 10), but are nearly always printed and typed in upper case.
    const spellings = [...new Set([lotNumber, lotNumber.toUpperCase()])];
    const found = lotStore.lotsNumbered(spellings);
    if (found.length === 0) return notFound(t('pick.refused.unknown', { lot: lotNumber }));
    if (found.length > 1) return notFound(t('lookup.several', { count: found.length, lot: lotNumber }));
    await show(found[0]!);
  }

  const refusal = lot ? refusalFor(lot, today) : null;
  return (
    <section className="screen lookup" data-testid="lookup-screen">
      <h2>{t('lookup.title')}</h2>
      <form className="inline-form" onSubmit={(e) => void findTyped(e)} data-testid="lookup-form">
        <input name="lotNumber" value={typed} onChange={(e) => setTyped(e.target.value)} aria-label={t('lookup.typed')} placeholder={t('lookup.typed')} autoComplete="off" />
        <button type="submit" className="secondary">
          {t('lookup.find')}
        </button>
      </form>
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      {!lot && !sscc && !error && (
        <p className="hint">
          {t('lookup.typedHint')} · {t('pack.lookup')}
        </p>
      )}
      {sscc && (
        <>
          <p className="field-label" data-testid="lookup-sscc">
            SSCC {sscc}
          </p>
          <ContainerView hierarchy={hierarchy} sscc={sscc} />
        </>
      )}
      {lot && (
        <dl className="facts">
          <div>
            <dt>{t('receive.lot')}</dt>
            <dd data-testid="lookup-lot">{lot.lotNumber}</dd>
          </div>
          <div className={refusal ? 'warn' : ''}>
            <dt>{t('lookup.status')}</dt>
            <dd data-testid="lookup-status">{t(`lookup.statuses.${lot.status}`)}</dd>
          </div>
          <div>
            <dt>{t('receive.expiry')}</dt>
            <dd>{lot.expiresOn ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('lookup.where')}</dt>
            <dd data-testid="lookup-where">{where.length ? where.map((w) => `${w.code}: ${w.qty}`).join(' · ') : '—'}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
