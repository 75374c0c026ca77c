-- UDI device master records under change control. Each change is a new version, never an
-- update: the versions, their signed approvals and their publications are append-only, and a
-- restore writes the old content again as a new version. Only the record's head row moves.

CREATE TABLE udi_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The Basic UDI-DI of the current version (a GS1 GMN, AI 8013).
  basic_udi_di text NOT NULL UNIQUE CHECK (length(basic_udi_di) BETWEEN 1 AND 25),
  current_version integer NOT NULL CHECK (current_version >= 1),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE udi_record_versions (
  record_id uuid NOT NULL REFERENCES udi_records(id),
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- Set when this version writes an earlier one's content again.
  restored_from integer,
  -- Whether it changes a field the regulators hold the manufacturer to, against the version before.
  regulated boolean NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, version),
  FOREIGN KEY (record_id, restored_from) REFERENCES udi_record_versions(record_id, version)
);

CREATE TABLE udi_record_approvals (
  record_id uuid NOT NULL,
  version integer NOT NULL,
  signature jsonb NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  approved_by uuid NOT NULL REFERENCES users(id),
  approved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, version),
  FOREIGN KEY (record_id, version) REFERENCES udi_record_versions(record_id, version)
);

CREATE TABLE udi_record_publications (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id uuid NOT NULL,
  version integer NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  published_by uuid REFERENCES users(id),
  published_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (record_id, version) REFERENCES udi_record_versions(record_id, version)
);
CREATE INDEX udi_record_publications_record ON udi_record_publications (record_id, seq);

-- A UDI-DI names one device for good: once a record has used it, no other record may.
CREATE TABLE udi_dis (
  udi_di text PRIMARY KEY CHECK (udi_di ~ '^[0-9]{14}$'),
  record_id uuid NOT NULL REFERENCES udi_records(id)
);

CREATE TRIGGER udi_record_versions_kept BEFORE UPDATE OR DELETE ON udi_record_versions FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER udi_record_approvals_kept BEFORE UPDATE OR DELETE ON udi_record_approvals FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER udi_record_publications_kept BEFORE UPDATE OR DELETE ON udi_record_publications FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER udi_dis_kept BEFORE UPDATE OR DELETE ON udi_dis FOR EACH ROW EXECUTE FUNCTION refuse_change();
