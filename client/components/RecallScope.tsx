import { useTranslation } from 'react-i18next';
import type { ScopePreview } from '../api/recalls';
import { MassBalance } from './MassBalance';
import { RecallConsignees } from './RecallConsignees';

/**
 * What a recall of the input would reach now: the lots (those only the whole family reaches marked
 * apart), where their stock is and what of it is picked, who has been shipped how much, the mass
 * balance, and beside it what handhelds hold unsent.
 */
export function RecallScope({ scope }: { scope: ScopePreview }) {
  const { t } = useTranslation();
  const lotNumber = new Map(scope.lots.map((l) => [l.id, l.lotNumber]));
  const rows = scope.balance.lots.map((b) => ({ ...b, lotNumber: lotNumber.get(b.lotId) ?? b.lotId }));
  const family = scope.lots.filter((l) => l.reached === 'family').length;
  return (
    <div data-testid="recall-scope">
      <p className="hint" data-testid="recall-scope-summary">
        {t('recall.scope.summary', { described: scope.described, lots: scope.lots.length, consignees: scope.consignees.length, lines: scope.shipmentLines.length })}
        {family > 0 && ` ${t('recall.scope.familySummary', { count: family })}`}
      </p>
      <h4>{t('recall.scope.lots')}</h4>
      <table className="grid" data-testid="recall-scope-lots">
        <thead>
          <tr>
            <th>{t('console.lot')}</th>
            <th>GTIN</th>
            <th>{t('qc.item')}</th>
            <th>{t('trace.depth')}</th>
            <th>{t('recall.scope.reached')}</th>
            <th>{t('lookup.status')}</th>
            <th>{t('recall.scope.hold')}</th>
          </tr>
        </thead>
        <tbody>
          {scope.lots.map((l) => (
            <tr key={l.id} className={l.reached === 'family' ? 'scope-family-row' : undefined} data-testid={`scope-lot-${l.lotNumber}`}>
              <td>{l.lotNumber}</td>
              <td>{l.gtin}</td>
              <td>{l.itemName}</td>
              <td>{l.depth}</td>
              <td>
                <span className={`status-pill ${l.reached === 'family' ? 'scope-family' : 'scope-forward'}`}>{t(`recall.scope.reachedBy.${l.reached}`)}</span>
              </td>
              <td>{t(`lots.status.${l.status}`)}</td>
              <td>{t(`recall.hold.${l.hold}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('recall.scope.stock')}</h4>
      {scope.stock.length === 0 ? (
        <p className="hint">{t('recall.scope.noStock')}</p>
      ) : (
        <table className="grid" data-testid="recall-scope-stock">
          <thead>
            <tr>
              <th>{t('console.lot')}</th>
              <th>{t('recall.scope.location')}</th>
              <th>{t('recall.scope.qty')}</th>
            </tr>
          </thead>
          <tbody>
            {scope.stock.map((s) => (
              <tr key={`${s.lotId} ${s.locationCode}`}>
                <td>{lotNumber.get(s.lotId)}</td>
                <td>{s.locationCode}</td>
                <td>{s.qty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {scope.picked.length > 0 && (
        <>
          <h4>{t('recall.scope.picked')}</h4>
          <table className="grid" data-testid="recall-scope-picked">
            <thead>
              <tr>
                <th>{t('console.lot')}</th>
                <th>{t('recall.scope.pickList')}</th>
                <th>{t('recall.scope.qty')}</th>
              </tr>
            </thead>
            <tbody>
              {scope.picked.map((p) => (
                <tr key={`${p.pickListId} ${p.lotId}`}>
                  <td>{lotNumber.get(p.lotId)}</td>
                  <td>{p.pickList}</td>
                  <td>{p.qty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h4>{t('recall.scope.consignees')}</h4>
      <RecallConsignees consignees={scope.consignees} testId="recall-scope-consignees" />
      <h4>{t('recall.balance.title')}</h4>
      <MassBalance rows={rows} percent={scope.balance.percent} testId="recall-scope-balance" />
      <p className="hint" data-testid="recall-scope-unsynced">
        {scope.unsynced.queuedOps === 0
          ? t('recall.scope.allSynced')
          : t('recall.scope.unsynced', { ops: scope.unsynced.queuedOps, devices: scope.unsynced.devices.length, names: scope.unsynced.devices.map((d) => d.name).join(', ') })}
      </p>
    </div>
  );
}
