import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScopePreview as Preview } from '../../../api/recalls';
import { ConsigneeTable } from './ConsigneeTable';
import { MassBalanceTable } from './MassBalanceTable';

type Lot = Preview['lots'][number];

/**
 * What a recall of the input would reach now: the lots (those only the whole family reaches marked
 * apart), where their stock is and what of it is picked, who has been shipped how much, the mass
 * balance, and beside it what handhelds hold unsent.
 */
export function ScopePreview({ scope }: { scope: Preview }) {
  const { t } = useTranslation();
  const lotNumber = new Map(scope.lots.map((l) => [l.id, l.lotNumber]));
  const rows = scope.balance.lots.map((b) => ({ ...b, lotNumber: lotNumber.get(b.lotId) ?? b.lotId }));
  const family = scope.lots.filter((l) => l.reached === 'family').length;
  const paged = (n: number) => (n > 20 ? { defaultPageSize: 20 } : false);
  return (
    <div data-testid="recall-scope">
      <Typography.Paragraph>
        <span data-testid="recall-scope-summary">
          {t('recall.scope.summary', { described: scope.described, lots: scope.lots.length, consignees: scope.consignees.length, lines: scope.shipmentLines.length })}
          {family > 0 && ` ${t('recall.scope.familySummary', { count: family })}`}
        </span>
      </Typography.Paragraph>
      <Typography.Title level={4}>{t('recall.scope.lots')}</Typography.Title>
      <Table<Lot>
        size="small"
        rowKey="id"
        pagination={paged(scope.lots.length)}
        dataSource={scope.lots}
        data-testid="recall-scope-lots"
        rowClassName={(l) => (l.reached === 'family' ? 'scope-family-row' : '')}
        columns={[
          { key: 'lot', title: t('console.lot'), dataIndex: 'lotNumber', sorter: (a, b) => a.lotNumber.localeCompare(b.lotNumber) },
          { key: 'gtin', title: 'GTIN', dataIndex: 'gtin' },
          { key: 'item', title: t('qc.item'), dataIndex: 'itemName' },
          { key: 'depth', title: t('trace.depth'), dataIndex: 'depth', align: 'end' },
          {
            key: 'reached',
            title: t('recall.scope.reached'),
            render: (_, l) => <Tag color={l.reached === 'family' ? 'purple' : 'blue'}>{t(`recall.scope.reachedBy.${l.reached}`)}</Tag>,
            filters: (['forward', 'family'] as const).map((r) => ({ text: t(`recall.scope.reachedBy.${r}`), value: r })),
            onFilter: (v, l) => l.reached === v,
          },
          { key: 'status', title: t('lookup.status'), render: (_, l) => t(`lots.status.${l.status}`) },
          { key: 'hold', title: t('recall.scope.hold'), render: (_, l) => t(`recall.hold.${l.hold}`) },
        ]}
      />
      <Typography.Title level={4}>{t('recall.scope.stock')}</Typography.Title>
      {scope.stock.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('recall.scope.noStock')}</Typography.Paragraph>
      ) : (
        <Table
          size="small"
          rowKey={(s) => `${s.lotId} ${s.locationCode}`}
          pagination={paged(scope.stock.length)}
          dataSource={scope.stock}
          data-testid="recall-scope-stock"
          columns={[
            { key: 'lot', title: t('console.lot'), render: (_, s) => lotNumber.get(s.lotId) },
            { key: 'location', title: t('recall.scope.location'), dataIndex: 'locationCode' },
            { key: 'qty', title: t('recall.scope.qty'), dataIndex: 'qty', align: 'end' },
          ]}
        />
      )}
      {scope.picked.length > 0 && (
        <>
          <Typography.Title level={4}>{t('recall.scope.picked')}</Typography.Title>
          <Table
            size="small"
            rowKey={(p) => `${p.pickListId} ${p.lotId}`}
            pagination={paged(scope.picked.length)}
            dataSource={scope.picked}
            data-testid="recall-scope-picked"
            columns={[
              { key: 'lot', title: t('console.lot'), render: (_, p) => lotNumber.get(p.lotId) },
              { key: 'pickList', title: t('recall.scope.pickList'), dataIndex: 'pickList' },
              { key: 'qty', title: t('recall.scope.qty'), dataIndex: 'qty', align: 'end' },
            ]}
          />
        </>
      )}
      <Typography.Title level={4}>{t('recall.scope.consignees')}</Typography.Title>
      <ConsigneeTable consignees={scope.consignees} testId="recall-scope-consignees" />
      <Typography.Title level={4}>{t('recall.balance.title')}</Typography.Title>
      <MassBalanceTable rows={rows} percent={scope.balance.percent} testId="recall-scope-balance" />
      <Typography.Paragraph type="secondary">
        <span data-testid="recall-scope-unsynced">
          {scope.unsynced.queuedOps === 0
            ? t('recall.scope.allSynced')
            : t('recall.scope.unsynced', { ops: scope.unsynced.queuedOps, devices: scope.unsynced.devices.length, names: scope.unsynced.devices.map((d) => d.name).join(', ') })}
        </span>
      </Typography.Paragraph>
    </div>
  );
}
