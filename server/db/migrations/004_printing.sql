-- Labels and printing: versioned templates, the printer registry and a durable print spool.

-- A template version is immutable once approved; a change is a new version. One approved version
-- per name prints at a time.
CREATE TABLE label_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  version integer NOT NULL CHECK (version > 0),
  kind text NOT NULL CHECK (kind IN ('layout','zpl')),
  definition jsonb NOT NULL,
  content_hash text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','retired')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid REFERENCES users(id),
  approved_at timestamptz,
  retired_at timestamptz,
  UNIQUE (name, version)
);
CREATE UNIQUE INDEX label_templates_one_approved ON label_templates (name) WHERE status = 'approved';

CREATE TABLE printers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  host text NOT NULL,
  port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  dpi integer NOT NULL DEFAULT 203 CHECK (dpi IN (203, 300, 600)),
  location_code text,
  active boolean NOT NULL DEFAULT true,
  -- The last ~HS answer as the spool saw it.
  state text NOT NULL DEFAULT 'unknown' CHECK (state IN ('unknown','ready','offline','paper_out','head_open','paused','not_ready')),
  state_detail text,
  state_at timestamptz,
  -- Since when the printer has not been ready; the console alerts after alert_after_seconds.
  not_ready_since timestamptz,
  alert_after_seconds integer NOT NULL DEFAULT 120 CHECK (alert_after_seconds >= 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A print job is one format sent once: a serialized label is one job per serial, so a connection
-- lost mid-send leaves exactly one label in doubt.
CREATE TABLE print_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Queue order: labels of one request print in the order their serials were made.
  seq bigserial NOT NULL UNIQUE,
  printer_id uuid NOT NULL REFERENCES printers(id),
  template_id uuid NOT NULL REFERENCES label_templates(id),
  template_hash text NOT NULL,
  lot_id uuid REFERENCES lots(id),
  data jsonb NOT NULL,
  serial text,
  copies integer NOT NULL CHECK (copies BETWEEN 1 AND 10000),
  zpl text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','printing','printed','uncertain','cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_owner text,
  lease_until timestamptz,
  last_error text,
  reprint_of uuid REFERENCES print_jobs(id),
  reprint_reason text,
  requested_by uuid REFERENCES users(id),
  op_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  printed_at timestamptz,
  resolution text CHECK (resolution IN ('confirmed_printed','reprinted','cancelled')),
  resolved_by uuid REFERENCES users(id),
  resolved_at timestamptz,
  resolution_reason text
);
CREATE INDEX print_jobs_queue ON print_jobs (printer_id, seq) WHERE status = 'queued';
CREATE INDEX print_jobs_status ON print_jobs (status, created_at);
CREATE INDEX print_jobs_lot ON print_jobs (lot_id);
CREATE INDEX print_jobs_lease ON print_jobs (lease_until) WHERE status = 'printing';

-- Every attempt to send a job, whatever came of it.
CREATE TABLE print_attempts (
  id bigserial PRIMARY KEY,
  job_id uuid NOT NULL REFERENCES print_jobs(id),
  worker text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  outcome text NOT NULL,
  bytes_written integer NOT NULL DEFAULT 0,
  error text
);
CREATE INDEX print_attempts_job ON print_attempts (job_id);
