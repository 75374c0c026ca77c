import { useTranslation } from 'react-i18next';
import type { StockShortfall } from '../screens/stock-check';

/**
 * Shown when a save takes more than the device knows is at the source. The operator may still
 * save, on purpose, with a reason the supervisor reads beside the exception it will raise.
 */
export function StockWarning({ shortfall, reason, onReason }: { shortfall: StockShortfall; reason: string; onReason(reason: string): void }) {
  const { t } = useTranslation();
  return (
    <div className="stock-warning" role="alert" data-testid="stock-warning">
      <p>{t('stock.exceeds', { qty: shortfall.qty, known: shortfall.known, lot: shortfall.lotNumber, location: shortfall.locationCode })}</p>
      <label>
        <span className="field-label">{t('stock.reason')}</span>
        <input name="override-reason" value={reason} onChange={(e) => onReason(e.target.value)} maxLength={200} />
      </label>
    </div>
  );
}
