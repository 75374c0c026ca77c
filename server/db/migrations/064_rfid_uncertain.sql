-- RFID labels in doubt, and each printer's RFID policy.
--
-- A label whose read-back never came (the printer fell silent, the connection was cut after the
-- tag was written, the spool stopped) may or may not carry its EPC. Its serial is held: not bound
-- to a tag, not voided, never issued again, until a person reads the physical tag (bound when it
-- carries the EPC intended, voided otherwise) or declares the label destroyed (voided).

-- Every RFID label that went into doubt, recorded in the transaction that made its job uncertain,
-- whichever path did (worker, cut connection, lease recovery). A serial is in doubt once.
CREATE TABLE rfid_uncertain_labels (
  item_id uuid NOT NULL,
  serial text NOT NULL,
  job_id uuid NOT NULL REFERENCES print_jobs(id),
  epc text NOT NULL CHECK (epc ~ '^[0-9A-F]{24,}$'),
  why text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, serial),
  FOREIGN KEY (item_id, serial) REFERENCES serials (item_id, serial)
);
CREATE INDEX rfid_uncertain_labels_job ON rfid_uncertain_labels (job_id);
CREATE TRIGGER rfid_uncertain_labels_append_only
  BEFORE UPDATE OR DELETE ON rfid_uncertain_labels
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE FUNCTION hold_uncertain_rfid_serial() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rfid_uncertain_labels (item_id, serial, job_id, epc, why)
  SELECT l.item_id, NEW.serial, NEW.id, NEW.rfid_epc, COALESCE(NEW.last_error, 'the tag was not read back')
    FROM lots l WHERE l.id = NEW.lot_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER print_jobs_rfid_uncertain AFTER UPDATE OF status ON print_jobs
  FOR EACH ROW WHEN (NEW.status = 'uncertain' AND OLD.status IS DISTINCT FROM 'uncertain' AND NEW.rfid_epc IS NOT NULL AND NEW.serial IS NOT NULL)
  EXECUTE FUNCTION hold_uncertain_rfid_serial();

-- How a person settled a label in doubt. The primary key refuses a second settlement of one serial.
CREATE TABLE rfid_resolutions (
  item_id uuid NOT NULL,
  serial text NOT NULL,
  job_id uuid NOT NULL REFERENCES print_jobs(id),
  -- 'tag_read': the tag was read and its EPC given; 'destroyed': the label is gone, its tag unread.
  action text NOT NULL CHECK (action IN ('tag_read','destroyed')),
  epc_read text CHECK (epc_read ~ '^[0-9A-F]{24,}$'),
  outcome text NOT NULL CHECK (outcome IN ('encoded','voided')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  resolved_by uuid REFERENCES users(id),
  resolved_by_name text NOT NULL,
  resolved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, serial),
  FOREIGN KEY (item_id, serial) REFERENCES rfid_uncertain_labels (item_id, serial),
  CHECK ((action = 'tag_read') = (epc_read IS NOT NULL)),
  CHECK (action = 'tag_read' OR outcome = 'voided')
);
CREATE TRIGGER rfid_resolutions_append_only
  BEFORE UPDATE OR DELETE ON rfid_resolutions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A settled label's tag is recorded like any other: 'destroyed' voids a serial whose tag nobody read.
ALTER TABLE rfid_encodings DROP CONSTRAINT rfid_encodings_reason_check;
ALTER TABLE rfid_encodings ADD CONSTRAINT rfid_encodings_reason_check CHECK (reason IN ('wrong_tag','no_tag','bad_answer','destroyed'));
ALTER TABLE voided_serials DROP CONSTRAINT voided_serials_reason_check;
ALTER TABLE voided_serials ADD CONSTRAINT voided_serials_reason_check CHECK (reason IN ('wrong_tag','no_tag','bad_answer','destroyed'));
ALTER TABLE print_jobs DROP CONSTRAINT print_jobs_resolution_check;
ALTER TABLE print_jobs ADD CONSTRAINT print_jobs_resolution_check
  CHECK (resolution IN ('confirmed_printed','reprinted','cancelled','tag_read','tag_destroyed'));

-- A printer's RFID policy overrides the template's where set: some printers' antennas misread
-- more than others, and some take longer to read a tag back.
-- rfid_retry false: a label whose tag failed is never tried again on this printer.
ALTER TABLE printers ADD COLUMN rfid_retry boolean NOT NULL DEFAULT true;
-- Labels tried again after a failed tag; null: the template's `retries`.
ALTER TABLE printers ADD COLUMN rfid_retries integer CHECK (rfid_retries BETWEEN 0 AND 5);
-- How long the spool waits for a label's read-back; null: the spool's answer timeout.
ALTER TABLE printers ADD COLUMN rfid_read_back_timeout_ms integer CHECK (rfid_read_back_timeout_ms BETWEEN 500 AND 120000);
