import type { LotStore } from './lot-store';

/** The one place the device knows a lot is stocked, or null when it knows none or several. */
export function onlyStockedLocationId(lotStore: LotStore, lotId: string): string | null {
  const stocked = lotStore.balancesOfLots([lotId]).filter((b) => b.qty > 0);
  return stocked.length === 1 ? stocked[0]!.locationId : null;
}
