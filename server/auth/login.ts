import type { Role } from '../../domain/auth';
import { appendAudit } from '../audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import { findDeviceByToken } from './devices';
import { UNUSABLE_HASH, verifyPassword } from './password';
import { DEFAULT_LOGIN_LIMIT, clearFailures, recentFailures, recordFailure, type LoginLimit } from './rate-limit';
import { createSession } from './sessions';
import { USER_COLUMNS, toUser, type User } from './users';

export interface LoginRequest {
  username: string;
  password: string;
  /** Address of the caller, for the rate limit and the audit trail. */
  client: string;
  deviceToken?: string | undefined;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
  deviceId: string | null;
  /** Only changing the password is allowed until it is done. */
  passwordChangeRequired: boolean;
}

interface UserWithHash {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  locale: 'zh-CN' | 'en';
  active: boolean;
  version: number;
  password_hash: string;
  password_change_required: boolean;
}

async function securityEvent(db: Db, action: string, username: string, details: Record<string, unknown>, userId: string | null = null): Promise<void> {
  await db.transaction((tx) =>
    appendAudit(tx, { id: userId, name: username }, [{ action, entityType: 'auth', entityId: username, after: details }]),
  );
}

export async function login(db: Db, request: LoginRequest, sessionHours: number, limit: LoginLimit = DEFAULT_LOGIN_LIMIT): Promise<LoginResult> {
  const username = request.username.trim().toLowerCase();
  if ((await recentFailures(db, username, request.client, limit)) >= limit.maxFailures) {
    await securityEvent(db, 'auth.login_rate_limited', username, { client: request.client });
    throw new AppError(429, 'rate_limited', `Too many failed sign-ins. Wait ${limit.windowMinutes} minutes and try again.`, {
      retryAfterSeconds: limit.windowMinutes * 60,
    });
  }

  let deviceId: string | null = null;
  if (request.deviceToken) {
    const lookup = await findDeviceByToken(db, request.deviceToken);
    if (lookup.status !== 'active') {
      await securityEvent(db, 'auth.device_refused', username, { client: request.client, device: lookup.status === 'revoked' ? lookup.device.id : 'unknown' });
      throw new AppError(
        401,
        lookup.status === 'revoked' ? 'device_revoked' : 'device_unknown',
        lookup.status === 'revoked' ? 'This device has been revoked. Ask a supervisor to enrol it again.' : 'This device is not enrolled.',
      );
    }
    deviceId = lookup.device.id;
  }

  const found = await db.query<UserWithHash>(`SELECT ${USER_COLUMNS}, password_hash, password_change_required FROM users WHERE username = $1`, [username]);
  const row = found.rows[0];
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which names exist.
  const passwordOk = await verifyPassword(request.password, row?.password_hash ?? UNUSABLE_HASH);
  if (!row || !passwordOk) {
    await recordFailure(db, username, request.client);
    await securityEvent(db, 'auth.login_failed', username, { client: request.client, deviceId }, row?.id ?? null);
    throw new AppError(401, 'invalid_credentials', 'Wrong user name or password.');
  }
  if (!row.active) {
    await securityEvent(db, 'auth.login_refused_inactive', username, { client: request.client }, row.id);
    throw new AppError(403, 'account_disabled', 'This account is disabled. Ask an administrator.');
  }

  const user = toUser(row);
  return db.transaction(async (tx) => {
    await clearFailures(tx, username);
    const session = await createSession(tx, user.id, deviceId, sessionHours);
    await appendAudit(tx, { id: user.id, name: user.username, deviceId }, [
      { action: 'auth.login', entityType: 'user', entityId: user.id, after: { client: request.client, deviceId, expiresAt: session.expiresAt.toISOString() } },
    ]);
    return { ...session, user, deviceId, passwordChangeRequired: row.password_change_required };
  });
}
