import type { Queryable } from '../db';

export interface ServedTrace {
  lotId: string;
  direction: 'forward' | 'backward';
  depth: number;
  bySerial: boolean;
  userId: string | null;
  durationMs: number;
}

/** Keeps how long a trace took to answer, for the trace-time KPI: the p95 of traces really served, not of a benchmark. */
export async function recordTraceServed(db: Queryable, trace: ServedTrace): Promise<void> {
  await db.query('INSERT INTO trace_requests (lot_id, direction, depth, by_serial, user_id, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)', [
    trace.lotId,
    trace.direction,
    trace.depth,
    trace.bySerial,
    trace.userId,
    Math.round(trace.durationMs * 1000) / 1000,
  ]);
}
