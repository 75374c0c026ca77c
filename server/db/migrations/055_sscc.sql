-- SSCCs for cases and pallets: a counter per company prefix and extension digit, and every SSCC
-- issued, so that none is issued again within the reuse window (GS1: 12 months at least).

CREATE TABLE sscc_counters (
  company_prefix text NOT NULL CHECK (company_prefix ~ '^[0-9]{6,12}$'),
  extension smallint NOT NULL CHECK (extension BETWEEN 0 AND 9),
  -- SSCCs taken from this counter in all rounds; the next serial reference is issued modulo the capacity.
  issued bigint NOT NULL DEFAULT 0 CHECK (issued >= 0),
  PRIMARY KEY (company_prefix, extension)
);

CREATE TABLE sscc_issued (
  sscc text PRIMARY KEY CHECK (sscc ~ '^[0-9]{18}$'),
  issued_at timestamptz NOT NULL DEFAULT now(),
  issued_by uuid REFERENCES users(id),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200)
);
CREATE INDEX sscc_issued_at ON sscc_issued (issued_at);
