import { nearestRank, type KpiInputs } from '../../domain/kpi';
import { LOT_STATUS_ACTION } from '../audit';
import type { Queryable } from '../db';
import type { Window } from './window';

/**
 * A release is the signed status change from quarantine to released (the demo's opening statuses
 * are audited unsigned and do not count); the lot came into quarantine when it was created.
 */
export async function qcReleases(db: Queryable, w: Window): Promise<KpiInputs<'qc_release_cycle_time'>> {
  const found = await db.query<{ releases: number; seconds: string }>(
    `SELECT count(*)::int AS releases, COALESCE(sum(EXTRACT(EPOCH FROM a.at - l.created_at)), 0)::text AS seconds
       FROM audit_log a JOIN lots l ON l.id::text = a.entity_id
      WHERE a.action = $3 AND a.entity_type = 'lot' AND a.signature_meaning IS NOT NULL
        AND a.before->>'status' = 'quarantine' AND a.after->>'status' = 'released'
        AND a.at >= $1 AND a.at < $2`,
    [w.fromAt, w.toAt, LOT_STATUS_ACTION],
  );
  const r = found.rows[0]!;
  return { releases: r.releases, totalHours: Number(r.seconds) / 3600 };
}

export async function traceTimes(db: Queryable, w: Window): Promise<KpiInputs<'trace_time_p95'>> {
  const counted = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM trace_requests WHERE served_at >= $1 AND served_at < $2', [w.fromAt, w.toAt]);
  const traces = counted.rows[0]!.n;
  const rank = nearestRank(traces, 95);
  if (rank === 0) return { traces: 0, rank: 0, msAtRank: 0 };
  const at = await db.query<{ ms: string }>('SELECT duration_ms::text AS ms FROM trace_requests WHERE served_at >= $1 AND served_at < $2 ORDER BY duration_ms OFFSET $3 LIMIT 1', [w.fromAt, w.toAt, rank - 1]);
  return { traces, rank, msAtRank: Number(at.rows[0]!.ms) };
}

export async function lotsWithoutExpiry(db: Queryable, w: Window): Promise<KpiInputs<'lots_without_expiry'>> {
  const found = await db.query<{ lots: number; without: number }>(
    'SELECT count(*)::int AS lots, (count(*) FILTER (WHERE expires_on IS NULL))::int AS without FROM lots WHERE created_at < $1 AND NOT deleted',
    [w.toAt],
  );
  return { lots: found.rows[0]!.lots, withoutExpiry: found.rows[0]!.without };
}
