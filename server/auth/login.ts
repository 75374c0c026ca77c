import { canBeUsername, type Role } from '../../domain/auth';
import { appendAudit } from '../audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import { findDeviceByToken } from './devices';
import { UNUSABLE_HASH, verifyPassword } from './password';
import { DEFAULT_GUARD, claimAddressAttempt, claimPasswordCheck, clearBackoff, recordAddressSuccess, type SignInGuard } from './rate-limit';
import { auditRefusedSignIn, flushSignInTallies, type RefusalKind } from './sign-in-audit';
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
  locked_at: Date | null;
}

function tooMany(retryAfterSeconds: number, scope: 'account' | 'address'): AppError {
  const wait = retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return new AppError(429, 'rate_limited', `Too many failed sign-ins. Wait ${wait} and try again.`, { retryAfterSeconds, scope });
}

/**
 * Signs a user in. Every password check is claimed first (per account, per address) in one
 * statement each, so concurrent guesses cannot outrun the count; a guesser only ever delays
 * the real user (a capped backoff), never locks them out.
 */
export async function login(db: Db, request: LoginRequest, sessionHours: number, guard: SignInGuard = DEFAULT_GUARD): Promise<LoginResult> {
  const username = request.username.trim().toLowerCase();
  const { client } = request;
  // A name that cannot be an account is never looked up or stored as typed; its attempts share one count.
  const accountName = canBeUsername(username) ? username : '';
  const found = accountName
    ? await db.query<UserWithHash>(`SELECT ${USER_COLUMNS}, password_hash, password_change_required, locked_at FROM users WHERE username = $1`, [accountName])
    : { rows: [] };
  const row = found.rows[0];
  const account = row ? { id: row.id, username: row.username } : null;
  let deviceId: string | null = null;
  const refuse = async (kind: RefusalKind, error: AppError, details?: Record<string, unknown>): Promise<never> => {
    const at = guard.clock.now();
    await auditRefusedSignIn(db, { kind, account, attemptedName: username, client, deviceId, at, details });
    await flushSignInTallies(db, at);
    throw error;
  };

  if (request.deviceToken) {
    const lookup = await findDeviceByToken(db, request.deviceToken);
    if (lookup.status !== 'active') {
      await refuse(
        'device_refused',
        new AppError(
          401,
          lookup.status === 'revoked' ? 'device_revoked' : 'device_unknown',
          lookup.status === 'revoked' ? 'This device has been revoked. Ask a supervisor to enrol it again.' : 'This device is not enrolled.',
        ),
        { device: lookup.status === 'revoked' ? lookup.device.id : 'unknown' },
      );
    }
    deviceId = lookup.status === 'active' ? lookup.device.id : null;
  }

  if (row?.locked_at) {
    await refuse('locked', new AppError(403, 'account_locked', 'This account is locked after failed signatures. Ask an administrator to unlock it.'));
  }
  const address = await claimAddressAttempt(db, client, accountName, guard);
  if (!address.ok) await refuse('throttled', tooMany(address.retryAfterSeconds, 'address'), { scope: 'address' });
  const claim = await claimPasswordCheck(db, accountName, 'sign-in', guard);
  if (!claim.ok) await refuse('throttled', tooMany(claim.reason === 'backoff' ? claim.retryAfterSeconds : 1, 'account'), { scope: 'account' });

  // Verify against a dummy hash when the user is unknown, so timing does not reveal which names exist.
  const passwordOk = await verifyPassword(request.password, row?.password_hash ?? UNUSABLE_HASH);
  if (!row || !passwordOk) await refuse('failed', new AppError(401, 'invalid_credentials', 'Wrong user name or password.'));
  const user = row!;
  if (!user.active) {
    await db.transaction((tx) => appendAudit(tx, { id: user.id, name: user.username }, [{ action: 'auth.login_refused_inactive', entityType: 'auth', entityId: user.username, after: { client } }]));
    throw new AppError(403, 'account_disabled', 'This account is disabled. Ask an administrator.');
  }

  return db.transaction(async (tx) => {
    await clearBackoff(tx, user.username);
    if (address.ok) await recordAddressSuccess(tx, client, user.username, address.window, guard.clock.now());
    const session = await createSession(tx, user.id, deviceId, sessionHours);
    await appendAudit(tx, { id: user.id, name: user.username, deviceId }, [
      { action: 'auth.login', entityType: 'user', entityId: user.id, after: { client, deviceId, expiresAt: session.expiresAt.toISOString() } },
    ]);
    return { ...session, user: toUser(user), deviceId, passwordChangeRequired: user.password_change_required };
  });
}
