import { createHash } from 'node:crypto';
import { isIdempotencyKey, judgeReplay, requestFingerprint } from '../../domain/integration';
import type { Db, Queryable } from '../db';
import { AppError } from '../errors';
import type { IntegrationCaller } from './api-keys';

export interface Answer {
  status: 200 | 201 | 202 | 207;
  body: Record<string, unknown>;
  /** True when this is the stored first answer to the same request. */
  replayed?: boolean;
}

/** Reads the Idempotency-Key header; a key that is there but malformed is refused, not ignored. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!isIdempotencyKey(header)) throw new AppError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1 to 200 printable ASCII characters.', { field: 'header.Idempotency-Key' });
  return header;
}

/**
 * Runs a write once per Idempotency-Key. The key's row is claimed first in the write's own
 * transaction: a twin request sent at the same moment waits on that row, then finds the first
 * answer committed and gets it back. A write that fails rolls back its claim with it, so the
 * same request later is tried again rather than answered with a failure it never committed.
 */
export async function runIdempotent(db: Db, caller: IntegrationCaller, key: string | undefined, route: string, body: unknown, write: (tx: Queryable) => Promise<Answer>): Promise<Answer> {
  if (key === undefined) return db.transaction(write);
  const requestHash = createHash('sha256').update(requestFingerprint(route, body)).digest('hex');
  return db.transaction(async (tx) => {
    const claim = await tx.query(
      `INSERT INTO integration_requests (integration, idempotency_key, route, request_hash, status, body, api_key_id)
       VALUES ($1, $2, $3, $4, 0, 'null', $5) ON CONFLICT (integration, idempotency_key) DO NOTHING`,
      [caller.integration, key, route, requestHash, caller.keyId],
    );
    if (claim.rowCount === 0) {
      const stored = await tx.query<{ route: string; request_hash: string; status: number; body: Record<string, unknown> }>(
        'SELECT route, request_hash, status, body FROM integration_requests WHERE integration = $1 AND idempotency_key = $2',
        [caller.integration, key],
      );
      const row = stored.rows[0]!;
      const verdict = judgeReplay({ route: row.route, requestHash: row.request_hash, status: row.status, body: row.body }, route, requestHash);
      if (verdict.kind === 'mismatch') {
        throw new AppError(409, 'idempotency_key_reused', `Idempotency-Key '${key}' was already used for a different request (${verdict.firstRoute} with another body). Send a new key for a new write.`, { idempotencyKey: key, firstRoute: verdict.firstRoute });
      }
      return { status: verdict.status as Answer['status'], body: verdict.body as Record<string, unknown>, replayed: true };
    }
    const answer = await write(tx);
    await tx.query('UPDATE integration_requests SET status = $3, body = $4 WHERE integration = $1 AND idempotency_key = $2', [caller.integration, key, answer.status, JSON.stringify(answer.body)]);
    return answer;
  });
}
