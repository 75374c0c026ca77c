/**
 * The period a KPI is read over: plant days [from, to), `to` exclusive, so 2025-01-01..2025-02-01
 * is January. A period ends at the latest with today (to = tomorrow): a rate over days that have
 * not happened would be diluted by them. Three years at most: longer reads the whole ledger for a
 * figure nobody compares.
 */
export const MAX_PERIOD_DAYS = 1096;
export const DEFAULT_PERIOD_DAYS = 30;

export interface Period {
  from: string;
  to: string;
  days: number;
}

export type PeriodRefusal = { ok: false; code: 'invalid_date' | 'empty_period' | 'period_in_future' | 'period_too_long'; field: 'from' | 'to'; message: string };
export type PeriodResult = ({ ok: true } & Period) | PeriodRefusal;

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a yyyy-mm-dd that names a real day, else null (2026-02-30 is not one). */
export function epochDay(text: string): number | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (y < 1970 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

export const dayText = (epoch: number) => new Date(epoch * DAY_MS).toISOString().slice(0, 10);

/** Checks a requested period against today (the plant's date); absent ends default to the last 30 days up to today. */
export function parsePeriod(input: { from?: string | undefined; to?: string | undefined }, today: string): PeriodResult {
  const todayDay = epochDay(today);
  if (todayDay === null) throw new RangeError(`today is not a date: ${today}`);
  const tomorrow = todayDay + 1;
  const to = input.to === undefined ? tomorrow : epochDay(input.to);
  if (to === null) return { ok: false, code: 'invalid_date', field: 'to', message: `to: '${input.to}' is not a date (YYYY-MM-DD).` };
  const from = input.from === undefined ? to - DEFAULT_PERIOD_DAYS : epochDay(input.from);
  if (from === null) return { ok: false, code: 'invalid_date', field: 'from', message: `from: '${input.from}' is not a date (YYYY-MM-DD).` };
  if (from >= to) return { ok: false, code: 'empty_period', field: 'from', message: `from (${dayText(from)}) must be before to (${dayText(to)}); to is the first day after the period.` };
  if (to > tomorrow) return { ok: false, code: 'period_in_future', field: 'to', message: `to (${dayText(to)}) is after tomorrow (${dayText(tomorrow)}): a period ends with today at the latest.` };
  if (to - from > MAX_PERIOD_DAYS) return { ok: false, code: 'period_too_long', field: 'from', message: `from: the period from ${dayText(from)} to ${dayText(to)} is ${to - from} days; at most ${MAX_PERIOD_DAYS} (three years).` };
  return { ok: true, from: dayText(from), to: dayText(to), days: to - from };
}
