import { MAX_BAND_DAY, bandProblems, type BandProblemCode, type DayBand } from './bands';

/** How a site reads its stock: where the buckets fall and after how long stock counts as dead or a hold as long. */
export interface DashboardSettings {
  expiryBands: DayBand[];
  ageingBands: DayBand[];
  /** Stock expiring within this many days (and not yet expired) is near expiry. */
  nearExpiryDays: number;
  /** A balance with no movement for at least this many days is dead stock. */
  deadStockDays: number;
  /** A lot on hold for more than this many days is a long hold. */
  longHoldDays: number;
}

export const DEFAULT_DASHBOARD_SETTINGS: DashboardSettings = {
  expiryBands: [
    { from: 0, to: 30 },
    { from: 31, to: 90 },
    { from: 91, to: 180 },
    { from: 181, to: null },
  ],
  ageingBands: [
    { from: 0, to: 30 },
    { from: 31, to: 90 },
    { from: 91, to: 180 },
    { from: 181, to: 365 },
    { from: 366, to: null },
  ],
  nearExpiryDays: 90,
  deadStockDays: 180,
  longHoldDays: 30,
};

export type SettingsField = keyof DashboardSettings;

export interface SettingsProblem {
  field: SettingsField;
  index?: number;
  code: BandProblemCode | 'out_of_range';
  message: string;
}

const DAY_FIELDS = ['nearExpiryDays', 'deadStockDays', 'longHoldDays'] as const;

/** Every problem with a site's settings, each naming its field (and band), or none. */
export function settingsProblems(settings: DashboardSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const field of ['expiryBands', 'ageingBands'] as const) {
    for (const p of bandProblems(settings[field])) problems.push({ field, index: p.index, code: p.code, message: p.message });
  }
  for (const field of DAY_FIELDS) {
    const n = settings[field];
    if (!Number.isInteger(n) || n < 1 || n > MAX_BAND_DAY) problems.push({ field, code: 'out_of_range', message: `${field} must be a whole number of days from 1 to ${MAX_BAND_DAY} (got ${n}).` });
  }
  return problems;
}
