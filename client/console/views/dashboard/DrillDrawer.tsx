import { Alert, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { StockRow } from '../../../api/dashboard';
import { groupDecimal, trimFraction } from './decimal';
import { STATUS_TAGS } from './status-colors';
import { drillAgreement, type OpenedFigure } from './drill-state';
import { ExportButtons } from './ExportButtons';
import { useDrillRows } from './useDrillRows';

/** The exact rows behind a clicked figure, with their exports; says so when the stock moved since the figure was read. */
export function DrillDrawer({ figure, token, onClose }: { figure: OpenedFigure | null; token: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const drill = useDrillRows(token, figure);
  const n = (text: string | null) => (text === null ? '—' : groupDecimal(text, i18n.resolvedLanguage));
  const complete = !drill.loading && drill.next === null && drill.error === null;
  const agreement = figure ? drillAgreement(figure, { rows: drill.rows.length, complete, changed: drill.changed }) : 'same';
  const columns: ColumnsType<StockRow> = [
    { key: 'lot', title: t('dashboard.col.lot'), dataIndex: 'lotNumber', fixed: 'start', width: 120 },
    { key: 'item', title: t('dashboard.col.item'), render: (_, r) => `${r.itemName} (${r.sku})`, width: 200 },
    { key: 'place', title: t('dashboard.col.place'), render: (_, r) => `${r.warehouse} / ${r.location}`, width: 130 },
    { key: 'status', title: t('dashboard.col.status'), render: (_, r) => <Tag color={STATUS_TAGS[r.status]}>{t(`lookup.statuses.${r.status}`)}</Tag>, width: 100 },
    { key: 'expires', title: t('dashboard.col.expires'), render: (_, r) => r.expiresOn ?? '—', width: 105 },
    { key: 'aged', title: t('dashboard.col.aged'), dataIndex: 'agedOn', width: 105 },
    { key: 'moved', title: t('dashboard.col.moved'), dataIndex: 'movedOn', width: 105 },
    { key: 'since', title: t('dashboard.col.since'), dataIndex: 'statusSince', width: 105 },
    { key: 'qty', title: t('dashboard.col.qty'), align: 'end', render: (_, r) => n(trimFraction(r.qty)), width: 100 },
    { key: 'value', title: t('dashboard.col.value'), align: 'end', render: (_, r) => n(r.value), width: 110 },
  ];
  return (
    <Drawer open={figure !== null} onClose={onClose} title={figure?.title} size="min(1240px, 100vw)" destroyOnHidden rootClassName="console-drill">
      {figure && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text data-testid="drill-count" data-rows={complete ? drill.rows.length : undefined}>
              {complete ? t('dashboard.rowsListed', { count: drill.rows.length }) : t('dashboard.rowsLoading', { count: drill.rows.length })}
            </Typography.Text>
            <ExportButtons query={figure.query} token={token} />
          </Space>
          {agreement === 'differs' && (
            <Alert type="warning" showIcon role="alert" data-testid="drill-changed" title={t('dashboard.drillDiffers', { shown: figure.rows, now: drill.rows.length })} />
          )}
          {agreement === 'changed' && <Alert type="info" showIcon data-testid="drill-changed" title={t('dashboard.drillChanged')} />}
          {drill.error !== null && <Alert type="error" showIcon role="alert" title={drill.error instanceof ApiError ? drill.error.message : String(drill.error)} />}
          <Table<StockRow>
            size="small"
            rowKey={(r) => `${r.lotId}.${r.locationId}`}
            columns={columns}
            dataSource={drill.rows}
            loading={drill.loading && drill.rows.length === 0}
            // As wide as the drawer at 1280 px, so the rows do not scroll sideways there.
            scroll={{ x: 1180 }}
            pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (total) => t('consoleTable.total', { total }) }}
            data-testid="drill-table"
          />
          {drill.next !== null && !drill.loading && (
            <Button onClick={drill.more} data-testid="drill-more">
              {t('dashboard.moreRows')}
            </Button>
          )}
        </Space>
      )}
    </Drawer>
  );
}
