/** Today's date (yyyy-mm-dd) in the server's time zone, which is the plant's. */
export function plantToday(now: Date = new Date()): string {
  // en-CA formats as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA').format(now);
}
