import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  sites: string[];
  site: string | undefined;
  warehouses: string[];
  warehouse: string | undefined;
  onSite(site: string): void;
  onWarehouse(warehouse: string | undefined): void;
}

/** Which site the dashboard reads, and optionally one of its warehouses (whose locations are then listed). */
export function PlacePickers({ sites, site, warehouses, warehouse, onSite, onWarehouse }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Space>
        <Typography.Text id="dashboard-site-label">{t('dashboard.site')}</Typography.Text>
        <Select aria-labelledby="dashboard-site-label" data-testid="pick-site" value={site} options={sites.map((s) => ({ value: s, label: s }))} onChange={onSite} style={{ minWidth: 120 }} />
      </Space>
      <Space>
        <Typography.Text id="dashboard-warehouse-label">{t('dashboard.warehouse')}</Typography.Text>
        <Select
          aria-labelledby="dashboard-warehouse-label"
          data-testid="pick-warehouse"
          allowClear
          placeholder={t('dashboard.allWarehouses')}
          value={warehouse}
          options={warehouses.map((w) => ({ value: w, label: w }))}
          onChange={(w: string | undefined) => onWarehouse(w)}
          style={{ minWidth: 160 }}
        />
      </Space>
    </Space>
  );
}
