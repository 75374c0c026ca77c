import type { OpType } from '../../domain/ops';
import type { LotlineDatabase } from '../db/database';
import { uuidv7 } from '../util/uuid';

/**
 * Puts an op in this device's queue: saved in IndexedDB at once, pushed when the network allows,
 * applied by the server exactly once by its id. Returns the id, for ops that refer to it.
 */
export async function queueOp(db: LotlineDatabase, who: { deviceId: string; userId: string }, type: OpType, payload: Record<string, unknown>): Promise<string> {
  const id = uuidv7();
  await db.ops.insert({ id, type, deviceId: who.deviceId, userId: who.userId, deviceTime: new Date().toISOString(), payload, status: 'queued', outcome: null, appliedAt: null });
  return id;
}
