import { secondsUntil, windowStart } from '../../domain/auth';
import type { Queryable } from '../db';

/** Failed API-key attempts allowed per address, and per key prefix, in one window. */
export interface KeyFailureLimit {
  maxFailures: number;
  windowMinutes: number;
}

export const DEFAULT_KEY_FAILURE_LIMIT: KeyFailureLimit = { maxFailures: 10, windowMinutes: 1 };

/** The stored prefix of a key (api_keys.prefix): what a failure is counted against besides the address. */
const PREFIX_LENGTH = 10;

/**
 * What a failed key is counted under: its first characters when they look like a key's
 * (`lk_` and the key alphabet), otherwise one shared bucket, so junk cannot mint a new counter
 * per request nor store odd text.
 */
export function keyPrefixOf(secret: string): string {
  const prefix = secret.slice(0, PREFIX_LENGTH);
  return /^lk_[A-Za-z0-9_-]{7}$/.test(prefix) ? prefix : 'malformed';
}

/** Seconds the address must wait before a key is looked at again, or null when it may try. */
export async function addressWait(db: Queryable, address: string, limit: KeyFailureLimit, now: Date): Promise<number | null> {
  const window = windowStart(now, limit.windowMinutes);
  const found = await db.query<{ failures: number }>(`SELECT failures FROM api_key_failures WHERE scope = 'address' AND subject = $1 AND window_start = $2`, [address, window]);
  const failures = found.rows[0]?.failures ?? 0;
  return failures >= limit.maxFailures ? secondsUntil(new Date(window.getTime() + limit.windowMinutes * 60_000), now) : null;
}

/**
 * Counts one failed attempt against the caller's address and the key's prefix, in one
 * statement. Returns the wait once either has gone past the limit in this window, or null.
 */
export async function countKeyFailure(db: Queryable, address: string, secret: string, limit: KeyFailureLimit, now: Date): Promise<number | null> {
  const window = windowStart(now, limit.windowMinutes);
  const counted = await db.query<{ failures: number }>(
    `INSERT INTO api_key_failures AS f (scope, subject, window_start, failures) VALUES ('address', $1, $3, 1), ('prefix', $2, $3, 1)
     ON CONFLICT (scope, subject, window_start) DO UPDATE SET failures = f.failures + 1 RETURNING failures`,
    [address, keyPrefixOf(secret), window],
  );
  const most = Math.max(...counted.rows.map((r) => r.failures));
  return most > limit.maxFailures ? secondsUntil(new Date(window.getTime() + limit.windowMinutes * 60_000), now) : null;
}

/** Forgets windows that have closed. */
export async function pruneKeyFailures(db: Queryable, limit: KeyFailureLimit, now: Date): Promise<number> {
  const done = await db.query('DELETE FROM api_key_failures WHERE window_start < $1', [windowStart(now, limit.windowMinutes)]);
  return done.rowCount;
}
