import { createHash } from 'node:crypto';
import { lettersProducts, normalizeReplyCode, type ConsigneeReply, type LetterProduct } from '../../../domain/recall';
import { appendAudit, type Actor, type AuditEntry } from '../../audit';
import { claimAddressAttempt, type SignInGuard } from '../../auth/rate-limit';
import { windowStart } from '../../../domain/auth';
import type { Db, Queryable } from '../../db';
import { AppError } from '../../errors';
import { storeReply } from '../recovery';
import { hashReplyCode } from './codes';
import { consigneeLines } from './content';

// Nobody signs in to answer a letter: the consignee is known only by the code it holds.
const ANONYMOUS: Actor = { id: null, name: 'anonymous' };

/** What the reply page shows: the consignee's own shipment of the case, and nothing of anyone else's. */
export interface PublicReplyView {
  caseNumber: string;
  consignee: string;
  products: LetterProduct[];
  shipped: number;
}

interface CodeRow {
  id: string;
  case_id: string;
  number: string;
  state: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  used_at: Date | null;
}

// The address counter of the sign-in guard, under a key of its own so guesses at codes and at
// passwords do not use up each other's allowance.
const limitKey = (client: string) => `recall-reply ${client}`;

/** A hash of what was typed, so the trail can tell repeated guesses apart without keeping a near miss of a real code. */
const typedDigest = (typed: string) => createHash('sha256').update(typed, 'utf8').digest('hex').slice(0, 16);

async function audit(db: Db, entries: AuditEntry[]): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, ANONYMOUS, entries));
}

async function findCode(db: Queryable, normalized: string | null, lock: boolean): Promise<CodeRow | undefined> {
  if (!normalized) return undefined;
  const found = await db.query<CodeRow>(
    `SELECT r.id::text, r.case_id, k.number, k.state, r.customer_id, c.code AS customer_code, c.name AS customer_name, r.used_at
       FROM recall_reply_codes r JOIN recall_cases k ON k.id = r.case_id JOIN customers c ON c.id = r.customer_id
      WHERE r.code_hash = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [hashReplyCode(normalized)],
  );
  return found.rows[0];
}

/**
 * Counts the attempt against the caller's address and finds the code. Every outcome is audited
 * under the anonymous actor: a refused guess, a code used again, a case no longer taking answers.
 * Past the limit only the first refusal of a window is written, with the address's count kept in
 * the counter itself, so a flood cannot fill the audit trail.
 */
async function admit(db: Db, guard: SignInGuard, client: string, typed: string, attempt: 'open' | 'answer'): Promise<CodeRow> {
  const claim = await claimAddressAttempt(db, limitKey(client), '', guard);
  if (!claim.ok) {
    const counted = await db.query<{ attempts: number }>('SELECT attempts FROM sign_in_address_attempts WHERE client = $1 AND window_start = $2', [limitKey(client), claim.window]);
    if (counted.rows[0]?.attempts === guard.limit.perAddress.maxFailures + 1) {
      await audit(db, [{ action: 'recall.reply_code_rate_limited', entityType: 'recall_reply_code', entityId: client, after: { client, attempt, window: claim.window.toISOString() } }]);
    }
    const wait = claim.retryAfterSeconds < 120 ? `${claim.retryAfterSeconds} seconds` : `${Math.ceil(claim.retryAfterSeconds / 60)} minutes`;
    throw new AppError(429, 'rate_limited', `Too many reply codes tried from this address. Wait ${wait} and try again.`, { retryAfterSeconds: claim.retryAfterSeconds });
  }
  const row = await findCode(db, normalizeReplyCode(typed), false);
  if (!row) {
    await audit(db, [{ action: 'recall.reply_code_unknown', entityType: 'recall_reply_code', entityId: client, after: { client, attempt, typed: typedDigest(typed) } }]);
    throw new AppError(404, 'reply_code_unknown', 'No reply is waiting for that code. Check the code on the letter and try again.');
  }
  // A code the plant issued is not a guess: it does not use up the address's allowance.
  await db.query('UPDATE sign_in_address_attempts SET attempts = attempts - 1 WHERE client = $1 AND window_start = $2 AND attempts > 0', [limitKey(client), windowStart(guard.clock.now(), guard.limit.perAddress.windowMinutes)]);
  if (row.state !== 'open' && row.state !== 'recovering') {
    await audit(db, [{ action: 'recall.reply_refused', entityType: 'recall_case', entityId: row.case_id, after: { caseNumber: row.number, customerCode: row.customer_code, client, attempt, code: 'case_not_recovering' } }]);
    throw new AppError(409, 'case_not_recovering', `Recall ${row.number} is ${row.state}: it takes no more answers.`, { state: row.state });
  }
  if (row.used_at) {
    await audit(db, [{ action: 'recall.reply_code_used_again', entityType: 'recall_case', entityId: row.case_id, after: { caseNumber: row.number, customerCode: row.customer_code, client, attempt, answeredAt: new Date(row.used_at).toISOString() } }]);
    throw usedError(row.used_at);
  }
  return row;
}

function usedError(usedAt: Date): AppError {
  return new AppError(409, 'reply_code_used', `This code has already been answered with (${new Date(usedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC). Each code answers once; to correct your answer, contact the sender of the letter.`, {
    answeredAt: new Date(usedAt).toISOString(),
  });
}

/** Opens the reply form of a code: the consignee's own shipment of the case. */
export async function openReplyCode(db: Db, guard: SignInGuard, client: string, typed: string): Promise<PublicReplyView> {
  const row = await admit(db, guard, client, typed, 'open');
  const products = lettersProducts(await consigneeLines(db, row.case_id, row.customer_id));
  await audit(db, [{ action: 'recall.reply_code_opened', entityType: 'recall_case', entityId: row.case_id, after: { caseNumber: row.number, customerCode: row.customer_code, client } }]);
  const shipped = Math.round(products.reduce((s, p) => s + p.lots.reduce((t, l) => t + l.qty, 0), 0) * 1000) / 1000;
  return { caseNumber: row.number, consignee: row.customer_name, products, shipped };
}

export type PublicReply = Pick<ConsigneeReply, 'onHand' | 'returned' | 'destroyed' | 'subDistributed' | 'note'>;

/**
 * Records a consignee's answer by code, through the same checks and storage as QA's console, and
 * marks the code used in the same transaction: two answers racing on one code meet at the code's
 * row lock, and the second finds it used. A refused answer writes nothing but its audit row.
 */
export async function answerReplyCode(db: Db, guard: SignInGuard, client: string, typed: string, reply: PublicReply): Promise<{ caseNumber: string; answeredAt: string }> {
  const admitted = await admit(db, guard, client, typed, 'answer');
  try {
    return await db.transaction(async (tx) => {
      const row = (await findCode(tx, normalizeReplyCode(typed), true))!;
      if (row.used_at) throw usedError(row.used_at);
      const full: ConsigneeReply = { ...reply, corrected: 0, lost: 0 };
      const stored = await storeReply(tx, row.case_id, row.customer_code, full, { userId: null, name: `${row.customer_name} (reply code)`, channel: 'code' });
      const used = await tx.query<{ used_at: Date }>('UPDATE recall_reply_codes SET used_at = now(), reply_id = $2 WHERE id = $1 RETURNING used_at', [row.id, stored.id]);
      await appendAudit(tx, ANONYMOUS, [
        { action: 'recall.reply', entityType: 'recall_case', entityId: row.case_id, after: { caseNumber: stored.caseNumber, customerCode: row.customer_code, replyId: stored.id, channel: 'code', client, ...full } },
      ]);
      return { caseNumber: stored.caseNumber, answeredAt: new Date(used.rows[0]!.used_at).toISOString() };
    });
  } catch (e) {
    if (e instanceof AppError) {
      await audit(db, [
        { action: 'recall.reply_refused', entityType: 'recall_case', entityId: admitted.case_id, after: { caseNumber: admitted.number, customerCode: admitted.customer_code, client, code: e.code, message: e.message } },
      ]);
    }
    throw e;
  }
}
