import { planTransition, type LotStatus, type SignatureMeaning } from '../../domain/lots';
import { appendAudit } from '../audit';
import type { Session } from '../auth';
import { plantToday } from '../clock';
import type { Db } from '../db';
import { AppError } from '../errors';
import { notifyChanges } from '../sync/notify';
import type { SignInGuard } from '../auth/rate-limit';
import { sign, type Signature } from '../auth/signature';

export interface QcResult {
  test: string;
  value: string;
  unit?: string | null | undefined;
  pass?: boolean | null | undefined;
}

export interface TransitionInput {
  to: LotStatus;
  reason: string;
  meaning: SignatureMeaning;
  password: string;
  version: number;
  results?: QcResult[] | undefined;
  /** SHA-256 of attachments uploaded before signing. */
  attachments?: string[] | undefined;
}

export interface TransitionOutcome {
  lotId: string;
  from: LotStatus;
  to: LotStatus;
  version: number;
  signature: Signature;
}

/**
 * Moves a lot to a new status under an electronic signature: the password is checked first,
 * then in one transaction the lot row is locked, the change is judged by the status machine,
 * written, and the signed record (with QC results and evidence) is chained into the audit log.
 * Devices see the new status through the stream, so a hold stops picking at once.
 */
export async function transitionLot(db: Db, session: Session, lotId: string, input: TransitionInput, guard?: SignInGuard): Promise<TransitionOutcome> {
  const exists = await db.query('SELECT 1 FROM lots WHERE id = $1', [lotId]);
  if (exists.rows.length === 0) throw new AppError(404, 'not_found', 'That lot was not found.');
  const signature = await sign(db, session, input.password, input.meaning, { entityType: 'lot', entityId: lotId }, guard);
  return db.transaction(async (tx) => {
    const found = await tx.query<{ status: LotStatus; expires_on: string | null; version: number; lot_number: string }>(
      `SELECT status, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, version, lot_number FROM lots WHERE id = $1 FOR UPDATE`,
      [lotId],
    );
    const lot = found.rows[0]!;
    if (lot.version !== input.version) throw new AppError(409, 'conflict', `Lot ${lot.lot_number} changed meanwhile (now ${lot.status}); reload it.`, { currentVersion: lot.version, status: lot.status });
    const plan = planTransition({ status: lot.status, expiresOn: lot.expires_on }, { to: input.to, today: plantToday(), roles: session.user.roles, reason: input.reason, meaning: input.meaning });
    if (!plan.ok) throw new AppError(plan.code === 'role' ? 403 : 422, plan.code === 'role' ? 'forbidden' : 'transition_refused', `Lot ${lot.lot_number}: ${plan.reason}.`, { code: plan.code });
    if (input.attachments && input.attachments.length > 0) {
      const known = await tx.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE sha256 = ANY($1::text[])', [input.attachments]);
      const missing = input.attachments.filter((h) => !known.rows.some((r) => r.sha256 === h));
      if (missing.length > 0) throw new AppError(422, 'unknown_attachment', `Attachment ${missing[0]} was never uploaded.`);
    }
    const updated = await tx.query<{ version: number }>('UPDATE lots SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version', [lotId, plan.to]);
    await appendAudit(tx, { id: session.user.id, name: session.user.username, deviceId: session.deviceId }, [
      {
        action: 'lot.status',
        entityType: 'lot',
        entityId: lotId,
        before: { status: plan.from, version: lot.version },
        after: { status: plan.to, lotNumber: lot.lot_number, signature, results: input.results ?? [], attachments: input.attachments ?? [] },
        reason: input.reason,
        signatureMeaning: input.meaning,
      },
    ]);
    await notifyChanges(tx, ['lots']);
    return { lotId, from: plan.from, to: plan.to, version: updated.rows[0]!.version, signature };
  });
}
