-- Retention (server/events/retention.ts, server/integration/retention.ts): domain events that
-- every sink has delivered, and saved Idempotency-Key answers, are removed once older than the
-- configured period, so the outbox does not grow for ever.
--
-- Events stay append-only to everything but that job: a DELETE is refused unless the statement
-- runs in a transaction that set lotline.pruning_events, which only the job's prune function
-- does, and which decides what is delivered (the NATS position, live webhook subscriptions'
-- positions, deliveries still waiting) in the same statement as the delete.
DROP TRIGGER domain_events_no_delete ON domain_events;

CREATE FUNCTION domain_events_prune_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lotline.pruning_events', true) IS DISTINCT FROM 'on' THEN
    RAISE EXCEPTION 'domain_events are append-only: only the retention job removes delivered events' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER domain_events_prune_only BEFORE DELETE ON domain_events FOR EACH STATEMENT EXECUTE FUNCTION domain_events_prune_only();

/*
 * Removes up to `batch` events, oldest position first, that are placed, older than
 * `older_than`, and delivered everywhere they must go: at or below the NATS sink's position
 * when JetStream is in use, at or below every active webhook subscription's fan-out position,
 * and with no delivery still waiting for them (any subscription's, paused ones' included). Their
 * finished deliveries (delivered or dead-lettered) go with them. Returns what was removed.
 */
CREATE FUNCTION prune_domain_events(older_than timestamptz, nats_in_use boolean, batch integer, OUT events integer, OUT deliveries integer)
LANGUAGE plpgsql AS $$
DECLARE
  ceiling bigint;
BEGIN
  PERFORM set_config('lotline.pruning_events', 'on', true);
  SELECT least(
           CASE WHEN nats_in_use THEN coalesce((SELECT p.position FROM event_relay_positions p WHERE p.sink = 'nats'), 0) END,
           (SELECT min(s.position) FROM webhook_subscriptions s WHERE s.active),
           (SELECT min(d.event_position) - 1 FROM webhook_deliveries d WHERE d.delivered_at IS NULL AND d.dead_lettered_at IS NULL)
         )
    INTO ceiling;
  WITH doomed AS (
    SELECT e.position FROM domain_events e
     WHERE e.position IS NOT NULL AND (ceiling IS NULL OR e.position <= ceiling) AND e.occurred_at < older_than
     ORDER BY e.position LIMIT batch
  ), gone AS (
    DELETE FROM domain_events e USING doomed WHERE e.position = doomed.position RETURNING e.position
  ), dropped AS (
    DELETE FROM webhook_deliveries d USING gone WHERE d.event_position = gone.position RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone)::int, (SELECT count(*) FROM dropped)::int INTO events, deliveries;
  PERFORM set_config('lotline.pruning_events', '', true);
END;
$$;

CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_position);
CREATE INDEX integration_requests_created ON integration_requests (created_at);
