import type { KpiInputs } from '../../domain/kpi';
import type { Queryable } from '../db';
import type { Window } from './window';

export interface LabelCounts {
  success: KpiInputs<'label_print_success_rate'>;
  waste: KpiInputs<'label_waste_per_1000'>;
  reprints: KpiInputs<'reprint_rate'>;
}

/**
 * Labels, not jobs: a job of 500 copies is 500 labels. Requested, reprinted and out-of-spool are
 * dated by the request; good by when the printer confirmed it; voided by when a person cancelled it.
 */
export async function labelCounts(db: Queryable, w: Window): Promise<LabelCounts> {
  const found = await db.query<Record<'requested' | 'finished' | 'confirmed' | 'reprinted' | 'voided' | 'good', string>>(
    `SELECT COALESCE(sum(j.copies) FILTER (WHERE j.created_at >= $1 AND j.created_at < $2), 0)::text AS requested,
            COALESCE(sum(j.copies) FILTER (WHERE j.created_at >= $1 AND j.created_at < $2 AND j.status IN ('printed','uncertain','cancelled')), 0)::text AS finished,
            COALESCE(sum(j.copies) FILTER (WHERE j.created_at >= $1 AND j.created_at < $2 AND j.status = 'printed' AND j.resolution IS NULL), 0)::text AS confirmed,
            COALESCE(sum(j.copies) FILTER (WHERE j.created_at >= $1 AND j.created_at < $2 AND j.reprint_of IS NOT NULL), 0)::text AS reprinted,
            COALESCE(sum(j.copies) FILTER (WHERE j.resolved_at >= $1 AND j.resolved_at < $2 AND j.resolution = 'cancelled'), 0)::text AS voided,
            COALESCE(sum(j.copies) FILTER (WHERE j.printed_at >= $1 AND j.printed_at < $2 AND j.status = 'printed'
                                             AND NOT EXISTS (SELECT 1 FROM print_jobs r WHERE r.reprint_of = j.id)), 0)::text AS good
       FROM print_jobs j
      WHERE j.created_at < $2 AND (j.created_at >= $1 OR j.printed_at >= $1 OR j.resolved_at >= $1)`,
    [w.fromAt, w.toAt],
  );
  const r = found.rows[0]!;
  const n = (key: keyof typeof r) => Number(r[key]);
  return {
    success: { requested: n('requested'), finished: n('finished'), printerConfirmed: n('confirmed') },
    // Lotline prints no test labels: every job is a lot's label.
    waste: { voided: n('voided'), reprinted: n('reprinted'), test: 0, good: n('good') },
    reprints: { reprinted: n('reprinted'), requested: n('requested') },
  };
}

/**
 * Each state lasts from its row to the printer's next row (or to now); the part of a not-ready
 * span inside the period counts. Printers switched off in the registry are not down, just unused.
 */
export async function printerDowntime(db: Queryable, w: Window): Promise<KpiInputs<'printer_downtime'>> {
  const found = await db.query<{ printers: number; down_seconds: string }>(
    `WITH bounds AS (SELECT $1::timestamptz AS f, LEAST($2::timestamptz, now()) AS t),
          spans AS (
            SELECT s.state, s.since, LEAD(s.since) OVER (PARTITION BY s.printer_id ORDER BY s.since, s.id) AS until
              FROM printer_states s JOIN printers p ON p.id = s.printer_id AND p.active),
          clipped AS (
            SELECT GREATEST(s.since, b.f) AS start, LEAST(COALESCE(s.until, b.t), b.t) AS finish
              FROM spans s, bounds b
             WHERE s.state NOT IN ('ready','unknown'))
     SELECT (SELECT count(*)::int FROM printers WHERE active) AS printers,
            COALESCE((SELECT sum(EXTRACT(EPOCH FROM finish - start)) FROM clipped WHERE finish > start), 0)::text AS down_seconds`,
    [w.fromAt, w.toAt],
  );
  const r = found.rows[0]!;
  return { printers: r.printers, downHours: Number(r.down_seconds) / 3600 };
}
