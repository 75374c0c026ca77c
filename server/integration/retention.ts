import type { Queryable } from '../db';

/**
 * Forgets saved Idempotency-Key answers older than `hours`: a request sent again after that is
 * a new request (an upsert by external id still lands on the same record).
 */
export async function pruneIdempotentAnswers(db: Queryable, hours: number): Promise<number> {
  const done = await db.query(`DELETE FROM integration_requests WHERE created_at < now() - make_interval(hours => $1::int)`, [hours]);
  return done.rowCount;
}
