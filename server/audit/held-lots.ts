import type { Queryable } from '../db';
import type { AuditBreak } from './verify';

/**
 * A recall's opening makes every lot it holds recalled in one signed act. The act is one audit
 * row (the case's `recall.state` step to open) that names the held lots by count and by a digest
 * of their ids; the lots themselves are the case's frozen rows with hold = 'recall', which are
 * append-only. Twenty thousand audit rows repeating the same signature said no more, and writing
 * them was a third of a hub lot's opening. The digest keeps the list under the chain: a held lot
 * added to or removed from the frozen rows later no longer matches the row that was signed.
 */
export interface HeldLots {
  lots: number;
  digest: string;
}

const HELD_LOTS_SQL = `
SELECT count(*)::int AS lots,
       encode(sha256(convert_to(coalesce(string_agg(lot_id::text, E'\\n' ORDER BY lot_id), ''), 'UTF8')), 'hex') AS digest
  FROM recall_case_lots WHERE case_id = $1 AND hold = 'recall'`;

/** The held lots of a case as its frozen rows name them now. */
export async function readHeldLots(db: Queryable, caseId: string): Promise<HeldLots> {
  const r = await db.query<HeldLots>(HELD_LOTS_SQL, [caseId]);
  return r.rows[0]!;
}

/** The audit row's `after` key that records the held lots of an opening. */
export const HELD_LOTS_KEY = 'heldLots';

/** Openings whose frozen held lots no longer match what their signed audit row recorded. */
export async function heldLotsBreaks(db: Queryable): Promise<AuditBreak[]> {
  const signed = await db.query<{ seq: string; id: string; case_id: string; lots: number; digest: string }>(
    `SELECT seq::text AS seq, id, entity_id AS case_id, (after->'${HELD_LOTS_KEY}'->>'lots')::int AS lots, after->'${HELD_LOTS_KEY}'->>'digest' AS digest
       FROM audit_log WHERE action = 'recall.state' AND entity_type = 'recall_case' AND after ? '${HELD_LOTS_KEY}' ORDER BY seq`,
  );
  const breaks: AuditBreak[] = [];
  for (const row of signed.rows) {
    const now = await readHeldLots(db, row.case_id);
    if (now.lots === row.lots && now.digest === row.digest) continue;
    breaks.push({
      seq: row.seq,
      id: row.id,
      problem: 'held_lots_changed',
      message: `row ${row.seq} (recall case ${row.case_id} opened) signed ${row.lots} held lots, but the case's frozen rows now hold ${now.lots} with another digest: they were changed outside the application`,
    });
  }
  return breaks;
}
