/**
 * The mean of the on-hand at the end of each day of a period, from the on-hand when it began and
 * each day's net change (in the period's day order; a day without moves changes nothing). Null for
 * a period of no days.
 */
export function averageDailyOnHand(opening: number, netByDay: readonly number[]): number | null {
  if (netByDay.length === 0) return null;
  let onHand = opening;
  let sum = 0;
  for (const net of netByDay) {
    onHand += net;
    sum += onHand;
  }
  const average = sum / netByDay.length;
  return Number.isFinite(average) ? average : null;
}

/** The on-hand at the end of the period. */
export const closingOnHand = (opening: number, netByDay: readonly number[]) => netByDay.reduce((sum, net) => sum + net, opening);
