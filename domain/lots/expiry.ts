import { pickRefusal, type PickableLot, type PickRefusal } from './status';

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS;
}

/** Whole days from today to the expiry date; 0 on the expiry date itself, negative once past it. */
export function daysToExpiry(expiresOn: string, today: string): number {
  return dayNumber(expiresOn) - dayNumber(today);
}

/**
 * The narrowest near-expiry window a lot has entered, or null. Windows are per item (for
 * example 90 and 30 days); a lot 20 days from expiry is in the 30-day window.
 */
export function nearExpiryWindow(expiresOn: string | null, windows: readonly number[], today: string): number | null {
  if (expiresOn === null) return null;
  const left = daysToExpiry(expiresOn, today);
  if (left < 0) return null;
  const entered = windows.filter((w) => w > 0 && left <= w);
  return entered.length > 0 ? Math.min(...entered) : null;
}

export type ShipRefusal = PickRefusal | 'shelf_life_short';

/** How far a lot falls short of a customer's minimum remaining shelf life today, or null when it does not. */
export interface ShelfLifeShortfall {
  daysLeft: number;
  minShelfLifeDays: number;
}

/** A lot without an expiry date never falls short; neither does anything for a customer who asks no minimum. */
export function shelfLifeShortfall(lot: PickableLot, minShelfLifeDays: number, today: string): ShelfLifeShortfall | null {
  if (minShelfLifeDays <= 0 || lot.expiresOn === null) return null;
  const daysLeft = daysToExpiry(lot.expiresOn, today);
  return daysLeft < minShelfLifeDays ? { daysLeft, minShelfLifeDays } : null;
}

/**
 * Whether a lot may go to a customer: it must be pickable, and keep at least the customer's
 * minimum remaining shelf life on the day it ships.
 */
export function shipRefusal(lot: PickableLot, minShelfLifeDays: number, today: string): { code: ShipRefusal; reason: string } | null {
  const refusal = pickRefusal(lot, today);
  if (refusal) return { code: refusal, reason: `the lot is ${refusal.replace('_', ' ')}` };
  const short = shelfLifeShortfall(lot, minShelfLifeDays, today);
  if (short) return { code: 'shelf_life_short', reason: `${short.daysLeft} days of shelf life left; the customer accepts no less than ${short.minShelfLifeDays}` };
  return null;
}
