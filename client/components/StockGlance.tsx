import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { stockGlance, type StockGlance as Glance } from '../../domain/dashboard/glance';
import { DEFAULT_DASHBOARD_SETTINGS } from '../../domain/dashboard/settings';
import type { LotStore } from '../db/lot-store';
import { useLotStore } from '../hooks/useLotStore';
import { localToday } from '../screens/pick-plan';
import { useSync, useSyncStatus } from '../sync/SyncContext';
import { formatTime } from '../util/format-time';

/**
 * The stock dashboard in brief, from what this handheld last synced: on-hand by status and by
 * expiry bucket. It says when that was, since offline it may be hours old. The buckets are the
 * plant's default ones: a handheld does not sync a site's own settings.
 */
export function StockGlance() {
  const { t, i18n } = useTranslation();
  const { lotStore, deviceEnrolled } = useSync();
  const status = useSyncStatus();
  // Asked again whenever the store takes in a page; a new function for a new day moves the buckets.
  const today = localToday();
  const ask = useCallback((store: LotStore): Glance[] => [stockGlance(store.lots.values(), store.balances.values(), today, DEFAULT_DASHBOARD_SETTINGS.expiryBands)], [today]);
  const [glance] = useLotStore(lotStore, deviceEnrolled ? ask : null);
  if (!deviceEnrolled || !glance) return null;
  const qty = (n: string) => Number(n).toLocaleString(i18n.resolvedLanguage, { maximumFractionDigits: 3 });
  const bucket = (key: string, label: string) => (key === 'expired' ? t('home.stock.expired') : key === 'none' ? t('home.stock.noExpiry') : t('home.stock.days', { range: label }));
  return (
    <section className="stock-glance" aria-labelledby="stock-glance-title" data-testid="stock-glance">
      <h3 id="stock-glance-title">{t('home.stock.title')}</h3>
      <p className="muted" data-testid="stock-as-of">
        {status.lastSyncAt ? t('home.stock.asOf', { time: formatTime(i18n.resolvedLanguage, status.lastSyncAt, 'dateTime') }) : t('home.stock.neverSynced')}
      </p>
      <table className="grid">
        <caption>{t('home.stock.byStatus')}</caption>
        <tbody>
          <tr data-testid="stock-on-hand" data-qty={glance.onHand.qty}>
            <th scope="row">{t('home.stock.onHand')}</th>
            <td className="num">{qty(glance.onHand.qty)}</td>
          </tr>
          {glance.byStatus.map((s) => (
            <tr key={s.status} data-testid={`stock-status-${s.status}`} data-qty={s.qty}>
              <th scope="row">{t(`lookup.statuses.${s.status}`)}</th>
              <td className="num">{qty(s.qty)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="grid">
        <caption>{t('home.stock.expiry')}</caption>
        <tbody>
          {glance.expiry.map((b) => (
            <tr key={b.key} data-testid={`stock-expiry-${b.key}`} data-qty={b.qty} className={b.key === 'expired' && b.rows > 0 ? 'warn' : undefined}>
              <th scope="row">{bucket(b.key, b.label)}</th>
              <td className="num">{qty(b.qty)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
