/** Today's date (yyyy-mm-dd) in the server's time zone, which is the plant's. */
export function plantToday(now: Date = new Date()): string {
  // en-CA formats as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA').format(now);
}

/** The time as the server sees it; tests pass a clock they can move instead of waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
