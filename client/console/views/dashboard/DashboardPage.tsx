import { SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Skeleton, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredSession } from '../../../session/session';
import { PageTitle } from '../../PageTitle';
import { useTime } from '../../useTime';
import { BucketFigures } from './BucketFigures';
import { DrillDrawer } from './DrillDrawer';
import type { OpenedFigure } from './drill-state';
import { HeadlineFigures } from './HeadlineFigures';
import type { OpenFigure } from './open-figure';
import { PlacePickers } from './PlacePickers';
import { SettingsDrawer } from './SettingsDrawer';
import type { Measure } from './stock-series';
import { StockByPlace } from './StockByPlace';
import { useDashboard } from './useDashboard';

/**
 * The lot inventory dashboard: a site's stock by warehouse, location and status with its value
 * at standard cost, expiry buckets, ageing, dead stock, long holds and negative balances — each
 * figure opening onto its exact rows, kept current by the server's change stream.
 */
export function DashboardPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const [chosenSite, setSite] = useState<string>();
  const [warehouse, setWarehouse] = useState<string>();
  const [measure, setMeasure] = useState<Measure>('qty');
  const [opened, setOpened] = useState<OpenedFigure | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { sites, data, error, reload } = useDashboard(session.token, chosenSite, warehouse);
  const site = chosenSite ?? sites?.[0];
  const d = data?.dashboard;
  const open: OpenFigure = useCallback(
    (query, title, rows) => {
      if (!d) return;
      setOpened({ query: { ...query, site: d.site, warehouse: query.warehouse ?? d.warehouse ?? undefined }, title, rows, asOf: d.asOf });
    },
    [d],
  );
  const warehouses = [...new Set(d?.byWarehouse.map((p) => p.warehouse) ?? [])];
  if (warehouse !== undefined && !warehouses.includes(warehouse)) warehouses.push(warehouse);
  const canEdit = session.user.roles.some((r) => r === 'supervisor' || r === 'admin');
  const shownMeasure = d?.costVisible ? measure : 'qty';
  return (
    <section data-testid="dashboard-page">
      <PageTitle
        extra={
          <Typography.Text type="secondary" data-testid="dashboard-as-of" data-as-of={data?.readAt}>
            {data ? t('dashboard.asOf', { time: time(data.readAt), today: data.dashboard.today }) : ''}
          </Typography.Text>
        }
      >
        {t('consoleShell.pages.dashboard')}
      </PageTitle>
      {error && <Alert type="error" role="alert" showIcon title={error} className="console-alert" />}
      <Space wrap className="dashboard-toolbar">
        <PlacePickers sites={sites ?? []} site={site} warehouses={warehouses} warehouse={warehouse} onSite={(s) => (setSite(s), setWarehouse(undefined))} onWarehouse={setWarehouse} />
        {d?.costVisible && (
          <Segmented<Measure>
            aria-label={t('dashboard.measureLabel')}
            value={measure}
            onChange={setMeasure}
            options={(['qty', 'value'] as const).map((m) => ({ value: m, label: t(`dashboard.measure.${m}`) }))}
            data-testid="pick-measure"
          />
        )}
        {d && (
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="open-settings">
            {t('dashboard.settings.open_button')}
          </Button>
        )}
      </Space>
      {sites !== null && sites.length === 0 && <Empty description={t('dashboard.noSites')} />}
      {!d && sites?.length !== 0 && !error && <Skeleton active />}
      {d && (
        <>
          <HeadlineFigures dashboard={d} open={open} />
          {d.onHand.rows === 0 && <Alert type="info" showIcon title={t('dashboard.noStock', { site: d.site })} className="console-alert" data-testid="dashboard-empty" />}
          <div className="dashboard-grid">
            <Card size="small" title={<h2 className="dashboard-card-title">{d.warehouse ? t('dashboard.byLocation', { warehouse: d.warehouse }) : t('dashboard.byWarehouse')}</h2>} className="dashboard-wide">
              <StockByPlace places={d.byLocation ? d.byLocation.rows : d.byWarehouse} byLocation={d.byLocation !== null} measure={shownMeasure} open={open} />
              {d.byLocation?.next && <Typography.Text type="secondary">{t('dashboard.moreLocations')}</Typography.Text>}
            </Card>
            <Card size="small" title={<h2 className="dashboard-card-title">{t('dashboard.expiry')}</h2>}>
              <BucketFigures figure="expiry" title={t('dashboard.expiry')} buckets={d.expiry} measure={shownMeasure} color="#d4380d" open={open} />
            </Card>
            <Card size="small" title={<h2 className="dashboard-card-title">{t('dashboard.ageing')}</h2>}>
              <BucketFigures figure="ageing" title={t('dashboard.ageing')} buckets={d.ageing} measure={shownMeasure} color="#1d39c4" open={open} />
            </Card>
          </div>
          <SettingsDrawer open={settingsOpen} site={d.settings} token={session.token} canEdit={canEdit} onClose={() => setSettingsOpen(false)} onSaved={() => void reload()} />
        </>
      )}
      <DrillDrawer figure={opened} token={session.token} onClose={() => setOpened(null)} />
    </section>
  );
}
