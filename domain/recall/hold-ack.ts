/** Where a handheld stands with a recall's holds, as the console shows it. */
export type DeviceHoldState = 'has_hold' | 'catching_up' | 'not_synced';

export interface DeviceHoldFacts {
  /** When the device's lots pull first reached past every lot the case holds; null if it has not. */
  acknowledgedAt: string | null;
  /** The last request the device made to the sync API. */
  lastSeenAt: string | null;
  /** When the case put its holds on; null for a case that never held anything (a draft, a drill). */
  heldAt: string | null;
}

/**
 * A device has the hold once it acknowledged it. One that has been in touch since the holds went
 * on but not acknowledged is still pulling the lots (or its pull failed); one not seen since then
 * cannot know of them at all and would still use the lots offline.
 */
export function deviceHoldState(facts: DeviceHoldFacts): DeviceHoldState {
  if (facts.acknowledgedAt !== null) return 'has_hold';
  if (facts.lastSeenAt !== null && facts.heldAt !== null && Date.parse(facts.lastSeenAt) >= Date.parse(facts.heldAt)) return 'catching_up';
  return 'not_synced';
}
