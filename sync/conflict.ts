import type { OpDoc } from './documents';

type WithDeleted<T> = T & { _deleted: boolean };

/**
 * A document's comparable form: no replication metadata, `_deleted` as a boolean, keys sorted.
 * Comparing anything else makes every push look like a conflict and a client loops forever.
 */
export function canonicalDocument(doc: unknown): string {
  const strip = (value: unknown, top: boolean): unknown => {
    if (Array.isArray(value)) return value.map((v) => strip(v, false));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value).sort()) {
        if (top && (key === '_meta' || key === '_rev' || key === '_attachments')) continue;
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue;
        out[key] = strip(v, false);
      }
      if (top) out._deleted = Boolean((value as Record<string, unknown>)._deleted);
      return out;
    }
    return value;
  };
  return JSON.stringify(strip(doc, true));
}

export function sameDocument(a: unknown, b: unknown): boolean {
  return canonicalDocument(a) === canonicalDocument(b);
}

/**
 * The op conflict rule, the same on both sides: the server owns the outcome (status, outcome,
 * appliedAt) and, once it has the op, everything else too — the device's copy is only its
 * memory of what it sent. The one change a device may make is to cancel an op the server has
 * not taken yet, and that never reaches this function, because then there is no master state.
 */
export function resolveOpConflict(master: WithDeleted<OpDoc>): WithDeleted<OpDoc> {
  return master;
}

/** Whether a device may write newState over assumed (null: the server has not seen the op). */
export function deviceMayWrite(assumed: OpDoc | null, newState: OpDoc): boolean {
  if (assumed === null) return newState.status === 'queued' || newState.status === 'cancelled';
  return false;
}
