import { unitKey, type UnitLine } from './hierarchy';

export interface UnitChanges {
  /** Lines to take out of the container's stored contents. */
  removed: UnitLine[];
  /** Lines to write: new ones, and a quantity line whose quantity changed (written again whole). */
  added: UnitLine[];
}

/**
 * What a pack or unpack changed in one container's own units, so only that is written back:
 * rewriting every unit per op made packing a 2,000-unit pallet cost the square of its size.
 * A serial is one line; lots packed by quantity keep one line per lot, so a changed quantity is
 * a removal and an addition of that line.
 */
export function unitChanges(before: readonly UnitLine[], after: readonly UnitLine[]): UnitChanges {
  const was = new Map(before.map((u) => [unitKey(u), u]));
  const now = new Map(after.map((u) => [unitKey(u), u]));
  const removed: UnitLine[] = [];
  const added: UnitLine[] = [];
  for (const [key, u] of was) {
    const next = now.get(key);
    if (!next || next.qty !== u.qty) removed.push(u);
  }
  for (const [key, u] of now) {
    const prev = was.get(key);
    if (!prev || prev.qty !== u.qty) added.push(u);
  }
  return { removed, added };
}
