-- Legacy import (server/import): a file uploaded, judged in a dry run, then committed.

-- The file is kept as uploaded so the dry run, the report and the commit all read the same bytes.
CREATE TABLE import_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('items','lots','stock','genealogy','shipments')),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv','xlsx')),
  encoding text,
  content bytea NOT NULL,
  mapping jsonb,
  status text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded','checked','committed')),
  -- The last dry run's counts and every row's problems, for the report.
  summary jsonb,
  issues jsonb,
  committed_rows integer,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  checked_at timestamptz,
  committed_by uuid REFERENCES users(id),
  committed_at timestamptz
);
CREATE INDEX import_jobs_recent ON import_jobs (created_at DESC);

-- Saved column mappings, per kind, so the next export of the same legacy system maps itself.
CREATE TABLE import_mapping_profiles (
  kind text NOT NULL CHECK (kind IN ('items','lots','stock','genealogy','shipments')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  mapping jsonb NOT NULL,
  updated_by uuid NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, name)
);

-- Every row an import wrote, by its natural key, with the hash of its values: importing the same
-- row again finds it here and changes nothing; a changed row is refused instead of overwriting
-- what live work has done since.
CREATE TABLE import_rows (
  kind text NOT NULL,
  natural_key text NOT NULL,
  row_hash text NOT NULL,
  job_id uuid NOT NULL REFERENCES import_jobs(id),
  row_number integer NOT NULL,
  entity_id text,
  PRIMARY KEY (kind, natural_key)
);
CREATE TRIGGER import_rows_append_only BEFORE UPDATE OR DELETE ON import_rows FOR EACH ROW EXECUTE FUNCTION refuse_change();
