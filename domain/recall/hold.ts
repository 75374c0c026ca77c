import { nextStatuses, type LotStatus } from '../lots';

export type RecallHold = 'recall' | 'already_recalled' | 'disposed';

/**
 * What opening a recall does to a lot's status, by the lot status machine: a lot that can still
 * be used is made recalled, so every device and the server refuse to pick or ship it; a lot
 * already scrapped or returned has left the plant's hands and keeps its disposition.
 */
export function recallHold(status: LotStatus): RecallHold {
  if (status === 'recalled') return 'already_recalled';
  return nextStatuses(status).includes('recalled') ? 'recall' : 'disposed';
}
