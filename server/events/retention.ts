import type { Queryable } from '../db';

export interface PrunedEvents {
  events: number;
  deliveries: number;
}

/**
 * Removes domain events older than `days` that every sink is done with (see
 * prune_domain_events in migration 050 for what "done" means), in batches of `batch`, each in
 * its own statement so a first run over a year of events holds no lock for long. `natsInUse`:
 * this server publishes to JetStream, so the relay's NATS position bounds what may go; without
 * it a position left from an earlier JetStream setup must not keep every event for ever.
 */
export async function pruneDeliveredEvents(db: Queryable, options: { days: number; natsInUse: boolean; batch?: number }): Promise<PrunedEvents> {
  const batch = options.batch ?? 5000;
  const total: PrunedEvents = { events: 0, deliveries: 0 };
  for (;;) {
    const done = await db.query<PrunedEvents>(
      `SELECT events, deliveries FROM prune_domain_events(now() - make_interval(days => $1::int), $2::boolean, $3::int)`,
      [options.days, options.natsInUse, batch],
    );
    const { events, deliveries } = done.rows[0]!;
    total.events += events;
    total.deliveries += deliveries;
    if (events < batch) return total;
  }
}
