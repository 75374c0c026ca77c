import { epochDay, type Period } from '../../domain/kpi';

/** A period's plant days as instants: each day starts at the plant's midnight (the server's time zone). */
export interface Window {
  period: Period;
  fromAt: Date;
  toAt: Date;
  /** Where each day of the period starts, in order; a day is [start, next start). */
  dayStarts: Date[];
}

const localMidnight = (epoch: number) => {
  const utc = new Date(epoch * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
};

export function windowOf(period: Period): Window {
  const from = epochDay(period.from)!;
  const dayStarts = Array.from({ length: period.days }, (_, i) => localMidnight(from + i));
  return { period, fromAt: dayStarts[0]!, toAt: localMidnight(from + period.days), dayStarts };
}
