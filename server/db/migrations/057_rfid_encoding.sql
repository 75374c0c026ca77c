-- RFID labels: a serial counts as printed only when the printer read back the EPC written into
-- the label's tag. A label whose tag read back anything else printed VOID, and its serial is
-- voided for good: it is never bound to a tag, and never handed out again.

-- The EPC the job's tag must read back as; null for a label without RFID.
ALTER TABLE print_jobs ADD COLUMN rfid_epc text CHECK (rfid_epc ~ '^[0-9A-F]{24,}$');
-- The print request a job belongs to, for reconciling a run.
ALTER TABLE print_jobs ADD COLUMN run_id uuid;
CREATE INDEX print_jobs_run ON print_jobs (run_id) WHERE run_id IS NOT NULL;

-- 'voided': the label came out with a tag that does not carry its serial, and no retry is left.
ALTER TABLE print_jobs DROP CONSTRAINT print_jobs_status_check;
ALTER TABLE print_jobs ADD CONSTRAINT print_jobs_status_check
  CHECK (status IN ('queued','printing','in_printer','printed','uncertain','cancelled','voided'));

-- Every RFID label that came out: the serial it was for, the EPC written, what the tag read back as.
CREATE TABLE rfid_encodings (
  id bigserial PRIMARY KEY,
  job_id uuid NOT NULL REFERENCES print_jobs(id),
  item_id uuid NOT NULL,
  serial text NOT NULL,
  epc text NOT NULL,
  -- '' when no tag answered; the answer itself (cut to 80 characters) when it could not be read.
  read_back text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('encoded','voided')),
  reason text CHECK (reason IN ('wrong_tag','no_tag','bad_answer')),
  detail text,
  at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (item_id, serial) REFERENCES serials (item_id, serial),
  CHECK ((outcome = 'encoded') = (reason IS NULL))
);
-- One tag per serial: a serial is bound to the first tag that read it back, and to no other.
CREATE UNIQUE INDEX rfid_encodings_one_tag ON rfid_encodings (item_id, serial) WHERE outcome = 'encoded';
CREATE INDEX rfid_encodings_job ON rfid_encodings (job_id, id);
CREATE TRIGGER rfid_encodings_append_only
  BEFORE UPDATE OR DELETE ON rfid_encodings
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Serials whose label printed VOID. The serials row they point at can then never be deleted,
-- and allocation skips every serial that row holds, so a voided serial is never issued again.
CREATE TABLE voided_serials (
  item_id uuid NOT NULL,
  serial text NOT NULL,
  job_id uuid NOT NULL REFERENCES print_jobs(id),
  reason text NOT NULL CHECK (reason IN ('wrong_tag','no_tag','bad_answer')),
  voided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, serial),
  FOREIGN KEY (item_id, serial) REFERENCES serials (item_id, serial)
);
CREATE TRIGGER voided_serials_append_only
  BEFORE UPDATE OR DELETE ON voided_serials
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
