export interface DateContext {
  /** The year a two-digit year is judged against (the current year, unless a test says otherwise). */
  referenceYear: number;
}

export const currentDateContext = (): DateContext => ({ referenceYear: new Date().getFullYear() });

/**
 * The GS1 General Specifications' sliding window: a two-digit year lands in the 100 years from 49
 * years before the reference year to 50 years after it.
 */
export function fullYear(yy: number, referenceYear: number): number {
  const century = Math.floor(referenceYear / 100) * 100;
  const diff = yy - (referenceYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function toIso(year: number, month: number, day: number, allowZeroDay: boolean): string | null {
  if (month < 1 || month > 12) return null;
  if (day === 0) {
    if (!allowZeroDay) return null;
    day = daysIn(year, month); // DD=00 means the last day of the month
  }
  if (day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYMMDD to ISO, or null when it is not a date. */
export function yymmdd(value: string, allowZeroDay: boolean, context: DateContext): string | null {
  if (!/^\d{6}$/.test(value)) return null;
  const year = fullYear(Number(value.slice(0, 2)), context.referenceYear);
  return toIso(year, Number(value.slice(2, 4)), Number(value.slice(4, 6)), allowZeroDay);
}

export function yyyymmdd(value: string, allowZeroDay: boolean): string | null {
  if (!/^\d{8}$/.test(value)) return null;
  return toIso(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8)), allowZeroDay);
}

/** ISO date to the six digits GS1 carries (YYMMDD). */
export function isoToGs1Date(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`${iso} is not an ISO date`);
  return `${m[1]!.slice(2)}${m[2]}${m[3]}`;
}
