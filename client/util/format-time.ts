export type TimeStyle = 'time' | 'date' | 'dateTime' | 'dateTimeSeconds';

const OPTIONS: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  time: { timeStyle: 'short' },
  date: { dateStyle: 'short' },
  dateTime: { dateStyle: 'short', timeStyle: 'short' },
  dateTimeSeconds: { dateStyle: 'short', timeStyle: 'medium' },
};

// Building an Intl.DateTimeFormat costs far more than using one; the sync bar renders on every
// sync, several times per scan, on a slow handheld CPU.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A time in the UI's language; formatters are made once per language and style. */
export function formatTime(language: string | undefined, iso: string, style: TimeStyle): string {
  const key = `${language ?? ''}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, OPTIONS[style]);
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
