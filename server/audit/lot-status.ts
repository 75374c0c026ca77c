import type { Queryable } from '../db';
import { HELD_LOTS_KEY } from './held-lots';
import type { AuditBreak } from './verify';

/**
 * A lot starts in quarantine; every later status is written together with a `lot.status` audit
 * row, or, for the lots a recall holds, with the opening's one signed row (held-lots.ts).
 */
export const LOT_STATUS_ACTION = 'lot.status';
const INITIAL_STATUS = 'quarantine';

/**
 * Lots whose status is not the one their last audited status change gave them: a status set
 * behind the application's back (a direct UPDATE) is named by lot.
 */
export async function lotStatusBreaks(db: Queryable): Promise<AuditBreak[]> {
  const r = await db.query<{ id: string; lot_number: string; status: string; audited: string | null; seq: string | null; audit_id: string | null }>(
    `SELECT l.id, l.lot_number, l.status, a.after->>'status' AS audited, a.seq::text AS seq, a.id AS audit_id
       FROM lots l
       LEFT JOIN LATERAL (
         SELECT * FROM (
           (SELECT seq, id, after FROM audit_log
             WHERE entity_type = 'lot' AND entity_id = l.id::text AND action = $1
             ORDER BY seq DESC LIMIT 1)
           UNION ALL
           (SELECT o.seq, o.id, jsonb_build_object('status', 'recalled') FROM recall_case_lots h
              JOIN audit_log o ON o.entity_type = 'recall_case' AND o.entity_id = h.case_id::text AND o.action = 'recall.state' AND o.after ? '${HELD_LOTS_KEY}'
             WHERE h.lot_id = l.id AND h.hold = 'recall'
             ORDER BY o.seq DESC LIMIT 1)
         ) changes ORDER BY seq DESC LIMIT 1
       ) a ON true
      WHERE l.status IS DISTINCT FROM COALESCE(a.after->>'status', $2)
      ORDER BY l.lot_number, l.id`,
    [LOT_STATUS_ACTION, INITIAL_STATUS],
  );
  return r.rows.map((row) => ({
    seq: row.seq,
    id: row.audit_id,
    problem: 'lot_status_mismatch' as const,
    lotId: row.id,
    message:
      `lot ${row.lot_number} (${row.id}) is ${row.status}, but ` +
      (row.seq ? `its last audited status change (row ${row.seq}) made it ${row.audited ?? 'nothing'}` : `no status change of it was ever audited (it started in ${INITIAL_STATUS})`) +
      ': its status was changed outside the application',
  }));
}
