-- What the KPIs need that Lotline did not keep: how long each trace the server answered took,
-- each printer's state changes (the printers row keeps only the latest), and where a customer
-- is, so a shipment to a customer without an address shows up before a recall letter must go.

CREATE TABLE trace_requests (
  id bigserial PRIMARY KEY,
  lot_id uuid NOT NULL,
  direction text NOT NULL CHECK (direction IN ('forward','backward')),
  depth integer NOT NULL,
  by_serial boolean NOT NULL DEFAULT false,
  user_id uuid,
  -- Wall time from the request reaching the trace to the answer being ready.
  duration_ms numeric(12,3) NOT NULL CHECK (duration_ms >= 0),
  served_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trace_requests_served ON trace_requests (served_at);
CREATE TRIGGER trace_requests_append_only BEFORE UPDATE OR DELETE ON trace_requests FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A row when a printer's state changes: each state lasts until the printer's next row.
CREATE TABLE printer_states (
  id bigserial PRIMARY KEY,
  printer_id uuid NOT NULL REFERENCES printers(id),
  state text NOT NULL CHECK (state IN ('unknown','ready','offline','paper_out','head_open','paused','not_ready')),
  detail text,
  since timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX printer_states_printer ON printer_states (printer_id, since, id);
CREATE TRIGGER printer_states_append_only BEFORE UPDATE OR DELETE ON printer_states FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- What is known of each printer today starts its history: not ready since when the spool first
-- saw it so, ready since its last answer. A printer never heard from has no history yet.
INSERT INTO printer_states (printer_id, state, detail, since)
SELECT id, state, state_detail, COALESCE(not_ready_since, state_at) FROM printers WHERE state <> 'unknown' AND state_at IS NOT NULL;

ALTER TABLE customers ADD COLUMN address text CHECK (address IS NULL OR length(address) BETWEEN 1 AND 500);

-- The QC release KPI reads signed status changes by time, not by lot.
CREATE INDEX audit_log_action_at ON audit_log (action, at);
