import type { Queryable } from '../db';
import { isConnectionLost, isRolledBackConflict } from '../db';
import { AppError } from '../errors';

/** A failed push as the supervisor sees it: the code and message the device was given. */
export interface PushFailure {
  code: string;
  message: string;
}

export function pushFailureOf(error: unknown): PushFailure {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (isConnectionLost(error) || isRolledBackConflict(error)) return { code: 'database_unavailable', message: 'The database was not reachable.' };
  return { code: 'internal', message: 'The server failed on this push; the server log has the details.' };
}

/**
 * Counts a push that failed as a whole against its device. Written outside the failed push's
 * transaction, which rolled back; a database that is down cannot take this either, and then the
 * device's own blocked state is what shows it.
 */
export async function recordPushFailure(db: Queryable, deviceId: string, error: unknown): Promise<void> {
  try {
    await db.query('UPDATE devices SET push_error = $2::jsonb, push_failed_at = now(), push_failures = push_failures + 1 WHERE id = $1', [deviceId, JSON.stringify(pushFailureOf(error))]);
  } catch {
    // The push's own error is what the device needs to hear about.
  }
}
