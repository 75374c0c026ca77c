/** What one pick list has counted of one lot, net of unpicks, and what of the lot stands at the list's destination now. */
export interface CountedPick {
  listId: string;
  lotId: string;
  destinationId: string;
  counted: number;
  /** The lot's balance at the list's destination. */
  atDestination: number;
}

export interface StagedPick<T extends CountedPick> {
  row: T;
  qty: number;
}

const milli = (q: number) => Math.round(q * 1000);

/**
 * How much of each list's count still stands staged at its destination. A ship op names no list,
 * so what left a destination is taken from the oldest lists first: the rows come newest list
 * first and each takes what its destination still has of the lot. Recall opening breaks exactly
 * these quantities and the recall scope reports them as picked, so both read the same rule.
 */
export function stagedPicks<T extends CountedPick>(newestFirst: readonly T[]): StagedPick<T>[] {
  const left = new Map<string, number>();
  const staged: StagedPick<T>[] = [];
  for (const row of newestFirst) {
    const place = `${row.lotId}@${row.destinationId}`;
    const available = left.get(place) ?? Math.max(0, milli(row.atDestination));
    const qty = Math.min(milli(row.counted), available);
    left.set(place, available - qty);
    if (qty > 0) staged.push({ row, qty: qty / 1000 });
  }
  return staged;
}
