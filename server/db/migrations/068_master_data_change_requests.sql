-- A change to a regulated field of master data that arrives from the ERP (the integration API) is
-- not applied: it waits here for QC's electronic signature, as a restore by hand would need one.
-- Approving writes the proposed row through the same write path, so the version the triggers of
-- migration 061 record carries the signature; rejecting writes nothing to the record.
CREATE TABLE master_data_change_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('items','locations','number_rules','customers','suppliers','packaging_specs')),
  record_id uuid NOT NULL,
  external_id text NOT NULL,
  -- The record's row version when the change arrived: a record written since makes the request stale.
  base_version integer NOT NULL,
  -- The columns as the integration would have written them, and what they change against the record then.
  proposed jsonb NOT NULL,
  diff jsonb NOT NULL,
  regulated_fields text[] NOT NULL CHECK (cardinality(regulated_fields) > 0),
  api_key_id uuid NOT NULL REFERENCES api_keys(id),
  requested_by_name text NOT NULL CHECK (length(requested_by_name) BETWEEN 1 AND 200),
  requested_at timestamptz NOT NULL DEFAULT now(),
  idempotency_key text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
  decided_by uuid REFERENCES users(id),
  decided_by_name text,
  decided_at timestamptz,
  signature jsonb,
  reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (status <> 'approved' OR signature IS NOT NULL),
  CHECK (status <> 'rejected' OR reason IS NOT NULL)
);
-- One open request per record: the ERP waits for QC's answer before it sends the next change.
CREATE UNIQUE INDEX master_data_change_requests_one_pending ON master_data_change_requests (kind, record_id) WHERE status = 'pending';
CREATE INDEX master_data_change_requests_status ON master_data_change_requests (status, requested_at);
