export { MAX_BANDS, MAX_BAND_DAY, bandIndex, bandKey, bandLabel, bandProblems, type BandProblem, type BandProblemCode, type DayBand } from './bands';
export { addDays, daysBetween } from './days';
export { QTY_SCALE, VALUE_SCALE, fromScaled, toScaled, viewAmount, type Amount, type AmountView } from './amount';
export { ageingBucketOf, ageingBucketRange, deadStockRange, expiryBucketOf, expiryBucketRange, expiryBuckets, inRange, longHoldRange, nearExpiryRange, type DateRange, type ExpiryBucketKey } from './buckets';
export { DEFAULT_DASHBOARD_SETTINGS, settingsProblems, type DashboardSettings, type SettingsField, type SettingsProblem } from './settings';
export { FIGURE_KINDS, assembleFigures, type BucketFigure, type FigureKind, type FigureRow, type PlaceFigure, type StockFigures } from './figures';
