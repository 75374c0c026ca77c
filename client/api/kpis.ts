import type { KpiBetter, KpiId, KpiUnit, Localized } from '../../domain/kpi/registry';
import { api } from './client';

export interface KpiReading {
  id: KpiId;
  label: Localized;
  unit: KpiUnit;
  better: KpiBetter;
  target: { min: number; max: number } | null;
  formula: Localized;
  /** Null when the period gives nothing to compute from (no labels, no recall, no stock). */
  value: number | null;
  inputs: { name: string; label: Localized; value: number }[];
}

/** Plant days [from, to): `to` is the first day after the period. */
export interface KpiPeriod {
  from: string;
  to: string;
  days: number;
}

export const readKpis = (token: string, period?: { from: string; to: string }) =>
  api<{ period: KpiPeriod; kpis: KpiReading[] }>(`/api/kpis${period ? `?${new URLSearchParams(period).toString()}` : ''}`, { token });
