import { CN_HOLIDAY_YEARS } from './holidays-cn';

/**
 * Working-day calendars for the regulators' clocks. All arithmetic is on plain dates
 * ('YYYY-MM-DD' in the plant's zone) turned into day numbers: a deadline is a day, not an
 * instant, and an instant plus 24 h lands on the wrong day across a DST change.
 */
export type IsoDate = string;

export type ClockErrorCode = 'invalid_date' | 'invalid_count' | 'calendar_not_covered' | 'conflicting_day' | 'class_missing' | 'completed_before_start';

export class ClockError extends Error {
  override name = 'ClockError';
  constructor(
    readonly code: ClockErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const DAY_MS = 86_400_000;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Days since 1970-01-01. Only a real date in the exact form is accepted: `new Date('2025-02-30')`
 * would quietly roll into March, and a deadline computed from a typo is worse than an error.
 * Years start at 1000 because Date.UTC reads 0-99 as 1900-1999.
 */
export function dayNumber(date: string): number {
  const m = /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(date);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ClockError('invalid_date', `"${date}" is not a date; dates are written YYYY-MM-DD`);
  }
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * DAY_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

/** 0 = Sunday ... 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export const weekday = (n: number): number => (((n + 4) % 7) + 7) % 7;

const isoOf = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The n-th given weekday of a month (n = -1: the last). */
function nthWeekday(year: number, month: number, wd: number, n: number): IsoDate {
  if (n === -1) {
    const last = dayNumber(isoOf(year, month, daysInMonth(year, month)));
    return fromDayNumber(last - ((weekday(last) - wd + 7) % 7));
  }
  const first = dayNumber(isoOf(year, month, 1));
  return fromDayNumber(first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1));
}

/** 5 U.S.C. 6103(b): a holiday on a Saturday is kept the Friday before, one on a Sunday the Monday after. */
function observed(date: IsoDate): IsoDate {
  const n = dayNumber(date);
  const wd = weekday(n);
  return wd === 6 ? fromDayNumber(n - 1) : wd === 0 ? fromDayNumber(n + 1) : date;
}

export interface Holiday {
  date: IsoDate;
  name: string;
}

function federalHolidaysOf(year: number): Holiday[] {
  const days: Holiday[] = [
    { date: observed(isoOf(year, 1, 1)), name: "New Year's Day" },
    { date: nthWeekday(year, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" },
    { date: nthWeekday(year, 5, 1, -1), name: 'Memorial Day' },
    { date: observed(isoOf(year, 7, 4)), name: 'Independence Day' },
    { date: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 10, 1, 2), name: 'Columbus Day' },
    { date: observed(isoOf(year, 11, 11)), name: 'Veterans Day' },
    { date: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    { date: observed(isoOf(year, 12, 25)), name: 'Christmas Day' },
  ];
  // Juneteenth became a federal holiday by the Act of 17 June 2021.
  if (year >= 2021) days.push({ date: observed(isoOf(year, 6, 19)), name: 'Juneteenth National Independence Day' });
  // 5 U.S.C. 6103(c): Inauguration Day is a holiday in the Washington area, where FDA's offices
  // are (Silver Spring, MD). A Sunday moves it to Monday; a Saturday does not move it.
  if ((year - 1965) % 4 === 0) {
    const jan20 = isoOf(year, 1, 20);
    days.push({ date: weekday(dayNumber(jan20)) === 0 ? isoOf(year, 1, 21) : jan20, name: 'Inauguration Day' });
  }
  return days;
}

/**
 * The days a US federal office is closed in a year, computed by rule (5 U.S.C. 6103). Includes
 * 31 December when the next New Year's Day is a Saturday, since it is kept then.
 */
export function usFederalHolidays(year: number): Holiday[] {
  const byDate = new Map<IsoDate, string>();
  for (const h of [...federalHolidaysOf(year), ...federalHolidaysOf(year + 1)]) {
    // Inauguration Day 2025 fell on Martin Luther King Day: one day off, two names.
    if (h.date.startsWith(`${year}-`)) byDate.set(h.date, byDate.has(h.date) ? `${byDate.get(h.date)}; ${h.name}` : h.name);
  }
  return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name }));
}

/** Public holidays of the PRC for a year from the State Council's notice; null when the year's notice is not in the data. */
export function chinaHolidays(year: number): { closed: Holiday[]; working: IsoDate[] } | null {
  const notice = CN_HOLIDAY_YEARS[year];
  if (!notice) return null;
  const closed: Holiday[] = [];
  for (const range of notice.closed) {
    for (let n = dayNumber(range.from); n <= dayNumber(range.through); n++) closed.push({ date: fromDayNumber(n), name: range.name });
  }
  return { closed, working: [...notice.working] };
}

/**
 * A plant's own corrections to a regulator's calendar: a closure announced at short notice
 * (US federal offices are sometimes closed by executive order, for example around Christmas),
 * or, for China, the next year's notice entered before a Lotline release carries it.
 */
export interface PlantDays {
  extraClosedDays?: readonly IsoDate[];
  extraWorkingDays?: readonly IsoDate[];
  /** Years whose holidays the plant has entered itself in the two lists, so the calendar may be used for them. */
  enteredYears?: readonly number[];
}

export interface WorkingCalendar {
  readonly name: string;
  /** Throws `calendar_not_covered` for a year the calendar cannot answer for. */
  isWorkingDay(date: IsoDate): boolean;
}

interface BaseCalendar {
  name: string;
  covers(year: number): boolean;
  closed(year: number): ReadonlySet<IsoDate>;
  worked(year: number): ReadonlySet<IsoDate>;
}

function withPlantDays(base: BaseCalendar, plant: PlantDays): WorkingCalendar {
  const closed = new Set((plant.extraClosedDays ?? []).map((d) => fromDayNumber(dayNumber(d))));
  const worked = new Set((plant.extraWorkingDays ?? []).map((d) => fromDayNumber(dayNumber(d))));
  const both = [...closed].filter((d) => worked.has(d));
  if (both.length > 0) throw new ClockError('conflicting_day', `${both.join(', ')} cannot be both an extra closed day and an extra working day`);
  const entered = new Set(plant.enteredYears ?? []);
  return {
    name: base.name,
    isWorkingDay(date) {
      const n = dayNumber(date);
      const year = Number(date.slice(0, 4));
      if (!base.covers(year) && !entered.has(year)) {
        throw new ClockError('calendar_not_covered', `the ${base.name} calendar has no holidays for ${year}; enter that year's official notice in the plant's calendar settings`);
      }
      if (closed.has(date)) return false;
      if (worked.has(date)) return true;
      if (base.closed(year).has(date)) return false;
      if (base.worked(year).has(date)) return true;
      const wd = weekday(n);
      return wd !== 0 && wd !== 6;
    },
  };
}

function memo<T>(compute: (year: number) => T): (year: number) => T {
  const seen = new Map<number, T>();
  return (year) => {
    let value = seen.get(year);
    if (value === undefined) seen.set(year, (value = compute(year)));
    return value;
  };
}

const NONE: ReadonlySet<IsoDate> = new Set();

/** The days FDA works: weekdays less the federal holidays. Rules hold from 1986 (the first Martin Luther King Day). */
export function usFederalCalendar(plant: PlantDays = {}): WorkingCalendar {
  return withPlantDays(
    {
      name: 'US federal',
      covers: (year) => year >= 1986 && year <= 9998,
      closed: memo((year) => new Set(usFederalHolidays(year).map((h) => h.date))),
      worked: () => NONE,
    },
    plant,
  );
}

/** The days NMPA and the provincial administrations work: weekdays less public holidays, plus the 调休 weekend days. */
export function chinaCalendar(plant: PlantDays = {}): WorkingCalendar {
  return withPlantDays(
    {
      name: 'PRC',
      covers: (year) => chinaHolidays(year) !== null,
      closed: memo((year) => new Set(chinaHolidays(year)?.closed.map((h) => h.date))),
      worked: memo((year) => new Set(chinaHolidays(year)?.working)),
    },
    plant,
  );
}
