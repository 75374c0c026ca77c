import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReading } from '../../../api/kpis';
import { BarChart } from '../charts/BarChart';
import { languageOf, percentBars } from './kpi-series';

/** The rates of the period side by side on one 0-100 axis; each is also on its card. */
export function PercentChart({ kpis }: { kpis: KpiReading[] }) {
  const { t, i18n } = useTranslation();
  const bars = useMemo(() => percentBars(kpis, languageOf(i18n.resolvedLanguage)), [kpis, i18n.resolvedLanguage]);
  if (bars.values.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kpi.noRates')} />;
  const option = {
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, valueFormatter: (v: unknown) => `${Number(v).toFixed(1)} %` },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const, min: 0, max: 100 },
    yAxis: { type: 'category' as const, data: bars.labels, inverse: true, axisLabel: { width: 220, overflow: 'break' as const } },
    series: [{ type: 'bar' as const, data: bars.values, itemStyle: { color: '#1d39c4' }, label: { show: true, position: 'right' as const, formatter: '{c} %' }, barMaxWidth: 22 }],
  };
  return <BarChart option={option} height={Math.max(120, 30 + bars.values.length * 36)} label={t('kpi.rateChart', { rates: bars.labels.map((l, i) => `${l} ${bars.values[i]!.toFixed(1)} %`).join('; ') })} testId="kpi-rate-chart" />;
}
