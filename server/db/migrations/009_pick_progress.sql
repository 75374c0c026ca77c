-- Pick lists track progress and know their customer.

-- The customer the goods go to: its minimum shelf life applies to every lot picked for the list.
-- Lists made before named the customer in free text; a name or code that matches a customer is linked.
ALTER TABLE pick_lists ADD COLUMN customer_id uuid REFERENCES customers(id);
UPDATE pick_lists p SET customer_id = c.id FROM customers c WHERE p.customer_id IS NULL AND (c.code = p.customer OR c.name = p.customer);

-- Which booked pick op counted how much towards which list, once per op (the op id is part of
-- the key), and its reversal when a supervisor put the goods back. Append-only like the ledger;
-- the lines' picked quantities are its projection (picks less reversals), written in the same
-- transaction.
CREATE TABLE pick_list_picks (
  op_id uuid NOT NULL REFERENCES ops(id),
  kind text NOT NULL CHECK (kind IN ('pick','reversal')),
  pick_list_id uuid NOT NULL REFERENCES pick_lists(id),
  gtin text NOT NULL,
  lot_id uuid NOT NULL REFERENCES lots(id),
  qty numeric(18,3) NOT NULL CHECK (qty > 0),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (op_id, kind)
);
CREATE INDEX pick_list_picks_list ON pick_list_picks (pick_list_id);
CREATE TRIGGER pick_list_picks_append_only
  BEFORE UPDATE OR DELETE ON pick_list_picks
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Every line carries what is left to pick and whether it is done. Rewriting the lines also gives
-- every list a new change_xid, so handhelds pull each list again with its customer.
UPDATE pick_lists p SET lines = (
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'gtin', l->>'gtin',
           'qty', (l->>'qty')::numeric,
           'pickedQty', coalesce((l->>'pickedQty')::numeric, 0),
           'remainingQty', greatest(0, (l->>'qty')::numeric - coalesce((l->>'pickedQty')::numeric, 0)),
           'status', CASE WHEN (l->>'qty')::numeric <= coalesce((l->>'pickedQty')::numeric, 0) THEN 'done' ELSE 'open' END)
         ORDER BY ord), '[]'::jsonb)
    FROM jsonb_array_elements(p.lines) WITH ORDINALITY AS e(l, ord));

ALTER TABLE stock_exceptions DROP CONSTRAINT stock_exceptions_kind_check;
ALTER TABLE stock_exceptions ADD CONSTRAINT stock_exceptions_kind_check
  CHECK (kind IN ('negative_stock','lot_not_pickable','unknown_gtin','unknown_lot','unknown_location','count_variance',
                  'shelf_life_short','unknown_customer','unknown_work_order','serial_reused','over_pick','unknown_pick_list'));
