import { useTranslation } from 'react-i18next';
import { formatTime, type TimeStyle } from '../util/format-time';

/** Times in the UI's language, a dash for none. */
export function useTime(style: TimeStyle = 'dateTimeSeconds'): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (iso) => (iso ? formatTime(i18n.resolvedLanguage, iso, style) : '—');
}

/** Sorts ISO times as strings: they compare in time order. */
export const byTime = <T,>(pick: (row: T) => string | null) => (a: T, b: T) => (pick(a) ?? '').localeCompare(pick(b) ?? '');
