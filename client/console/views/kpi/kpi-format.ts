import type { KpiUnit } from '../../../../domain/kpi/registry';

/** Decimals worth reading per unit: a rate to a tenth of a percent, milliseconds whole, a ratio to hundredths. */
const DIGITS: Record<KpiUnit, number> = { percent: 1, per_1000: 1, hours: 1, ms: 0, days: 1, count: 0, ratio: 2 };

/** A KPI's figure as a number in the UI's language, rounded for its unit; the unit's words come from the translations. */
export function kpiNumber(value: number, unit: KpiUnit, locale: string | undefined): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: DIGITS[unit], minimumFractionDigits: 0 }).format(value);
}

const DAY_MS = 86_400_000;
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** A period picked as first and last day (both included) as the API asks for it: `to` is the day after. */
export const periodQuery = (first: string, last: string) => ({ from: first, to: dayAfter(last) });

/** The API's period [from, to) as the first and last day a person reads. */
export const periodShown = (period: { from: string; to: string }) => ({ first: period.from, last: dayBefore(period.to) });

/** Whether a figure lies in its target band, where it has one. */
export const onTarget = (value: number | null, target: { min: number; max: number } | null): boolean | null => (value === null || target === null ? null : value >= target.min && value <= target.max);
