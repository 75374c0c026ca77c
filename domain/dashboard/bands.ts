/**
 * Day bands: the expiry buckets (days left until expiry) and the ageing buckets (days since receipt
 * or production) a site reads its stock by. A band runs from `from` to `to` days inclusive; the
 * last band is open (`to: null`). Bands must tile 0 .. infinity exactly: a gap would leave stock in
 * no bucket and an overlap would count it twice, and either breaks "the buckets sum to on-hand".
 */
export interface DayBand {
  from: number;
  to: number | null;
}

export type BandProblemCode = 'empty' | 'too_many' | 'not_whole_days' | 'first_not_zero' | 'not_increasing' | 'gap' | 'overlap' | 'last_not_open' | 'open_before_last';

export interface BandProblem {
  /** Index of the band the problem is found at. */
  index: number;
  code: BandProblemCode;
  message: string;
}

/** More bands than this is a table nobody reads, and a dashboard query that grows for nothing. */
export const MAX_BANDS = 12;
/** Fifty years: past this a day count is a typing error, not a shelf life. */
export const MAX_BAND_DAY = 18_262;

export function bandLabel(band: DayBand): string {
  return band.to === null ? `>${band.from - 1}` : band.from === band.to ? `${band.from}` : `${band.from}-${band.to}`;
}

/** A stable key for a band, used in URLs and exports. */
export function bandKey(band: DayBand): string {
  return band.to === null ? `${band.from}+` : `${band.from}-${band.to}`;
}

const wholeDay = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_BAND_DAY;

/** Every problem with a list of bands (all of them, so the form can mark each), or none. */
export function bandProblems(bands: readonly DayBand[]): BandProblem[] {
  if (bands.length === 0) return [{ index: 0, code: 'empty', message: 'At least one band is needed.' }];
  if (bands.length > MAX_BANDS) return [{ index: MAX_BANDS, code: 'too_many', message: `At most ${MAX_BANDS} bands.` }];
  const problems: BandProblem[] = [];
  bands.forEach((band, index) => {
    const last = index === bands.length - 1;
    if (!wholeDay(band.from) || (band.to !== null && !wholeDay(band.to))) {
      problems.push({ index, code: 'not_whole_days', message: `Band ${index + 1}: days must be whole numbers from 0 to ${MAX_BAND_DAY}.` });
      return;
    }
    if (index === 0 && band.from !== 0) problems.push({ index, code: 'first_not_zero', message: `Band 1 must start at day 0 (it starts at ${band.from}): days 0-${band.from - 1} would be in no band.` });
    if (band.to !== null && band.to < band.from) problems.push({ index, code: 'not_increasing', message: `Band ${index + 1} ends (${band.to}) before it starts (${band.from}).` });
    if (band.to === null && !last) problems.push({ index, code: 'open_before_last', message: `Only the last band may be open-ended; band ${index + 1} is.` });
    if (band.to !== null && last) problems.push({ index, code: 'last_not_open', message: `The last band must be open-ended: stock past day ${band.to} would be in no band.` });
    const previous = bands[index - 1];
    if (previous && previous.to === null) problems.push({ index, code: 'overlap', message: `Band ${index + 1} lies inside the open-ended band ${index}.` });
    if (previous && previous.to !== null && wholeDay(previous.to)) {
      if (band.from > previous.to + 1) problems.push({ index, code: 'gap', message: `Days ${previous.to + 1}-${band.from - 1} fall between band ${index} and band ${index + 1}.` });
      if (band.from <= previous.to) problems.push({ index, code: 'overlap', message: `Band ${index + 1} starts at ${band.from}, inside band ${index} (${bandLabel(previous)}).` });
    }
  });
  return problems;
}

/**
 * The band a day count falls in. Bands are checked first (bandProblems), so exactly one band
 * holds every day count from 0 up; a negative count (a production date in the future) is taken
 * as day 0 rather than dropped.
 */
export function bandIndex(days: number, bands: readonly DayBand[]): number {
  const d = Math.max(0, days);
  for (let i = bands.length - 1; i >= 0; i--) if (d >= bands[i]!.from) return i;
  return 0;
}
