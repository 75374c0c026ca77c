import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import type { StoredSession } from '../session/session';
import type { ConsolePage } from '../navigation/console-pages';

type Page = ComponentType<{ session: StoredSession }>;

// Each page is its own chunk, fetched when first opened; the service worker precaches them all,
// so an offline console still opens every page.
const page = <K extends string>(load: () => Promise<Record<K, Page>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const PAGES: Record<ConsolePage, Page> = {
  sync: page(() => import('./views/SyncPage'), 'SyncPage'),
  exceptions: page(() => import('./views/ExceptionsPage'), 'ExceptionsPage'),
  devices: page(() => import('./views/DevicesPage'), 'DevicesPage'),
  'work-orders': page(() => import('./views/WorkOrdersPage'), 'WorkOrdersPage'),
  'number-rules': page(() => import('./views/NumberRulesPage'), 'NumberRulesPage'),
  qc: page(() => import('./views/QcPage'), 'QcPage'),
  trace: page(() => import('./views/TracePage'), 'TracePage'),
  recall: page(() => import('./views/RecallPage'), 'RecallPage'),
  labels: page(() => import('./views/LabelsPage'), 'LabelsPage'),
  // The two chart pages: ECharts comes with them and with nothing else.
  dashboard: page(() => import('./views/dashboard/DashboardPage'), 'DashboardPage'),
  kpis: page(() => import('./views/kpi/KpiPage'), 'KpiPage'),
  users: page(() => import('./views/UsersPage'), 'UsersPage'),
  import: page(() => import('./views/ImportPage'), 'ImportPage'),
  integrations: page(() => import('./views/IntegrationsPage'), 'IntegrationsPage'),
  webhooks: page(() => import('./views/WebhooksPage'), 'WebhooksPage'),
};

/** One console page, by name. */
export function ConsolePageView({ page: name, session }: { page: ConsolePage; session: StoredSession }) {
  const Shown = PAGES[name];
  return (
    <Suspense fallback={<Spin size="large" className="console-loading" />}>
      <Shown session={session} />
    </Suspense>
  );
}
