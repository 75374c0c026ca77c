import { describe, expect, it } from 'vitest';
import type { KpiReading } from '../../../api/kpis';
import { languageOf, percentBars } from './kpi-series';

const kpi = (id: string, unit: KpiReading['unit'], value: number | null): KpiReading => ({
  id: id as KpiReading['id'],
  label: { en: `${id} en`, 'zh-CN': `${id} 中` },
  unit,
  better: 'higher',
  target: null,
  formula: { en: '', 'zh-CN': '' },
  value,
  inputs: [],
});

describe('percent KPIs as bars', () => {
  const kpis = [kpi('label_print_success_rate', 'percent', 98.5), kpi('trace_time_p95', 'ms', 120), kpi('reprint_rate', 'percent', 0), kpi('recall_quantity_recovered', 'percent', null)];
  it('draws each percent KPI with a figure, zero included, none without', () => {
    expect(percentBars(kpis, 'en')).toEqual({ ids: ['label_print_success_rate', 'reprint_rate'], labels: ['label_print_success_rate en', 'reprint_rate en'], values: [98.5, 0] });
  });
  it('labels the bars in the UI language', () => {
    expect(percentBars(kpis, 'zh-CN').labels).toEqual(['label_print_success_rate 中', 'reprint_rate 中']);
  });
  it('draws nothing for an empty plant', () => {
    expect(percentBars([kpi('reprint_rate', 'percent', null)], 'en')).toEqual({ ids: [], labels: [], values: [] });
  });
  it.each([
    ['zh-CN', 'zh-CN'],
    ['en', 'en'],
    [undefined, 'en'],
  ] as const)('language %s reads labels in %s', (resolved, language) => {
    expect(languageOf(resolved)).toBe(language);
  });
});
