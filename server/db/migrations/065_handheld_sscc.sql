-- Handhelds label new cases and pallets offline: each holds a block of SSCCs issued to it while
-- online, and its label requests print through the spool like lot labels. The plant's company
-- prefix, extension digit and ship-from block are set once, for every logistic label it prints.

ALTER TABLE sscc_issued ADD COLUMN device_id uuid REFERENCES devices(id);
CREATE INDEX sscc_issued_device ON sscc_issued (device_id, issued_at) WHERE device_id IS NOT NULL;

CREATE TABLE logistics_settings (
  -- One row: the plant's own.
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  company_prefix text NOT NULL CHECK (company_prefix ~ '^[0-9]{6,12}$'),
  extension smallint NOT NULL CHECK (extension BETWEEN 0 AND 9),
  ship_from_name text NOT NULL CHECK (length(ship_from_name) BETWEEN 1 AND 60),
  ship_from_address text[] NOT NULL DEFAULT '{}' CHECK (cardinality(ship_from_address) <= 3),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A logistic label comes from no template: it is drawn from the SSCC and its container.
ALTER TABLE print_jobs ALTER COLUMN template_id DROP NOT NULL;
ALTER TABLE print_jobs ALTER COLUMN template_hash DROP NOT NULL;
ALTER TABLE print_jobs ADD COLUMN sscc text CHECK (sscc ~ '^[0-9]{18}$');
ALTER TABLE print_jobs ADD CONSTRAINT print_jobs_made_from CHECK ((template_id IS NULL) = (sscc IS NOT NULL) AND (template_id IS NULL) = (template_hash IS NULL));
CREATE INDEX print_jobs_sscc ON print_jobs (sscc) WHERE sscc IS NOT NULL;
