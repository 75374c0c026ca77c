export const PICK_LIST_STATUSES = ['open', 'picking', 'done', 'cancelled'] as const;
export type PickListStatus = (typeof PICK_LIST_STATUSES)[number];

/** A pick list line as ordered and as far as it is picked. */
export interface PickLine {
  gtin: string;
  qty: number;
  pickedQty: number;
  remainingQty: number;
  status: 'open' | 'done';
}

/** A recall took a picked lot off the list: that quantity no longer counts, and the list says why. */
export interface PickListRecallBreak {
  caseNumber: string;
  gtin: string;
  lotNumber: string;
  qty: number;
}

/** What goes on a pick list line beyond its order: picked quantities counted from booked pick ops. */
export interface PickListState {
  status: PickListStatus;
  lines: readonly PickLine[];
}

/** More was picked against a list than it asks for: the goods moved, and a supervisor decides. */
export interface OverPick {
  gtin: string;
  /** What the list asks of this item in all; 0 when the item is not on the list, or the list was cancelled. */
  ordered: number;
  /** All picked of this item against the list, this pick included. */
  picked: number;
  over: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A line with its remaining quantity and status worked out from what is ordered and picked. */
export function pickLine(line: { gtin: string; qty: number; pickedQty?: number | undefined }): PickLine {
  const pickedQty = round(line.pickedQty ?? 0);
  const remainingQty = Math.max(0, round(line.qty - pickedQty));
  return { gtin: line.gtin, qty: line.qty, pickedQty, remainingQty, status: remainingQty === 0 ? 'done' : 'open' };
}

/** A list closes when every line is fully picked; a cancelled list stays cancelled. */
export function pickListStatus(current: PickListStatus, lines: readonly PickLine[]): PickListStatus {
  if (current === 'cancelled') return current;
  if (lines.length > 0 && lines.every((l) => l.status === 'done')) return 'done';
  return lines.some((l) => l.pickedQty > 0) ? 'picking' : 'open';
}

/**
 * Counts one booked pick against a list. The quantity fills the item's open lines in order; what
 * is left over stays on the item's last line (it was physically picked) and is an over-pick. A
 * cancelled list asks for nothing, so all of it is over.
 */
export function bookPick(list: PickListState, gtin: string, qty: number): { lines: PickLine[]; status: PickListStatus; overPick: OverPick | null } {
  const lines = list.lines.map((l) => pickLine(l));
  const indexes = lines.flatMap((l, i) => (l.gtin === gtin ? [i] : []));
  if (list.status === 'cancelled' || indexes.length === 0) {
    return { lines, status: list.status, overPick: { gtin, ordered: 0, picked: qty, over: qty } };
  }
  let left = qty;
  for (const i of indexes) {
    const take = Math.min(left, lines[i]!.remainingQty);
    if (take <= 0) continue;
    lines[i] = pickLine({ ...lines[i]!, pickedQty: lines[i]!.pickedQty + take });
    left = round(left - take);
  }
  const last = indexes[indexes.length - 1]!;
  if (left > 0) lines[last] = pickLine({ ...lines[last]!, pickedQty: lines[last]!.pickedQty + left });
  const ordered = round(indexes.reduce((sum, i) => sum + lines[i]!.qty, 0));
  const picked = round(indexes.reduce((sum, i) => sum + lines[i]!.pickedQty, 0));
  return { lines, status: pickListStatus(list.status, lines), overPick: left > 0 ? { gtin, ordered, picked, over: left } : null };
}

/**
 * Takes a pick back off a list when a supervisor reverses it (the goods went back to the shelf):
 * from the item's lines, last first, as bookPick left an over-pick on the last. A done list opens
 * again.
 */
export function unbookPick(list: PickListState, gtin: string, qty: number): { lines: PickLine[]; status: PickListStatus } {
  const lines = list.lines.map((l) => pickLine(l));
  let left = qty;
  for (let i = lines.length - 1; i >= 0 && left > 0; i--) {
    if (lines[i]!.gtin !== gtin) continue;
    const take = Math.min(left, lines[i]!.pickedQty);
    lines[i] = pickLine({ ...lines[i]!, pickedQty: lines[i]!.pickedQty - take });
    left = round(left - take);
  }
  return { lines, status: pickListStatus(list.status === 'done' ? 'picking' : list.status, lines) };
}
