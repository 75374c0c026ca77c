import type { DashboardSettings } from '../../domain/dashboard/settings';
import type { LotStatus } from '../../domain/lots/status';
import { api, ApiError } from './client';

/** A figure as the dashboard API gives it: exact decimal text, and how many balance rows it sums. */
export interface Amount {
  qty: string;
  /** Null for those not shown costs. */
  value: string | null;
  uncostedQty: string;
  rows: number;
}

export interface PlaceAmount extends Amount {
  warehouse: string;
  location?: string;
  status: LotStatus;
}

export interface BucketAmount extends Amount {
  key: string;
  label: string;
}

export interface StockDashboard {
  site: string;
  warehouse: string | null;
  asOf: string;
  today: string;
  costVisible: boolean;
  settings: SiteSettings;
  onHand: Amount;
  byStatus: (Amount & { status: LotStatus })[];
  byWarehouse: PlaceAmount[];
  byLocation: { rows: PlaceAmount[]; next: string | null } | null;
  expiry: BucketAmount[];
  nearExpiry: Amount & { days: number };
  ageing: BucketAmount[];
  deadStock: Amount & { days: number };
  longHolds: Amount & { days: number };
  negative: { qty: string; rows: number };
}

export type DrillFigure = 'on_hand' | 'expiry' | 'near_expiry' | 'ageing' | 'dead_stock' | 'long_hold' | 'negative';

/** Which rows a figure sums: what its drill-down and exports select. */
export interface FigureQuery {
  site: string;
  figure: DrillFigure;
  bucket?: string | undefined;
  warehouse?: string | undefined;
  location?: string | undefined;
  status?: LotStatus | undefined;
}

export interface StockRow {
  lotId: string;
  locationId: string;
  lotNumber: string;
  gtin: string;
  sku: string;
  itemName: string;
  warehouse: string;
  location: string;
  status: LotStatus;
  expiresOn: string | null;
  agedOn: string;
  movedOn: string;
  statusSince: string;
  qty: string;
  standardCost: string | null;
  value: string | null;
}

export interface DrillPage {
  rows: StockRow[];
  next: string | null;
  asOf: string;
  changed: boolean | null;
}

export interface SiteSettings {
  site: string;
  settings: DashboardSettings;
  version: number;
}

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  return search.toString();
};

export const figureParams = (q: FigureQuery) => ({ site: q.site, figure: q.figure, bucket: q.bucket, warehouse: q.warehouse, location: q.location, status: q.status });

export const stockDashboard = (token: string, p: { site: string; warehouse?: string | undefined; after?: string | undefined; limit?: number }) =>
  api<{ dashboard: StockDashboard }>(`/api/dashboard/stock?${query(p)}`, { token }).then((r) => r.dashboard);

export const drillPage = (token: string, q: FigureQuery, p: { asOf?: string | undefined; after?: string | undefined; limit: number }) =>
  api<DrillPage>(`/api/dashboard/stock/rows?${query({ ...figureParams(q), ...p })}`, { token });

export const exportPath = (q: FigureQuery, format: 'csv' | 'xlsx') => `/api/dashboard/stock/rows.${format}?${query(figureParams(q))}`;

export const dashboardSettings = (token: string, site?: string) => api<{ settings: SiteSettings }>(`/api/dashboard/settings?${query({ site })}`, { token }).then((r) => r.settings);

export const saveDashboardSettings = (token: string, site: string, version: number, settings: DashboardSettings) =>
  api<{ settings: SiteSettings }>('/api/dashboard/settings', { method: 'PUT', token, body: JSON.stringify({ site, version, ...settings }) }).then((r) => r.settings);

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
