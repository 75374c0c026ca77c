import { useTranslation } from 'react-i18next';
import type { InboundContainer, InboundLot } from '../../domain/receiving';
import type { ItemDoc } from '../../sync';
import { localName } from '../i18n/local-name';

/** An expected pallet as the receiving clerk checks it before one confirm books it: one row per lot. */
export function PalletReceipt({ pallet, lots, itemByGtin }: { pallet: InboundContainer; lots: readonly InboundLot[]; itemByGtin: ReadonlyMap<string, ItemDoc> }) {
  const { t } = useTranslation();
  return (
    <div className="field-card filled pallet-receipt" data-testid="pallet-card">
      <span className="field-label">{t('receive.pallet', { sscc: pallet.sscc })}</span>
      <span>
        {t('receive.palletFrom', {
          supplier: pallet.supplier,
          notice: pallet.notice,
        })}
      </span>
      <strong>{t('receive.palletLots', { count: lots.length })}</strong>
      <ul className="pallet-lots" data-testid="pallet-lots">
        {lots.map((l) => {
          const item = itemByGtin.get(l.gtin);
          return (
            <li key={`${l.gtin}|${l.lotNumber}`} data-testid="pallet-lot">
              <b>{item ? localName(item.name, item.nameZh) : `GTIN ${l.gtin}`}</b>
              <span>
                {t('receive.lot')} <b>{l.lotNumber}</b> · {t('receive.qty')} <b>{l.qty}</b>
                {l.expiresOn && (
                  <>
                    {' '}
                    · {t('receive.expiry')} {l.expiresOn}
                  </>
                )}
              </span>
              {l.datesDiffer && <span className="hint">{t('receive.datesDiffer')}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
