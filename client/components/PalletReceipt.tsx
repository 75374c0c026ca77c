import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboundContainer, InboundLot } from '../../domain/receiving';
import type { ItemDoc } from '../../sync';
import { localName } from '../i18n/local-name';

/** An expected pallet as the receiving clerk checks it before one confirm books it: one row per lot. */
export function PalletReceipt({ pallet, lots, itemByGtin }: { pallet: InboundContainer; lots: readonly InboundLot[]; itemByGtin: ReadonlyMap<string, ItemDoc> }) {
  const { t } = useTranslation();
  const card = useRef<HTMLDivElement>(null);
  // On a 640 px handheld the scan and typing controls fill the first screen: bring the lots up
  // to where the clerk reads them, above the receive button.
  useEffect(() => {
    const top = card.current?.getBoundingClientRect().top;
    if (top !== undefined) window.scrollTo({ top: window.scrollY + top - 96 });
  }, [pallet.sscc]);
  return (
    <div ref={card} className="field-card filled pallet-receipt" data-testid="pallet-card">
      <span className="field-label">{t('receive.pallet', { sscc: pallet.sscc })}</span>
      {/* Supplier and lot count on one line: the lot rows and the receive button must fit a 640 px screen. */}
      <span className="pallet-from">
        {t('receive.palletFrom', {
          supplier: pallet.supplier,
          notice: pallet.notice,
        })}{' '}
        · <strong>{t('receive.palletLots', { count: lots.length })}</strong>
      </span>
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
