import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceAmount } from '../../../api/dashboard';
import { BarChart } from '../charts/BarChart';
import { groupDecimal } from './decimal';
import { useValueText } from './useValueText';
import type { OpenFigure } from './open-figure';
import { STATUS_COLORS, STATUS_TAGS } from './status-colors';
import { placeAt, placeName, stackedByStatus, type Measure } from './stock-series';

/** Bars drawn at most: a warehouse can have thousands of locations; the table lists them all. */
const CHART_PLACES = 40;

/** Stock by warehouse (or, for one warehouse, location) and status: stacked bars and the table they are drawn from. */
export function StockByPlace({ places, measure, byLocation, open }: { places: PlaceAmount[]; measure: Measure; byLocation: boolean; open: OpenFigure }) {
  const { t, i18n } = useTranslation();
  const valueText = useValueText();
  const n = (text: string | null) => (text === null ? '—' : groupDecimal(text, i18n.resolvedLanguage));
  const charted = useMemo(() => {
    const names = [...new Set(places.map(placeName))].slice(0, CHART_PLACES);
    return places.filter((p) => names.includes(placeName(p)));
  }, [places]);
  const stacked = useMemo(() => stackedByStatus(charted, measure), [charted, measure]);
  const title = (p: PlaceAmount) => t('dashboard.placeTitle', { place: placeName(p), status: t(`lookup.statuses.${p.status}`) });
  const openPlace = (p: PlaceAmount) => open({ figure: 'on_hand', warehouse: p.warehouse, location: p.location, status: p.status }, title(p), p.rows);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value' as const, splitNumber: 4, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'category' as const, data: stacked.categories, inverse: true },
      series: stacked.series.map((s) => ({ type: 'bar' as const, stack: 'stock', name: t(`lookup.statuses.${s.status}`), data: s.data, itemStyle: { color: STATUS_COLORS[s.status] }, cursor: 'pointer' })),
    }),
    [stacked, t],
  );
  const columns: ColumnsType<PlaceAmount> = [
    { key: 'place', title: byLocation ? t('dashboard.col.location') : t('dashboard.col.warehouse'), render: (_, p) => (byLocation ? p.location : p.warehouse), fixed: 'start' },
    { key: 'status', title: t('dashboard.col.status'), render: (_, p) => <Tag color={STATUS_TAGS[p.status]}>{t(`lookup.statuses.${p.status}`)}</Tag> },
    {
      key: 'qty',
      title: t('dashboard.col.qty'),
      align: 'end',
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => openPlace(p)} data-testid={`place-${placeName(p)}-${p.status}`} data-qty={p.qty} data-rows={p.rows} aria-label={`${title(p)}: ${n(p.qty)}`}>
          {n(p.qty)}
        </Button>
      ),
      sorter: (a, b) => Number(a.qty) - Number(b.qty),
    },
    { key: 'value', title: t('dashboard.col.value'), align: 'end', render: (_, p) => valueText(p) ?? '—', sorter: (a, b) => Number(a.value ?? 0) - Number(b.value ?? 0) },
    { key: 'rows', title: t('dashboard.col.rows'), align: 'end', dataIndex: 'rows' },
  ];
  const height = Math.max(160, 60 + stacked.categories.length * 30);
  return (
    <div className="dashboard-places">
      {stacked.categories.length > 0 ? (
        <BarChart option={option} height={height} label={t('dashboard.byPlaceChart', { measure: t(`dashboard.measure.${measure}`) })} testId="chart-places" onPick={(s, i) => {
          const p = placeAt(charted, stacked, s, i);
          if (p) openPlace(p);
        }} />
      ) : null}
      {places.length > charted.length && <Typography.Text type="secondary">{t('dashboard.chartFirst', { count: CHART_PLACES })}</Typography.Text>}
      <Table<PlaceAmount> size="small" rowKey={(p) => `${placeName(p)}.${p.status}`} columns={columns} dataSource={places} scroll={{ x: 560 }} pagination={{ defaultPageSize: 10, hideOnSinglePage: true }} data-testid="place-table" />
    </div>
  );
}
