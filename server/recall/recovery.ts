import type { SignatureMeaning } from '../../domain/lots';
import { planDisposition, replyProblems, type ConsigneeReply, type DispositionAction, type RecallState } from '../../domain/recall';
import { appendAudit, type Actor } from '../audit';
import type { Session } from '../auth';
import type { SignInGuard } from '../auth/rate-limit';
import { sign, witness as witnessSignature, type Signature } from '../auth/signature';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import { getRecall } from './cases';
import { readReconciliation } from './reconciliation';

const actorOf = (session: Session): Actor => ({ id: session.user.id, name: session.user.username, deviceId: session.deviceId });

/** The case under its row lock, refused unless it is still recovering units. */
async function lockRecovering(tx: Queryable, caseId: string): Promise<{ number: string; state: RecallState }> {
  const found = await tx.query<{ number: string; state: RecallState }>('SELECT number, state FROM recall_cases WHERE id = $1 FOR UPDATE', [caseId]);
  const c = found.rows[0];
  if (!c) throw new AppError(404, 'not_found', 'That recall case was not found.');
  if (c.state !== 'open' && c.state !== 'recovering') throw new AppError(409, 'case_not_recovering', `Recall ${c.number} is ${c.state}: nothing more is recorded against it.`, { state: c.state });
  return c;
}

async function consigneeOf(tx: Queryable, caseId: string, number: string, customerCode: string): Promise<{ id: string; code: string }> {
  const found = await tx.query<{ id: string; code: string }>(
    'SELECT c.id, c.code FROM recall_case_consignees f JOIN customers c ON c.id = f.customer_id WHERE f.case_id = $1 AND c.code = $2',
    [caseId, customerCode],
  );
  if (found.rows.length === 0) throw new AppError(422, 'not_a_consignee', `${customerCode} is not a consignee of recall ${number}.`, { field: 'customerCode' });
  return found.rows[0]!;
}

export interface ReplyRecorder {
  userId: string | null;
  name: string;
  channel: 'qa' | 'code';
}

/**
 * Writes a consignee's answer into an open transaction, under the case's row lock. The console
 * and the public reply form both come through here; the caller audits.
 */
export async function storeReply(tx: Queryable, caseId: string, customerCode: string, reply: ConsigneeReply, recorder: ReplyRecorder): Promise<{ id: number; caseNumber: string; customerId: string }> {
  const problems = replyProblems(reply);
  if (problems.length > 0) throw new AppError(422, 'invalid_reply', `The reply cannot be recorded: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`, { problems });
  const c = await lockRecovering(tx, caseId);
  const customer = await consigneeOf(tx, caseId, c.number, customerCode);
  const made = await tx.query<{ id: string }>(
    `INSERT INTO recall_consignee_replies (case_id, customer_id, on_hand, returned, destroyed, corrected, lost, sub_distributed, note, channel, recorded_by, recorder_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::text`,
    [caseId, customer.id, reply.onHand, reply.returned, reply.destroyed, reply.corrected, reply.lost, JSON.stringify(reply.subDistributed), reply.note, recorder.channel, recorder.userId, recorder.name],
  );
  return { id: Number(made.rows[0]!.id), caseNumber: c.number, customerId: customer.id };
}

/** QA records what a consignee answered (by phone, mail or the paper reply form). */
export async function recordReply(db: Db, session: Session, caseId: string, customerCode: string, reply: ConsigneeReply) {
  await db.transaction(async (tx) => {
    const stored = await storeReply(tx, caseId, customerCode, reply, { userId: session.user.id, name: session.user.username, channel: 'qa' });
    await appendAudit(tx, actorOf(session), [
      { action: 'recall.reply', entityType: 'recall_case', entityId: caseId, after: { caseNumber: stored.caseNumber, customerCode, replyId: stored.id, channel: 'qa', ...reply } },
    ]);
  });
  const rec = await readReconciliation(db, caseId);
  return rec.consignees.find((c) => c.code === customerCode)!;
}

export interface DispositionInput {
  lotId: string;
  action: DispositionAction;
  qty: number;
  note: string;
  meaning: SignatureMeaning;
  password: string;
  witness: { username: string; password: string };
}

export interface RecordedDisposition {
  id: number;
  lotId: string;
  action: DispositionAction;
  qty: number;
  /** Returned units of the lot still waiting for a disposition. */
  remaining: number;
  signature: Signature;
  witness: Signature;
}

/**
 * QA decides what becomes of returned recalled units, signed and witnessed by a second user.
 * Both passwords are checked before anything is written; a witness who is the signer is refused
 * before either password is asked for.
 */
export async function recordDisposition(db: Db, session: Session, caseId: string, input: DispositionInput, guard?: SignInGuard): Promise<RecordedDisposition> {
  await getRecall(db, caseId);
  if (input.witness.username === session.user.username) throw new AppError(422, 'witness_is_signer', 'The witness must be someone other than the signer.', { field: 'witness.username' });
  const what = { entityType: 'recall_case', entityId: caseId };
  const signature = await sign(db, session, input.password, input.meaning, what, guard);
  const witnessed = await witnessSignature(db, session, input.witness, 'reviewed', what, guard);
  return db.transaction(async (tx) => {
    const found = await tx.query<{ number: string; state: RecallState }>('SELECT number, state FROM recall_cases WHERE id = $1 FOR UPDATE', [caseId]);
    const c = found.rows[0]!;
    const inScope = await tx.query<{ lot_number: string }>('SELECT l.lot_number FROM recall_case_lots f JOIN lots l ON l.id = f.lot_id WHERE f.case_id = $1 AND f.lot_id = $2', [caseId, input.lotId]);
    if (inScope.rows.length === 0) throw new AppError(422, 'lot_not_in_scope', `That lot is not in the scope of recall ${c.number}.`, { field: 'lotId' });
    const counts = await tx.query<{ returned: string; disposed: string; active: boolean }>(
      `SELECT (SELECT COALESCE(sum(qty), 0)::text FROM recall_returns WHERE case_id = $1 AND lot_id = $2 AND in_scope) AS returned,
              (SELECT COALESCE(sum(qty), 0)::text FROM recall_dispositions WHERE case_id = $1 AND lot_id = $2) AS disposed,
              (SELECT active FROM users WHERE id = $3) AS active`,
      [caseId, input.lotId, witnessed.userId],
    );
    const n = counts.rows[0]!;
    const plan = planDisposition({
      action: input.action,
      qty: input.qty,
      signer: { id: session.user.id, roles: session.user.roles },
      witness: { id: witnessed.userId, active: n.active },
      returned: Number(n.returned),
      disposed: Number(n.disposed),
      caseState: c.state,
    });
    if (!plan.ok) {
      const status = plan.code === 'role' ? 403 : plan.code === 'case_not_recovering' ? 409 : 422;
      throw new AppError(status, plan.code === 'role' ? 'forbidden' : plan.code, `Recall ${c.number}: ${plan.reason}.`, { code: plan.code });
    }
    const made = await tx.query<{ id: string }>(
      `INSERT INTO recall_dispositions (case_id, lot_id, action, qty, note, meaning, signed_by, signer_name, signed_at, witness_id, witness_name, witnessed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::text`,
      [caseId, input.lotId, input.action, input.qty, input.note, input.meaning, signature.userId, signature.name, signature.signedAt, witnessed.userId, witnessed.name, witnessed.signedAt],
    );
    const id = Number(made.rows[0]!.id);
    await appendAudit(tx, actorOf(session), [
      {
        action: 'recall.disposition',
        entityType: 'recall_case',
        entityId: caseId,
        after: { caseNumber: c.number, dispositionId: id, lotId: input.lotId, lotNumber: inScope.rows[0]!.lot_number, action: input.action, qty: input.qty, note: input.note, signature, witness: witnessed },
        reason: input.note || `${input.action} of returned recalled stock`,
        signatureMeaning: input.meaning,
      },
    ]);
    return { id, lotId: input.lotId, action: input.action, qty: input.qty, remaining: plan.remaining, signature, witness: witnessed };
  });
}

export interface ExplanationInput {
  customerCode: string;
  explanation: string;
  meaning: SignatureMeaning;
  password: string;
}

/**
 * A signed explanation of why a consignee's figures do not add up (a hospital that used the
 * units before the notice, a distributor gone out of business). It names the gap it explains.
 */
export async function explainGap(db: Db, session: Session, caseId: string, input: ExplanationInput, guard?: SignInGuard) {
  await getRecall(db, caseId);
  const signature = await sign(db, session, input.password, input.meaning, { entityType: 'recall_case', entityId: caseId }, guard);
  await db.transaction(async (tx) => {
    const c = await lockRecovering(tx, caseId);
    const customer = await consigneeOf(tx, caseId, c.number, input.customerCode);
    const rec = (await readReconciliation(tx, caseId)).consignees.find((x) => x.customerId === customer.id)!;
    if (rec.gap === 0) throw new AppError(422, 'no_gap', `${input.customerCode}'s figures add up: there is no gap to explain.`, { field: 'customerCode' });
    await tx.query(
      `INSERT INTO recall_gap_explanations (case_id, customer_id, gap, explanation, meaning, signed_by, signer_name, signed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [caseId, customer.id, rec.gap, input.explanation, input.meaning, signature.userId, signature.name, signature.signedAt],
    );
    await appendAudit(tx, actorOf(session), [
      {
        action: 'recall.gap_explained',
        entityType: 'recall_case',
        entityId: caseId,
        after: { caseNumber: c.number, customerCode: input.customerCode, shipped: rec.shipped, accounted: rec.accounted, gap: rec.gap, signature },
        reason: input.explanation,
        signatureMeaning: input.meaning,
      },
    ]);
  });
  const after = await readReconciliation(db, caseId);
  return { consignee: after.consignees.find((x) => x.code === input.customerCode)!, signature };
}
