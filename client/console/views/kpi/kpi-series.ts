import type { KpiReading } from '../../../api/kpis';

export type Language = 'en' | 'zh-CN';

/**
 * The KPIs measured in percent that have a figure this period, as one bar each in registry
 * order: the rates read side by side on one 0-100 axis. The others mix units (hours, ms, days),
 * and a KPI without a figure has no bar rather than a zero one.
 */
export function percentBars(kpis: readonly KpiReading[], language: Language): { ids: string[]; labels: string[]; values: number[] } {
  const shown = kpis.filter((k) => k.unit === 'percent' && k.value !== null);
  return { ids: shown.map((k) => k.id), labels: shown.map((k) => k.label[language]), values: shown.map((k) => k.value!) };
}

export const languageOf = (resolved: string | undefined): Language => (resolved === 'zh-CN' ? 'zh-CN' : 'en');
