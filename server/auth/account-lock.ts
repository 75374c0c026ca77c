import { appendAudit, type Actor } from '../audit';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { clearBackoff } from './rate-limit';

/**
 * Locks an account after repeated failed signatures (21 CFR 11.300(d)): whoever is at the
 * keyboard is not the signer, so every session of the account ends and only an administrator
 * lets it sign in again.
 */
export async function lockAccount(tx: Queryable, actor: Actor, userId: string, reason: string, details: Record<string, unknown>): Promise<void> {
  const locked = await tx.query('UPDATE users SET locked_at = now(), locked_reason = $2, version = version + 1, updated_at = now() WHERE id = $1 AND locked_at IS NULL RETURNING id', [userId, reason]);
  if (locked.rows.length === 0) return; // locked meanwhile by a concurrent failure: one record of it is enough
  await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  await appendAudit(tx, actor, [{ action: 'user.locked', entityType: 'user', entityId: userId, after: details, reason }]);
}

/** An administrator lifts a signature lock and any sign-in backoff of the account, with a reason on the record. */
export async function unlockAccount(db: Db, actor: Actor, userId: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await tx.query<{ username: string; locked_at: Date | null; locked_reason: string | null }>('SELECT username, locked_at, locked_reason FROM users WHERE id = $1 FOR UPDATE', [userId]);
    const user = found.rows[0];
    if (!user) throw new AppError(404, 'not_found', 'That user was not found.');
    const backoff = await clearBackoff(tx, user.username);
    await tx.query('UPDATE users SET locked_at = NULL, locked_reason = NULL, version = version + 1, updated_at = now() WHERE id = $1', [userId]);
    await appendAudit(tx, actor, [
      {
        action: 'user.unlocked',
        entityType: 'user',
        entityId: userId,
        before: { lockedAt: user.locked_at ? new Date(user.locked_at).toISOString() : null, lockedReason: user.locked_reason, failures: backoff?.failures ?? 0, signatureFailures: backoff?.signatureFailures ?? 0 },
        reason,
      },
    ]);
  });
}
