export { MAX_BANDS, MAX_BAND_DAY, bandIndex, bandKey, bandLabel, bandProblems, type BandProblem, type BandProblemCode, type DayBand } from './bands';
export { addDays, daysBetween } from './days';
export { QTY_SCALE, VALUE_SCALE, fromScaled, toScaled, viewAmount, type Amount, type AmountView } from './amount';
export { ageingBucketOf, ageingBucketRange, deadStockRange, expiryBucketOf, expiryBucketRange, expiryBuckets, inRange, longHoldRange, nearExpiryRange, type DateRange, type ExpiryBucketKey } from './buckets';
export { DEFAULT_DASHBOARD_SETTINGS, settingsProblems, type DashboardSettings, type SettingsField, type SettingsProblem } from './settings';
export { FIGURE_KINDS, assembleFigures, type FigureKind, type FigureRow } from './figures';
export { comparePlaces, formatPlaceCursor, pageOfPlaces, parsePlaceCursor, type LocationPage, type PlaceCursor, type PlaceFigure } from './places';
export { amountOf, figuresOf, summaryRanges, totalsOf, type BucketFigure, type DatedFigure, type RangeFigure, type StockFigures, type SummaryRange, type SummaryRow } from './summary';
export { stockGlance, type GlanceBalance, type GlanceFigure, type GlanceLot, type StockGlance } from './glance';
