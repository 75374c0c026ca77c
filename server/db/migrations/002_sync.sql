-- Replication: every replicated row carries the id of the transaction that last wrote it.
-- Pull serves only rows whose transaction is older than every transaction still running
-- (pg_snapshot_xmin), ordered by (change_xid, id): a transaction that commits late can then
-- never land behind a checkpoint a device has already passed.

CREATE FUNCTION touch_change_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id();
  RETURN NEW;
END;
$$;

ALTER TABLE items ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE items ADD COLUMN deleted boolean NOT NULL DEFAULT false;
CREATE INDEX items_change ON items (change_xid, id);
CREATE TRIGGER items_change BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

ALTER TABLE locations ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE locations ADD COLUMN deleted boolean NOT NULL DEFAULT false;
CREATE INDEX locations_change ON locations (change_xid, id);
CREATE TRIGGER locations_change BEFORE UPDATE ON locations FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

ALTER TABLE lots ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE lots ADD COLUMN deleted boolean NOT NULL DEFAULT false;
CREATE INDEX lots_change ON lots (change_xid, id);
CREATE TRIGGER lots_change BEFORE UPDATE ON lots FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

ALTER TABLE stock_balances ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX stock_balances_change ON stock_balances (change_xid, lot_id, location_id);
CREATE TRIGGER stock_balances_change BEFORE UPDATE ON stock_balances FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

-- The op log: what handhelds did, each applied exactly once by its id.
CREATE TABLE ops (
  id uuid PRIMARY KEY,
  type text NOT NULL,
  device_id uuid NOT NULL REFERENCES devices(id),
  user_id uuid NOT NULL REFERENCES users(id),
  device_time timestamptz NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('queued','applied','exception','rejected','cancelled')),
  outcome jsonb,
  received_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz,
  change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX ops_device_change ON ops (device_id, change_xid, id);
CREATE INDEX ops_status ON ops (status, received_at);
CREATE TRIGGER ops_change BEFORE UPDATE ON ops FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

-- What the server could not square with the physical facts an op reported: a supervisor resolves it.
CREATE TABLE stock_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  op_id uuid NOT NULL REFERENCES ops(id),
  kind text NOT NULL CHECK (kind IN ('negative_stock','lot_not_pickable','unknown_gtin','unknown_lot','unknown_location','count_variance')),
  lot_id uuid REFERENCES lots(id),
  location_id uuid REFERENCES locations(id),
  details jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
  resolution text CHECK (resolution IN ('accepted','adjusted','reversed')),
  resolution_reason text,
  resolved_by uuid REFERENCES users(id),
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX stock_exceptions_open ON stock_exceptions (status, created_at);

-- Pick lists handed to pickers; lines name an item and a quantity, the picker chooses lots FEFO.
CREATE TABLE pick_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  customer text,
  to_location_id uuid NOT NULL REFERENCES locations(id),
  lines jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','picking','done','cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX pick_lists_change ON pick_lists (change_xid, id);
CREATE TRIGGER pick_lists_change BEFORE UPDATE ON pick_lists FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

ALTER TABLE devices ADD COLUMN last_user_id uuid REFERENCES users(id);
ALTER TABLE devices ADD COLUMN last_error text;

-- Balances replicate as documents of their own: they need a stable single-column id.
ALTER TABLE stock_balances ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX stock_balances_id ON stock_balances (id);
DROP INDEX stock_balances_change;
CREATE INDEX stock_balances_change ON stock_balances (change_xid, id);
