-- Domain events for ERP/MES/QMS: a transactional outbox, relayed to NATS JetStream and to signed
-- webhooks (server/events).
--
-- Every event is written by a trigger in the transaction that made the change, so no code path
-- (a QC release, the expiry job, a recall holding 20,000 lots in one statement, an op applied
-- from a handheld) can commit a change without its event, nor an event without its change.
--
-- Order. `id` is taken when the row is inserted, which is not commit order: a transaction that
-- inserted id 7 may commit after one that inserted id 8, and a reader that has passed 8 would
-- never see 7. Transaction ids (xid8 below the snapshot's xmin) make a safe cursor but not an
-- order per aggregate: a transaction keeps the xid it took at its first write, so the later of
-- two changes to one lot can carry the lower xid. So `position` is given after commit by one
-- sequencer at a time (advisory lock, server/events/sequence.ts), to committed rows in `id`
-- order. Two events of one aggregate are written under that aggregate's row lock (the lot, op,
-- print job or recall case row being updated), so the later one's insert — and id — follows the
-- earlier one's commit: whenever the later is visible the earlier is too, and it gets the lower
-- position. Readers (the relay's sinks, GET /api/events) page by `position > last`, which never
-- skips a row because positions are only handed out, in increasing order, to committed rows.
CREATE TABLE domain_events (
  id bigserial PRIMARY KEY,
  position bigint UNIQUE,
  event_id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  -- The plant's site code (sites.code); subjects carry it in lower case.
  site text NOT NULL DEFAULT 'MAIN',
  aggregate_type text NOT NULL,
  aggregate_id text NOT NULL,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX domain_events_unsequenced ON domain_events (id) WHERE position IS NULL;
CREATE INDEX domain_events_aggregate ON domain_events (aggregate_type, aggregate_id, id);
CREATE TRIGGER domain_events_no_delete BEFORE DELETE ON domain_events FOR EACH ROW EXECUTE FUNCTION refuse_change();
-- An event is written once; the sequencer only gives it its position, once.
CREATE FUNCTION domain_events_place_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.position IS NOT NULL
     OR ROW(NEW.id, NEW.event_id, NEW.site, NEW.aggregate_type, NEW.aggregate_id, NEW.event_type, NEW.payload, NEW.occurred_at)
        IS DISTINCT FROM ROW(OLD.id, OLD.event_id, OLD.site, OLD.aggregate_type, OLD.aggregate_id, OLD.event_type, OLD.payload, OLD.occurred_at) THEN
    RAISE EXCEPTION 'domain_events are append-only: only an unplaced event may be given its position' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER domain_events_place_only BEFORE UPDATE ON domain_events FOR EACH ROW EXECUTE FUNCTION domain_events_place_only();

-- How far each sink has published ('nats'); webhooks keep theirs on the subscription.
CREATE TABLE event_relay_positions (
  sink text PRIMARY KEY,
  position bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One relay at a time across server instances: the holder renews its lease, a dead one's runs out.
CREATE TABLE event_relay_lease (
  name text PRIMARY KEY,
  owner text NOT NULL,
  lease_until timestamptz NOT NULL
);

CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL,
  -- Shown once when created; the relay signs with it.
  secret text NOT NULL,
  -- Event type patterns (domain/events/filter.ts): 'lot.released', 'lot.*', 'print.>', '>'.
  event_filter text[] NOT NULL CHECK (cardinality(event_filter) > 0),
  description text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  -- The last event position fanned out into deliveries; set back to replay.
  position bigint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per event to send to a subscription; delivered in position order per subscription.
CREATE TABLE webhook_deliveries (
  id bigserial PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id),
  event_position bigint NOT NULL,
  event_id uuid NOT NULL,
  event_type text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  dead_lettered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (subscription_id, id) WHERE delivered_at IS NULL AND dead_lettered_at IS NULL;
CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (dead_lettered_at DESC) WHERE dead_lettered_at IS NOT NULL AND delivered_at IS NULL;

-- The relay waits on this channel instead of polling hard; one notice per transaction is enough.
CREATE FUNCTION domain_events_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lotline_domain_events', '');
  RETURN NULL;
END;
$$;
CREATE TRIGGER domain_events_announce AFTER INSERT ON domain_events FOR EACH STATEMENT EXECUTE FUNCTION domain_events_announce();

-- Lots: created, and every change of status (lot.released, lot.on_hold, lot.recalled, ...).
-- Statement-level with transition tables: a recall holding thousands of lots writes its events
-- in one INSERT.
CREATE FUNCTION domain_events_lots() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload)
    SELECT 'lot', n.id::text, 'lot.created',
           jsonb_build_object('lotId', n.id, 'lotNumber', n.lot_number, 'itemId', n.item_id, 'status', n.status,
                              'expiresOn', n.expires_on, 'supplierLot', n.supplier_lot, 'origin', n.origin, 'version', n.version)
      FROM new_rows n ORDER BY n.lot_number;
  ELSE
    INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload)
    SELECT 'lot', n.id::text, 'lot.' || n.status,
           jsonb_build_object('lotId', n.id, 'lotNumber', n.lot_number, 'itemId', n.item_id, 'from', o.status, 'to', n.status, 'version', n.version)
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE n.status IS DISTINCT FROM o.status
     ORDER BY n.lot_number;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER lots_events_insert AFTER INSERT ON lots REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION domain_events_lots();
CREATE TRIGGER lots_events_update AFTER UPDATE ON lots REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION domain_events_lots();

-- Ops: the server's outcome (op.applied, op.exception, op.rejected).
CREATE FUNCTION domain_events_ops() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('applied','exception','rejected') AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) THEN
    INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload)
    VALUES ('op', NEW.id::text, 'op.' || NEW.status,
            jsonb_build_object('opId', NEW.id, 'type', NEW.type, 'deviceId', NEW.device_id, 'userId', NEW.user_id,
                               'deviceTime', NEW.device_time, 'payload', NEW.payload, 'outcome', NEW.outcome));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER ops_events AFTER INSERT OR UPDATE OF status ON ops FOR EACH ROW EXECUTE FUNCTION domain_events_ops();

-- Print jobs: every state (print.job.queued, print.job.printed, print.job.uncertain, ...).
CREATE FUNCTION domain_events_print_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload)
    VALUES ('print_job', NEW.id::text, 'print.job.' || NEW.status,
            jsonb_build_object('jobId', NEW.id, 'printerId', NEW.printer_id, 'lotId', NEW.lot_id, 'serial', NEW.serial, 'copies', NEW.copies,
                               'templateHash', NEW.template_hash, 'from', CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, 'to', NEW.status,
                               'reprintOf', NEW.reprint_of, 'resolution', NEW.resolution));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER print_jobs_events AFTER INSERT OR UPDATE OF status ON print_jobs FOR EACH ROW EXECUTE FUNCTION domain_events_print_jobs();

-- Recall cases: each state (recall.draft, recall.open, ...) and the acts a clock waits for.
CREATE FUNCTION domain_events_recall_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state THEN
    INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload)
    VALUES ('recall', NEW.id::text, 'recall.' || NEW.state,
            jsonb_build_object('caseId', NEW.id, 'number', NEW.number, 'drill', NEW.drill, 'from', CASE WHEN TG_OP = 'UPDATE' THEN OLD.state END,
                               'to', NEW.state, 'version', NEW.version));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER recall_cases_events AFTER INSERT OR UPDATE OF state ON recall_cases FOR EACH ROW EXECUTE FUNCTION domain_events_recall_cases();

CREATE FUNCTION domain_events_recall_acts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload)
  VALUES ('recall', NEW.case_id::text, 'recall.' || NEW.kind,
          jsonb_build_object('caseId', NEW.case_id, 'deadline', NEW.deadline, 'happenedOn', NEW.happened_on, 'detail', NEW.detail, 'recordedBy', NEW.recorder_name));
  RETURN NULL;
END;
$$;
CREATE TRIGGER recall_case_events_events AFTER INSERT ON recall_case_events FOR EACH ROW EXECUTE FUNCTION domain_events_recall_acts();

-- Electronic signatures (QC decisions, template approvals, recall steps): every audit row that
-- carries a signature meaning. The audit chain lock orders them by commit already.
CREATE FUNCTION domain_events_signatures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload)
  SELECT n.entity_type, coalesce(n.entity_id, ''), 'signature.recorded',
         jsonb_build_object('auditId', n.id, 'action', n.action, 'entityType', n.entity_type, 'entityId', n.entity_id, 'meaning', n.signature_meaning,
                            'signer', n.actor_name, 'signerId', n.actor_id, 'reason', n.reason, 'at', n.at)
    FROM new_rows n WHERE n.signature_meaning IS NOT NULL ORDER BY n.seq;
  RETURN NULL;
END;
$$;
CREATE TRIGGER audit_log_events AFTER INSERT ON audit_log REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION domain_events_signatures();
