import type { Queryable } from '../db';

/**
 * Takes or renews the relay's lease: one server instance publishes at a time. A holder that died
 * stops renewing and another takes over when the lease runs out; one that merely stalled past
 * it may publish a batch twice, which JetStream absorbs by message id and webhook receivers by
 * the Lotline-Event-Id header.
 */
export async function holdRelayLease(db: Queryable, owner: string, seconds: number): Promise<boolean> {
  const held = await db.query(
    `INSERT INTO event_relay_lease (name, owner, lease_until) VALUES ('relay', $1, now() + make_interval(secs => $2))
     ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
      WHERE event_relay_lease.owner = EXCLUDED.owner OR event_relay_lease.lease_until < now()
     RETURNING owner`,
    [owner, seconds],
  );
  return held.rowCount > 0;
}

/** Lets the lease go at a clean stop, so another instance need not wait for it to run out. */
export async function releaseRelayLease(db: Queryable, owner: string): Promise<void> {
  await db.query(`DELETE FROM event_relay_lease WHERE name = 'relay' AND owner = $1`, [owner]);
}

export async function sinkPosition(db: Queryable, sink: string): Promise<number> {
  const found = await db.query<{ position: string }>('SELECT position::text FROM event_relay_positions WHERE sink = $1', [sink]);
  return Number(found.rows[0]?.position ?? 0);
}

/** Moves a sink forward, never back: a stale relay cannot undo a newer one's progress. */
export async function advanceSink(db: Queryable, sink: string, position: number): Promise<void> {
  await db.query(
    `INSERT INTO event_relay_positions (sink, position) VALUES ($1, $2)
     ON CONFLICT (sink) DO UPDATE SET position = EXCLUDED.position, updated_at = now() WHERE event_relay_positions.position < EXCLUDED.position`,
    [sink, position],
  );
}
