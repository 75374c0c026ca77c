import type { Collection } from '../../sync';
import type { Queryable } from '../db';

export const CHANGES_CHANNEL = 'lotline_changes';

/** Tells every instance's streams that collections changed; delivered only if the transaction commits. */
export async function notifyChanges(tx: Queryable, collections: readonly Collection[]): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, collections.join(',')]);
}
