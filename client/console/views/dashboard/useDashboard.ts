import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import { dashboardSites, stockDashboard, type StockDashboard } from '../../../api/dashboard';
import { useLive } from '../../useLive';

export interface DashboardRead {
  dashboard: StockDashboard;
  /** When this browser received it: the "as of" people read. */
  readAt: string;
}

/**
 * The sites to choose from and the chosen site's (and warehouse's) figures, read again after
 * every change the server streams: a stock op shows within the stream's half-second coalescing
 * and one read.
 */
export function useDashboard(token: string, chosenSite: string | undefined, warehouse: string | undefined) {
  const [sites, setSites] = useState<string[] | null>(null);
  const [sitesError, setSitesError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    dashboardSites(token).then(
      (found) => !cancelled && setSites(found),
      (e: unknown) => !cancelled && setSitesError(e instanceof ApiError ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);
  // Until someone chooses, the first site there is.
  const site = chosenSite ?? sites?.[0];
  const live = useLive(token, async (t): Promise<DashboardRead | null> => {
    if (site === undefined) return null;
    return { dashboard: await stockDashboard(t, { site, warehouse }), readAt: new Date().toISOString() };
  });
  const { reload } = live;
  useEffect(() => {
    void reload();
  }, [site, warehouse, reload]);
  // A read of another site or warehouse than the one now chosen is not shown as this one's.
  const data = live.data && live.data.dashboard.site === site && (live.data.dashboard.warehouse ?? undefined) === warehouse ? live.data : undefined;
  return { sites, data, error: live.error ?? sitesError, reload };
}
