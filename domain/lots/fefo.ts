export interface FefoCandidate {
  lotId: string;
  lotNumber: string;
  expiresOn: string | null;
  qty: number;
}

/**
 * First-expired-first-out: earliest expiry first, lots without expiry last, then lot number so
 * the order is the same on every device.
 */
export function fefoOrder<T extends FefoCandidate>(candidates: readonly T[]): T[] {
  return [...candidates]
    .filter((c) => c.qty > 0)
    .sort((a, b) => {
      if (a.expiresOn !== b.expiresOn) {
        if (a.expiresOn === null) return 1;
        if (b.expiresOn === null) return -1;
        return a.expiresOn < b.expiresOn ? -1 : 1;
      }
      return a.lotNumber < b.lotNumber ? -1 : a.lotNumber > b.lotNumber ? 1 : 0;
    });
}
