import { useTranslation } from 'react-i18next';

export interface BalanceRow {
  lotId: string;
  lotNumber: string;
  broughtIn: number;
  inStock: number;
  picked: number;
  scrapped: number;
  shippedOut: number;
  consumed: number;
  corrected: number;
  unaccounted: number;
}

/** Where every lot's quantity is now, with a verdict per lot and for the scope: a gap in one lot is never hidden by a surplus in another. */
export function MassBalance({ rows, percent, testId }: { rows: readonly BalanceRow[]; percent: number | null; testId: string }) {
  const { t } = useTranslation();
  const gaps = rows.filter((r) => r.unaccounted !== 0).length;
  const share = percent === null ? '—' : percent.toFixed(1);
  return (
    <>
      <p className={`scan-message ${gaps === 0 ? 'good' : 'error'}`} data-testid={`${testId}-verdict`}>
        {gaps === 0 ? t('recall.balance.pass', { percent: share }) : t('recall.balance.gap', { percent: share, count: gaps })}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('recall.balance.title')}>
        <table className="grid" data-testid={testId}>
          <thead>
            <tr>
              <th>{t('console.lot')}</th>
              <th>{t('recall.balance.broughtIn')}</th>
              <th>{t('recall.balance.inStock')}</th>
              <th>{t('recall.balance.picked')}</th>
              <th>{t('recall.balance.scrapped')}</th>
              <th>{t('recall.balance.shipped')}</th>
              <th>{t('recall.balance.consumed')}</th>
              <th>{t('recall.balance.corrected')}</th>
              <th>{t('recall.balance.unaccounted')}</th>
              <th>{t('recall.balance.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.lotId} data-testid={`balance-${r.lotNumber}`}>
                <td>{r.lotNumber}</td>
                <td>{r.broughtIn}</td>
                <td>{r.inStock}</td>
                <td>{r.picked}</td>
                <td>{r.scrapped}</td>
                <td>{r.shippedOut}</td>
                <td>{r.consumed}</td>
                <td>{r.corrected}</td>
                <td>{r.unaccounted}</td>
                <td>
                  <span className={`status-pill ${r.unaccounted === 0 ? 'released' : 'rejected'}`}>{r.unaccounted === 0 ? t('recall.balance.lotPass') : t('recall.balance.lotGap')}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
