import type { Queryable } from '../db';

/** An event as sinks and the events API see it: committed, with its place in the order. */
export interface DomainEvent {
  position: number;
  eventId: string;
  site: string;
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

interface EventRow {
  position: string;
  event_id: string;
  site: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  occurred_at: Date | string;
  payload: Record<string, unknown>;
}

const toEvent = (r: EventRow): DomainEvent => ({
  position: Number(r.position),
  eventId: r.event_id,
  site: r.site,
  aggregateType: r.aggregate_type,
  aggregateId: r.aggregate_id,
  eventType: r.event_type,
  occurredAt: new Date(r.occurred_at).toISOString(),
  payload: r.payload,
});

/** Events after a position, in order; only those the sequencer has placed (committed ones). */
export async function eventsAfter(db: Queryable, after: number, limit: number): Promise<DomainEvent[]> {
  const found = await db.query<EventRow>(
    // Ordered by the table's column: the text output column of the same name sorts '10' before '2'.
    `SELECT d.position::text, event_id::text, site, aggregate_type, aggregate_id, event_type, occurred_at, payload
       FROM domain_events d WHERE d.position > $1 ORDER BY d.position LIMIT $2`,
    [after, limit],
  );
  return found.rows.map(toEvent);
}

export async function eventAt(db: Queryable, position: number): Promise<DomainEvent | undefined> {
  const found = await db.query<EventRow>(
    `SELECT position::text, event_id::text, site, aggregate_type, aggregate_id, event_type, occurred_at, payload FROM domain_events WHERE position = $1`,
    [position],
  );
  return found.rows[0] ? toEvent(found.rows[0]) : undefined;
}

/** The last position handed out: where a new subscription starts by default. */
export async function headPosition(db: Queryable): Promise<number> {
  const found = await db.query<{ head: string | null }>('SELECT max(position)::text AS head FROM domain_events');
  return Number(found.rows[0]?.head ?? 0);
}

const SEQUENCER_LOCK = 7701031;

/**
 * Places committed, unplaced events after the last position, in insert order (see the
 * migration for why that is commit order per aggregate). The advisory lock makes one sequencer
 * at a time across instances, so positions grow in the order they become visible and a reader
 * paging by `position > last` skips nothing. Returns how many were placed.
 */
export async function sequenceEvents(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, limit = 2000): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCER_LOCK]);
    const placed = await tx.query(
      `WITH waiting AS (
         SELECT id, row_number() OVER (ORDER BY id) AS n FROM domain_events WHERE position IS NULL ORDER BY id LIMIT $1
       ), head AS (SELECT coalesce(max(position), 0) AS p FROM domain_events)
       UPDATE domain_events d SET position = head.p + waiting.n FROM waiting, head WHERE d.id = waiting.id`,
      [limit],
    );
    return placed.rowCount;
  });
}

/** Places everything waiting, however much: for tests and the CLI. */
export async function sequenceAll(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }): Promise<void> {
  while ((await sequenceEvents(db)) > 0);
}
