import { Alert, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { rowAttributes } from '../../row-attributes';

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
export function MassBalanceTable({ rows, percent, testId }: { rows: readonly BalanceRow[]; percent: number | null; testId: string }) {
  const { t } = useTranslation();
  const gaps = rows.filter((r) => r.unaccounted !== 0).length;
  const share = percent === null ? '—' : percent.toFixed(1);
  const figure = (key: keyof BalanceRow & string, title: string) => ({ key, title, dataIndex: key, align: 'end' as const });
  return (
    <>
      <div data-testid={`${testId}-verdict`} className="console-alert">
        <Alert type={gaps === 0 ? 'success' : 'error'} showIcon title={gaps === 0 ? t('recall.balance.pass', { percent: share }) : t('recall.balance.gap', { percent: share, count: gaps })} />
      </div>
      <Table<BalanceRow>
        size="small"
        rowKey="lotId"
        pagination={rows.length > 20 ? { defaultPageSize: 20 } : false}
        dataSource={[...rows]}
        data-testid={testId}
        onRow={(r) => rowAttributes({ 'data-testid': `balance-${r.lotNumber}` })}
        columns={[
          { key: 'lot', title: t('console.lot'), dataIndex: 'lotNumber' },
          figure('broughtIn', t('recall.balance.broughtIn')),
          figure('inStock', t('recall.balance.inStock')),
          figure('picked', t('recall.balance.picked')),
          figure('scrapped', t('recall.balance.scrapped')),
          figure('shippedOut', t('recall.balance.shipped')),
          figure('consumed', t('recall.balance.consumed')),
          figure('corrected', t('recall.balance.corrected')),
          figure('unaccounted', t('recall.balance.unaccounted')),
          {
            key: 'verdict',
            title: t('recall.balance.verdict'),
            render: (_, r) => <Tag color={r.unaccounted === 0 ? 'green' : 'red'}>{r.unaccounted === 0 ? t('recall.balance.lotPass') : t('recall.balance.lotGap')}</Tag>,
            filters: [
              { text: t('recall.balance.lotPass'), value: 'pass' },
              { text: t('recall.balance.lotGap'), value: 'gap' },
            ],
            onFilter: (v, r) => (v === 'pass') === (r.unaccounted === 0),
          },
        ]}
      />
    </>
  );
}
