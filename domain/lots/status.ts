/** Where a lot stands in its lifecycle. */
export const LOT_STATUSES = ['quarantine', 'released', 'rejected', 'on_hold', 'expired', 'recalled', 'scrapped', 'returned'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

export interface PickableLot {
  status: LotStatus;
  /** ISO date (yyyy-mm-dd) or null when the item has no expiry. */
  expiresOn: string | null;
}

export type PickRefusal = 'not_released' | 'on_hold' | 'recalled' | 'expired' | 'rejected';

/**
 * Only released, unexpired lots may be picked or shipped. A lot whose expiry date is today is
 * still usable today; it expires at the end of that day.
 */
export function pickRefusal(lot: PickableLot, today: string): PickRefusal | null {
  switch (lot.status) {
    case 'released':
      return lot.expiresOn !== null && lot.expiresOn < today ? 'expired' : null;
    case 'on_hold':
      return 'on_hold';
    case 'recalled':
      return 'recalled';
    case 'expired':
      return 'expired';
    case 'rejected':
      return 'rejected';
    default:
      return 'not_released';
  }
}
