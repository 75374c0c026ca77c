import { api } from './client';
import type { Answer, Schema } from './types';

export type KpiReading = Schema<'Kpi'>;

/** Plant days [from, to): `to` is the first day after the period. */
export type KpiPeriod = Schema<'KpiPeriod'>;

export const readKpis = (token: string, period?: { from: string; to: string }) =>
  api<Answer<'/api/kpis', 'get'>>(`/api/kpis${period ? `?${new URLSearchParams(period).toString()}` : ''}`, { token });
