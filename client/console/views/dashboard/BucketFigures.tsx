import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BucketAmount, DrillFigure } from '../../../api/dashboard';
import { BarChart } from '../charts/BarChart';
import { groupDecimal } from './decimal';
import { useValueText } from './useValueText';
import type { OpenFigure } from './open-figure';
import { bucketBars, type Measure } from './stock-series';
import { useBucketLabel } from './useBucketLabel';

interface Props {
  figure: Extract<DrillFigure, 'expiry' | 'ageing'>;
  title: string;
  buckets: BucketAmount[];
  measure: Measure;
  color: string;
  open: OpenFigure;
}

/** Expiry buckets or ageing bands: a bar each, and the table of them whose quantities open their rows. */
export function BucketFigures({ figure, title, buckets, measure, color, open }: Props) {
  const { t, i18n } = useTranslation();
  const label = useBucketLabel();
  const valueText = useValueText();
  const n = (text: string | null) => (text === null ? '—' : groupDecimal(text, i18n.resolvedLanguage));
  const bars = useMemo(() => bucketBars(buckets, measure), [buckets, measure]);
  const openBucket = (b: BucketAmount) => open({ figure, bucket: b.key }, `${title}: ${label(b.key)}`, b.rows);
  const option = {
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    // Sideways bars: every bucket's name stays readable on a narrow card.
    xAxis: { type: 'value' as const, splitNumber: 4, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category' as const, data: bars.categories.map(label), inverse: true, axisLabel: { interval: 0 } },
    series: [{ type: 'bar' as const, name: t(`dashboard.measure.${measure}`), data: bars.data, itemStyle: { color }, cursor: 'pointer' }],
  };
  const columns: ColumnsType<BucketAmount> = [
    { key: 'bucket', title: t('dashboard.col.bucket'), render: (_, b) => label(b.key) },
    {
      key: 'qty',
      title: t('dashboard.col.qty'),
      align: 'end',
      render: (_, b) => (
        <Button type="link" size="small" onClick={() => openBucket(b)} data-testid={`${figure}-${b.key}`} data-qty={b.qty} data-rows={b.rows} aria-label={`${title}, ${label(b.key)}: ${n(b.qty)}`}>
          {n(b.qty)}
        </Button>
      ),
    },
    { key: 'value', title: t('dashboard.col.value'), align: 'end', render: (_, b) => valueText(b) ?? '—' },
    { key: 'rows', title: t('dashboard.col.rows'), align: 'end', dataIndex: 'rows' },
  ];
  return (
    <div className="dashboard-buckets">
      <BarChart option={option} height={40 + buckets.length * 30} label={t('dashboard.bucketChart', { title, measure: t(`dashboard.measure.${measure}`) })} testId={`chart-${figure}`} onPick={(_, i) => openBucket(buckets[i]!)} />
      <Table<BucketAmount> size="small" rowKey="key" columns={columns} dataSource={buckets} pagination={false} data-testid={`${figure}-table`} />
    </div>
  );
}
