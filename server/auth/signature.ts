import type { SignatureMeaning } from '../../domain/lots';
import { appendAudit, type Actor } from '../audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import { lockAccount } from './account-lock';
import { verifyPassword } from './password';
import { DEFAULT_GUARD, claimPasswordCheck, clearBackoff, type SignInGuard } from './rate-limit';
import type { Session } from './sessions';

/** What a signed record shows of its signer (21 CFR 11.50): printed name, time, meaning. */
export interface Signature {
  userId: string;
  username: string;
  name: string;
  meaning: SignatureMeaning;
  signedAt: string;
}

interface SignerRow {
  password_hash: string;
  display_name: string;
  active: boolean;
  password_change_required: boolean;
  locked_at: Date | null;
}

const LOCKED = () => new AppError(403, 'account_locked', 'This account is locked after failed signatures. Ask an administrator to unlock it.');

/**
 * An electronic signature is the signer's password entered again at the moment of signing.
 * Each attempt is claimed against the account's backoff before the password is checked, like a
 * sign-in, so signing cannot serve as an unthrottled password oracle; a few failures in a row
 * lock the account and end its sessions. Every refusal is audited.
 */
export async function sign(
  db: Db,
  session: Session,
  password: string,
  meaning: SignatureMeaning,
  what: { entityType: string; entityId: string },
  guard: SignInGuard = DEFAULT_GUARD,
): Promise<Signature> {
  const actor: Actor = { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
  return checkSignature(db, actor, { id: session.user.id, username: session.user.username }, password, meaning, what, guard);
}

/**
 * A second person's signature on the same screen (a witness to a destruction): their own
 * username and password, checked with the same backoff and lock as any signature. The signed-in
 * user is the actor of the audit entries; the witness is the account checked and, on failures,
 * the one locked. An unknown username is refused with the words of a wrong password.
 */
export async function witness(
  db: Db,
  session: Session,
  witnessed: { username: string; password: string },
  meaning: SignatureMeaning,
  what: { entityType: string; entityId: string },
  guard: SignInGuard = DEFAULT_GUARD,
): Promise<Signature> {
  const actor: Actor = { id: session.user.id, name: session.user.username, deviceId: session.deviceId };
  const found = await db.query<{ id: string; username: string }>('SELECT id, username FROM users WHERE username = $1', [witnessed.username]);
  const account = found.rows[0];
  if (!account) {
    await db.transaction((tx) => appendAudit(tx, actor, [{ action: 'signature.refused', entityType: what.entityType, entityId: what.entityId, after: { meaning, witness: witnessed.username.slice(0, 64), why: 'unknown_witness' } }]));
    throw new AppError(403, 'signature_failed', "The witness's username or password does not match: the signature was not applied.");
  }
  return checkSignature(db, actor, account, witnessed.password, meaning, what, guard);
}

async function checkSignature(
  db: Db,
  actor: Actor,
  account: { id: string; username: string },
  password: string,
  meaning: SignatureMeaning,
  what: { entityType: string; entityId: string },
  guard: SignInGuard,
): Promise<Signature> {
  const username = account.username;
  // A witness's refusals name the witness: the actor is the person at the console.
  const whose = account.id === actor.id ? {} : { signer: username };
  const audit = (action: string, after: Record<string, unknown>) =>
    db.transaction((tx) => appendAudit(tx, actor, [{ action, entityType: what.entityType, entityId: what.entityId, after: { meaning, ...whose, ...after } }]));

  const found = await db.query<SignerRow>('SELECT password_hash, display_name, active, password_change_required, locked_at FROM users WHERE id = $1', [account.id]);
  const user = found.rows[0];
  if (!user || !user.active) {
    await audit('signature.refused', { why: 'account_disabled' });
    throw new AppError(403, 'account_disabled', 'This account is disabled: the signature was not applied.');
  }
  if (user.locked_at) {
    await audit('signature.refused', { why: 'account_locked' });
    throw LOCKED();
  }
  if (user.password_change_required) {
    // The password was set by someone else (an administrator's reset): it signs nothing until its owner replaces it.
    await audit('signature.refused', { why: 'password_change_required' });
    throw new AppError(403, 'password_change_required', 'Choose a new password before signing: this one was set by an administrator.');
  }

  const claim = await claimPasswordCheck(db, username, 'signature', guard);
  if (!claim.ok) {
    await audit('signature.refused', { why: claim.reason });
    if (claim.reason === 'signature_limit') throw LOCKED();
    throw new AppError(429, 'rate_limited', `Too many failed password checks for this account. Wait ${claim.retryAfterSeconds} seconds and try again.`, { retryAfterSeconds: claim.retryAfterSeconds });
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const failures = claim.signatureFailures;
    const lock = failures >= guard.limit.signatureLockAfter;
    await db.transaction(async (tx) => {
      await appendAudit(tx, actor, [{ action: 'signature.failed', entityType: what.entityType, entityId: what.entityId, after: { meaning, ...whose, failuresInARow: failures } }]);
      if (lock) await lockAccount(tx, actor, account.id, `${failures} failed signatures in a row`, { failedSignatures: failures, lastOn: what });
    });
    if (lock) throw LOCKED();
    throw new AppError(403, 'signature_failed', 'The password does not match: the signature was not applied.', { attemptsLeft: guard.limit.signatureLockAfter - failures });
  }
  await clearBackoff(db, username);
  return { userId: account.id, username, name: user.display_name, meaning, signedAt: new Date().toISOString() };
}
