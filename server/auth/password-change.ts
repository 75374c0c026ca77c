import { appendAudit } from '../audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from './password';
import type { Session } from './sessions';
import { hashToken } from './tokens';

/**
 * A user replaces their own password, proving the current one. The session it is done from
 * stays open (the console goes on); every other session of the user ends, since whoever knew
 * the old password may hold one.
 */
export async function changeOwnPassword(db: Db, session: Session, sessionToken: string, currentPassword: string, newPassword: string): Promise<void> {
  const actor = { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
  const found = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [session.user.id]);
  const stored = found.rows[0]?.password_hash;
  if (!stored || !(await verifyPassword(currentPassword, stored))) {
    await db.transaction((tx) => appendAudit(tx, actor, [{ action: 'user.password_change_failed', entityType: 'user', entityId: session.user.id }]));
    throw new AppError(403, 'current_password_wrong', 'The current password is not right: the password was not changed.');
  }
  if (await verifyPassword(newPassword, stored)) {
    throw new AppError(400, 'password_unchanged', 'The new password must differ from the current one.', { field: 'newPassword' });
  }
  const newHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET password_hash = $2, password_change_required = false, version = version + 1, updated_at = now() WHERE id = $1', [session.user.id, newHash]);
    await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND token_hash <> $2 AND revoked_at IS NULL', [session.user.id, hashToken(sessionToken)]);
    await appendAudit(tx, actor, [
      { action: 'user.password_changed', entityType: 'user', entityId: session.user.id, after: { firstPassword: session.passwordChangeRequired } },
    ]);
  });
}
