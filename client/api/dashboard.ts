import type { DashboardSettings } from '../../domain/dashboard/settings';
import type { LotStatus } from '../../domain/lots/status';
import { api, ApiError } from './client';
import type { Answer, Query, Schema } from './types';

export type StockDashboard = Schema<'StockDashboard'>;
/** A figure as the dashboard API gives it: exact decimal text, and how many balance rows it sums. */
export type Amount = StockDashboard['onHand'];
export type PlaceAmount = StockDashboard['byWarehouse'][number];
export type BucketAmount = StockDashboard['expiry'][number];

export type DrillFigure = Query<'/api/dashboard/stock/rows', 'get'>['figure'];

/** Which rows a figure sums: what its drill-down and exports select. */
export interface FigureQuery {
  site: string;
  figure: DrillFigure;
  bucket?: string | undefined;
  warehouse?: string | undefined;
  location?: string | undefined;
  status?: LotStatus | undefined;
}

export type StockRow = Schema<'StockRow'>;
export type DrillPage = Answer<'/api/dashboard/stock/rows', 'get'>;
export type SiteSettings = Schema<'DashboardSiteSettings'>;

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  return search.toString();
};

export const figureParams = (q: FigureQuery) => ({ site: q.site, figure: q.figure, bucket: q.bucket, warehouse: q.warehouse, location: q.location, status: q.status });

export const stockDashboard = (token: string, p: { site: string; warehouse?: string | undefined; after?: string | undefined; limit?: number }) =>
  api<Answer<'/api/dashboard/stock', 'get'>>(`/api/dashboard/stock?${query(p)}`, { token }).then((r) => r.dashboard);

export const drillPage = (token: string, q: FigureQuery, p: { asOf?: string | undefined; after?: string | undefined; limit: number }) =>
  api<DrillPage>(`/api/dashboard/stock/rows?${query({ ...figureParams(q), ...p })}`, { token });

export const exportPath = (q: FigureQuery, format: 'csv' | 'xlsx') => `/api/dashboard/stock/rows.${format}?${query(figureParams(q))}`;

export const dashboardSettings = (token: string, site?: string) => api<Answer<'/api/dashboard/settings', 'get'>>(`/api/dashboard/settings?${query({ site })}`, { token }).then((r) => r.settings);

export const saveDashboardSettings = (token: string, site: string, version: number, settings: DashboardSettings) =>
  api<Answer<'/api/dashboard/settings', 'put'>>('/api/dashboard/settings', { method: 'PUT', token, body: JSON.stringify({ site, version, ...settings }) }).then((r) => r.settings);

/**
 * The sites a reader can choose from: the only one there is, or those the server lists when it
 * needs to be told which.
 */
export async function dashboardSites(token: string): Promise<string[]> {
  try {
    return [(await dashboardSettings(token)).site];
  } catch (e) {
    const sites = e instanceof ApiError && e.code === 'site_required' ? e.details.sites : undefined;
    if (Array.isArray(sites)) return sites.filter((s): s is string => typeof s === 'string');
    throw e;
  }
}
