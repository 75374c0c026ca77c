import { useTranslation } from 'react-i18next';
import type { StockDashboard } from '../../../api/dashboard';
import type { OpenFigure } from './open-figure';
import { FigureButton } from './FigureButton';

/** On hand, near expiry, dead stock, long holds and negative balances: each opens its rows. */
export function HeadlineFigures({ dashboard: d, open }: { dashboard: StockDashboard; open: OpenFigure }) {
  const { t } = useTranslation();
  return (
    <div className="dashboard-figures" role="group" aria-label={t('dashboard.headline')}>
      <FigureButton testId="figure-on-hand" label={t('dashboard.onHand')} {...d.onHand} onOpen={() => open({ figure: 'on_hand' }, t('dashboard.onHand'), d.onHand.rows)} />
      <FigureButton
        testId="figure-near-expiry"
        label={t('dashboard.nearExpiry', { days: d.nearExpiry.days })}
        {...d.nearExpiry}
        onOpen={() => open({ figure: 'near_expiry' }, t('dashboard.nearExpiry', { days: d.nearExpiry.days }), d.nearExpiry.rows)}
      />
      <FigureButton
        testId="figure-dead-stock"
        label={t('dashboard.deadStock', { days: d.deadStock.days })}
        {...d.deadStock}
        onOpen={() => open({ figure: 'dead_stock' }, t('dashboard.deadStock', { days: d.deadStock.days }), d.deadStock.rows)}
      />
      <FigureButton
        testId="figure-long-holds"
        label={t('dashboard.longHolds', { days: d.longHolds.days })}
        {...d.longHolds}
        onOpen={() => open({ figure: 'long_hold' }, t('dashboard.longHolds', { days: d.longHolds.days }), d.longHolds.rows)}
      />
      <FigureButton
        testId="figure-negative"
        label={t('dashboard.negative')}
        qty={d.negative.qty}
        value={null}
        uncostedQty="0"
        rows={d.negative.rows}
        alarm={d.negative.rows > 0}
        note={d.negative.rows > 0 ? t('dashboard.negativeAlarm') : t('dashboard.negativeNone')}
        onOpen={() => open({ figure: 'negative' }, t('dashboard.negative'), d.negative.rows)}
      />
    </div>
  );
}
