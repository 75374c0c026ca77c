-- EPCIS 2.0 for partners (server/epcis): how the plant's identifiers are written, which partner
-- an API key speaks for, and the events partners capture.

-- One row: the GS1 Company Prefix length splits the plant's GTINs and GLN into EPC URIs (the
-- digits alone do not say where the prefix ends); with a plant GLN, locations are SGLNs
-- (extension = location code) and the plant its PGLN, else Lotline URIs (README, EPCIS).
CREATE TABLE epcis_settings (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  company_prefix_length integer NOT NULL DEFAULT 7 CHECK (company_prefix_length BETWEEN 6 AND 12),
  plant_gln text CHECK (plant_gln IS NULL OR plant_gln ~ '^[0-9]{13}$'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO epcis_settings DEFAULT VALUES;

-- A key bound to a partner's GLN reads only events whose destination is that GLN. Kept on
-- rotation: the replacement speaks for the same partner.
ALTER TABLE api_keys ADD COLUMN partner_gln text CHECK (partner_gln IS NULL OR partner_gln ~ '^[0-9]{13}$');

CREATE TABLE epcis_capture_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  api_key_id uuid NOT NULL REFERENCES api_keys(id),
  integration text NOT NULL,
  error_behaviour text NOT NULL CHECK (error_behaviour IN ('rollback','proceed')),
  running boolean NOT NULL DEFAULT true,
  success boolean,
  events_received integer NOT NULL,
  events_captured integer NOT NULL DEFAULT 0,
  events_duplicate integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- Partners' events as they sent them, with the fields the query filters on pulled out. The CBV
-- event hash is the key: the same event sent twice (in any key order or syntax) is stored once.
CREATE TABLE epcis_captured_events (
  id bigserial PRIMARY KEY,
  event_hash text NOT NULL UNIQUE,
  event_id text NOT NULL,
  job_id uuid NOT NULL REFERENCES epcis_capture_jobs(id),
  event_type text NOT NULL,
  event_time timestamptz NOT NULL,
  biz_step text,
  disposition text,
  epcs text[] NOT NULL DEFAULT '{}',
  epc_classes text[] NOT NULL DEFAULT '{}',
  -- GLNs named in the destination list: what a partner-bound key may see.
  destination_glns text[] NOT NULL DEFAULT '{}',
  event jsonb NOT NULL,
  context jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX epcis_captured_events_time ON epcis_captured_events (event_time, event_id);
CREATE TRIGGER epcis_captured_events_append_only BEFORE UPDATE OR DELETE ON epcis_captured_events FOR EACH ROW EXECUTE FUNCTION refuse_change();
