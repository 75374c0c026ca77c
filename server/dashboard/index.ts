export { compactStockFigures, readStockDashboard, readStockDashboardDirect, scheduleFigureCompaction, type DashboardQuery, type StockDashboard } from './figures';
export { DRILL_FIGURES, drillCondition, type DrillFigure, type DrillQuery, type StockRow } from './drill';
export { drillDown, type DrillPage, type DrillRequest } from './stock';
export { exportRows, type ExportFormat, type RowExport } from './export';
export { readDashboardSettings, resolveSite, saveDashboardSettings, type SiteSettings } from './settings';
export { changedSince, parseAsOf, type AsOf } from './as-of';
