export { mean, measured, nearestRank, rate } from './arithmetic';
export { DEFAULT_PERIOD_DAYS, MAX_PERIOD_DAYS, dayText, epochDay, parsePeriod, type Period, type PeriodRefusal, type PeriodResult } from './period';
export { KPIS, KPI_IDS, computeKpi, isKpiId, type KpiBetter, type KpiDefinition, type KpiId, type KpiInputs, type KpiUnit, type Localized } from './registry';
export { averageDailyOnHand, closingOnHand } from './on-hand';
