import { fefoOrder, pickRefusal, shelfLifeShortfall, type PickRefusal } from '../../domain/lots';
import type { PickLine } from '../../domain/ops';
import type { BalanceDoc, LocationDoc, LotDoc, OpDoc } from '../../sync';

export interface PickCandidate {
  lotId: string;
  lotNumber: string;
  expiresOn: string | null;
  locationCode: string;
  qty: number;
}

/** A lot in stock that the suggestion passed over, and why: too little shelf life left for the list's customer. */
export interface SkippedLot {
  lotNumber: string;
  daysLeft: number;
  minShelfLifeDays: number;
}

/**
 * Where to pick an item from, first-expired first, among lots that may be picked today and keep
 * the customer's minimum shelf life; the lots left out for the customer's rule are named.
 */
export function pickSuggestions(
  gtin: string,
  lots: readonly LotDoc[],
  balances: readonly BalanceDoc[],
  locations: readonly LocationDoc[],
  today: string,
  minShelfLifeDays = 0,
): { candidates: PickCandidate[]; skipped: SkippedLot[] } {
  const pickable = new Map(lots.filter((l) => l.gtin === gtin && pickRefusal(l, today) === null).map((l) => [l.id, l]));
  const codes = new Map(locations.map((l) => [l.id, l]));
  const stocked = balances
    .filter((b) => pickable.has(b.lotId) && b.qty > 0 && codes.get(b.locationId)?.kind === 'storage')
    .map((b) => {
      const lot = pickable.get(b.lotId)!;
      return { lotId: lot.id, lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, locationCode: codes.get(b.locationId)!.code, qty: b.qty };
    });
  const candidates: PickCandidate[] = [];
  const skipped = new Map<string, SkippedLot>();
  for (const c of fefoOrder(stocked)) {
    const short = shelfLifeShortfall(pickable.get(c.lotId)!, minShelfLifeDays, today);
    if (short) skipped.set(c.lotId, { lotNumber: c.lotNumber, ...short });
    else candidates.push(c);
  }
  return { candidates, skipped: [...skipped.values()] };
}

/** Why a scanned lot must not be picked at all, whatever it is for. */
export function refusalFor(lot: LotDoc | undefined, today: string): PickRefusal | 'unknown' | null {
  if (!lot) return 'unknown';
  return pickRefusal(lot, today);
}

export type PickStop =
  | { code: PickRefusal | 'unknown'; lot: string }
  | { code: 'shelf_life_short'; lot: string; daysLeft: number; minShelfLifeDays: number }
  | { code: 'not_on_list' | 'line_done'; lot: string; gtin: string };

/**
 * Why a scanned lot must not be picked for this list, checked on the device so the picker is
 * stopped offline too: its status, the customer's minimum shelf life, and whether the list still
 * wants the item.
 */
export function pickStop(scanned: { gtin: string; lotNumber: string }, lot: LotDoc | undefined, today: string, list?: { minShelfLifeDays: number; lines: readonly PickLine[] }): PickStop | null {
  const refusal = refusalFor(lot, today);
  if (refusal || !lot) return { code: refusal ?? 'unknown', lot: scanned.lotNumber };
  if (!list) return null;
  const short = shelfLifeShortfall(lot, list.minShelfLifeDays, today);
  if (short) return { code: 'shelf_life_short', lot: lot.lotNumber, ...short };
  const lines = list.lines.filter((l) => l.gtin === lot.gtin);
  if (lines.length === 0) return { code: 'not_on_list', lot: lot.lotNumber, gtin: lot.gtin };
  if (lines.every((l) => l.status === 'done')) return { code: 'line_done', lot: lot.lotNumber, gtin: lot.gtin };
  return null;
}

/** What this device picked against a list and has not synced yet, per GTIN: the server's lines do not count it yet. */
export function unsyncedPicks(ops: readonly OpDoc[], pickListId: string): Map<string, number> {
  const byGtin = new Map<string, number>();
  for (const op of ops) {
    if (op.type !== 'pick' || op.status !== 'queued' || op.payload.pickListId !== pickListId) continue;
    const gtin = String(op.payload.gtin);
    byGtin.set(gtin, Math.round(((byGtin.get(gtin) ?? 0) + Number(op.payload.qty)) * 1000) / 1000);
  }
  return byGtin;
}

export const localToday = () => new Intl.DateTimeFormat('en-CA').format(new Date());
