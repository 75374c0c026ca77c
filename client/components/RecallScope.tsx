import { useTranslation } from 'react-i18next';
import type { ScopePreview } from '../api/recalls';
import { MassBalance } from './MassBalance';
import { RecallConsignees } from './RecallConsignees';

/** What a recall of the input would reach now: the lots, where their stock is, who has been shipped how much, and the mass balance. */
export function RecallScope({ scope }: { scope: ScopePreview }) {
  const { t } = useTranslation();
  const lotNumber = new Map(scope.lots.map((l) => [l.id, l.lotNumber]));
  const rows = scope.balance.lots.map((b) => ({ ...b, lotNumber: lotNumber.get(b.lotId) ?? b.lotId }));
  return (
    <div data-testid="recall-scope">
      <p className="hint" data-testid="recall-scope-summary">
        {t('recall.scope.summary', { described: scope.described, lots: scope.lots.length, consignees: scope.consignees.length, lines: scope.shipmentLines.length })}
      </p>
      <h4>{t('recall.scope.lots')}</h4>
      <table className="grid" data-testid="recall-scope-lots">
        <thead>
          <tr>
            <th>{t('console.lot')}</th>
            <th>GTIN</th>
            <th>{t('qc.item')}</th>
            <th>{t('trace.depth')}</th>
            <th>{t('lookup.status')}</th>
            <th>{t('recall.scope.hold')}</th>
          </tr>
        </thead>
        <tbody>
          {scope.lots.map((l) => (
            <tr key={l.id}>
              <td>{l.lotNumber}</td>
              <td>{l.gtin}</td>
              <td>{l.itemName}</td>
              <td>{l.depth}</td>
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
      <h4>{t('recall.scope.consignees')}</h4>
      <RecallConsignees consignees={scope.consignees} testId="recall-scope-consignees" />
      <h4>{t('recall.balance.title')}</h4>
      <MassBalance rows={rows} percent={scope.balance.percent} testId="recall-scope-balance" />
    </div>
  );
}
