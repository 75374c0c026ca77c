import { createHash, createHmac } from 'node:crypto';
import { replyCodeFromBytes } from '../../../domain/recall';
import type { AuditAnchor } from '../../audit';
import type { Queryable } from '../../db';
import { AppError } from '../../errors';

/**
 * Derives each consignee's reply code from a key the server holds outside the database. The table
 * keeps only the code's SHA-256, yet a letter printed again, in another language or for another
 * jurisdiction, carries the same code: it is computed, never read back.
 */
export interface ReplyCodeKey {
  codeFor(caseId: string, customerId: string): string;
}

export function replyCodeKey(secret: Uint8Array): ReplyCodeKey {
  return {
    codeFor: (caseId, customerId) => replyCodeFromBytes(createHmac('sha256', secret).update(`lotline recall reply code\n${caseId}\n${customerId}`).digest()),
  };
}

/**
 * The key from the audit anchor's signing key: an Ed25519 signature is deterministic, so signing a
 * fixed label gives the same secret on every start, and only the holder of the anchor key has it.
 */
export function replyCodeKeyFromAnchor(anchor: AuditAnchor | undefined): ReplyCodeKey | undefined {
  if (!anchor?.key) return undefined;
  return replyCodeKey(createHash('sha256').update(anchor.key.sign('lotline recall reply code key v1')).digest());
}

export const hashReplyCode = (code: string) => createHash('sha256').update(code).digest('hex');

export interface ReplyCodeState {
  createdAt: string;
  usedAt: string | null;
}

/**
 * The consignee's code row, made on first need. Issued once per consignee per case and never
 * replaced: an answered code stays answered whatever is printed later.
 */
export async function ensureReplyCode(tx: Queryable, key: ReplyCodeKey, caseId: string, customerId: string, userId: string): Promise<{ code: string; created: boolean } & ReplyCodeState> {
  const code = key.codeFor(caseId, customerId);
  const made = await tx.query<{ created_at: Date }>(
    `INSERT INTO recall_reply_codes (case_id, customer_id, code_hash, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id, customer_id) DO NOTHING RETURNING created_at`,
    [caseId, customerId, hashReplyCode(code), userId],
  );
  if (made.rows[0]) return { code, created: true, createdAt: new Date(made.rows[0].created_at).toISOString(), usedAt: null };
  const found = await tx.query<{ code_hash: string; created_at: Date; used_at: Date | null }>('SELECT code_hash, created_at, used_at FROM recall_reply_codes WHERE case_id = $1 AND customer_id = $2', [caseId, customerId]);
  const row = found.rows[0]!;
  // A key that no longer gives the stored code would print a code that answers nothing.
  if (row.code_hash !== hashReplyCode(code)) {
    throw new AppError(503, 'reply_code_key_changed', 'This server derives reply codes with another key than the one this case’s codes were issued with: restore the audit anchor key file before printing letters.');
  }
  return { code, created: false, createdAt: new Date(row.created_at).toISOString(), usedAt: row.used_at ? new Date(row.used_at).toISOString() : null };
}
