import { useTranslation } from 'react-i18next';
import type { PickLine } from '../../domain/ops';
import type { ItemDoc } from '../../sync';
import { localName } from '../i18n/local-name';
import type { PickCandidate, SkippedLot } from '../screens/pick-plan';

/** One line of a pick list on the handheld: how far it is picked, where to pick next, and which short-dated lots were passed over. */
export function PickListLine({ line, item, unsynced, next, skipped }: { line: PickLine; item: ItemDoc | undefined; unsynced: number; next: PickCandidate | undefined; skipped: readonly SkippedLot[] }) {
  const { t } = useTranslation();
  return (
    <li data-testid="pick-line" data-gtin={line.gtin} data-status={line.status}>
      <strong data-testid="pick-item">{item ? localName(item.name, item.nameZh) : line.gtin}</strong>
      {item && <span className="hint">GTIN {line.gtin}</span>}
      <span data-testid="pick-progress">{t('pick.progress', { picked: line.pickedQty, qty: line.qty, remaining: line.remainingQty })}</span>
      {unsynced > 0 && (
        <span className="hint" data-testid="pick-unsynced">
          {t('pick.unsynced', { qty: unsynced })}
        </span>
      )}
      {line.status === 'done' ? (
        <span data-testid="pick-line-done">{t('pick.lineDone')}</span>
      ) : (
        <>
          <span data-testid="fefo-suggestion">{next ? t('pick.suggest', { lot: next.lotNumber, location: next.locationCode, expiry: next.expiresOn ?? '—', qty: next.qty }) : t('pick.noStock')}</span>
          {skipped.map((s) => (
            <span key={s.lotNumber} className="hint" data-testid="fefo-skipped">
              {t('pick.skipped', { lot: s.lotNumber, days: s.daysLeft, min: s.minShelfLifeDays })}
            </span>
          ))}
        </>
      )}
    </li>
  );
}
