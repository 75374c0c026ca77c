-- Cases and pallets: what each SSCC holds, packed on handhelds by scanning. A child sits in one
-- container at most (a container's parent; a serial's one row), and every change to a container
-- is a new version with its contents as they were, so a label can be reprinted for it and trace
-- can say what a pallet held when it shipped.

CREATE TABLE packaging_specs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  level text NOT NULL CHECK (level IN ('inner','case','pallet')),
  child_levels text[] NOT NULL CHECK (child_levels <@ ARRAY['unit','inner','case']::text[] AND cardinality(child_levels) > 0),
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
  mix text NOT NULL CHECK (mix IN ('one_lot','one_item','mixed')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE containers (
  sscc text PRIMARY KEY REFERENCES sscc_issued(sscc),
  spec_id uuid NOT NULL REFERENCES packaging_specs(id),
  parent_sscc text REFERENCES containers(sscc) CHECK (parent_sscc <> sscc),
  -- 0: issued and labelled, nothing packed yet; every pack or unpack adds one.
  version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
  shipped_at timestamptz,
  shipped_by_op uuid REFERENCES ops(id),
  created_by_op uuid REFERENCES ops(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX containers_parent ON containers (parent_sscc) WHERE parent_sscc IS NOT NULL;

CREATE TABLE container_units (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sscc text NOT NULL REFERENCES containers(sscc),
  item_id uuid NOT NULL REFERENCES items(id),
  lot_id uuid NOT NULL REFERENCES lots(id),
  serial text,
  qty numeric(18,3) NOT NULL CHECK (qty > 0),
  CHECK (serial IS NULL OR qty = 1)
);
CREATE INDEX container_units_sscc ON container_units (sscc);
CREATE INDEX container_units_lot ON container_units (lot_id);
-- One container per serial, whatever the handhelds send.
CREATE UNIQUE INDEX container_units_one_parent ON container_units (item_id, serial) WHERE serial IS NOT NULL;
-- One row per lot packed by quantity in a container: more of it adds to the row.
CREATE UNIQUE INDEX container_units_lot_line ON container_units (sscc, lot_id) WHERE serial IS NULL;

CREATE TABLE container_versions (
  sscc text NOT NULL REFERENCES containers(sscc),
  version integer NOT NULL,
  op_id uuid REFERENCES ops(id),
  change text NOT NULL CHECK (change IN ('pack','unpack','ship')),
  parent_sscc text,
  -- The container's own contents after the change: child SSCCs and unit lines.
  contents jsonb NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sscc, version)
);

ALTER TABLE stock_exceptions DROP CONSTRAINT stock_exceptions_kind_check;
ALTER TABLE stock_exceptions ADD CONSTRAINT stock_exceptions_kind_check
  CHECK (kind IN ('negative_stock','lot_not_pickable','unknown_gtin','unknown_lot','unknown_location','count_variance',
                  'shelf_life_short','unknown_customer','unknown_work_order','serial_reused','over_pick','unknown_pick_list',
                  'qc_required_new_quantity','dates_differ','pack_conflict'));

INSERT INTO packaging_specs (name, level, child_levels, capacity, mix) VALUES
  ('case-48', 'case', ARRAY['unit','inner'], 48, 'one_lot'),
  ('pallet-40', 'pallet', ARRAY['case'], 40, 'mixed');
