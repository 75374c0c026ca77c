import { backoffSeconds, secondsUntil, windowStart, type BackoffRule } from '../../domain/auth';
import { systemClock, type Clock } from '../clock';
import type { Queryable } from '../db';

export interface LoginLimit extends BackoffRule {
  /** An account that tried nothing for this long starts counting from zero again. */
  resetAfterMinutes: number;
  /** Failed signatures in a row that lock the account until an administrator unlocks it. */
  signatureLockAfter: number;
  /** Unproven sign-ins from one address per window before the address must wait. */
  perAddress: { maxFailures: number; windowMinutes: number };
  /** Users who signed in from an address within this many days are not held back by its limit. */
  knownClientDays: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = {
  freeFailures: 5,
  maxDelaySeconds: 300,
  resetAfterMinutes: 60,
  signatureLockAfter: 3,
  perAddress: { maxFailures: 30, windowMinutes: 15 },
  knownClientDays: 90,
};

/** The limits and the clock every password check is judged by. */
export interface SignInGuard {
  limit: LoginLimit;
  clock: Clock;
}

export const DEFAULT_GUARD: SignInGuard = { limit: DEFAULT_LOGIN_LIMIT, clock: systemClock };

/** A granted claim says how many signatures in a row have failed, this attempt included (counted as failed until proven). */
export type AccountClaim = { ok: true; signatureFailures: number } | { ok: false; reason: 'backoff'; retryAfterSeconds: number } | { ok: false; reason: 'signature_limit' };

/**
 * The waits after the 1st, 2nd ... failure, as an array the claim statement indexes: the
 * domain rule stays the one definition, and counts beyond the array get the cap.
 */
function delayTable(limit: LoginLimit): number[] {
  const length = limit.freeFailures + Math.ceil(Math.log2(Math.max(2, limit.maxDelaySeconds))) + 1;
  return Array.from({ length }, (_, i) => backoffSeconds(i + 1, limit));
}

/**
 * Claims one password check for an account, in one statement, before the password is
 * checked: the attempt is counted as a failure at once and cleared by a success, so however
 * many guesses arrive together, only those the backoff allows are ever checked. A signature
 * attempt also counts towards the signature lock and is refused once the lock is due.
 */
export async function claimPasswordCheck(db: Queryable, username: string, kind: 'sign-in' | 'signature', guard: SignInGuard): Promise<AccountClaim> {
  const { limit } = guard;
  const now = guard.clock.now();
  const signature = kind === 'signature' ? 1 : 0;
  const quiet = 'b.last_attempt_at < $2::timestamptz - make_interval(mins => $6)';
  const failures = `CASE WHEN ${quiet} THEN 1 ELSE b.failures + 1 END`;
  const claimed = await db.query<{ signature_failures: number }>(
    `INSERT INTO sign_in_backoff AS b (username, failures, signature_failures, last_attempt_at, blocked_until)
     VALUES ($1, 1, $5, $2, $2::timestamptz + make_interval(secs => COALESCE(($3::int[])[1], $4)))
     ON CONFLICT (username) DO UPDATE SET
       failures = ${failures},
       signature_failures = CASE WHEN ${quiet} THEN $5 ELSE b.signature_failures + $5 END,
       last_attempt_at = $2,
       blocked_until = $2::timestamptz + make_interval(secs => COALESCE(($3::int[])[${failures}], $4))
     WHERE (b.blocked_until IS NULL OR b.blocked_until <= $2::timestamptz) AND ($5 = 0 OR ${quiet} OR b.signature_failures < $7)
     RETURNING signature_failures`,
    [username, now, delayTable(limit), limit.maxDelaySeconds, signature, limit.resetAfterMinutes, limit.signatureLockAfter],
  );
  if (claimed.rows[0]) return { ok: true, signatureFailures: claimed.rows[0].signature_failures };
  const state = await db.query<{ blocked_until: Date | null }>('SELECT blocked_until FROM sign_in_backoff WHERE username = $1', [username]);
  const blockedUntil = state.rows[0]?.blocked_until;
  if (blockedUntil && new Date(blockedUntil) > now) return { ok: false, reason: 'backoff', retryAfterSeconds: secondsUntil(new Date(blockedUntil), now) };
  return { ok: false, reason: 'signature_limit' };
}

/** The password was proven: the account owes no wait and no failed signatures any more. */
export async function clearBackoff(db: Queryable, username: string): Promise<{ failures: number; signatureFailures: number } | null> {
  const cleared = await db.query<{ failures: number; signature_failures: number }>(
    `UPDATE sign_in_backoff n SET failures = 0, signature_failures = 0, blocked_until = NULL
       FROM sign_in_backoff o WHERE n.username = $1 AND o.username = n.username
     RETURNING o.failures, o.signature_failures`,
    [username],
  );
  const row = cleared.rows[0];
  return row ? { failures: row.failures, signatureFailures: row.signature_failures } : null;
}

export type AddressClaim = { ok: true; window: Date } | { ok: false; window: Date; retryAfterSeconds: number };

/**
 * Counts one unproven sign-in from an address. Past the limit the address must wait for the
 * next window, except for users who have signed in from it before: behind a NAT every
 * handheld of the plant shares one address, and a flood from it must not keep them out.
 */
export async function claimAddressAttempt(db: Queryable, client: string, username: string, guard: SignInGuard): Promise<AddressClaim> {
  const { perAddress, knownClientDays } = guard.limit;
  const now = guard.clock.now();
  const window = windowStart(now, perAddress.windowMinutes);
  const counted = await db.query<{ attempts: number }>(
    `INSERT INTO sign_in_address_attempts AS a (client, window_start, attempts) VALUES ($1, $2, 1)
     ON CONFLICT (client, window_start) DO UPDATE SET attempts = a.attempts + 1 RETURNING attempts`,
    [client, window],
  );
  if (counted.rows[0]!.attempts <= perAddress.maxFailures) return { ok: true, window };
  const known = await db.query('SELECT 1 FROM sign_in_known_clients WHERE username = $1 AND client = $2 AND last_success_at > $3::timestamptz - make_interval(days => $4)', [
    username,
    client,
    now,
    knownClientDays,
  ]);
  if (known.rows.length > 0) return { ok: true, window };
  return { ok: false, window, retryAfterSeconds: secondsUntil(new Date(window.getTime() + perAddress.windowMinutes * 60_000), now) };
}

/** A proven sign-in is not a failure of its address, and marks the address as one this user signs in from. */
export async function recordAddressSuccess(db: Queryable, client: string, username: string, window: Date, now: Date): Promise<void> {
  await db.query('UPDATE sign_in_address_attempts SET attempts = attempts - 1 WHERE client = $1 AND window_start = $2 AND attempts > 0', [client, window]);
  await db.query(
    `INSERT INTO sign_in_known_clients (username, client, last_success_at) VALUES ($1, $2, $3)
     ON CONFLICT (username, client) DO UPDATE SET last_success_at = EXCLUDED.last_success_at`,
    [username, client, now],
  );
}

/** Forgets counts that no longer decide anything, so a flood of made-up names does not pile up. */
export async function pruneSignInState(db: Queryable, guard: SignInGuard): Promise<void> {
  const now = guard.clock.now();
  await db.query('DELETE FROM sign_in_backoff WHERE last_attempt_at < $1::timestamptz - make_interval(mins => $2) AND (blocked_until IS NULL OR blocked_until < $1::timestamptz)', [
    now,
    guard.limit.resetAfterMinutes,
  ]);
  await db.query('DELETE FROM sign_in_address_attempts WHERE window_start < $1', [windowStart(now, guard.limit.perAddress.windowMinutes)]);
}
