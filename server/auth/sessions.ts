import type { Role } from '../../domain/auth';
import type { Queryable } from '../db';
import { hashToken, newToken } from './tokens';
import { USER_COLUMNS, toUser, type User } from './users';

export interface Session {
  user: User;
  deviceId: string | null;
  expiresAt: Date;
  /** The user still has a first password someone else chose: only changing it is allowed. */
  passwordChangeRequired: boolean;
}

export type SessionLookup =
  | { status: 'valid'; session: Session }
  | { status: 'expired' | 'revoked' | 'unknown' | 'user_inactive' | 'device_revoked' };

export async function createSession(db: Queryable, userId: string, deviceId: string | null, hours: number): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken('ses');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.query('INSERT INTO sessions (token_hash, user_id, device_id, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(token), userId, deviceId, expiresAt]);
  return { token, expiresAt };
}

interface SessionRow {
  expires_at: Date;
  revoked_at: Date | null;
  device_id: string | null;
  device_revoked_at: Date | null;
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  locale: 'zh-CN' | 'en';
  active: boolean;
  version: number;
  password_change_required: boolean;
}

/** One query per request: the session, its user and its device, so a revocation bites at once. */
export async function resolveSession(db: Queryable, token: string): Promise<SessionLookup> {
  const userColumns = USER_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ');
  const result = await db.query<SessionRow>(
    `SELECT s.expires_at, s.revoked_at, s.device_id, d.revoked_at AS device_revoked_at, u.password_change_required, ${userColumns}
       FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN devices d ON d.id = s.device_id
      WHERE s.token_hash = $1`,
    [hashToken(token)],
  );
  const row = result.rows[0];
  if (!row) return { status: 'unknown' };
  if (row.device_revoked_at) return { status: 'device_revoked' };
  if (row.revoked_at) return { status: 'revoked' };
  if (!row.active) return { status: 'user_inactive' };
  if (new Date(row.expires_at).getTime() <= Date.now()) return { status: 'expired' };
  return { status: 'valid', session: { user: toUser(row), deviceId: row.device_id, expiresAt: new Date(row.expires_at), passwordChangeRequired: row.password_change_required } };
}

export async function revokeSession(db: Queryable, token: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [hashToken(token)]);
}
