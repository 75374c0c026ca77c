import type { Queryable } from '../db';

/** A case or pallet holding a lot: its own SSCC, and the outermost container it sits in. */
export interface HoldingContainer {
  lotId: string;
  sscc: string;
  level: 'inner' | 'case' | 'pallet';
  qty: number;
  serials: number;
  /** The pallet (or case) on the outside; the container itself when it is loose. */
  outermost: string;
  shippedAt: string | null;
}

/**
 * The containers that hold these lots (of the one lot `serialOf` names, only the container of
 * that serial), with the outermost container of each: a recall must find the pallet, not only
 * the case. Shipped containers keep their units, so this is what they held when they left.
 */
const HOLDING_SQL = `
WITH RECURSIVE held AS (
  SELECT cu.sscc, cu.lot_id, sum(cu.qty) AS qty, count(cu.serial) AS serials
    FROM container_units cu
   WHERE cu.lot_id = ANY($1::uuid[]) AND ($2::text IS NULL OR cu.lot_id <> $3::uuid OR cu.serial = $2)
   GROUP BY cu.sscc, cu.lot_id
), up(start, at, parent, depth) AS (
  SELECT c.sscc, c.sscc, c.parent_sscc, 0 FROM containers c WHERE c.sscc IN (SELECT sscc FROM held)
  UNION ALL
  SELECT up.start, c.sscc, c.parent_sscc, up.depth + 1 FROM up JOIN containers c ON c.sscc = up.parent WHERE up.depth < 16
)
SELECT h.lot_id, h.sscc, s.level, h.qty::float8 AS qty, h.serials::int AS serials, c.shipped_at,
       (SELECT u.at FROM up u WHERE u.start = h.sscc ORDER BY u.depth DESC LIMIT 1) AS outermost
  FROM held h JOIN containers c ON c.sscc = h.sscc JOIN packaging_specs s ON s.id = c.spec_id
 ORDER BY outermost, h.sscc, h.lot_id`;

export async function containersHolding(db: Queryable, lotIds: readonly string[], serialOf: { serial: string; lotId: string } | null = null): Promise<HoldingContainer[]> {
  if (lotIds.length === 0) return [];
  const found = await db.query<{ lot_id: string; sscc: string; level: HoldingContainer['level']; qty: number; serials: number; shipped_at: string | null; outermost: string }>(HOLDING_SQL, [
    lotIds,
    serialOf?.serial ?? null,
    serialOf?.lotId ?? null,
  ]);
  return found.rows.map((r) => ({
    lotId: r.lot_id,
    sscc: r.sscc,
    level: r.level,
    qty: Number(r.qty),
    serials: Number(r.serials),
    outermost: r.outermost,
    shippedAt: r.shipped_at === null ? null : new Date(r.shipped_at).toISOString(),
  }));
}
