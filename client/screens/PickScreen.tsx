import { describeScanProblem } from '../i18n/scan-problem';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import type { BalanceDoc, ItemDoc, LocationDoc, LotDoc, OpDoc, PickListDoc } from '../../sync';
import { OpList } from '../components/OpList';
import { PickListLine } from '../components/PickListLine';
import { RecallBreaks } from '../components/RecallBreaks';
import { useCollection, useCollectionState } from '../hooks/useCollection';
import { useLotStore } from '../hooks/useLotStore';
import type { LotStore } from '../db/lot-store';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { loadDevice } from '../session/device';
import type { StoredSession } from '../session/session';
import { useSync } from '../sync/SyncContext';
import { labelFromElements } from './receive-label';
import { localToday, pickStop, pickSuggestions, unsyncedPicks, type PickStop } from './pick-plan';
import { queueOp } from '../sync/queue-op';
import { ActionBar } from '../components/ActionBar';
import { StockWarning } from '../components/StockWarning';
import { useStockCheck } from '../hooks/useStockCheck';
import { useScanMessage } from '../components/ScanMessage';

/** Picking against a pick list: FEFO suggestions, and a lot that may not ship is stopped on the device. */
export function PickScreen({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const { db, lotStore } = useSync();
  // Done lists stay readable: the picker who finished one sees it close instead of vanish.
  const { docs: allLists, loaded: listsLoaded } = useCollectionState<PickListDoc>(useMemo(() => (db ? () => db.picklists.find({ selector: { status: { $in: ['open', 'picking', 'done'] } } }) : null), [db]));
  const queued = useCollection<OpDoc>(useMemo(() => (db ? () => db.ops.find({ selector: { status: 'queued' } }) : null), [db]));
  const { docs: locations, loaded: locationsLoaded } = useCollectionState<LocationDoc>(useMemo(() => (db ? () => db.locations.find() : null), [db]));
  const items = useCollection<ItemDoc>(useMemo(() => (db ? () => db.items.find() : null), [db]));
  const itemByGtin = useMemo(() => new Map(items.map((i) => [i.gtin, i])), [items]);
  const [listId, setListId] = useState<string | null>(null);
  const [from, setFrom] = useState<LocationDoc | null>(null);
  const [lot, setLot] = useState<LotDoc | null>(null);
  const [qty, setQty] = useState('');
  const [message, say] = useScanMessage();
  const stock = useStockCheck();
  const today = localToday();
  const list = allLists.find((l) => l.id === listId) ?? null;
  // Suggestions need the lots of the list's products and where those lots are, nothing more.
  const gtins = list ? [...new Set(list.lines.map((l) => l.gtin))].sort().join('\n') : '';
  const lots = useLotStore<LotDoc>(lotStore, useCallback((store: LotStore) => store.lotsOfProducts(gtins.split('\n')), [gtins]));
  const lotIds = lots.map((l) => l.id).join('\n');
  const balances = useLotStore<BalanceDoc>(lotStore, useCallback((store: LotStore) => store.balancesOfLots(lotIds.split('\n')), [lotIds]));
  const lists = allLists.filter((l) => l.status !== 'done' || l.id === listId);
  const destination = locations.find((l) => l.id === list?.toLocationId) ?? null;
  const unsynced = useMemo(() => (list ? unsyncedPicks(queued, list.id) : new Map<string, number>()), [queued, list]);

  const stopMessage = (stop: PickStop) => {
    switch (stop.code) {
      case 'shelf_life_short':
        return t('pick.refused.shelf_life_short', { lot: stop.lot, days: stop.daysLeft, min: stop.minShelfLifeDays, customer: list?.customer ?? '' });
      case 'not_on_list':
      case 'line_done':
        return t(`pick.refused.${stop.code}`, { lot: stop.lot, gtin: stop.gtin, list: list?.number ?? '' });
      default:
        return t(`pick.refused.${stop.code}`, { lot: stop.lot });
    }
  };

  async function onScan(scan: string) {
    const result = readScan(scan, { checkAssociations: false });
    if (!result.ok) return say('error', t('receive.badScan', { reason: describeScanProblem(t, result.error) }));
    if (result.kind === 'text') {
      const location = locations.find((l) => l.code === result.text.trim().toUpperCase());
      if (!location) return say('error', t('receive.unknownLocation', { code: result.text }));
      setFrom(location);
      return say('good', t('receive.locationRead', { code: location.code }));
    }
    const label = labelFromElements(result.elements);
    if (!label?.lotNumber) return say('error', t('receive.noLot'));
    const found = lotStore?.lotByLabel(label.gtin, label.lotNumber) ?? undefined;
    const stop = pickStop({ gtin: label.gtin, lotNumber: label.lotNumber }, found, today, list ?? undefined);
    if (stop) {
      setLot(null);
      return say('error', stopMessage(stop));
    }
    setLot(found!);
    say('good', t('receive.labelRead', { lot: label.lotNumber }));
  }
  useWedgeScan(onScan, { ready: listsLoaded && locationsLoaded && lotStore !== null });

  async function save(event: FormEvent) {
    event.preventDefault();
    const device = loadDevice();
    if (!db || !device?.id) return say('error', t('errors.device_unknown'));
    if (!list || !destination) return say('error', t('pick.chooseList'));
    if (!from) return say('error', t('receive.scanLocationFirst'));
    if (!lot) return say('error', t('receive.scanLabelFirst'));
    const amount = Number(qty);
    if (!(amount > 0)) return say('error', t('receive.qtyRequired'));
    // A lot scanned before the list was chosen is checked against the list's customer now.
    const stop = pickStop(lot, lot, today, list);
    if (stop) return say('error', stopMessage(stop));
    const remaining = list.lines.filter((l) => l.gtin === lot.gtin).reduce((sum, l) => sum + l.remainingQty, 0) - (unsynced.get(lot.gtin) ?? 0);
    if (amount > remaining + 1e-9) return say('error', t('pick.overPick', { remaining: Math.max(0, Math.round(remaining * 1000) / 1000), list: list.number }));
    const checked = stock.check(lotStore?.balancesOfLots([lot.id]) ?? [], [{ lotId: lot.id, lotNumber: lot.lotNumber, locationId: from.id, locationCode: from.code, qty: amount }]);
    if (!checked.go) return say('warning', t(stock.shortfall ? 'stock.reasonNeeded' : 'stock.exceeds', { ...checked.shortfall, lot: checked.shortfall.lotNumber, location: checked.shortfall.locationCode }));
    await queueOp(db, { deviceId: device.id, userId: session.user.id }, 'pick', { gtin: lot.gtin, lotNumber: lot.lotNumber, qty: amount, fromLocationCode: from.code, toLocationCode: destination.code, pickListId: list.id, overrideReason: checked.overrideReason });
    stock.reset();
    say('good', t('pick.saved', { qty: amount, lot: lot.lotNumber }));
    setLot(null);
    setQty('');
  }

  return (
    <section className="screen pick" data-testid="pick-screen">
      <h2>{t('pick.title')}</h2>
      <label className="qty">
        <span className="field-label">{t('pick.list')}</span>
        <select value={listId ?? ''} onChange={(e) => setListId(e.target.value || null)} data-testid="pick-list">
          <option value="">{t('pick.chooseList')}</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.number} {l.customer ?? ''}
            </option>
          ))}
        </select>
      </label>
      {list && (
        <p className="hint" data-testid="pick-list-status" data-status={list.status}>
          {list.status === 'done' ? t('pick.listDone', { list: list.number }) : t(`pick.listStatus.${list.status}`)}
          {list.minShelfLifeDays > 0 && <> · {t('pick.customerRule', { customer: list.customer ?? list.customerCode ?? '', days: list.minShelfLifeDays })}</>}
        </p>
      )}
      {list && <RecallBreaks breaks={list.recallBreaks} />}
      {list && (
        <ul className="pick-lines" data-testid="pick-lines">
          {list.lines.map((line, i) => {
            const { candidates, skipped } = pickSuggestions(line.gtin, lots, balances, locations, today, list.minShelfLifeDays);
            return <PickListLine key={`${line.gtin}-${i}`} line={line} item={itemByGtin.get(line.gtin)} unsynced={unsynced.get(line.gtin) ?? 0} next={candidates[0]} skipped={skipped} />;
          })}
        </ul>
      )}
      <form id="pick-form" onSubmit={(e) => void save(e)} className="receive-form">
        <div className={`field-card ${from ? 'filled' : ''}`}>
          <span className="field-label">{t('pick.from')}</span>
          {from ? <strong data-testid="pick-from">{from.code}</strong> : <span className="hint">{t('receive.scanLocation')}</span>}
        </div>
        <div className={`field-card ${lot ? 'filled' : ''}`}>
          <span className="field-label">{t('receive.lot')}</span>
          {lot ? <strong data-testid="pick-lot">{lot.lotNumber}</strong> : <span className="hint">{t('receive.scanLabel')}</span>}
        </div>
        <label className="qty">
          <span className="field-label">{t('receive.qty')}</span>
          <input name="qty" inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} />
        </label>
        {stock.shortfall && <StockWarning shortfall={stock.shortfall} reason={stock.reason} onReason={stock.setReason} />}
      </form>
      <OpList />
      <ActionBar message={message}>
        <button type="submit" form="pick-form" className="primary">
          {t('pick.save')}
        </button>
      </ActionBar>
    </section>
  );
}
