-- A supplier's ship notice may name the SSCC of each pallet or case on its way, a mixed pallet
-- being several lines with one SSCC. Each SSCC of an open notice is an inbound container that
-- replicates to handhelds, so one scan receives everything in it, offline too. It is written
-- from the notice's lines by the trigger below, whoever writes the notice; once received it is
-- the plant's own record and a later notice cannot change it.

CREATE TABLE inbound_containers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sscc text NOT NULL CHECK (sscc ~ '^[0-9]{18}$'),
  purchase_order_id uuid NOT NULL REFERENCES purchase_orders(id),
  -- The notice's lines with this SSCC, as the notice stores them.
  lines jsonb NOT NULL,
  -- withdrawn: the notice no longer names it, or is closed or cancelled.
  status text NOT NULL DEFAULT 'expected' CHECK (status IN ('expected','received','withdrawn')),
  received_at timestamptz,
  received_by uuid REFERENCES users(id),
  received_device_id uuid REFERENCES devices(id),
  received_op_id uuid REFERENCES ops(id),
  received_location_id uuid REFERENCES locations(id),
  change_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  UNIQUE (purchase_order_id, sscc),
  CHECK ((status = 'received') = (received_op_id IS NOT NULL AND received_at IS NOT NULL))
);
-- One live record per SSCC: an SSCC is never reused, so one expected or received anywhere
-- refuses it on any other notice.
CREATE UNIQUE INDEX inbound_containers_one_live ON inbound_containers (sscc) WHERE status <> 'withdrawn';
CREATE INDEX inbound_containers_change ON inbound_containers (change_xid, id);
CREATE TRIGGER inbound_containers_change BEFORE UPDATE ON inbound_containers FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

CREATE FUNCTION inbound_containers_from_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE inbound_containers ic SET status = 'withdrawn'
   WHERE ic.purchase_order_id = NEW.id AND ic.status = 'expected'
     AND (NEW.kind <> 'ship_notice' OR NEW.status <> 'open'
          OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(NEW.lines) l WHERE l->>'sscc' = ic.sscc));
  IF NEW.kind = 'ship_notice' AND NEW.status = 'open' THEN
    INSERT INTO inbound_containers (sscc, purchase_order_id, lines)
    SELECT l->>'sscc', NEW.id, jsonb_agg(l ORDER BY (l->>'line')::int)
      FROM jsonb_array_elements(NEW.lines) l
     WHERE l->>'sscc' IS NOT NULL
     GROUP BY l->>'sscc'
    ON CONFLICT (purchase_order_id, sscc) DO UPDATE SET lines = EXCLUDED.lines, status = 'expected'
     WHERE inbound_containers.status <> 'received' AND (inbound_containers.lines <> EXCLUDED.lines OR inbound_containers.status <> 'expected');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER purchase_orders_inbound_containers AFTER INSERT OR UPDATE OF kind, status, lines ON purchase_orders
  FOR EACH ROW EXECUTE FUNCTION inbound_containers_from_notice();

-- A received SSCC becomes one of the plant's containers holding the lots it brought, so lookup
-- and trace show it. It was issued by the supplier, not from the plant's own SSCC counter: only
-- the plant's own containers must be in sscc_issued.
ALTER TABLE containers ADD COLUMN origin text NOT NULL DEFAULT 'packed' CHECK (origin IN ('packed','received'));
ALTER TABLE containers DROP CONSTRAINT containers_sscc_fkey;
CREATE FUNCTION containers_own_sscc_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.origin = 'packed' AND NOT EXISTS (SELECT 1 FROM sscc_issued s WHERE s.sscc = NEW.sscc) THEN
    RAISE EXCEPTION 'container % was never issued', NEW.sscc USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER containers_own_sscc_issued BEFORE INSERT OR UPDATE OF sscc, origin ON containers
  FOR EACH ROW EXECUTE FUNCTION containers_own_sscc_issued();

ALTER TABLE container_versions DROP CONSTRAINT container_versions_change_check;
ALTER TABLE container_versions ADD CONSTRAINT container_versions_change_check CHECK (change IN ('pack','unpack','ship','receive'));

-- What a supplier's pallet holds is whatever its notice said: any mix of lots, any count.
INSERT INTO packaging_specs (name, level, child_levels, capacity, mix) VALUES ('received-pallet', 'pallet', ARRAY['unit','inner','case'], 100000, 'mixed');

ALTER TABLE stock_exceptions DROP CONSTRAINT stock_exceptions_kind_check;
ALTER TABLE stock_exceptions ADD CONSTRAINT stock_exceptions_kind_check
  CHECK (kind IN ('negative_stock','lot_not_pickable','unknown_gtin','unknown_lot','unknown_location','count_variance',
                  'shelf_life_short','unknown_customer','unknown_work_order','serial_reused','over_pick','unknown_pick_list',
                  'qc_required_new_quantity','dates_differ','pack_conflict','sscc_already_received'));
