import type { Actor } from '../audit';
import type { Queryable } from '../db';

/** Who changes master data and why, for the history the triggers of migration 061 write. */
export interface MasterDataChange {
  actor: Pick<Actor, 'id' | 'name'>;
  reason: string;
  restoredFrom?: number;
  signature?: unknown;
}

/**
 * Names the actor and reason of the master-data writes that follow in this transaction. The
 * settings are transaction-local, so they end with it and cannot leak into another request's
 * transaction on the same pooled connection. A reason made from what a path received (a file
 * name, an external id) is cut to the 500 characters the history keeps, by code point.
 */
export async function stateMasterDataChange(tx: Queryable, change: MasterDataChange): Promise<void> {
  await tx.query(
    `SELECT set_config('lotline.actor', $1, true), set_config('lotline.actor_name', $2, true), set_config('lotline.reason', $3, true),
            set_config('lotline.restored_from', $4, true), set_config('lotline.signature', $5, true)`,
    [change.actor.id ?? '', change.actor.name, [...change.reason].slice(0, 500).join(''), change.restoredFrom?.toString() ?? '', change.signature === undefined ? '' : JSON.stringify(change.signature)],
  );
}
