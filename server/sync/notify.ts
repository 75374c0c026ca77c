import { DOWN_COLLECTIONS, UP_COLLECTIONS, type Collection } from '../../sync';
import type { Queryable } from '../db';

export const CHANGES_CHANNEL = 'lotline_changes';

/**
 * What one transaction changed. `devices` addresses the device-scoped collections (a device sees
 * only its own ops): the ops change goes only to those devices' streams.
 */
export interface ChangeNotice {
  collections: Collection[];
  devices?: string[];
}

/** Tells every instance's streams what changed; delivered only if the transaction commits. */
export async function notifyChanges(tx: Queryable, collections: readonly Collection[], options: { devices?: readonly string[] } = {}): Promise<void> {
  if (collections.length === 0) return;
  const notice: ChangeNotice = { collections: [...new Set(collections)], ...(options.devices ? { devices: [...new Set(options.devices)] } : {}) };
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(notice)]);
}

const ALL: readonly Collection[] = [...DOWN_COLLECTIONS, ...UP_COLLECTIONS];
const KNOWN = new Set<string>(ALL);

/** Reads a notice; anything unreadable is taken as "everything may have changed". */
export function parseChangeNotice(payload: string): ChangeNotice {
  try {
    const value = JSON.parse(payload) as { collections?: unknown; devices?: unknown };
    const collections = Array.isArray(value.collections) ? value.collections.filter((c): c is Collection => typeof c === 'string' && KNOWN.has(c)) : [...ALL];
    const devices = Array.isArray(value.devices) ? value.devices.filter((d): d is string => typeof d === 'string') : undefined;
    return { collections, ...(devices ? { devices } : {}) };
  } catch {
    return { collections: [...ALL] };
  }
}
