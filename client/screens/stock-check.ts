import type { BalanceDoc } from '../../sync';

export interface StockShortfall {
  lotNumber: string;
  locationCode: string;
  known: number;
  qty: number;
}

/** What the device knows is on a location of a lot: the last balance it pulled, 0 when it has none. */
export function knownQty(balances: readonly BalanceDoc[], lotId: string, locationId: string): number {
  return balances.find((b) => b.lotId === lotId && b.locationId === locationId)?.qty ?? 0;
}

/**
 * The first line that takes more than the device knows is at its source, or null. Lines of one
 * op that take the same lot from the same place are judged together.
 */
export function firstShortfall(balances: readonly BalanceDoc[], lines: readonly { lotId: string; lotNumber: string; locationId: string; locationCode: string; qty: number }[]): StockShortfall | null {
  const taken = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.lotId}|${line.locationId}`;
    const total = (taken.get(key) ?? 0) + line.qty;
    taken.set(key, total);
    const known = knownQty(balances, line.lotId, line.locationId);
    if (total > known) return { lotNumber: line.lotNumber, locationCode: line.locationCode, known, qty: total };
  }
  return null;
}
