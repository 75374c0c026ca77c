import type { SignatureMeaning } from '../../domain/lots';
import { appendAudit } from '../audit';
import { verifyPassword } from './password';
import type { Session } from './sessions';
import type { Db } from '../db';
import { AppError } from '../errors';

/** What a signed record shows of its signer (21 CFR 11.50): printed name, time, meaning. */
export interface Signature {
  userId: string;
  username: string;
  name: string;
  meaning: SignatureMeaning;
  signedAt: string;
}

/**
 * An electronic signature is the signer's password entered again at the moment of signing.
 * A wrong password is audited as a failed signing and refused; it does not end the session.
 */
export async function sign(db: Db, session: Session, password: string, meaning: SignatureMeaning, what: { entityType: string; entityId: string }): Promise<Signature> {
  const found = await db.query<{ password_hash: string; display_name: string; active: boolean }>('SELECT password_hash, display_name, active FROM users WHERE id = $1', [session.user.id]);
  const user = found.rows[0];
  if (!user || !user.active || !(await verifyPassword(password, user.password_hash))) {
    await db.transaction((tx) =>
      appendAudit(tx, { id: session.user.id, name: session.user.username, deviceId: session.deviceId }, [
        { action: 'signature.failed', entityType: what.entityType, entityId: what.entityId, after: { meaning } },
      ]),
    );
    throw new AppError(403, 'signature_failed', 'The password does not match: the signature was not applied.');
  }
  return { userId: session.user.id, username: session.user.username, name: user.display_name, meaning, signedAt: new Date().toISOString() };
}
