-- The lot inventory dashboard: sites and warehouses above locations, a standard cost per item,
-- the day a lot entered its status, per-site dashboard settings, and stock figures kept up to
-- date by triggers in the same transaction as every balance, lot, item or location change.

CREATE TABLE sites (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,29}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO sites (code, name) VALUES ('MAIN', 'Main site');

CREATE TABLE warehouses (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,29}$'),
  name text NOT NULL,
  site_code text NOT NULL REFERENCES sites(code),
  version integer NOT NULL DEFAULT 1,
  change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE TRIGGER warehouses_change BEFORE UPDATE ON warehouses FOR EACH ROW EXECUTE FUNCTION touch_change_xid();
INSERT INTO warehouses (code, name, site_code) VALUES ('MAIN', 'Main warehouse', 'MAIN');

-- Every existing location starts in the main warehouse; a constant default rewrites no row.
ALTER TABLE locations ADD COLUMN warehouse_code text NOT NULL DEFAULT 'MAIN' REFERENCES warehouses(code);
CREATE INDEX locations_warehouse ON locations (warehouse_code);

-- Null where the cost is not known: such stock is counted, and its value shown as unknown.
ALTER TABLE items ADD COLUMN standard_cost numeric(18,4) CHECK (standard_cost >= 0);

-- When the lot entered its status: how long a hold has lasted. Existing lots take their last
-- update, the best the database knows; set without touching change_xid, so devices do not pull
-- every lot again for a column they do not read.
ALTER TABLE lots ADD COLUMN status_since timestamptz;
ALTER TABLE lots DISABLE TRIGGER lots_change;
UPDATE lots SET status_since = updated_at;
ALTER TABLE lots ENABLE TRIGGER lots_change;
ALTER TABLE lots ALTER COLUMN status_since SET DEFAULT now();
ALTER TABLE lots ALTER COLUMN status_since SET NOT NULL;

CREATE FUNCTION touch_status_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    NEW.status_since := now();
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER lots_status_since BEFORE UPDATE ON lots FOR EACH ROW EXECUTE FUNCTION touch_status_since();

-- A site's buckets and limits; a site without a row reads with the defaults (domain/dashboard).
CREATE TABLE dashboard_settings (
  site_code text PRIMARY KEY REFERENCES sites(code),
  expiry_bands jsonb NOT NULL,
  ageing_bands jsonb NOT NULL,
  near_expiry_days integer NOT NULL CHECK (near_expiry_days > 0),
  dead_stock_days integer NOT NULL CHECK (dead_stock_days > 0),
  long_hold_days integer NOT NULL CHECK (long_hold_days > 0),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE TRIGGER dashboard_settings_change BEFORE UPDATE ON dashboard_settings FOR EACH ROW EXECUTE FUNCTION touch_change_xid();

-- The day stock was received or produced: ageing counts from it.
CREATE FUNCTION lot_aged_on(origin text, manufactured_on date, created_at timestamptz) RETURNS date
  LANGUAGE sql STABLE AS $$ SELECT CASE WHEN origin = 'produced' THEN coalesce(manufactured_on, created_at::date) ELSE created_at::date END $$;

-- One row per balance with everything a figure is drawn by: the figures' triggers, the direct
-- query they are checked against and the drill-downs all read stock through this one definition.
CREATE VIEW stock_figure_sources AS
SELECT b.lot_id, b.location_id, b.qty, b.updated_at::date AS moved_on,
       loc.warehouse_code, loc.code AS location_code,
       l.status, l.expires_on, lot_aged_on(l.origin, l.manufactured_on, l.created_at) AS aged_on, l.status_since::date AS since_on,
       l.lot_number, l.item_id, i.gtin, i.sku, i.name AS item_name, i.standard_cost AS cost
  FROM stock_balances b
  JOIN lots l ON l.id = b.lot_id
  JOIN items i ON i.id = l.item_id
  JOIN locations loc ON loc.id = b.location_id;

-- The figures: sums of stock by place and status (positive balances in `place`, negative ones
-- in `negative`) and by warehouse and one date (`expiry`, `age`, `moved`, and `since` for lots
-- on hold; status null, which keeps these a few thousand rows at a million lots). Dates, not buckets: buckets move with the calendar and are drawn at read
-- time, so nothing here goes stale overnight.
CREATE TABLE stock_figures (
  figure text NOT NULL CHECK (figure IN ('place','negative','expiry','age','moved','since')),
  warehouse_code text NOT NULL,
  location_id uuid,
  status text,
  day date,
  qty numeric NOT NULL,
  value numeric NOT NULL,
  uncosted_qty numeric NOT NULL,
  rows bigint NOT NULL
);
CREATE UNIQUE INDEX stock_figures_key ON stock_figures (figure, warehouse_code, location_id, status, day) NULLS NOT DISTINCT;

-- Writers only append here, so concurrent stock ops never wait on one another for a figure
-- row; readers add these to stock_figures, and compact_stock_figures() folds them in.
CREATE TABLE stock_figure_deltas (
  figure text NOT NULL,
  warehouse_code text NOT NULL,
  location_id uuid,
  status text,
  day date,
  qty numeric NOT NULL,
  value numeric NOT NULL,
  uncosted_qty numeric NOT NULL,
  rows bigint NOT NULL
);

-- The statement that turns signed source rows (+1 what is now, -1 what was) into deltas. Kept
-- as text so each trigger runs it over its own transition tables.
CREATE FUNCTION stock_figures_fanout(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT format($f$
  INSERT INTO stock_figure_deltas (figure, warehouse_code, location_id, status, day, qty, value, uncosted_qty, rows)
  SELECT f.figure, s.warehouse_code, f.location_id, f.status, f.day,
         sum(s.sign * s.qty), sum(s.sign * s.qty * coalesce(s.cost, 0)), sum(CASE WHEN s.cost IS NULL THEN s.sign * s.qty ELSE 0 END), sum(s.sign)
    FROM (%s) AS s(sign, qty, warehouse_code, location_id, status, expires_on, aged_on, moved_on, since_on, cost)
   CROSS JOIN LATERAL (VALUES
     (CASE WHEN s.qty > 0 THEN 'place' WHEN s.qty < 0 THEN 'negative' END, s.location_id, s.status, NULL::date),
     (CASE WHEN s.qty > 0 THEN 'expiry' END, NULL::uuid, NULL::text, s.expires_on),
     (CASE WHEN s.qty > 0 THEN 'age' END, NULL::uuid, NULL::text, s.aged_on),
     (CASE WHEN s.qty > 0 THEN 'moved' END, NULL::uuid, NULL::text, s.moved_on),
     (CASE WHEN s.qty > 0 AND s.status = 'on_hold' THEN 'since' END, NULL::uuid, NULL::text, s.since_on)
   ) AS f(figure, location_id, status, day)
   WHERE f.figure IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(s.sign) <> 0 OR sum(s.sign * s.qty) <> 0 OR sum(s.sign * s.qty * coalesce(s.cost, 0)) <> 0
$f$, source)
$$;

-- Columns of a source row, from stock_figure_sources `s` with some taken from elsewhere.
CREATE FUNCTION stock_figures_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_rows text := 's.qty, s.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, s.moved_on, s.since_on, s.cost';
  source text;
BEGIN
  IF TG_TABLE_NAME = 'stock_balances' AND TG_OP = 'INSERT' THEN
    source := format('SELECT 1, %s FROM stock_figure_sources s JOIN new_rows n USING (lot_id, location_id)', now_rows);
  ELSIF TG_TABLE_NAME = 'stock_balances' THEN
    source := format(
      'SELECT 1, %s FROM stock_figure_sources s JOIN new_rows n USING (lot_id, location_id)
       UNION ALL
       SELECT -1, o.qty, s.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, o.updated_at::date, s.since_on, s.cost
         FROM stock_figure_sources s JOIN old_rows o USING (lot_id, location_id)', now_rows);
  ELSIF TG_TABLE_NAME = 'lots' THEN
    source := format(
      'WITH touched AS (
         SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.status, o.expires_on, o.manufactured_on, o.created_at, o.origin, o.status_since, o.item_id)
                IS DISTINCT FROM (n.status, n.expires_on, n.manufactured_on, n.created_at, n.origin, n.status_since, n.item_id))
       SELECT 1, %s FROM stock_figure_sources s WHERE s.lot_id IN (SELECT id FROM touched)
       UNION ALL
       SELECT -1, s.qty, s.warehouse_code, s.location_id, o.status, o.expires_on, lot_aged_on(o.origin, o.manufactured_on, o.created_at), s.moved_on, o.status_since::date, i.standard_cost
         FROM stock_figure_sources s JOIN touched o ON o.id = s.lot_id JOIN items i ON i.id = o.item_id', now_rows);
  ELSIF TG_TABLE_NAME = 'items' THEN
    source := format(
      'WITH touched AS (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.standard_cost IS DISTINCT FROM n.standard_cost)
       SELECT 1, %s FROM stock_figure_sources s WHERE s.item_id IN (SELECT id FROM touched)
       UNION ALL
       SELECT -1, s.qty, s.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, s.moved_on, s.since_on, o.standard_cost
         FROM stock_figure_sources s JOIN touched o ON o.id = s.item_id', now_rows);
  ELSIF TG_TABLE_NAME = 'locations' THEN
    source := format(
      'WITH touched AS (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.warehouse_code IS DISTINCT FROM n.warehouse_code)
       SELECT 1, %s FROM stock_figure_sources s WHERE s.location_id IN (SELECT id FROM touched)
       UNION ALL
       SELECT -1, s.qty, o.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, s.moved_on, s.since_on, s.cost
         FROM stock_figure_sources s JOIN touched o ON o.id = s.location_id', now_rows);
  END IF;
  EXECUTE stock_figures_fanout(source);
  RETURN NULL;
END;
$$;

-- Statement triggers with transition tables: a post of a thousand moves adds its deltas in one
-- grouped insert, not a thousand. (A trigger with transition tables may have only one event.)
CREATE TRIGGER stock_balances_figures_insert AFTER INSERT ON stock_balances REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_figures_track();
CREATE TRIGGER stock_balances_figures_update AFTER UPDATE ON stock_balances REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_figures_track();
CREATE TRIGGER stock_balances_no_delete BEFORE DELETE ON stock_balances FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER lots_figures AFTER UPDATE ON lots REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_figures_track();
CREATE TRIGGER items_figures AFTER UPDATE ON items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_figures_track();
CREATE TRIGGER locations_figures AFTER UPDATE ON locations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stock_figures_track();

-- Folds the appended deltas into the figures. One compaction at a time (the others return at
-- once); deltas committed while it runs stay for the next one, and a reader sees either the
-- deltas or their sum, never both, because the move is one transaction.
CREATE FUNCTION compact_stock_figures() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  folded bigint;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7702601) THEN
    RETURN 0;
  END IF;
  WITH taken AS (
    DELETE FROM stock_figure_deltas RETURNING *
  ), summed AS (
    SELECT figure, warehouse_code, location_id, status, day, sum(qty) AS qty, sum(value) AS value, sum(uncosted_qty) AS uncosted_qty, sum(rows) AS rows, count(*) AS n
      FROM taken GROUP BY 1, 2, 3, 4, 5
  ), folded_in AS (
    INSERT INTO stock_figures (figure, warehouse_code, location_id, status, day, qty, value, uncosted_qty, rows)
    SELECT figure, warehouse_code, location_id, status, day, qty, value, uncosted_qty, rows FROM summed
    ON CONFLICT (figure, warehouse_code, location_id, status, day) DO UPDATE
      SET qty = stock_figures.qty + EXCLUDED.qty, value = stock_figures.value + EXCLUDED.value,
          uncosted_qty = stock_figures.uncosted_qty + EXCLUDED.uncosted_qty, rows = stock_figures.rows + EXCLUDED.rows
  )
  SELECT coalesce(sum(n), 0) INTO folded FROM summed;
  -- A figure that fell to nothing is dropped, so the table holds only what is in stock.
  DELETE FROM stock_figures WHERE rows = 0 AND qty = 0 AND value = 0 AND uncosted_qty = 0;
  RETURN folded;
END;
$$;

-- Figures for the stock already on hand.
DO $$
BEGIN
  EXECUTE stock_figures_fanout('SELECT 1, s.qty, s.warehouse_code, s.location_id, s.status, s.expires_on, s.aged_on, s.moved_on, s.since_on, s.cost FROM stock_figure_sources s');
END;
$$;
SELECT compact_stock_figures();

-- Drill-downs into negative balances find the few among millions without a scan.
CREATE INDEX stock_balances_negative ON stock_balances (lot_id, location_id) WHERE qty < 0;
