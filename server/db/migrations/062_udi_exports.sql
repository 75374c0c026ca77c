-- What was sent to each regulator's UDI database, kept as sent. An export is never rewritten:
-- its content and sha-256 pin the exact file, and where it stands with the regulator is a
-- history of status rows, each with who, when and the authority's reference or message.

CREATE TABLE udi_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_id uuid NOT NULL REFERENCES udi_records(id),
  -- The published version of the device record the export was made of.
  record_version integer NOT NULL,
  jurisdiction text NOT NULL CHECK (jurisdiction IN ('GUDID', 'EUDAMED', 'NMPA')),
  format text NOT NULL CHECK (format IN ('gudid-spl-xml', 'eudamed-xml', 'nmpa-json', 'nmpa-xlsx')),
  -- Counts the record's exports to one regulator: 1, 2, ...
  export_version integer NOT NULL CHECK (export_version >= 1),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  content bytea NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (record_id, jurisdiction, export_version),
  FOREIGN KEY (record_id, record_version) REFERENCES udi_record_versions(record_id, version)
);

CREATE TABLE udi_export_statuses (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  export_id uuid NOT NULL REFERENCES udi_exports(id),
  status text NOT NULL CHECK (status IN ('generated', 'submitted', 'accepted', 'rejected')),
  -- The authority's acknowledgement or registration number.
  authority_reference text CHECK (length(authority_reference) BETWEEN 1 AND 200),
  -- The authority's rejection message, as given.
  message text CHECK (length(message) BETWEEN 1 AND 4000),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX udi_export_statuses_export ON udi_export_statuses (export_id, seq);

CREATE TRIGGER udi_exports_kept BEFORE UPDATE OR DELETE ON udi_exports FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER udi_export_statuses_kept BEFORE UPDATE OR DELETE ON udi_export_statuses FOR EACH ROW EXECUTE FUNCTION refuse_change();
