-- Inbound API for ERP/MES: API keys per integration, idempotent replays, and master data and
-- orders keyed by the caller's external id.

-- An integration (an ERP, an MES) holds one or more keys: a rotation adds a key and ends the old
-- one at `expires_at` (a grace period) or at once. Only a hash of a key is stored.
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  integration text NOT NULL CHECK (integration ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  replaced_by uuid REFERENCES api_keys(id),
  last_used_at timestamptz
);
CREATE INDEX api_keys_integration ON api_keys (integration, created_at);

-- A write's first answer, kept per integration and Idempotency-Key: a replay with the same body
-- gets it back; the row is claimed in the write's transaction, so a concurrent twin waits for it.
CREATE TABLE integration_requests (
  integration text NOT NULL,
  idempotency_key text NOT NULL,
  route text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  body jsonb NOT NULL,
  api_key_id uuid NOT NULL REFERENCES api_keys(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (integration, idempotency_key)
);

ALTER TABLE items ADD COLUMN external_id text UNIQUE;
-- The UDI device record beside the DI: brand, model, class, sterility, single use (GUDID/NMPA UDID fields).
ALTER TABLE items ADD COLUMN udi_attributes jsonb;
ALTER TABLE locations ADD COLUMN external_id text UNIQUE;
ALTER TABLE customers ADD COLUMN external_id text UNIQUE;
ALTER TABLE customers ADD COLUMN consignee_name text;
ALTER TABLE customers ADD COLUMN phone text;
ALTER TABLE customers ADD COLUMN gln text CHECK (gln IS NULL OR gln ~ '^[0-9]{13}$');
ALTER TABLE customers ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE customers ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE work_orders ADD COLUMN external_id text UNIQUE;
ALTER TABLE work_orders ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE work_orders ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE suppliers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text UNIQUE,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  gln text CHECK (gln IS NULL OR gln ~ '^[0-9]{13}$'),
  address text,
  phone text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Purchase orders and advance ship notices: what a supplier will send, line by line (item, qty,
-- and on a notice the supplier lot and expiry the receiving clerk will scan).
CREATE TABLE purchase_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('purchase_order','ship_notice')),
  number text NOT NULL,
  supplier_id uuid NOT NULL REFERENCES suppliers(id),
  expected_on date,
  status text NOT NULL CHECK (status IN ('open','closed','cancelled')),
  lines jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, number)
);

CREATE TABLE sales_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text NOT NULL UNIQUE,
  number text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers(id),
  ship_by date,
  status text NOT NULL CHECK (status IN ('open','closed','cancelled')),
  lines jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
