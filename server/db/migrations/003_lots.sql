-- Lot lifecycle, number rules, production genealogy, shipments and returns.

-- Number rules: how lot and serial numbers are made. A counter row per rule, scope (the item,
-- for serials) and period is bumped with one upsert, so instances on one database never hand
-- out the same number.
CREATE TABLE number_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('lot','serial','document')),
  pattern text NOT NULL,
  reset text NOT NULL CHECK (reset IN ('day','month','year','never')),
  site_code text NOT NULL DEFAULT '',
  line_code text NOT NULL DEFAULT '',
  check_char text NOT NULL DEFAULT 'none' CHECK (check_char IN ('none','mod10','mod37')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE number_counters (
  rule_id uuid NOT NULL REFERENCES number_rules(id),
  scope_key text NOT NULL,
  period_key text NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (rule_id, scope_key, period_key)
);

ALTER TABLE items ADD COLUMN lot_rule_id uuid REFERENCES number_rules(id);
ALTER TABLE items ADD COLUMN serial_rule_id uuid REFERENCES number_rules(id);

-- Serial numbers are unique per GTIN, whoever made them.
CREATE TABLE serials (
  item_id uuid NOT NULL REFERENCES items(id),
  serial text NOT NULL,
  lot_id uuid REFERENCES lots(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, serial)
);
CREATE INDEX serials_lot ON serials (lot_id);

CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  -- The least remaining shelf life, in days, this customer accepts on delivery.
  min_shelf_life_days integer NOT NULL DEFAULT 0 CHECK (min_shelf_life_days >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE work_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  item_id uuid NOT NULL REFERENCES items(id),
  lot_id uuid REFERENCES lots(id),
  planned_qty numeric(18,3) CHECK (planned_qty > 0),
  line_code text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_orders_lot ON work_orders (lot_id);

-- Genealogy: a component (parent) lot went into a finished (child) lot. Append-only like the ledger.
CREATE TABLE genealogy_edges (
  id bigserial PRIMARY KEY,
  parent_lot_id uuid NOT NULL REFERENCES lots(id),
  child_lot_id uuid NOT NULL REFERENCES lots(id),
  qty numeric(18,3) NOT NULL CHECK (qty > 0),
  parent_serial text,
  child_serial text,
  work_order_id uuid REFERENCES work_orders(id),
  op_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_lot_id <> child_lot_id)
);
CREATE INDEX genealogy_forward ON genealogy_edges (parent_lot_id, child_lot_id);
CREATE INDEX genealogy_backward ON genealogy_edges (child_lot_id, parent_lot_id);
CREATE TRIGGER genealogy_edges_append_only
  BEFORE UPDATE OR DELETE ON genealogy_edges
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE shipments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers(id),
  op_id uuid,
  shipped_by uuid REFERENCES users(id),
  shipped_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipments_customer ON shipments (customer_id);

CREATE TABLE shipment_lines (
  id bigserial PRIMARY KEY,
  shipment_id uuid NOT NULL REFERENCES shipments(id),
  lot_id uuid NOT NULL REFERENCES lots(id),
  serial text,
  qty numeric(18,3) NOT NULL CHECK (qty > 0),
  from_location_id uuid REFERENCES locations(id)
);
CREATE INDEX shipment_lines_lot ON shipment_lines (lot_id);
CREATE INDEX shipment_lines_shipment ON shipment_lines (shipment_id);

CREATE TABLE customer_returns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL REFERENCES customers(id),
  lot_id uuid NOT NULL REFERENCES lots(id),
  serial text,
  qty numeric(18,3) NOT NULL CHECK (qty > 0),
  to_location_id uuid NOT NULL REFERENCES locations(id),
  op_id uuid,
  reason text,
  returned_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_returns_lot ON customer_returns (lot_id);

-- Alerts raised by the expiry job; one per lot, kind and window, so a daily run does not repeat them.
CREATE TABLE lot_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  lot_id uuid NOT NULL REFERENCES lots(id),
  kind text NOT NULL CHECK (kind IN ('near_expiry','expired')),
  window_days integer NOT NULL DEFAULT 0,
  expires_on date,
  raised_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_by uuid REFERENCES users(id),
  acknowledged_at timestamptz,
  UNIQUE (lot_id, kind, window_days)
);
CREATE INDEX lot_alerts_open ON lot_alerts (acknowledged_at, raised_at);

-- QC evidence files, stored once by their SHA-256.
CREATE TABLE attachments (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX stock_moves_op ON stock_moves (op_id);
CREATE INDEX lots_status_expiry ON lots (status, expires_on);

ALTER TABLE stock_exceptions DROP CONSTRAINT stock_exceptions_kind_check;
ALTER TABLE stock_exceptions ADD CONSTRAINT stock_exceptions_kind_check
  CHECK (kind IN ('negative_stock','lot_not_pickable','unknown_gtin','unknown_lot','unknown_location','count_variance',
                  'shelf_life_short','unknown_customer','unknown_work_order','serial_reused'));

-- Default rules so a fresh plant can produce before anyone configures numbering.
INSERT INTO number_rules (name, kind, pattern, reset) VALUES
  ('lot-default', 'lot', 'P{YYMMDD}{SEQ:4}', 'day'),
  ('serial-default', 'serial', '{YY}{SEQ:9}', 'year'),
  ('work-order-default', 'document', '{YYMMDD}{SEQ:3}', 'day');
