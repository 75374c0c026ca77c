import { fefoOrder, pickRefusal, type PickRefusal } from '../../domain/lots';
import type { BalanceDoc, LocationDoc, LotDoc } from '../../sync';

export interface PickCandidate {
  lotId: string;
  lotNumber: string;
  expiresOn: string | null;
  locationCode: string;
  qty: number;
}

/** Where to pick an item from, first-expired first, among lots that may be picked today. */
export function pickSuggestions(gtin: string, lots: readonly LotDoc[], balances: readonly BalanceDoc[], locations: readonly LocationDoc[], today: string): PickCandidate[] {
  const pickable = new Map(lots.filter((l) => l.gtin === gtin && pickRefusal(l, today) === null).map((l) => [l.id, l]));
  const codes = new Map(locations.map((l) => [l.id, l]));
  const candidates = balances
    .filter((b) => pickable.has(b.lotId) && b.qty > 0 && codes.get(b.locationId)?.kind === 'storage')
    .map((b) => {
      const lot = pickable.get(b.lotId)!;
      return { lotId: lot.id, lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, locationCode: codes.get(b.locationId)!.code, qty: b.qty };
    });
  return fefoOrder(candidates);
}

/** Why a scanned lot must not be picked, checked on the device so the picker is stopped offline too. */
export function refusalFor(lot: LotDoc | undefined, today: string): PickRefusal | 'unknown' | null {
  if (!lot) return 'unknown';
  return pickRefusal(lot, today);
}

export const localToday = () => new Intl.DateTimeFormat('en-CA').format(new Date());
