-- Foundation: people, devices, sessions, the audit chain, and the master data every later
-- capability builds on. Written for PostgreSQL 15 and 18 alike (CI's server and PGlite).

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL CHECK (roles <@ ARRAY['operator','qc','supervisor','labeladmin','admin']::text[] AND cardinality(roles) > 0),
  locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN','en')),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  enrolled_by uuid NOT NULL REFERENCES users(id),
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_seen_at timestamptz,
  app_version text,
  queue_depth integer,
  version integer NOT NULL DEFAULT 1
);

-- Only a hash of the bearer token is kept: a copy of the database does not hand out sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  device_id uuid REFERENCES devices(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Rate limiting lives in the database so several server instances share one count.
CREATE TABLE login_failures (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  client text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_recent ON login_failures (username, at);

CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  device_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  reason text,
  signature_meaning text,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A replayed POST with the same Idempotency-Key gets the first answer back.
CREATE TABLE idempotency_keys (
  key text NOT NULL,
  user_id uuid NOT NULL,
  route text NOT NULL,
  status integer NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  gtin text NOT NULL UNIQUE CHECK (gtin ~ '^[0-9]{14}$'),
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  name_zh text,
  uom text NOT NULL DEFAULT 'EA',
  udi_di text,
  shelf_life_days integer CHECK (shelf_life_days > 0),
  near_expiry_days integer[] NOT NULL DEFAULT ARRAY[90, 30],
  serialized boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,29}$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('receiving','quarantine','storage','production','shipping','scrap')),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  lot_number text NOT NULL,
  item_id uuid NOT NULL REFERENCES items(id),
  supplier text,
  supplier_lot text,
  manufactured_on date,
  expires_on date,
  origin text NOT NULL CHECK (origin IN ('received','produced')),
  status text NOT NULL DEFAULT 'quarantine'
    CHECK (status IN ('quarantine','released','rejected','on_hold','expired','recalled','scrapped','returned')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (item_id, lot_number)
);

-- The stock ledger: one row per quantity change. Never updated, never deleted.
CREATE TABLE stock_moves (
  id bigserial PRIMARY KEY,
  lot_id uuid NOT NULL REFERENCES lots(id),
  serial text,
  from_location_id uuid REFERENCES locations(id),
  to_location_id uuid REFERENCES locations(id),
  qty numeric(18,3) NOT NULL CHECK (qty > 0),
  reason text NOT NULL,
  op_id uuid,
  actor_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_location_id IS NOT NULL OR to_location_id IS NOT NULL)
);
CREATE INDEX stock_moves_lot ON stock_moves (lot_id);

CREATE TRIGGER stock_moves_append_only
  BEFORE UPDATE OR DELETE ON stock_moves
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Projection of stock_moves, updated in the same transaction as each move.
CREATE TABLE stock_balances (
  lot_id uuid NOT NULL REFERENCES lots(id),
  location_id uuid NOT NULL REFERENCES locations(id),
  qty numeric(18,3) NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lot_id, location_id)
);
CREATE INDEX stock_balances_location ON stock_balances (location_id);
